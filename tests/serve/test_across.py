"""govkg.serve.across: the explorer's timeline, series and diff pages as data, on the four Hailar
district reports of ../shared/corpus (the rows of tests/test_series.py, here as the pages show them)."""
from __future__ import annotations

import pytest

from govkg.serve.across import diff_page, series_page, timeline_page
from govkg.serve.pages import PageError
from testkit import HAILAR, POVERTY_2018


def test_a_timeline_shows_the_years_its_issuer_reported_without_it_as_gaps(hailar):
    page = timeline_page(hailar, "脱贫攻坚战")
    assert page["names"] == ["脱贫攻坚战", "脱贫攻坚"]
    (shown,) = page["appearances"]
    assert (shown["report"], shown["statements"] in POVERTY_2018, shown["type"]) == (HAILAR[3], True, "Initiative")
    assert [(y["year"], y["statements"], y["reports"], y["stored"]) for y in page["years"]] == \
        [(2012, 0, 0, 1), (2015, 0, 0, 1), (2016, 0, 0, 1), (2018, shown["statements"], 1, 1)]
    assert page["firstSeen"] == page["lastSeen"] == \
        {"year": 2018, "report": HAILAR[3], "issuer": "海拉尔区人民政府"}


def test_a_timeline_runs_from_the_first_to_the_last_report_and_filters_by_type(hailar):
    page = timeline_page(hailar, "海拉尔区人民政府")
    assert [y["year"] for y in page["years"] if y["statements"]] == [2012, 2015, 2016, 2018]
    assert page["firstSeen"]["report"] == HAILAR[0] and page["lastSeen"]["report"] == HAILAR[3]
    other_type = timeline_page(hailar, "海拉尔区人民政府", "Place")
    assert other_type["appearances"] == [] and other_type["years"] == []
    assert other_type["firstSeen"] is None and other_type["lastSeen"] is None
    assert timeline_page(hailar, "没有这个")["appearances"] == []


def test_a_series_page_places_a_report_between_its_neighbours(hailar):
    page = series_page(hailar, HAILAR[2])
    assert (page["issuer"], page["kind"]) == ("海拉尔区人民政府", "政府工作报告")
    assert [r["doc"] for r in page["series"]] == list(HAILAR)
    assert [r["year"] for r in page["series"]] == [2012, 2015, 2016, 2018]
    assert page["previous"]["doc"] == HAILAR[1] and page["next"]["doc"] == HAILAR[3]
    first = series_page(hailar, HAILAR[0])
    assert first["previous"] is None and first["next"]["doc"] == HAILAR[1]
    with pytest.raises(PageError, match="nope.txt"):
        series_page(hailar, "nope.txt")


def test_a_diff_page_compares_with_the_previous_report_and_links_the_neighbouring_pairs(hailar):
    page = diff_page(hailar, "", HAILAR[3])
    assert page["before"]["doc"] == HAILAR[2] and page["after"]["year"] == 2018
    assert page["earlier"] == {"before": HAILAR[1], "after": HAILAR[2]} and page["later"] is None
    new = {c["name"]: c for c in page["new"]}
    assert {"三大攻坚战", "乡村振兴", "脱贫攻坚"} <= set(new)
    assert new["脱贫攻坚"]["report"] == HAILAR[3] and new["脱贫攻坚"]["statements"] in POVERTY_2018
    assert "三严三实" in {c["name"] for c in page["dropped"]}
    assert not set(new) & {c["name"] for c in page["continued"]}
    named = diff_page(hailar, HAILAR[0], HAILAR[1])
    assert named["earlier"] is None and named["later"] == {"before": HAILAR[1], "after": HAILAR[2]}


def test_a_diff_page_without_its_later_report_or_with_an_unknown_one_is_a_page_error(hailar):
    with pytest.raises(PageError, match=r"give the later report"):
        diff_page(hailar, HAILAR[0], "")
    with pytest.raises(PageError, match="not in the store: nope.txt"):
        diff_page(hailar, "nope.txt", HAILAR[3])
    with pytest.raises(PageError, match="no earlier report"):
        diff_page(hailar, "", HAILAR[0])
