"""The mention tagger's features as rows of the CRF's weight table, looked up with numpy.

``features.char_features`` spells about thirty feature strings per character; training needs them
(crfsuite learns its vocabulary from them), but at extraction time spelling them and handing them
to crfsuite took two thirds of the time. Here each template is looked up without a string: a
character n-gram by its code points (a sorted array and ``searchsorted``), a word feature once per
jieba word, a tag through a table of its few values. The result is, for every character, the rows
of exactly the strings ``char_features`` and ``gazetteer.with_tags`` spell that the model knows, in
the same order (``tests/learn/test_learn_feature_rows.py`` checks this on the corpus); an unknown
string is the table's zero row, as crfsuite ignores it.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from govkg.extract.tokens import Token
from govkg.learn.features import PAD, char_class, lexical_heads, quote_context, rule_tags
from govkg.model import Mention

__all__ = ["TEMPLATES", "FeatureIndex", "Sentence", "feature_rows"]

# Character n-grams: template -> offsets from the character (features.char_features).
_NGRAMS = {"c": (0,), "p1": (-1,), "p2": (-2,), "p3": (-3,), "n1": (1,), "n2": (2,), "n3": (3,),
           "p1c": (-1, 0), "cn1": (0, 1), "p2p1": (-2, -1), "n1n2": (1, 2), "p1cn1": (-1, 0, 1),
           "n1n2n3": (1, 2, 3)}
# The order of char_features, then with_tags: crfsuite adds the weights in this order.
TEMPLATES = ("b", "c", "p1", "p2", "p3", "n1", "n2", "n3", "p1c", "cn1", "p2p1", "n1n2", "p1cn1",
             "wp", "w", "wt", "wpt", "wt-1", "wt+1", "hd", "pw", "nw", "n1n2n3", "r", "r-1", "r+1",
             "q", "k", "g", "g-1", "g+1")
_POSITIONS = "SBME"
_CLASSES = "hdxap"
_BITS = 21                       # a code point fits in 21 bits, a trigram in 63


def _code(chars: str) -> int:
    code = 0
    for ch in chars:
        code = (code << _BITS) | ord(ch)
    return code


class FeatureIndex:
    """The attribute strings a CRF knows, grouped by template, with the row of each."""

    def __init__(self, attributes: dict[str, int]):
        self.missing = len(attributes)                  # the zero row
        self.values: dict[str, dict[str, int]] = defaultdict(dict)
        for attribute, row in attributes.items():
            template, _, value = attribute.partition("=")
            self.values[template][value] = row
        self.unknown_templates = sorted(set(self.values) - set(TEMPLATES))
        self.ngrams = {}
        for template, offsets in _NGRAMS.items():
            pairs = sorted((_code(v), r) for v, r in self.values[template].items() if len(v) == len(offsets))
            self.ngrams[template] = (np.array([c for c, _ in pairs], dtype=np.int64),
                                     np.array([r for _, r in pairs], dtype=np.int64))
        self.k_table = np.array([self.row("k", a + b + c) for a in _CLASSES for b in _CLASSES for c in _CLASSES])

    def row(self, template: str, value: str) -> int:
        return self.values[template].get(value, self.missing)

    def rows(self, template: str, values) -> np.ndarray:
        known, missing = self.values[template], self.missing
        return np.array([known.get(v, missing) for v in values], dtype=np.int64)

    def ngram_rows(self, template: str, codes: np.ndarray) -> np.ndarray:
        known, rows = self.ngrams[template]
        if not len(known):
            return np.full(len(codes), self.missing, dtype=np.int64)
        at = np.minimum(np.searchsorted(known, codes), len(known) - 1)
        return np.where(known[at] == codes, rows[at], self.missing)


@dataclass(frozen=True)
class Sentence:
    """What the tagger's features are made of, for one statement."""
    text: str
    base: int                        # the offset of text in its report
    tokens: list[Token]
    rule_mentions: list[Mention]
    gazetteer_tags: list[str] | None


def feature_rows(index: FeatureIndex, batch: list[Sentence]) -> np.ndarray:
    """A (characters x templates) array of rows of the CRF's weight table, the statements' characters
    one after another; many statements at once, so numpy works on long arrays."""
    spans = _Spans([len(s.text) for s in batch])
    padded = "".join(PAD * 3 + s.text + PAD * 3 for s in batch)
    points = np.frombuffer(padded.encode("utf-32-le"), dtype="<u4").astype(np.int64)
    centre = spans.centres()
    columns = {"b": np.full(spans.total, index.row("b", ""), dtype=np.int64)}
    for template, offsets in _NGRAMS.items():
        codes = np.zeros(spans.total, dtype=np.int64)
        for offset in offsets:
            codes = (codes << _BITS) | points[centre + offset]
        columns[template] = index.ngram_rows(template, codes)
    unique, inverse = np.unique(points, return_inverse=True)
    classes = np.array([_CLASSES.index(char_class(chr(p))) for p in unique], dtype=np.int64)[inverse]
    columns["k"] = index.k_table[classes[centre] * 25 + classes[centre - 1] * 5 + classes[centre + 1]]
    columns.update(_word_columns(index, spans, batch))
    rule = [t for s in batch for t in rule_tags(len(s.text), s.base, s.rule_mentions)]
    columns.update(_tag_columns(index, spans, "r", rule))
    quotes = [q for s in batch for q in quote_context(s.text)]
    columns.update(_tag_columns(index, spans, "q", quotes, neighbours=False))
    templates: tuple[str, ...] = TEMPLATES[:-3]
    if batch and batch[0].gazetteer_tags is not None:
        templates = TEMPLATES
        gazetteer = [g for s in batch for g in s.gazetteer_tags or ()]
        columns.update(_tag_columns(index, spans, "g", gazetteer))
    return np.stack([columns[t] for t in templates], axis=1)


