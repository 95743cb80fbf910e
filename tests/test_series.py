"""Reports across years on the Hailar district series of ../shared/corpus: the rows pinned here
were checked by reading gwr-hailar-district-2016.txt and gwr-hailar-district-2018.txt."""
from __future__ import annotations

import pytest

from govkg.errors import GovKGError
from govkg.series import diff, next_report, previous_report, series, series_of, theme_trend, timeline
from testkit import HAILAR, POVERTY_2018


def _names(changes):
    return {c.name for c in changes}


def test_diff_of_2016_and_2018(hailar):
    d = diff(hailar, "gwr-hailar-district-2016.txt", "gwr-hailar-district-2018.txt")
    # 2018 names the three tough battles, rural revitalisation and poverty alleviation; 2016 does not
    assert {"三大攻坚战", "乡村振兴", "脱贫攻坚"} <= _names(d.new)
    # 2016's 三严三实 education campaign is gone in 2018
    assert "三严三实" in _names(d.dropped)
    # 一带一路 and 全民参保计划 are in both
    assert {"一带一路", "全民参保计划"} <= _names(d.continued)
    assert not _names(d.new) & _names(d.dropped) and not _names(d.new) & _names(d.continued)
    # a name both years write is continued whatever type each year's extraction gives it
    assert not _names(d.dropped) & _names(d.continued)
    poverty = next(c for c in d.new if c.name == "脱贫攻坚")
    assert (poverty.report, poverty.sentence) == ("gwr-hailar-district-2018.txt", "脱贫攻坚扎实推进。")
    assert poverty.statements in POVERTY_2018
    dropped = next(c for c in d.dropped if c.name == "三严三实")
    assert dropped.report == "gwr-hailar-district-2016.txt" and "三严三实" in dropped.sentence


@pytest.mark.parametrize("report, previous", [(HAILAR[2], HAILAR[3]), (HAILAR[3], HAILAR[2])])
def test_the_named_queries_compare_names_not_types(hailar, report, previous):
    """`govkg query new-in-report` answers as `govkg diff` does: a name the other report writes as
    an undertaking or body of another type is continued, never new or dropped."""
    params = {"report": report, "previous": previous}
    found = {name: {(row["name"], row["type"]) for row in hailar.run_named(name, params).as_dicts()}
             for name in ("new-in-report", "dropped-in-report", "continued-in-report")}
    named = {name: {n for n, _ in rows} for name, rows in found.items()}
    assert named["new-in-report"] and named["dropped-in-report"] and named["continued-in-report"]
    assert not named["new-in-report"] & named["dropped-in-report"]
    assert not named["new-in-report"] & named["continued-in-report"]


def test_one_report_is_compared_with_the_previous_of_its_series(hailar):
    assert previous_report(hailar, "gwr-hailar-district-2018.txt") == "gwr-hailar-district-2016.txt"
    assert previous_report(hailar, "gwr-hailar-district-2012.txt") is None
    assert diff(hailar, "gwr-hailar-district-2018.txt").before == "gwr-hailar-district-2016.txt"
    with pytest.raises(GovKGError, match="no earlier report"):
        diff(hailar, "gwr-hailar-district-2012.txt")
    with pytest.raises(GovKGError, match="not in the store: nope.txt"):
        diff(hailar, "nope.txt", "gwr-hailar-district-2018.txt")


def test_series_of_a_report_and_its_next(hailar):
    assert [r.doc for r in series_of(hailar, "gwr-hailar-district-2016.txt")] == list(HAILAR)
    assert next_report(hailar, "gwr-hailar-district-2015.txt") == "gwr-hailar-district-2016.txt"
    assert next_report(hailar, "gwr-hailar-district-2016.txt") == "gwr-hailar-district-2018.txt"
    assert next_report(hailar, "gwr-hailar-district-2018.txt") is None
    with pytest.raises(GovKGError, match="not in the store: nope.txt"):
        next_report(hailar, "nope.txt")


def test_timeline_finds_an_undertaking_under_its_other_names(hailar):
    tl = timeline(hailar, "脱贫攻坚战")          # looked up as 脱贫攻坚 too
    assert tl.names == ("脱贫攻坚战", "脱贫攻坚")
    (seen,) = tl.appearances
    assert (seen.year, seen.report) == (2018, "gwr-hailar-district-2018.txt") and seen.statements in POVERTY_2018
    assert tl.first_seen.sentence == "脱贫攻坚扎实推进。"
    rural = timeline(hailar, "实施乡村振兴战略")
    assert rural.names[-1] == "乡村振兴" and rural.years == (2018,)
    body = timeline(hailar, "海拉尔区人民政府")
    assert body.years == (2012, 2015, 2016, 2018) and body.first_seen.report == HAILAR[0]
    assert timeline(hailar, "没有这个").appearances == ()


def test_series_and_theme_trend(hailar):
    rows = series(hailar, "海拉尔区人民政府")
    assert [(r["year"], r["reported"], r["kind"], r["level"]) for r in rows] == \
        [(2012, 2011, "政府工作报告", "county"), (2015, 2014, "政府工作报告", "county"),
         (2016, 2015, "政府工作报告", "county"), (2018, 2017, "政府工作报告", "county")]
    trend = theme_trend(hailar, issuer="海拉尔区人民政府")
    assert set(trend["economy"]) == {2012, 2015, 2016, 2018} and all(n > 0 for n in trend["economy"].values())
    assert theme_trend(hailar, level="county") == trend
    assert theme_trend(hailar, level="national") == {}
