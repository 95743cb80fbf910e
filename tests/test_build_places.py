"""scripts/build_places.py: which short forms of divisions become aliases of the gazetteer."""
from __future__ import annotations

from pathlib import Path

import pytest

from testkit import script_module

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "build_places.py"
DIVISIONS = [
    ("530000", "云南省", "province", ""),
    ("532500", "红河哈尼族彝族自治州", "city", "云南省"),
    ("532501", "个旧市", "county", "红河哈尼族彝族自治州"),
    ("532502", "开远市", "county", "红河哈尼族彝族自治州"),
    ("310105", "长宁区", "county", "上海市"),
    ("511524", "长宁县", "county", "宜宾市"),
]
# jieba knows 个旧 as an adjective and 开远 as another proper name: neither passes its check
JIEBA = {"个旧": (69, "a"), "开远": (25, "nz"), "长宁": (27, "ns")}


@pytest.fixture(scope="module")
def build_places():
    with script_module(SCRIPT, "build_places") as module:
        yield module


def _aliases(build_places, read_by_hand):
    current = {(n, lvl, p) for _, n, lvl, p in DIVISIONS}
    rows = build_places.build_aliases(DIVISIONS, current, set(), ["哈尼族", "彝族"], JIEBA, read_by_hand)
    return {short: full for short, _, full in rows}


def test_jieba_check_drops_county_short_forms(build_places):
    assert _aliases(build_places, {}) == {"云南": "云南省", "红河": "红河哈尼族彝族自治州"}


def test_hand_read_short_forms_are_kept_whatever_jieba_says(build_places):
    aliases = _aliases(build_places, {"个旧": "个旧市", "长宁": "长宁区"})
    assert aliases["个旧"] == "个旧市"
    assert aliases["长宁"] == "长宁区"     # ambiguous: the bearer the list names
    assert "开远" not in aliases


def test_a_hand_read_short_form_must_stand_for_its_division(build_places):
    with pytest.raises(SystemExit, match="个旧 does not stand for 开远市"):
        _aliases(build_places, {"个旧": "开远市"})


@pytest.mark.parametrize("short", ["红河", "云南", "长治"])   # a city's, a province's, a stop-listed one
def test_a_hand_read_short_form_must_be_a_county_short_form_left_out(build_places, short):
    with pytest.raises(SystemExit, match=f"{short}: no county's short form"):
        _aliases(build_places, {short: "个旧市"})


def test_read_short_forms_skips_comments(build_places, tmp_path):
    path = tmp_path / "short.tsv"
    path.write_text("# a comment\n个旧\t个旧市\n\n房山\t房山区\n", encoding="utf-8")
    assert build_places.read_short_forms(path) == {"个旧": "个旧市", "房山": "房山区"}
