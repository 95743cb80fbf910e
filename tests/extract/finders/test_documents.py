"""Golden table for the documents finder: 《》 titles and “X”规划/纲要."""
import pytest

from govkg.extract.finders import documents

TABLE = [
    ("制定了《xx县驻村第一书记和工作队管理办法》。", {("Document", "xx县驻村第一书记和工作队管理办法")}),
    ("学习《 》和《中国共产党章程》", {("Document", "中国共产党章程")}),
    ("实现“十四五”规划和二〇三五年远景目标。", {("Document", "十四五”规划")}),
    ("编制“十四五”纲要", {("Document", "十四五”纲要")}),
    ("推进“五外联动”", set()),
    # names without 《》: an issuing verb before, a kind of document at the end
    ("研究制定农村集体经济组织法。", {("Document", "农村集体经济组织法")}),
    ("出台管理办法和实施意见", {("Document", "管理办法")}),
    ("制定并实施教育强国建设三年行动计划，", {("Document", "教育强国建设三年行动计划")}),
    ("贯彻落实保障农民工工资支付条例", {("Document", "保障农民工工资支付条例")}),
    ("实施乡村振兴规划", set()),                       # carried out: an undertaking, not a document
    ("贯彻落实行动方案", set()),                       # a plan after a verb of applying
    ("制定本办法。", set()),                           # a generic reference
    ("改进执法方法，制定科学的方法。", set()),         # 方法 is no law
    ("出台《数据条例》实施细则", {("Document", "数据条例")}),   # the title wins over what overlaps it
    # documents known by a short name, where a word starts
    ("学习中国共产党章程", set()),
    ("坚持以宪法为核心，以民法典为重点", {("Document", "宪法"), ("Document", "民法典")}),
    ("贯彻落实中央一号文件精神", {("Document", "中央一号文件")}),
]


@pytest.mark.parametrize(("sentence", "expected"), TABLE)
def test_documents(finder_of, sentence, expected):
    assert finder_of(documents)(sentence) == expected


def test_offsets_are_report_offsets():
    from govkg.extract.tokens import tokenize

    text = "印发《人才发展规划》"
    [m] = documents.find(text, 1000, tokenize(text, 1000))
    assert (m.start, m.end) == (1003, 1009) and text[m.start - 1000:m.end - 1000] == m.name
