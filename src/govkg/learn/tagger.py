"""Mentions from a character CRF (python-crfsuite), tagged by entity type with BIOES (or BIO) labels."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from govkg.extract.brackets import whole_brackets
from govkg.learn.examples import Example
from govkg.learn.feature_rows import FeatureIndex
from govkg.model import Mention

__all__ = ["bio_labels", "bioes_labels", "certain_mentions", "decode", "marginals", "save_weights", "train_tagger",
           "Tagger", "viterbi"]

_STRIP = "\"'“”‘’「」『』《》〈〉 \u3000"
_COLONS = "：:"
# c1, c2 and max_iterations come from the training settings (model.DEFAULT_SETTINGS)
CRF_PARAMS = {"feature.possible_transitions": True}


def bio_labels(example: Example) -> list[str]:
    """One label per character of the statement; longer gold names win overlaps."""
    labels = ["O"] * len(example.statement.text)
    spans = sorted(((lo, hi, e.type) for e in example.entities for lo, hi in e.spans),
                   key=lambda s: (-(s[1] - s[0]), s[0]))
    for lo, hi, type_ in spans:
        if any(labels[i] != "O" for i in range(lo, hi)):
            continue
        labels[lo] = "B-" + type_
        for i in range(lo + 1, hi):
            labels[i] = "I-" + type_
    return labels


def bioes_labels(labels: list[str]) -> list[str]:
    """BIO labels rewritten with E- for a name's last character and S- for a one-character name."""
    out = list(labels)
    for i, label in enumerate(labels):
        kind, _, type_ = label.partition("-")
        ends = i + 1 == len(labels) or labels[i + 1] != "I-" + type_
        if kind in ("B", "I") and ends:
            out[i] = ("S-" if kind == "B" else "E-") + type_
    return out


def decode(labels: list[str], text: str, base: int) -> list[Mention]:
    """Mentions from BIO or BIOES labels (an I- or E- without its B- opens a mention too);
    quotes trimmed, what a colon ends (but in a document's title), and brackets made whole
    (``extract.brackets``)."""
    out, start, type_ = [], None, ""
    for i, label in enumerate([*labels, "O"]):
        kind, _, ltype = label.partition("-")
        if start is not None and (kind not in ("I", "E") or ltype != type_):
            out.append(_mention(text, base, start, i, type_))
            start = None
        if kind in ("B", "I", "E", "S") and start is None:
            start, type_ = i, ltype
        if start is not None and kind in ("E", "S"):
            out.append(_mention(text, base, start, i + 1, type_))
            start = None
    return [m for m in out if m]


def _mention(text: str, base: int, lo: int, hi: int, type_: str) -> Mention | None:
    if type_ != "Document":       # a label and its colon (责任单位：市发展改革委) are no part of a name
        lo = max(lo, *(text.rfind(colon, lo, hi) + 1 for colon in _COLONS))
    while lo < hi and text[lo] in _STRIP:
        lo += 1
    while hi > lo and text[hi - 1] in _STRIP:
        hi -= 1
    lo, hi = whole_brackets(text, lo, hi)
    if hi - lo < 2 and type_ != "Person":
        return None
    return Mention(base + lo, base + hi, type_, text[lo:hi])


def train_tagger(sequences: list[tuple[list[list[str]], list[str]]], path: Path,
                 params: dict | None = None) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, labels in sequences:
        trainer.append(pycrfsuite.ItemSequence(feats), labels)
    trainer.set_params({**CRF_PARAMS, **(params or {})})
    trainer.train(str(path))
    save_weights(path)


