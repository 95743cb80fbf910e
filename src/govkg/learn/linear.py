"""A linear classifier over named features, trained with scikit-learn, applied with numpy alone.

Weights are stored as a vocabulary (JSON) and a float32 matrix (npz), so a shipped model does not
depend on the pickle format of one scikit-learn version, and extraction does not import it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

import numpy as np

__all__ = ["LinearModel", "train_linear"]

Features = dict[str, float]


@dataclass
class LinearModel:
    classes: list[str]
    vocabulary: dict[str, int]
    coef: np.ndarray          # (classes or 1, features)
    intercept: np.ndarray
    multi_label: bool         # one-vs-rest sigmoids (themes) or one softmax (relations)

    def probabilities(self, features: Features) -> np.ndarray:
        return self.probabilities_of([features])[0]

    def probabilities_of(self, rows: list[Features]) -> np.ndarray:
        """(rows x classes): each row's probabilities, all rows at once (numpy sums the weights of
        every row's known features in one pass; an unknown feature counts for nothing)."""
        get = self.vocabulary.get
        ids: list[int] = []
        values: list[float] = []
        for features in rows:                   # map and extend keep the per-feature work in C
            ids.extend(map(get, features, repeat(-1)))
            values.extend(features.values())
        idx = np.array(ids, dtype=np.int64)
        known = idx >= 0
        row_of = np.repeat(np.arange(len(rows)), [len(features) for features in rows])[known]
        counts = np.bincount(row_of, minlength=len(rows))
        z = np.tile(self.intercept, (len(rows), 1))
        if known.any():
            weighted = self.coef[:, idx[known]] * np.array(values, dtype=np.float32)[known]
            filled = counts > 0
            starts = (np.cumsum(counts) - counts)[filled]
            z[filled] += np.add.reduceat(weighted, starts, axis=1).T
        if self.multi_label or len(self.classes) == 2 and self.coef.shape[0] == 1:
            p = 1.0 / (1.0 + np.exp(-z))
            return p if self.multi_label else np.concatenate([1.0 - p, p], axis=1)
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def save(self, path: Path) -> None:
        np.savez_compressed(path.with_suffix(".npz"), coef=self.coef.astype(np.float32),
                            intercept=self.intercept.astype(np.float32))
        meta = {"classes": self.classes, "multi_label": self.multi_label,
                "vocabulary": sorted(self.vocabulary, key=self.vocabulary.__getitem__)}
        path.with_suffix(".json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "LinearModel":
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        arrays = np.load(path.with_suffix(".npz"))
        return cls(meta["classes"], {f: i for i, f in enumerate(meta["vocabulary"])},
                   arrays["coef"], arrays["intercept"], meta["multi_label"])


def train_linear(rows: list[Features], labels: list, classes: list[str], multi_label: bool,
                 c: float = 1.0, min_count: int = 1, balanced: bool = False,
                 nb_weighting: bool = False) -> LinearModel:
    """``labels``: one class name per row, or (multi_label) a set of class names per row.

    ``nb_weighting`` (multi-label only): each class's features are scaled by their naive-Bayes
    log-count ratio before its logistic regression is fitted (Wang and Manning's NBSVM, 2012): a
    character bigram seen mostly in that class's statements starts with a large weight, one seen
    everywhere with a small one, which short texts with few examples per class need. The scale
    is folded into the stored weights, so applying the model is unchanged."""
    from collections import Counter

    import scipy.sparse as sp
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    if min_count > 1:
        counts = Counter(f for row in rows for f in row)
        rows = [{f: v for f, v in row.items() if counts[f] >= min_count} for row in rows]
    vec = DictVectorizer(dtype=np.float32)
    x = vec.fit_transform(rows).tocsr()
    x.indices, x.indptr = x.indices.astype(np.int32), x.indptr.astype(np.int32)   # liblinear wants int32
    vocabulary = {f: i for i, f in enumerate(vec.feature_names_)}
    if multi_label:
        coef = np.zeros((len(classes), x.shape[1]), dtype=np.float32)
        intercept = np.full(len(classes), -10.0, dtype=np.float32)
        for k, name in enumerate(classes):
            y = np.array([name in row_labels for row_labels in labels])
            if y.any() and not y.all():
                scale = _log_count_ratio(x, y) if nb_weighting else None
                clf = LogisticRegression(C=c, max_iter=2000, solver="liblinear", random_state=0,
                                         class_weight="balanced" if balanced else None)
                clf.fit(x @ sp.diags(scale) if scale is not None else x, y)
                coef[k] = clf.coef_[0] * scale if scale is not None else clf.coef_[0]
                intercept[k] = clf.intercept_[0]
        return LinearModel(classes, vocabulary, coef, intercept, True)
    y = np.array([classes.index(label) for label in labels])
    # tol far below the default: stopped at 1e-4, L-BFGS ends some way short of the optimum, and
    # where depends on the install (weights up to 0.14 apart between scipy 1.13 and 1.17); converged,
    # those two installs' weights are within 0.06 and agree on every training pair (docs/extraction.md).
    clf = LogisticRegression(C=c, max_iter=3000, tol=1e-8, random_state=0).fit(x, y)
    present = [classes[i] for i in clf.classes_]
    return LinearModel(present, vocabulary, clf.coef_.astype(np.float32),
                       clf.intercept_.astype(np.float32), False)


def _log_count_ratio(x, y: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    """log((p/|p|) / (q/|q|)) per feature, p and q the smoothed counts of rows that have it among
    the positive and the negative rows."""
    present = (x > 0).astype(np.float64)
    p = alpha + np.asarray(present[y].sum(axis=0)).ravel()
    q = alpha + np.asarray(present[~y].sum(axis=0)).ravel()
    return np.log(p / p.sum()) - np.log(q / q.sum())
