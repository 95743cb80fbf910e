"""bench/theme_cv.py: the theme classifiers alone by cross-validation, trained by the training code."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from testkit import bench_module


@pytest.fixture(scope="module")
def theme_cv():
    with bench_module("theme_cv") as module:
        yield module


@pytest.mark.parametrize("stack", [0, 2])
def test_every_held_out_statement_is_scored(theme_cv, small_gold, corpus, stack):
    small = small_gold(30)
    result = theme_cv.cross_validate_themes(small, None, 3, {"theme_stack": stack}, corpus)
    gold_themes = sum(len(json.loads(line).get("themes", [])) for path in small.iterdir()
                      for line in path.read_text("utf-8").splitlines())
    assert result["themes"]["gold"] == gold_themes
    assert 0.4 < result["themes"]["f1"] <= 1.0        # three reports of 30 statements teach something


def test_the_second_pass_changes_what_is_given(theme_cv, small_gold, corpus):
    small = small_gold(30)
    without = theme_cv.cross_validate_themes(small, None, 3, {"theme_stack": 0}, corpus)
    with_it = theme_cv.cross_validate_themes(small, None, 3, {"theme_stack": 2}, corpus)
    assert with_it["themes"] != without["themes"]