class Tagger:
    """The mention CRF. ``tag`` hands feature strings to crfsuite; ``tag_rows`` scores the rows of
    ``feature_rows`` with the same weights in numpy and decodes whole batches of statements at once
    (the same labels, several times faster). ``compiled`` is False when the model holds feature
    templates ``feature_rows`` does not build: then only ``tag`` is right."""

    def __init__(self, path: Path):
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))
        self.labels, attributes, self._weights, self._transitions = _read_weights(Path(path), self._tagger)
        self.index = FeatureIndex({attribute: i for i, attribute in enumerate(attributes)})
        self.compiled = not self.index.unknown_templates

    def tag(self, feats: list[list[str]]) -> list[str]:
        import pycrfsuite

        return self._tagger.tag(pycrfsuite.ItemSequence(feats)) if feats else []

    def tag_with_certainty(self, feats: list[list[str]]) -> tuple[list[str], list[float]]:
        """``tag``'s labels and crfsuite's marginal probability of each."""
        labels = self.tag(feats)
        return labels, [self._tagger.marginal(label, i) for i, label in enumerate(labels)]

    def tag_rows(self, rows: np.ndarray, lengths: list[int]) -> list[list[str]]:
        """Labels of statements of these lengths whose characters' rows (``feature_rows``) follow
        one another in ``rows``."""
        paths = viterbi(self._emissions(rows, lengths), self._transitions)
        return [[self.labels[i] for i in path] for path in paths]

    def tag_rows_with_certainty(self, rows: np.ndarray, lengths: list[int]) -> list[tuple[list[str], list[float]]]:
        """``tag_rows``' labels, each with its marginal probability (as ``tag_with_certainty``)."""
        emissions = self._emissions(rows, lengths)
        paths = viterbi(emissions, self._transitions)
        out = []
        for path, marginal in zip(paths, marginals(emissions, self._transitions)):
            out.append(([self.labels[i] for i in path], marginal[np.arange(len(path)), path].tolist()))
        return out

    def _emissions(self, rows: np.ndarray, lengths: list[int]) -> list[np.ndarray]:
        if not len(rows):
            return [np.zeros((0, len(self.labels))) for _ in lengths]
        # crfsuite adds an item's weights in the order of its features; so does this, so the
        # scores are the same to the last bit and so are the paths
        by_template = np.ascontiguousarray(rows.T)
        scores = self._weights[by_template[0]]
        weights = np.empty_like(scores)
        for column in by_template[1:]:
            scores += np.take(self._weights, column, axis=0, out=weights)
        bounds = np.cumsum([0, *lengths])
        return [scores[lo:hi] for lo, hi in zip(bounds[:-1], bounds[1:])]


def certain_mentions(mentions: list[Mention], certainty: list[float], base: int, bar: float) -> list[Mention]:
    """The ``mentions`` none of whose characters has its label at a marginal probability below
    ``bar``: where the CRF hesitates inside a name, the name is more often wrong than right."""
    return [m for m in mentions if min(certainty[m.start - base:m.end - base], default=1.0) >= bar]


def save_weights(crf: Path) -> None:
    """Write the CRF's labels, attributes and weights beside it (``mentions.json``, ``mentions.npz``),
    as `Tagger` reads them. crfsuite gives its weights only as a text dump, and pycrfsuite's
    ``Tagger.dump(filename)`` closes its file twice (``fclose`` in C, then ``os.close``): in a
    process with other threads, such as a Dask worker, the second close can shut a file another
    thread has just opened (stop 48). So the dump is read once, at training, by ``Tagger.info``,
    which closes it once."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(crf))
    labels, attributes, weights, transitions = _weights_of(tagger)
    rows, columns = np.nonzero(weights)
    np.savez_compressed(crf.with_name("mentions.npz"), attribute=rows.astype(np.int32),
                        label=columns.astype(np.int16), weight=weights[rows, columns], transitions=transitions)
    names = {"crf_sha256": _digest(crf), "labels": labels, "attributes": attributes}
    crf.with_name("mentions.json").write_text(json.dumps(names, ensure_ascii=False), encoding="utf-8")


def _read_weights(crf: Path, tagger) -> tuple[list[str], list[str], np.ndarray, np.ndarray]:
    """The labels, the attributes, the (attribute + 1) x label state weights (the last row zero,
    for an unknown attribute) and the label x label transitions. A model folder of before stop
    48 has no ``mentions.npz``, and a CRF replaced by hand no longer matches it: then the weights
    are read from crfsuite itself, slower."""
    saved = crf.with_name("mentions.json")
    names = json.loads(saved.read_text(encoding="utf-8")) if saved.exists() else {}
    if names.get("crf_sha256") != _digest(crf) or not crf.with_name("mentions.npz").exists():
        return _weights_of(tagger)
    arrays = np.load(crf.with_name("mentions.npz"))
    weights = np.zeros((len(names["attributes"]) + 1, len(names["labels"])))
    weights[arrays["attribute"], arrays["label"]] = arrays["weight"]
    return names["labels"], names["attributes"], weights, arrays["transitions"]


def _digest(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def _weights_of(tagger) -> tuple[list[str], list[str], np.ndarray, np.ndarray]:
    info = tagger.info()
    labels = sorted(info.labels, key=lambda label: int(info.labels[label]))
    attributes = sorted(info.attributes, key=lambda attribute: int(info.attributes[attribute]))
    label_id = {label: i for i, label in enumerate(labels)}
    attribute_id = {attribute: i for i, attribute in enumerate(attributes)}
    weights = np.zeros((len(attributes) + 1, len(labels)))
    for (attribute, label), weight in info.state_features.items():
        weights[attribute_id[attribute], label_id[label]] = weight
    transitions = np.zeros((len(labels), len(labels)))
    for (before, after), weight in info.transitions.items():
        transitions[label_id[before], label_id[after]] = weight
    return labels, attributes, weights, transitions


# Statements are decoded side by side, as many as fit in this many (statement x character) cells.
_BATCH_CELLS = 1 << 17


def viterbi(emissions: list[np.ndarray], transitions: np.ndarray) -> list[list[int]]:
    """The best label path of each (characters x labels) score array, as crfsuite finds it: the
    first of equal maxima wins. Statements of similar length are decoded together."""
    paths: list[list[int]] = [[] for _ in emissions]
    for chunk, longest in _similar_lengths(emissions):
        for i, path in zip(chunk, _viterbi_batch([emissions[i] for i in chunk], transitions, longest)):
            paths[i] = path
    return paths


def marginals(emissions: list[np.ndarray], transitions: np.ndarray) -> list[np.ndarray]:
    """Each character's probability of each label (characters x labels per statement), by the
    forward-backward algorithm, as crfsuite's ``marginal`` gives it."""
    out = [np.zeros((0, transitions.shape[0])) for _ in emissions]
    for chunk, longest in _similar_lengths(emissions):
        for i, marginal in zip(chunk, _marginals_batch([emissions[i] for i in chunk], transitions, longest)):
            out[i] = marginal
    return out