class _Spans:
    """Where each statement's characters lie in the arrays of a batch."""

    def __init__(self, lengths: list[int]):
        self.lengths = np.array(lengths, dtype=np.int64)
        self.starts = np.concatenate([[0], np.cumsum(self.lengths)[:-1]]).astype(np.int64)
        self.total = int(self.lengths.sum())
        nonempty = self.lengths > 0
        self.firsts = self.starts[nonempty]
        self.lasts = (self.starts + self.lengths - 1)[nonempty]

    def centres(self) -> np.ndarray:
        """Each character's index in the padded text of the batch (3 pads either side of a statement)."""
        padded_starts = self.starts + 6 * np.arange(len(self.lengths)) + 3
        return np.repeat(padded_starts - self.starts, self.lengths) + np.arange(self.total)

    def shifted(self, rows: np.ndarray, shift: int, edge_row: int) -> np.ndarray:
        """What the neighbour ``shift`` (-1 or 1) away in the same statement has, else ``edge_row``."""
        out = np.empty_like(rows)
        if shift < 0:
            out[1:] = rows[:-1]
            out[self.firsts] = edge_row
        else:
            out[:-1] = rows[1:]
            out[self.lasts] = edge_row
        return out


def _tag_columns(index: FeatureIndex, spans: _Spans, name: str, tags: list[str],
                 neighbours: bool = True) -> dict[str, np.ndarray]:
    """A tag of the character and, with ``neighbours``, of its neighbours ('^' and '$' past a
    statement's ends)."""
    vocabulary: dict[str, int] = {}
    codes = np.array([vocabulary.setdefault(t, len(vocabulary)) for t in tags], dtype=np.int64)
    out = {name: index.rows(name, vocabulary)[codes]} if len(codes) else {name: codes}
    if not neighbours:
        return out
    for template, edge, shift in ((name + "-1", "^", -1), (name + "+1", "$", 1)):
        rows = index.rows(template, vocabulary)[codes] if len(codes) else codes
        out[template] = spans.shifted(rows, shift, index.row(template, edge))
    return out


def _word_columns(index: FeatureIndex, spans: _Spans, batch: list[Sentence]) -> dict[str, np.ndarray]:
    heads = lexical_heads()
    tokens = [tok for s in batch for tok in s.tokens]
    sentinel = len(tokens)                                   # no word: the defaults of char_features
    token_of = np.full(spans.total, sentinel, dtype=np.int64)
    position = np.zeros(spans.total, dtype=np.int64)         # S B M E
    counts = [len(s.tokens) for s in batch]
    lo = np.array([tok.start - s.base for s in batch for tok in s.tokens], dtype=np.int64)
    hi = np.array([tok.end - s.base for s in batch for tok in s.tokens], dtype=np.int64)
    size = np.repeat(spans.lengths, counts)
    start = np.repeat(spans.starts, counts)
    a, b = np.maximum(lo, 0), np.minimum(hi, size)
    width = np.maximum(b - a, 0)
    covered = np.repeat(start + a - np.cumsum(width) + width, width) + np.arange(int(width.sum()))
    at = np.repeat(np.arange(len(tokens)), width)            # the token of each covered character
    token_of[covered] = at
    inside = covered - np.repeat(start, width)               # the character's offset in its statement
    one = (hi - lo == 1)[at]
    position[covered] = np.where(one, 0, np.where(inside == lo[at], 1, np.where(inside == hi[at] - 1, 3, 2)))
    words = [tok.text if len(tok.text) <= 6 else "" for tok in tokens]
    head = [heads.get(tok.text, "") for tok in tokens]
    labelled = [w + "|" + h for w, h in zip(words, head)]
    ends = np.cumsum(counts).tolist()
    firsts = set([0] + ends[:-1])
    lasts = {x - 1 for x in ends}
    before = [("^" if k in firsts else labelled[k - 1]) for k in range(len(tokens))] + ["^"]
    after = [("$" if k in lasts else labelled[k + 1]) for k in range(len(tokens))] + ["$"]
    tag_vocabulary: dict[str, int] = {}
    tag_code = np.array([tag_vocabulary.setdefault(t, len(tag_vocabulary)) for t in [tok.tag for tok in tokens] + [""]],
                        dtype=np.int64)[token_of]
    head_vocabulary: dict[str, int] = {}
    head_code = np.array([head_vocabulary.setdefault(h, len(head_vocabulary)) for h in head + [""]],
                         dtype=np.int64)[token_of]
    wpt = np.array([[index.row("wpt", p + t) for p in _POSITIONS] for t in tag_vocabulary], dtype=np.int64)
    hd = np.array([[index.row("hd", h + p) for p in _POSITIONS] for h in head_vocabulary], dtype=np.int64)
    return {
        "wp": index.rows("wp", _POSITIONS)[position],
        "w": index.rows("w", words + [""])[token_of],
        "wt": index.rows("wt", tag_vocabulary)[tag_code],
        "wpt": wpt[tag_code, position],
        "wt-1": spans.shifted(index.rows("wt-1", tag_vocabulary)[tag_code], -1, index.row("wt-1", "^")),
        "wt+1": spans.shifted(index.rows("wt+1", tag_vocabulary)[tag_code], 1, index.row("wt+1", "$")),
        "hd": hd[head_code, position],
        "pw": index.rows("pw", before)[token_of],
        "nw": index.rows("nw", after)[token_of],
    }
