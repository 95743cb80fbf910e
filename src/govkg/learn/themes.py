"""Statement themes from a one-vs-rest linear classifier.

Features: character uni- and bigrams of the statement, the SKOS keywords it holds (by theme), the
rules' themes for it, and the keyword themes of its section headings (a statement inherits the
subject of its section).
"""
from __future__ import annotations

from govkg.extract.themes import MAX_THEMES, themes_of_text
from govkg.learn.linear import Features, LinearModel
from govkg.model import Statement

__all__ = ["THRESHOLD", "predict_themes", "theme_features"]

THRESHOLD = 0.5
TOP_THRESHOLD = 0.3      # the likeliest theme is given from this lower probability


def theme_features(statement: Statement, rule_themes: tuple[str, ...]) -> Features:
    text = statement.text
    feats: Features = {"bias": 1.0}
    for i, ch in enumerate(text):
        feats["u=" + ch] = 1.0
        if i + 1 < len(text):
            feats["b=" + text[i:i + 2]] = 1.0
    for theme in themes_of_text(text):
        feats["kw=" + theme] = 1.0
    for rank, theme in enumerate(rule_themes):
        feats["rule=" + theme] = 1.0
        feats[f"rule{rank}=" + theme] = 1.0
    for depth, heading in enumerate(reversed(statement.section[-3:])):
        for theme in themes_of_text(heading):
            feats[f"sec{min(depth, 1)}=" + theme] = 1.0
    if statement.heading:
        feats["heading"] = 1.0
    feats["len=" + str(min(len(text) // 40, 5))] = 1.0
    return feats


def predict_themes(model: LinearModel, statement: Statement, rule_themes: tuple[str, ...],
                   threshold: float = THRESHOLD, top_threshold: float = TOP_THRESHOLD) -> tuple[str, ...]:
    probs = model.probabilities(theme_features(statement, rule_themes))
    ranked = sorted(range(len(probs)), key=lambda k: -probs[k])[:MAX_THEMES]
    return tuple(model.classes[k] for n, k in enumerate(ranked)
                 if probs[k] >= threshold or n == 0 and probs[k] >= top_threshold)
