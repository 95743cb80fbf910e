"""Report metadata: issuer, level, kind and years of every report of ../shared/corpus, written by
reading each report's opening (and its closing lines, for a signature), plus the overrides."""
from __future__ import annotations

import pytest

from govkg.read import read_report
from govkg.read.metadata import describe, issuer_level, not_a_report
from govkg.read.sidecar import MetaOverride

# file: (issuer, level, kind, year delivered/issued, year reported on)
# "" issuer: the text never names the body that issued it (the plan, the policies without a
# heading or signature); their level comes from the scope words they use (全国, 全省, 全市).
CORPUS_METADATA = {
    "fyp-national-2006-11th-outline.txt": ("", "national", "五年规划", 2006, None),
    "fyp-proposal-national-2020-14th.txt": ("中共中央", "national", "五年规划", 2020, None),
    "fyp-shandong-education-2021.txt": ("", "provincial", "五年规划", 2021, None),
    "gwr-beijing-2026.txt": ("北京市人民政府", "provincial", "政府工作报告", 2026, 2025),
    "gwr-guangdong-2026.txt": ("广东省人民政府", "provincial", "政府工作报告", 2026, 2025),
    "gwr-guizhou-2026.txt": ("贵州省人民政府", "provincial", "政府工作报告", 2026, 2025),
    "gwr-hailar-district-2012.txt": ("海拉尔区人民政府", "county", "政府工作报告", 2012, 2011),
    "gwr-hailar-district-2015.txt": ("海拉尔区人民政府", "county", "政府工作报告", 2015, 2014),
    "gwr-hailar-district-2016.txt": ("海拉尔区人民政府", "county", "政府工作报告", 2016, 2015),
    "gwr-hailar-district-2018.txt": ("海拉尔区人民政府", "county", "政府工作报告", 2018, 2017),
    "gwr-heilongjiang-2026.txt": ("黑龙江省人民政府", "provincial", "政府工作报告", 2026, 2025),
    "gwr-national-1988.txt": ("国务院", "national", "政府工作报告", 1988, 1987),
    "gwr-national-1998.txt": ("国务院", "national", "政府工作报告", 1998, 1997),
    "gwr-national-2003.txt": ("国务院", "national", "政府工作报告", 2003, 2002),
    "gwr-national-2013.txt": ("国务院", "national", "政府工作报告", 2013, 2012),
    "gwr-national-2016.txt": ("国务院", "national", "政府工作报告", 2016, 2015),
    "gwr-national-2019.txt": ("国务院", "national", "政府工作报告", 2019, 2018),
    "gwr-national-2023.txt": ("国务院", "national", "政府工作报告", 2023, 2022),
    "gwr-national-2025.txt": ("国务院", "national", "政府工作报告", 2025, 2024),
    "gwr-shanghai-2020.txt": ("上海市人民政府", "provincial", "政府工作报告", 2020, 2019),
    "gwr-sichuan-2026.txt": ("四川省人民政府", "provincial", "政府工作报告", 2026, 2025),
    "gwr-zhejiang-2026.txt": ("浙江省人民政府", "provincial", "政府工作报告", 2026, 2025),
    "party-congress-report-national-2022.txt": ("中共中央", "national", "党代会报告", 2022, None),
    "policy-baotou-2022-digital-government-evaluation.txt": ("包头市人民政府办公室", "city", "政策文件", 2022, None),
    "policy-jinan-2021-sci-tech-innovation.txt": ("", "city", "政策文件", 2021, None),
    "policy-national-2017-ai-development-plan.txt": ("", "national", "政策文件", 2017, None),
    "policy-national-2018-rural-revitalization-opinions.txt": ("中共中央", "national", "政策文件", 2018, None),
    "policy-national-2022-digital-government-opinions.txt": ("国务院", "national", "政策文件", 2022, None),
    "policy-qingdao-2024-ai-industry-action-plan.txt": ("", "city", "政策文件", 2024, None),
    "policy-zhongshan-2020-government-data-management.txt": ("中山市人民政府", "city", "政策文件", 2020, None),
    "summary-county-organization-2021.txt": ("县委组织部", "county", "述职报告", 2021, 2021),
}


def test_the_table_covers_the_corpus(corpus):
    assert sorted(p.name for p in corpus.glob("*.txt")) == sorted(CORPUS_METADATA)


@pytest.mark.parametrize("name", sorted(CORPUS_METADATA))
def test_corpus_report_metadata(corpus, name):
    report = read_report(corpus / name)
    found = (report.author, report.level, report.kind, report.year, report.reported_year)
    assert found == CORPUS_METADATA[name]


@pytest.mark.parametrize("name,title", [
    ("gwr-guizhou-2026.txt", "2026年贵州省政府工作报告"),               # not the photo caption
    ("party-congress-report-national-2022.txt", "高举中国特色社会主义伟大旗帜 为全面建设社会主义现代化国家而团结奋斗"),
    ("gwr-national-1988.txt", "1988年国务院政府工作报告"),             # not a heading of the body
    ("gwr-hailar-district-2016.txt", "2016年海拉尔区政府工作报告"),
    ("policy-jinan-2021-sci-tech-innovation.txt", "关于加快“科创济南”建设全面提升科技创新能力的若干政策措施"),
])
def test_titles_are_titles(corpus, name, title):
    assert read_report(corpus / name).title == title


