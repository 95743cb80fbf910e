"""Relation candidates (the pairs the classifier is asked about), the list feature of a pair, and
the author's relations shared across a list (share_across_lists)."""
import pytest

from govkg.learn.relate import (MAX_PAIR_DISTANCE, Candidate, StatementContext, candidates, pair_features,
                                share_across_lists)
from govkg.model import Mention, Relation


def _bodies_and_programs(n: int, gap: int) -> list[Mention]:
    return [Mention(i * gap, i * gap + 4, "Organization" if i % 2 else "Initiative", f"名称{i}")
            for i in range(n)]


def test_near_pairs_are_candidates_in_both_directions_and_with_the_author():
    body, work = Mention(0, 4, "Organization", "省发改委"), Mention(6, 12, "Initiative", "乡村振兴")
    pairs = {(c.head.name if c.head else "@author", c.tail.name) for c in candidates([body, work])}
    assert ("省发改委", "乡村振兴") in pairs and ("@author", "乡村振兴") in pairs


def test_far_pairs_are_not_candidates():
    pairs = candidates(_bodies_and_programs(2, MAX_PAIR_DISTANCE + 10))
    assert all(c.head is None for c in pairs)


def test_a_long_statement_has_pairs_linear_in_its_mentions():
    few, many = (len(candidates(_bodies_and_programs(n, 10))) for n in (200, 800))
    assert many <= 4.5 * few          # quadratic would be 16 times


@pytest.mark.parametrize("text, coordinated", [
    ("甲公司、乙公司", True), ("甲公司和乙公司", True), ("甲公司以及乙公司", True),
    ("甲公司并乙公司", False),     # 并 joins clauses (并推动), not the names of a list
    ("甲公司与县里乙公司", False),
])
def test_a_pair_joined_only_by_list_words_is_marked_coordinated(text, coordinated):
    """The classifier's ``coord`` feature reads the joining words of relations.toml [coordinated]."""
    head = Mention(0, 3, "Organization", "甲公司")
    tail = Mention(len(text) - 3, len(text), "Organization", "乙公司")
    ctx = StatementContext(text, 0, [head, tail], {head: "e1", tail: "e2"}, "e0", {})
    assert ("coord" in pair_features(Candidate(head, tail), ctx)) is coordinated


LIST = "甲电厂、乙码头和丙园区建成投产，启动丁工程，县农业局与戊公司合作。"


def _at(name: str, type_: str = "Program") -> Mention:
    start = LIST.index(name)
    return Mention(100 + start, 100 + start + len(name), type_, name)


MENTIONS = [_at("甲电厂"), _at("乙码头"), _at("丙园区", "Initiative"), _at("丁工程"),
            _at("县农业局", "Organization"), _at("戊公司", "Organization")]
IDS = {m: "e-" + m.name for m in MENTIONS}


def _shared(relations: list[Relation]) -> set[tuple[str, str, str]]:
    return {(r.head, r.type, r.tail) for r in share_across_lists(relations, LIST, 100, MENTIONS, IDS, "e0")}


@pytest.mark.parametrize("given, added", [
    # joined by 、 to 甲电厂, so established too; 丙园区 is of another type; 丁工程 stands after a clause break
    (Relation("e0", "ESTABLISHES", "e-甲电厂", (100, 136)), {("e0", "ESTABLISHES", "e-乙码头")}),
    # the list is walked from any of its names, in either direction
    (Relation("e0", "ESTABLISHES", "e-乙码头", (100, 136)), {("e0", "ESTABLISHES", "e-甲电厂")}),
    # only the author's relations are shared: a body's relation stays its own
    (Relation("e-县农业局", "COOPERATES_WITH", "e-戊公司", (100, 136)), set()),
])
def test_the_authors_relation_to_a_list_item_holds_for_the_others(given, added):
    assert _shared([given]) == {(given.head, given.type, given.tail)} | added


def test_a_name_the_author_already_relates_to_keeps_its_own_relation():
    given = [Relation("e0", "LEADS", "e-甲电厂", (100, 136)), Relation("e0", "ESTABLISHES", "e-乙码头", (100, 136))]
    assert _shared(given) == {("e0", "LEADS", "e-甲电厂"), ("e0", "ESTABLISHES", "e-乙码头")}


