"""Golden table for statement segmentation: offsets, headings and section paths."""
import pytest

from govkg.statements import split_statements

TEXT = (
    "下载\n【字号：\n"
    "xx县人民政府工作报告\n"
    "一、2023年工作回顾\n"
    "（一）党建引领基层治理\n"
    "1.夯实组织基础。全面完成村级换届！选派驻村第一书记xx名？\n"
    "一是整顿软弱涣散村党组织，二是发展村集体经济。\n"
    "　　新建党群服务中心3个。“党建示范村建设工程”稳步推进。”\n"
    "二、2024年工作安排\n"
    "推进营商环境改革"
)

EXPECTED = [
    ("下载", (), False),
    ("【字号：", (), False),
    ("xx县人民政府工作报告", (), False),
    ("一、2023年工作回顾", (), True),
    ("（一）党建引领基层治理", ("一、2023年工作回顾",), True),
    ("1.夯实组织基础。", ("一、2023年工作回顾", "（一）党建引领基层治理"), True),
    ("全面完成村级换届！", ("一、2023年工作回顾", "（一）党建引领基层治理", "1.夯实组织基础。"), False),
    ("选派驻村第一书记xx名？", ("一、2023年工作回顾", "（一）党建引领基层治理", "1.夯实组织基础。"), False),
    ("一是整顿软弱涣散村党组织，二是发展村集体经济。",
     ("一、2023年工作回顾", "（一）党建引领基层治理", "1.夯实组织基础。", "一是整顿软弱涣散村党组织"), False),
    ("新建党群服务中心3个。", ("一、2023年工作回顾", "（一）党建引领基层治理", "1.夯实组织基础。"), False),
    ("“党建示范村建设工程”稳步推进。”", ("一、2023年工作回顾", "（一）党建引领基层治理", "1.夯实组织基础。"), False),
    ("二、2024年工作安排", (), True),
    ("推进营商环境改革", ("二、2024年工作安排",), False),
]


def test_golden_segmentation():
    got = [(s.text, s.section, s.heading) for s in split_statements(TEXT)]
    assert got == EXPECTED


def test_offsets_are_code_points_into_the_text():
    for s in split_statements(TEXT):
        assert TEXT[s.start:s.end] == s.text
        assert s.text == s.text.strip(" \u3000")


@pytest.mark.parametrize("line,heading", [
    ("第一章　总　则", True), ("第十二条　本办法自公布之日起施行。", True), ("（三）强化保障", True),
    ("3.严密组织程序", True), ("（2）加强督导", True), ("1.5亿元投入使用", False),
    ("2023年是关键之年。", False), ("【字号：加大】", False), ("十、加强政府自身建设", True),
])
def test_heading_markers(line, heading):
    assert split_statements(line)[0].heading is heading


def test_corpus_statements_match_gold_spans(corpus, gold):
    import json

    from govkg.read import read_report

    missed = []
    for path in sorted(gold.glob("*.jsonl")):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        report = read_report(corpus / rows[0]["doc"])
        spans = {(s.start, s.end) for s in split_statements(report.text)}
        missed += [(r["doc"], r["start"]) for r in rows if (r["start"], r["end"]) not in spans]
    assert missed == []