def test_levels_come_from_the_gazetteer_and_the_name():
    assert [issuer_level(n) for n in ("国务院", "北京市人民政府", "包头市人民政府办公室", "海拉尔区人民政府",
                                      "县委组织部", "某某镇人民政府", "")] == \
        ["national", "provincial", "city", "county", "county", "township", ""]


@pytest.mark.parametrize("name, level", [
    ("xx县农业农村局", "county"),        # 村 of 农村 is no village
    ("xx县乡村振兴局", "county"),
    ("xx村党支部", "village"),
    ("xx街道办事处", "township"),
    ("xx自治区人民政府", "provincial"),  # 自治区, not 区
])
def test_the_level_is_of_the_first_place_in_the_name(name, level):
    assert issuer_level(name) == level


@pytest.mark.parametrize("opening, author, level", [
    ("2023年度xx镇党委书记抓基层党建工作述职报告\n一年来，本人坚决履行党建工作第一责任人职责。", "xx镇党委", "township"),
    ("xx村党支部书记2022年述职报告\n", "xx村党支部", "village"),
    ("2021年xx县农业农村局局长述职述廉报告\n", "xx县农业农村局", "county"),
    ("xx市发展和改革委员会主任述职报告\n", "xx市发展和改革委员会", "city"),
    ("尊敬的各位领导：\n一年来，作为镇党委书记，我认真履行抓基层党建第一责任人职责。\n", "镇党委", "township"),
    ("2023年度述职报告\n作为xx村党支部书记，本人带领村“两委”班子……\n", "xx村党支部", "village"),
    # signed under the title: post and name on a line of their own
    ("2023年度个人述职报告\n\n某某镇党委书记 张某某\n\n一年来，本人在县委的领导下……\n", "某某镇党委", "township"),
    ("述职报告\nxx村党支部书记、村委会主任　李xx\n一年来……\n", "xx村党支部", "village"),
    ("2022年度述职述廉报告\nxx县农业农村局局长 王xx\n", "xx县农业农村局", "county"),
])
def test_a_debriefing_titled_by_its_speakers_post_names_the_body(opening, author, level):
    meta = describe(opening, "x.txt")
    assert (meta.author, meta.level, meta.kind) == (author, level, "述职报告")


@pytest.mark.parametrize("opening", [
    "2023年工作总结\n我镇党委书记张三同志\n",          # the report's own words, not a byline
    "在全县经济工作会议上的讲话\n县委书记 张xx\n同志们：\n",
])
def test_a_line_that_only_looks_like_a_byline_names_no_body(opening):
    assert describe(opening, "x.txt").author == ""


@pytest.mark.parametrize("opening, author, kind", [
    ("中共xx县委组织部2022年工作总结\n2022年，县委组织部坚持", "中共xx县委组织部", "工作总结"),
    ("中共xx镇委员会2023年党建工作总结\n", "中共xx镇委员会", "工作总结"),     # not a bare xx镇委员会
    ("xx县乡村振兴局2023年工作总结和2024年工作计划\n", "xx县乡村振兴局", "工作总结"),
    ("xx街道党工委2023年度抓基层党建工作述职报告\n", "xx街道党工委", "述职报告"),
    ("xx县人民政府2023年工作总结\n", "xx县人民政府", "工作总结"),
    ("xx县2023年乡村振兴工作总结\n", "", "工作总结"),      # a place alone: whose summary is not said
    ("xx镇2023年工作总结\n", "", "工作总结"),
    # a village or a community writes its own summary: its committee
    ("张家湾村2024年乡村振兴工作总结\n2024年，在镇党委的领导下", "张家湾村村民委员会", "工作总结"),
    ("xx社区2023年度党建工作总结\n", "xx社区居民委员会", "工作总结"),
    ("乡村2023年工作总结\n", "", "工作总结"),
    ("关于xx县乡村振兴局2023年工作总结\n", "", "工作总结"),
])
def test_a_summary_titled_by_its_body_names_it(opening, author, kind):
    meta = describe(opening, "x.txt")
    assert (meta.author, meta.kind) == (author, kind)


def test_a_signature_names_the_issuer():
    text = "各省、自治区、直辖市人民政府：\n现提出如下意见。\n一、总体要求\n……\n国务院\n2022年6月6日\n"
    meta = describe(text, "x.txt")
    assert (meta.author, meta.kind, meta.year) == ("国务院", "政策文件", 2022)


def test_readme_and_licence_are_not_reports():
    assert not_a_report("README.md") and not_a_report("LICENSE") and not_a_report("license.txt")
    assert not not_a_report("county-report-2021.txt") and not not_a_report("2023年报告.txt")


def test_options_override_detection(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("2023年xx县政府工作报告\n县长 张明远\n各位代表：\n", encoding="utf-8")
    report = read_report(path, MetaOverride(issuer="海拉尔区人民政府", year=2016))
    assert (report.author, report.level, report.kind, report.year, report.reported_year) == \
        ("海拉尔区人民政府", "county", "政府工作报告", 2016, 2015)
