import math
from pathlib import Path

import numpy as np
import pytest

from govkg.learn.linear import LinearModel
from govkg.learn.model import DEFAULT_SETTINGS, ExtractionModel
from govkg.learn.themes import (context_probability_features, keyword_themes, neighbour_features, neighbour_themes,
                                predict_themes, theme_features)
from govkg.model import Statement

TEXTS = ["加强村党组织书记队伍建设。", "二、乡村振兴", "完善村民自治制度。", "今年全市生产总值增长5%。", "推进网格化管理。"]


@pytest.fixture
def statements():
    out, at = [], 0
    for text in TEXTS:
        out.append(Statement(at, at + len(text), text, heading=text.startswith("二、")))
        at += len(text)
    return out


def test_neighbours_skip_headings_and_keep_distance(statements):
    found = neighbour_themes(keyword_themes(statements), 2, 2)
    assert {(side, distance) for side, distance, _ in found} <= {("p", 2), ("n", 1), ("n", 2)}
    assert ("p", 2, "village_governance") in found           # the heading at distance 1 is left out


def test_width_limits_the_features(statements):
    found = neighbour_themes(keyword_themes(statements), 2, 2)
    near = neighbour_features(found, 1)
    assert all(key.startswith("nkw=") for key in near)
    assert "pkw=village_governance" in neighbour_features(found, 2)


def test_context_features_are_added_to_the_statements_own(statements):
    alone = theme_features(statements[3], ())
    assert not any(key.startswith(("pkw=", "nkw=")) for key in alone)
    with_context = theme_features(statements[3], (), neighbour_themes(keyword_themes(statements), 3, 1))
    assert with_context.keys() - alone.keys() == {"pkw=village_governance", "nkw=grassroots_governance"}


def fixed_model(probabilities: dict[str, float]) -> LinearModel:
    """A theme classifier that gives every statement these probabilities (no feature is known)."""
    logits = [math.log(p / (1 - p)) for p in probabilities.values()]
    return LinearModel(list(probabilities), {}, np.zeros((len(logits), 0), np.float32),
                       np.array(logits, np.float32), multi_label=True)


@pytest.mark.parametrize("thresholds, expected", [
    (None, ("economy",)),
    ({"village_governance": 0.3}, ("economy", "village_governance")),
    ({"village_governance": 0.4}, ("economy",)),
    ({"ecology": 0.1, "village_governance": 0.3}, ("economy", "village_governance", "ecology")),
])
def test_a_theme_may_have_its_own_bar(thresholds, expected):
    model = fixed_model({"economy": 0.9, "village_governance": 0.35, "ecology": 0.2})
    assert predict_themes(model, Statement(0, 4, "推进工作"), (), 0.5, 0.3, (), thresholds) == expected


@pytest.mark.parametrize("settings, expected", [
    ({}, ("economy", "village_governance")),            # by default village_governance from 0.3
    ({"theme_thresholds": {}}, ("economy",)),
])
def test_the_model_reads_its_theme_bars_from_its_settings(settings, expected):
    themes = fixed_model({"economy": 0.9, "village_governance": 0.35, "ecology": 0.2})
    model = ExtractionModel(Path("unused"), None, None, None, themes, settings)
    assert [st.themes for st in model.themes_of([Statement(0, 4, "推进工作")])] == [expected]
    assert DEFAULT_SETTINGS["theme_thresholds"] == {"village_governance": 0.3}


def test_context_probabilities_are_the_neighbours_within_the_width():
    probabilities = np.array([[0.9, 0.01], [0.2, 0.6], [0.5, 0.5], [0.04, 0.7]], np.float32)
    feats = context_probability_features(probabilities, 1, ["economy", "ecology"], 1)
    assert feats == pytest.approx({"p1p=economy": 0.9, "n1p=economy": 0.5, "n1p=ecology": 0.5})
    wider = context_probability_features(probabilities, 1, ["economy", "ecology"], 2)
    assert wider.keys() - feats.keys() == {"n2p=ecology"}          # 0.04 is below the floor


def test_the_second_pass_decides_from_the_neighbours_first_pass():
    """A second classifier that gives village_governance only after a statement sure of it: the
    first statement has none before it, the others have."""
    first = fixed_model({"economy": 0.9, "village_governance": 0.6})
    weight = np.array([[0.0], [8.0]], np.float32)       # p1p=village_governance raises the second class
    second = LinearModel(["economy", "village_governance"], {"p1p=village_governance": 0},
                         weight, np.array([2.0, -4.0], np.float32), multi_label=True)
    statements = [Statement(i * 4, i * 4 + 4, "推进工作") for i in range(3)]
    model = ExtractionModel(Path("unused"), None, None, None, first, {}, second)
    assert [st.themes for st in model.themes_of(statements)] == [
        ("economy",), ("economy", "village_governance"), ("economy", "village_governance")]
    without = ExtractionModel(Path("unused"), None, None, None, first, {"theme_stack": 0}, second)
    assert [st.themes for st in without.themes_of(statements)] == [("economy", "village_governance")] * 3