def _similar_lengths(emissions: list[np.ndarray]):
    """Batches of the (non-empty) statements' indices, by ascending length, with the longest length
    of each."""
    order = sorted(range(len(emissions)), key=lambda i: len(emissions[i]))
    start = 0
    while start < len(order):
        longest = max(len(emissions[order[start]]), 1)
        stop = start + 1
        while stop < len(order) and (stop - start + 1) * len(emissions[order[stop]]) <= _BATCH_CELLS:
            stop += 1
            longest = len(emissions[order[stop - 1]])
        chunk = [i for i in order[start:stop] if len(emissions[i])]
        if chunk:
            yield chunk, longest
        start = stop


def _padded(emissions: list[np.ndarray], longest: int) -> tuple[np.ndarray, np.ndarray]:
    lengths = np.array([len(e) for e in emissions])
    scores = np.zeros((len(emissions), longest, emissions[0].shape[1]))
    for b, e in enumerate(emissions):
        scores[b, :len(e)] = e
    return lengths, scores


def _marginals_batch(emissions: list[np.ndarray], transitions: np.ndarray, longest: int) -> list[np.ndarray]:
    lengths, scores = _padded(emissions, longest)       # lengths ascend
    forward = np.zeros_like(scores)
    forward[:, 0] = scores[:, 0]
    for t in range(1, longest):
        live = int(np.searchsorted(lengths, t, side="right"))
        forward[live:, t] = np.logaddexp.reduce(forward[live:, t - 1, :, None] + transitions[None], axis=1) + scores[live:, t]
    backward = np.zeros_like(scores)
    for t in range(longest - 2, -1, -1):
        live = int(np.searchsorted(lengths, t + 1, side="right"))
        after = scores[live:, t + 1] + backward[live:, t + 1]
        backward[live:, t] = np.logaddexp.reduce(transitions[None] + after[:, None, :], axis=2)
    rows = np.arange(len(emissions))
    total = np.logaddexp.reduce(forward[rows, lengths - 1], axis=1)
    probabilities = np.exp(forward + backward - total[:, None, None])
    return [probabilities[b, :n] for b, n in enumerate(lengths)]


def _viterbi_batch(emissions: list[np.ndarray], transitions: np.ndarray, longest: int) -> list[list[int]]:
    labels = transitions.shape[0]
    lengths, scores = _padded(emissions, longest)
    best = scores[:, 0].copy()
    back = np.zeros((len(emissions), longest, labels), dtype=np.int64)
    into = np.ascontiguousarray(transitions.T)[None]          # [1, to, from]
    for t in range(1, longest):
        live = int(np.searchsorted(lengths, t, side="right"))   # lengths ascend: [live:] go on
        candidates = best[live:, None, :] + into                  # [statement, to, from]
        came_from = candidates.argmax(axis=2)
        back[live:, t] = came_from
        best[live:] = np.take_along_axis(candidates, came_from[:, :, None], axis=2)[:, :, 0] + scores[live:, t]
    rows = np.arange(len(emissions))
    current = best.argmax(axis=1)
    out = np.zeros((len(emissions), longest), dtype=np.int64)
    for t in range(longest - 1, 0, -1):
        inside = t < lengths
        out[inside, t] = current[inside]
        current = np.where(inside, back[rows, t, current], current)
    out[:, 0] = current
    return [out[b, :n].tolist() for b, n in enumerate(lengths)]