def test_the_shipped_model_shares_the_authors_relation_across_a_list():
    """The classifier relates the author to the item next to the cue only; the setting (on by
    default) gives the same relation to the item the list joins to it."""
    from govkg.extract.entities import AUTHOR_ID, build_entities
    from govkg.learn.model import default_model
    from govkg.model import Report
    from govkg.statements import split_statements

    text = "北山经济开发区污水处理厂、河东乡农产品冷链物流中心等项目建成投产。"
    model = default_model()
    [st] = split_statements(text)
    found = model.mentions(st)
    _, ids = build_entities(Report(doc="t.txt", text=text, sha256=""), found)
    name_of = {entity: m.name for m, entity in ids.items()}

    def relations(share: bool) -> set[tuple[str, str]]:
        settings = model.settings
        model.settings = {**settings, "share_across_lists": share}
        try:
            return {(r.type, name_of[r.tail]) for r in model.relations_of(st, found, ids)
                    if r.head == AUTHOR_ID}
        finally:
            model.settings = settings

    alone, shared = relations(False), relations(True)
    assert alone < shared
    assert {name for _, name in shared - alone} == {"北山经济开发区污水处理厂"}


def test_names_joined_by_and_chain_across_the_list():
    """和 joins the last item: the author's relation to 甲 reaches 丙 when it is of the same type."""
    same_type = [m if m.name != "丙园区" else Mention(m.start, m.end, "Program", m.name) for m in MENTIONS]
    ids = {m: "e-" + m.name for m in same_type}
    out = share_across_lists([Relation("e0", "LEADS", "e-甲电厂", (100, 136))], LIST, 100, same_type, ids, "e0")
    assert {r.tail for r in out} == {"e-甲电厂", "e-乙码头", "e-丙园区"}


def test_a_report_s_relations_scored_together_are_those_of_its_statements_one_by_one(examples_dir):
    """relations_of_report scores every pair of the report in one call; nothing may change for it."""
    from govkg.extract.entities import build_entities
    from govkg.learn.model import default_model
    from govkg.read import read_report
    from govkg.statements import split_statements

    model = default_model()
    if model is None:
        pytest.skip("this installation ships no model")
    report = read_report(next(examples_dir.glob("*.txt")))
    statements = split_statements(report.text)
    per_statement = list(zip(statements, model.mentions_of(statements)))
    _, ids = build_entities(report, [m for _, found in per_statement for m in found])
    together = model.relations_of_report(per_statement, ids)
    assert sum(map(len, together)) > 5
    assert together == [model.relations_of(st, found, ids) for st, found in per_statement]


@pytest.mark.parametrize("text, body, undertaking", [
    ("县乡村振兴局牵头建立防止返贫动态监测和帮扶工作机制，全年新识别监测对象312户。", "县乡村振兴局",
     "防止返贫动态监测和帮扶工作机制"),
    ("县人社局开展“春风行动”，组织专场招聘会15场。", "县人社局", "春风行动"),
])
def test_the_shipped_model_lets_a_body_before_a_leading_verb_lead(text, body, undertaking):
    """The gold's subjects are nearly all the author, so the classifier doubts a body that leads
    (县乡村振兴局牵头建立X); the setting (on by default) keeps the rules' LEADS from a body written
    right before a leading verb, and the author then neither leads nor takes part in it."""
    from govkg.extract.entities import AUTHOR_ID, build_entities
    from govkg.learn.model import default_model
    from govkg.model import Report
    from govkg.statements import split_statements

    model = default_model()
    if model is None:
        pytest.skip("this installation ships no model")
    [st] = split_statements(text)
    found = model.mentions(st)
    _, ids = build_entities(Report(doc="t.txt", text=text, sha256=""), found)
    name_of = {entity: m.name for m, entity in ids.items()}
    name_of[AUTHOR_ID] = "@author"
    relations = {(name_of[r.head], r.type, name_of[r.tail]) for r in model.relations_of(st, found, ids)}
    assert (body, "LEADS", undertaking) in relations
    assert not any(head == "@author" and tail == undertaking for head, _, tail in relations)
