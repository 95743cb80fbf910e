"""Mentions from a character CRF (python-crfsuite), BIO-tagged by entity type."""
from __future__ import annotations

from pathlib import Path

from govkg.learn.examples import Example
from govkg.model import Mention

__all__ = ["bio_labels", "bioes_labels", "decode", "train_tagger", "Tagger"]

_STRIP = "\"'“”‘’「」『』《》〈〉 \u3000"
_COLONS = "：:"
CRF_PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 250, "feature.possible_transitions": True}


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
    quotes trimmed, and what a colon ends (but in a document's title)."""
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


class Tagger:
    def __init__(self, path: Path):
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))

    def tag(self, feats: list[list[str]]) -> list[str]:
        import pycrfsuite

        return self._tagger.tag(pycrfsuite.ItemSequence(feats)) if feats else []
