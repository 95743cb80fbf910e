"""Golden table for the names found as written (finders/written.py): documents without 《》,
campaigns named by a place and known bodies wherever written; and how the rules and the learned
model use them."""
import pytest

from govkg.extract.finders import written

TABLE = [
    # names without 《》: a verb of issuing before, a kind of document at the end
    ("研究制定农村集体经济组织法。", {("Document", "农村集体经济组织法")}),
    ("出台管理办法和实施意见", {("Document", "管理办法")}),
    ("制定并实施教育强国建设三年行动计划，", {("Document", "教育强国建设三年行动计划")}),
    ("贯彻落实保障农民工工资支付条例", {("Document", "保障农民工工资支付条例")}),
    ("实施乡村振兴规划", set()),                       # carried out: an undertaking, not a document
    ("贯彻落实行动方案", set()),                       # a plan after a verb of applying
    ("制定本办法。", set()),                           # a generic reference
    ("改进执法方法，制定科学的方法。", set()),         # 方法 is no law
    ("出台《数据条例》实施细则", set()),               # a title is the documents finder's
    # documents known by a short name, where a word starts
    ("坚持以宪法为核心，以民法典为重点", {("Document", "宪法"), ("Document", "民法典")}),
    ("贯彻落实中央一号文件精神", {("Document", "中央一号文件")}),
    ("学习中国共产党章程", {("Organization", "中国共产党")}),      # no 党章 inside a word
    # bodies of three characters or more: wherever written, the longest, with a level word before
    ("办理市政协提案", {("Organization", "市政协")}),
    ("提请市人大常委会审议", {("Organization", "市人大常委会")}),
    ("省发展改革委、省卫生健康委联合印发", {("Organization", "省发展改革委"), ("Organization", "省卫生健康委")}),
    ("我市市场监管局开展检查", {("Organization", "市场监管局")}),      # 我市 is no level word of its own
    ("出席二十国集团领导人峰会", {("Organization", "二十国集团")}),
    ("人大代表和政协委员", set()),                     # two characters: the bodies finder's, as words
    # campaigns: a campaign word and a province, a city or 中国
    ("加强平安北京建设", {("Initiative", "平安北京")}),
    ("平安浙江法治浙江建设迈上更高水平", {("Initiative", "平安浙江"), ("Initiative", "法治浙江")}),
    ("推进健康中国行动", {("Initiative", "健康中国")}),
    ("创建平安小区和美丽庭院", set()),                 # no province, city or country
    ("制定《健康上海行动计划》", set()),               # a title is the documents finder's
]


@pytest.mark.parametrize(("sentence", "expected"), TABLE)
def test_written(finder_of, sentence, expected):
    assert finder_of(written)(sentence) == expected


def test_offsets_are_report_offsets():
    from govkg.extract.tokens import tokenize

    text = "研究制定农村集体经济组织法"
    [m] = written.find(text, 1000, tokenize(text, 1000))
    assert (m.start, m.end) == (1004, 1013) and text[m.start - 1000:m.end - 1000] == m.name


def test_the_rules_find_them_and_the_tagger_does_not_read_them(statement):
    """The rules' answer (``find_mentions``, ``rule_mentions(...).found``) includes them; the
    tagger's features (``rule_mentions(...).features``) do not."""
    from govkg.extract.mentions import find_mentions, rule_mentions

    st = statement("省发展改革委牵头，研究制定农村集体经济组织法。")
    rules = rule_mentions(st)
    found = {(m.type, m.name) for m in rules.found}
    assert {("Organization", "省发展改革委"), ("Document", "农村集体经济组织法")} <= found
    assert ("Document", "农村集体经济组织法") not in {(m.type, m.name) for m in rules.features}
    assert {(m.type, m.name) for m in find_mentions(st)} == found


def test_the_hybrid_adds_them_where_the_tagger_found_nothing():
    from govkg.extract import extract
    from govkg.model import Report

    text = "各位代表：\n我们研究制定农村集体经济组织法，办理市政协提案。\n"
    names = {(e.type, e.name) for e in extract(Report(doc="t.txt", text=text, sha256="")).entities}
    assert ("Document", "农村集体经济组织法") in names
    assert any(t == "Organization" and n.endswith("政协") for t, n in names)
