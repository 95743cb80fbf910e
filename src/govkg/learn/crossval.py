"""Report-grouped K-fold cross-validation: each fold's reports are extracted by a model trained on
the other folds' gold only, so no report is both taught and scored. Rules alone, the learned model
alone (no rule features) and the hybrid are scored on the same held-out statements.
"""
from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from govkg.errors import UsageError
from govkg.evaluate import evaluate, load_gold
from govkg.extract import RULES, extract, resolve_model
from govkg.interchange import to_record
from govkg.learn.examples import Example, load_examples
from govkg.learn.train import featurize, train
from govkg.read import read_report

__all__ = ["VARIANTS", "assign_folds", "cross_validate"]

VARIANTS = ("rules", "model", "hybrid")


def assign_folds(examples: list[Example], k: int) -> dict[str, int]:
    """Reports to folds, largest first into the fold with the fewest statements (deterministic)."""
    sizes: dict[str, int] = {}
    for ex in examples:
        sizes[ex.doc] = sizes.get(ex.doc, 0) + 1
    if len(sizes) < k:
        raise UsageError(f"--cv {k} needs at least {k} annotated reports; the gold has {len(sizes)}")
    load = [0] * k
    folds = {}
    for doc in sorted(sizes, key=lambda d: (-sizes[d], d)):
        fold = min(range(k), key=lambda f: (load[f], f))
        folds[doc] = fold
        load[fold] += sizes[doc]
    return folds


def cross_validate(gold: Path, corpus: Path | None = None, k: int = 5,
                   variants: tuple[str, ...] = VARIANTS, settings: dict | None = None,
                   progress: Callable[[str], None] | None = None) -> dict[str, dict]:
    """Scores per variant (the dictionary of ``govkg.evaluate.evaluate``) over all held-out folds,
    with each fold's own scores under ``"folds"`` (the spread says how far one fold can mislead)."""
    examples = load_examples(gold, corpus)
    folds = assign_folds(examples, k)
    sources = {ex.doc: ex.source for ex in examples}
    gold_rows = load_gold(gold)
    results = {}
    for variant in variants:
        records = []
        if variant == "rules":
            for doc in folds:
                records.append(to_record(extract(read_report(sources[doc]), RULES)))
            results[variant] = _with_folds(gold_rows, records, folds, k)
            continue
        use_rules = variant == "hybrid"
        data = featurize(examples, rule_features=use_rules)
        for fold in range(k):
            if progress:
                progress(f"{variant}: training fold {fold + 1}/{k}")
            with tempfile.TemporaryDirectory(prefix="govkg-cv-") as tmp:
                model_dir = Path(tmp) / "model"
                train([d for d in data if folds[d.doc] != fold], model_dir,
                      {**(settings or {}), "rule_features": use_rules})
                for doc in sorted(d for d, f in folds.items() if f == fold):
                    records.append(to_record(extract(read_report(sources[doc]), str(model_dir))))
                resolve_model.cache_clear()
        results[variant] = _with_folds(gold_rows, records, folds, k)
    return results


def _with_folds(gold_rows: dict[str, list[dict]], records: list[dict], folds: dict[str, int], k: int) -> dict:
    """The scores of all ``records``, and under ``"folds"`` those of each fold's reports."""
    result = evaluate(gold_rows, records)
    result["folds"] = []
    for fold in range(k):
        docs = sorted(d for d, f in folds.items() if f == fold)
        scores = evaluate({d: gold_rows[d] for d in docs}, [r for r in records if folds.get(r["doc"]) == fold])
        result["folds"].append({"fold": fold + 1, "reports": docs, **scores})
    return result
