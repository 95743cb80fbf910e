"""govkg.view.timeline: an entity across years (a row per issuer, a ring per report of the issuer, a
disc where the entity appears) or a theme's trend, as PNG, SVG or an HTML page with its evidence."""
from __future__ import annotations

import re

import pytest

from govkg.errors import UsageError
from govkg.series import Appearance, Timeline
from govkg.store import ReportInfo
from govkg.view.timeline import draw_theme_trend, draw_timeline, write_timeline
from viewkit import EVIL, cjk_font_or_skip

HAILAR, NATION = "海拉尔区人民政府", "国务院"
REPORTS = [ReportInfo(f"h{y}.txt", f"{y}年海拉尔区政府工作报告", "", year=y, issuer=HAILAR) for y in (2012, 2015, 2016, 2018)]
REPORTS += [ReportInfo("n2019.txt", "2019年政府工作报告", "", year=2019, issuer=NATION),
            ReportInfo("other.txt", "某局工作总结", "", year=2010, issuer="某局")]
TIMELINE = Timeline("脱贫攻坚战", ("脱贫攻坚战", "脱贫攻坚"), (
    Appearance(2016, "h2016.txt", HAILAR, 1, "脱贫攻坚取得进展。", "脱贫攻坚", "Initiative"),
    Appearance(2018, "h2018.txt", HAILAR, 3, "脱贫攻坚扎实推进。", "脱贫攻坚", "Initiative"),
    Appearance(2019, "n2019.txt", NATION, 2, "打赢脱贫攻坚战。", "脱贫攻坚", "Initiative"),
))


def test_a_row_per_issuer_and_a_column_per_year_of_their_reports():
    cjk_font_or_skip()
    plt, fig = draw_timeline(TIMELINE, REPORTS)
    try:
        ax = fig.axes[0]
        assert [t.get_text() for t in ax.get_yticklabels()] == [HAILAR, NATION]      # first seen first
        # the gaps: 2012 and 2015 are reports of the issuer that do not name it; 2010 is another issuer's
        assert [t.get_text() for t in ax.get_xticklabels()] == ["2012", "2015", "2016", "2018", "2019"]
        assert sorted(t.get_text() for t in ax.texts) == ["1", "2", "3"]             # statements a disc
        assert "3 reports, first seen 2016, last seen 2019" in ax.get_title(loc="left")
    finally:
        plt.close(fig)


def test_an_entity_no_report_names_is_one_line():
    with pytest.raises(UsageError, match=r"'没有这个' is not named in any stored report \(looked up: 没有这个, 没有\)"):
        draw_timeline(Timeline("没有这个", ("没有这个", "没有"), ()), REPORTS)


@pytest.mark.parametrize("fmt, magic", [("png", b"\x89PNG"), ("svg", b"<?xml")])
def test_a_picture_is_written(tmp_path, fmt, magic):
    cjk_font_or_skip()
    out = tmp_path / f"t.{fmt}"
    write_timeline(draw_timeline(TIMELINE, REPORTS), out, fmt)
    assert out.read_bytes().startswith(magic) and out.stat().st_size > 5_000


def test_the_html_page_holds_the_svg_and_the_escaped_evidence(tmp_path):
    cjk_font_or_skip()
    out = tmp_path / "t.html"
    rows = [(a.year, a.report, a.issuer, a.statements, a.sentence) for a in TIMELINE.appearances]
    rows.append((None, "x.txt", EVIL, 1, "a < b & c"))
    write_timeline(draw_timeline(TIMELINE, REPORTS), out, "html", rows=rows, title=f"{EVIL}: timeline")
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and page.count("<svg") == 1 and "<?xml" not in page
    assert EVIL not in page and "&lt;script&gt;alert(1)&lt;/script&gt;: timeline" in page
    assert "<td>2018</td><td>h2018.txt</td><td>海拉尔区人民政府</td><td>3</td><td>脱贫攻坚扎实推进。</td>" in page
    assert "<td></td><td>x.txt</td>" in page and "a &lt; b &amp; c" in page
    assert not re.search(r"(src|href)=[\"']?https?:", page)                 # opens with no network


def test_a_theme_trend_is_a_line_per_issuer():
    cjk_font_or_skip()
    trends = {HAILAR: {2015: 4, 2016: 7, 2018: 2}, NATION: {2019: 9}, "某局": {}}
    plt, fig = draw_theme_trend("rural_revitalization", trends)
    try:
        ax = fig.axes[0]
        lines = [(line.get_label(), [int(x) for x in line.get_xdata()], [int(y) for y in line.get_ydata()])
                 for line in ax.get_lines()]
        assert lines == [(NATION, [2019], [9]), (HAILAR, [2015, 2016, 2018], [4, 7, 2])]     # by issuer's name
        assert ax.get_title(loc="left") == "rural_revitalization: statements per year"
    finally:
        plt.close(fig)


def test_a_theme_no_statement_has_is_one_line():
    with pytest.raises(UsageError, match="no stored statement has the theme 'economy'"):
        draw_theme_trend("economy", {HAILAR: {}})
