"""Statement themes from a one-vs-rest linear classifier.

Features: character uni- and bigrams of the statement, the SKOS keywords it holds (by theme), the
rules' themes for it, the keyword themes of its section headings (a statement inherits the
subject of its section) and of the statements just before and after it (a report dwells on a
subject for several statements, and annotators read it in context). A second classifier
(``context_probability_features``) then reads, beside these, the first one's probabilities for the
statements around: a neighbour the first classifier is sure about says more than its keywords.
"""
from __future__ import annotations

from collections.abc import Sequence

from govkg.extract.themes import MAX_THEMES, themes_of_text
from govkg.learn.linear import Features, LinearModel
from govkg.model import Statement

__all__ = ["THRESHOLD", "choose_themes", "context_probability_features", "keyword_themes", "neighbour_features",
           "neighbour_themes", "predict_themes", "theme_features"]

Neighbour = tuple[str, int, str]     # ("p" before or "n" after, distance, a keyword theme)

THRESHOLD = 0.5
TOP_THRESHOLD = 0.3      # the likeliest theme is given from this lower probability
CONTEXT_FLOOR = 0.05     # a neighbour's theme below this probability is no feature (most of the 19 are)


def keyword_themes(statements: Sequence[Statement]) -> list[tuple[str, ...]]:
    """Each statement's own keyword themes, none for a heading (it counts through the section path)."""
    return [() if st.heading else themes_of_text(st.text) for st in statements]


def neighbour_themes(keywords: Sequence[tuple[str, ...]], index: int, width: int) -> tuple[Neighbour, ...]:
    """The keyword themes (``keyword_themes``) of the ``width`` statements before and after
    the statement at ``index``."""
    return tuple((side, distance, theme) for side, distance, at in _around(index, width, len(keywords))
                 for theme in keywords[at])


def _around(index: int, width: int, length: int):
    """(side "p" before or "n" after, distance, index) of the statements within ``width`` of the one
    at ``index``, nearest first, among ``length`` statements."""
    for distance in range(1, width + 1):
        for side, at in (("p", index - distance), ("n", index + distance)):
            if 0 <= at < length:
                yield side, distance, at


def neighbour_features(neighbours: tuple[Neighbour, ...], width: int | None = None) -> Features:
    """Features of the neighbours' themes (those within ``width`` statements, when given)."""
    return {side + "kw=" + theme: 1.0 for side, distance, theme in neighbours
            if width is None or distance <= width}


def context_probability_features(probabilities, index: int, classes: list[str], width: int) -> Features:
    """Features of the first classifier's theme probabilities (rows of ``probabilities``, one per
    statement in order) for the ``width`` statements before and after the one at ``index``."""
    return {f"{side}{distance}p={theme}": float(probability)
            for side, distance, at in _around(index, width, len(probabilities))
            for theme, probability in zip(classes, probabilities[at]) if probability >= CONTEXT_FLOOR}


def theme_features(statement: Statement, rule_themes: tuple[str, ...],
                   neighbours: tuple[Neighbour, ...] = ()) -> Features:
    text = statement.text
    feats: Features = {"bias": 1.0}
    grams = [""] * (2 * len(text) - 1) if text else []     # u=, b=, u=, b= ... in the order of the text
    grams[0::2] = ["u=" + ch for ch in text]
    grams[1::2] = ["b=" + text[i:i + 2] for i in range(len(text) - 1)]
    feats.update(dict.fromkeys(grams, 1.0))
    for theme in themes_of_text(text):
        feats["kw=" + theme] = 1.0
    for rank, theme in enumerate(rule_themes):
        feats["rule=" + theme] = 1.0
        feats[f"rule{rank}=" + theme] = 1.0
    for depth, heading in enumerate(reversed(statement.section[-3:])):
        for theme in themes_of_text(heading):
            feats[f"sec{min(depth, 1)}=" + theme] = 1.0
    feats.update(neighbour_features(neighbours))
    if statement.heading:
        feats["heading"] = 1.0
    feats["len=" + str(min(len(text) // 40, 5))] = 1.0
    return feats


def predict_themes(model: LinearModel, statement: Statement, rule_themes: tuple[str, ...],
                   threshold: float = THRESHOLD, top_threshold: float = TOP_THRESHOLD,
                   neighbours: tuple[Neighbour, ...] = (),
                   thresholds: dict[str, float] | None = None) -> tuple[str, ...]:
    """The likeliest themes (at most ``MAX_THEMES``) at probability >= ``threshold``, or the
    theme's own bar in ``thresholds``; the likeliest one from ``top_threshold``."""
    probs = model.probabilities(theme_features(statement, rule_themes, neighbours))
    return choose_themes(model.classes, probs, threshold, top_threshold, thresholds)


def choose_themes(classes: list[str], probs, threshold: float = THRESHOLD, top_threshold: float = TOP_THRESHOLD,
                  thresholds: dict[str, float] | None = None) -> tuple[str, ...]:
    """``predict_themes`` from a statement's probabilities (one row of ``probabilities_of``)."""
    ranked = sorted(range(len(probs)), key=lambda k: -probs[k])[:MAX_THEMES]
    own_bars = thresholds or {}
    bars = [own_bars.get(theme, threshold) for theme in classes]
    return tuple(classes[k] for n, k in enumerate(ranked)
                 if probs[k] >= bars[k] or n == 0 and probs[k] >= top_threshold)
