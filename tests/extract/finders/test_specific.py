"""Golden table: which named rule of the undertaking and organization cascades decides a name.

Each row is (sentence, candidate name, accepted, rule); a change to the rules or the word lists
that makes another rule decide shows up here by name."""
from __future__ import annotations

import pytest

from govkg.extract.finders.rules import Cascade
from govkg.extract.finders.specific import ORGANIZATION, OTHER, UNDERTAKING
from govkg.extract.mentions import explain

UNDERTAKINGS = [
    ("持续实施党建示范村建设工程", "党建示范村建设工程", True, "specific_undertaking"),
    ("北联镇新兴村甜玉米加工项目顺利推进", "北联镇新兴村甜玉米加工项目", True, "specific_undertaking"),
    ("落实农村低保政策", "农村低保", True, "specific_undertaking"),
    ("加快水利工程建设", "水利工程", False, "works_without_proper_part"),
    ("推进集成电路重点项目建设", "集成电路重点项目", False, "works_of_a_class"),
    ("深化改革", "深化改革", False, "modifier_is_boundary_word"),
    ("完善农村工作领导体制机制", "农村工作领导体制机制", False, "system_of_a_field"),
    ("推进深层次改革", "深层次改革", False, "abstract_modifier"),
    ("推动企业技术改造", "企业技术改造", False, "work_done_by_a_class"),
    ("推进中国改革", "中国改革", False, "reform_of_a_whole_place"),
    ("市农业农村局定点帮扶张家湾村", "市农业农村局定点帮扶", False, "body_acting_on_a_place"),
    ("建设区医院120急救中心项目", "区医院120急救中心项目", True, "specific_undertaking"),
    ("落实自然灾害防御工程标准", "自然灾害防御工程", False, "standard_for_works"),
    ("完善利率形成和传导机制", "传导机制", False, "second_half_of_coordination"),
]

ORGANIZATIONS = [
    ("市审计部门开展审计", "市审计部门", True, "jurisdiction_prefix"),
    ("教育部印发通知", "教育部", True, "bureau_of_a_field"),
    ("市人才办牵头", "市人才办", True, "level_and_bureau"),
    ("第一职业学校开学", "第一职业学校", True, "ordinal_school"),
    ("联合镇派出所开展排查", "镇派出所", True, "level_and_its_body"),
    ("引进绿源农业科技有限公司等企业5家", "绿源农业科技有限公司", True, "registered_company"),
    ("区医院新门诊楼投入使用", "区医院", True, "level_and_its_body"),
    ("在县委和县直机关工委的领导下", "县直机关工委", True, "jurisdiction_prefix"),
    ("全部经村党支部提议", "经村党支部", False, "preposition_glued_to_level"),
    ("经市人民政府同意", "经市人民政府", False, "preposition_glued_to_level"),
    ("成立人才工作领导小组", "人才工作领导小组", True, "team_of_a_field"),
    ("xx日报社报道", "xx日报社", True, "masked_or_quoted"),
    ("上海农科院设立工作站", "上海农科院", True, "known_body"),
    ("各镇政府要落实", "镇政府", False, "every_body_of_a_kind"),
    ("建设区域养老服务中心", "区域养老服务中心", False, "kind_or_hub"),
    ("发展普惠性幼儿园", "普惠性幼儿园", False, "name_is_generic"),
]


def _decision(sentence: str, name: str):
    found = [d for d in explain(sentence, name) if d.cascade in ("undertaking", "organization")]
    assert found, f"no undertaking or organization candidate {name!r} in {sentence!r}: {explain(sentence)}"
    return found[0]


@pytest.mark.parametrize(("sentence", "name", "accepted", "rule"), UNDERTAKINGS)
def test_undertaking_rule(sentence, name, accepted, rule):
    decision = _decision(sentence, name)
    assert (decision.cascade, decision.accepted, decision.rule) == ("undertaking", accepted, rule)


@pytest.mark.parametrize(("sentence", "name", "accepted", "rule"), ORGANIZATIONS)
def test_organization_rule(sentence, name, accepted, rule):
    decision = _decision(sentence, name)
    assert (decision.cascade, decision.accepted, decision.rule) == ("organization", accepted, rule)


@pytest.mark.parametrize("sentence", [row[0] for row in UNDERTAKINGS + ORGANIZATIONS])
def test_a_rejected_name_is_no_mention_and_an_accepted_one_is_found(sentence):
    from govkg.extract.mentions import find_mentions
    from govkg.model import Statement

    names = {m.name for m in find_mentions(Statement(0, len(sentence), sentence))}
    row = next(r for r in UNDERTAKINGS + ORGANIZATIONS if r[0] == sentence)
    assert (row[1] in names) == row[2]


@pytest.mark.parametrize("cascade", [UNDERTAKING, ORGANIZATION, OTHER], ids=lambda c: c.name)
def test_rule_names_are_unique_and_documented(cascade: Cascade):
    names = cascade.rule_names()
    assert len(names) == len(set(names))
    undocumented = [r.name for r in cascade.rules if not r.doc]
    assert not undocumented


def test_explain_without_tracing_costs_nothing_and_leaves_no_trace():
    from govkg.extract.finders.rules import _TRACE

    explain("加快水利工程建设")
    assert _TRACE.get() is None
