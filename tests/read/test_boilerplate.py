"""govkg.read.boilerplate: a page saved from a government site reads to its report alone, without the
site's navigation, links and footer, with a note of what was left out; prose is never left out."""
from pathlib import Path

import pytest

from govkg.read import read_noted, read_report
from govkg.read.boilerplate import main_content
from govkg.read.html import text_of

PAGE = Path(__file__).parent / "pages" / "county-site.html"       # written for the project
REPORT_LINES = [
    "2024年xx县人民政府工作报告",
    "——2024年1月20日在xx县第十八届人民代表大会第三次会议上",
    "县长\u3000张某某",
    "各位代表：",
    "现在，我代表县人民政府，向大会报告工作，请予审议，并请县政协委员和其他列席人员提出意见。",
    "一、2023年工作回顾",
    "过去一年，在县委的坚强领导下，全县上下深入实施乡村振兴战略，全面完成村“两委”换届工作，新建高标准农田2.3万亩，"
    "县委组织部牵头开展“我为群众办实事”实践活动。",
    "认真贯彻《中华人民共和国乡村振兴促进法》，扎实推进农村人居环境整治提升五年行动，完成农村户厕改造1200户。",
    "指标\t2023年\t增长",
    "地区生产总值\t152亿元\t6.1%",
    "二、2024年工作安排",
    "（一）持续推进乡村治理。深化“积分制”管理，推广“一村一法律顾问”制度，健全自治、法治、德治相结合的乡村治理体系。",
    "各位代表！新征程催人奋进，让我们团结一心，为建设美丽xx而努力奋斗！",
]


def test_a_site_page_reads_to_its_report_alone_with_a_note(tmp_path):
    text, fmt, notes = read_noted(PAGE)
    assert text.split("\n") == REPORT_LINES
    assert fmt == "html"
    assert len(notes) == 1 and notes[0].startswith("25 lines of the site around the report left out")
    assert "欢迎访问xx县人民政府门户网站" in notes[0]


@pytest.mark.parametrize("site_line", ["首页", "当前位置", "来源：", "分享到", "上一篇", "相关链接", "打印本页",
                                       "主办单位", "版权所有", "ICP备", "联系电话"])
def test_no_line_of_the_site_is_left(site_line):
    text, _, _ = read_noted(PAGE)
    assert site_line not in text


def test_the_report_title_and_year_come_from_the_page_not_the_site():
    report = read_report(PAGE)
    assert report.title == "2024年xx县人民政府工作报告"
    assert report.year == 2024


def test_a_page_that_holds_prose_outside_its_main_content_is_kept_whole():
    """A news item in a sidebar reads as prose: rather than lose it, nothing is left out."""
    markup = PAGE.read_text(encoding="utf-8").replace(
        '<div class="left">', "<div class='side'><h4>要闻</h4><p>近日，全县召开乡村振兴工作推进会，"
                              "部署下一阶段重点工作，要求各乡镇压实责任。</p></div><div class=\"left\">")
    whole = text_of(markup)
    assert main_content(markup, whole) == (whole, ())
    assert "要闻" in whole and "首页" in whole


@pytest.mark.parametrize("body", [
    "<h1>xx县人民政府工作报告</h1><p>一、2023年工作回顾</p><div>全面完成<b>村级换届</b>工作。</div>",
    "<p>各位代表：</p><table><tr><th>项目</th><th>金额</th></tr><tr><td>衔接资金</td><td>1200万元</td></tr></table>",
    "<div>一、工作回顾</div><div>过去一年，全县上下深入实施<span>乡村振兴</span>战略，全面完成村“两委”换届工作。</div>"
    "<div><font>持续推进乡村治理</font>，深化“积分制”管理，推广“一村一法律顾问”制度。</div>",
])
def test_a_page_that_is_all_report_loses_nothing(body):
    markup = f"<html><body>{body}</body></html>"
    whole = text_of(markup)
    assert main_content(markup, whole) == (whole, ())


def test_a_loaded_site_page_has_no_entity_of_the_site(tmp_path):
    from govkg.extract import extract

    report = read_report(PAGE)
    names = {e.name for e in extract(report, "rules").entities}
    assert "xx县大数据中心" not in names                 # 承办单位 of the footer
    assert any("换届" in name or "我为群众办实事" in name for name in names)


@pytest.mark.corpus
def test_every_corpus_report_on_the_site_page_comes_back_whole(corpus):
    """Each of the 31 reports, a paragraph a line, in the page's place of the sample's: its lines
    come back as a page of the report alone would give them, under the page's title, nothing more."""
    import html

    page = PAGE.read_text(encoding="utf-8")
    before, after = page.split('<div class="TRS_Editor" id="zoom">')[0], page.split('<div class="share">')[1]
    for report in sorted(corpus.glob("*.txt")):
        body = "".join(f"<p>{html.escape(line)}</p>"
                       for line in report.read_text(encoding="utf-8").split("\n") if line.strip())
        markup = f'{before}<div id="zoom">{body}</div><div class="share">{after}'
        text, notes = main_content(markup, text_of(markup))
        assert text == REPORT_LINES[0] + "\n" + text_of(f"<html><body>{body}</body></html>"), report.name
        assert notes, report.name
