"""Golden table for relations (spec §3): cue words, subjects, lists and evidence spans."""
import pytest


@pytest.fixture(scope="module")
def relations_of(extraction_of):
    """(head name or @author, relation, tail name) of a one-sentence report; evidence in range."""
    def run(text: str) -> set[tuple[str, str, str]]:
        ex = extraction_of(text)
        name = {e.id: ("@author" if e.author else e.name) for e in ex.entities}
        for r in ex.relations:
            assert 0 <= r.evidence[0] < r.evidence[1] <= len(text)
        return {(name[r.head], r.type, name[r.tail]) for r in ex.relations}
    return run


TABLE = [
    ("持续实施党建示范村建设工程。", ("@author", "LEADS", "党建示范村建设工程")),
    ("认真筹备县党代会，积极参加全省基层农技推广骨干培训班。",
     ("@author", "PARTICIPATES_IN", "基层农技推广骨干培训班")),
    ("制定了《xx县驻村第一书记和工作队管理办法》。", ("@author", "ISSUES", "xx县驻村第一书记和工作队管理办法")),
    ("认真执行《党政领导干部选拔任用工作条例》。", ("@author", "IMPLEMENTS", "党政领导干部选拔任用工作条例")),
    ("组建银发党史学习教育宣讲团。", ("@author", "ESTABLISHES", "银发党史学习教育宣讲团")),
    ("与东北农业大学和华源有机食品公司合作成功签约。", ("@author", "COOPERATES_WITH", "东北农业大学")),
    ("与东北农业大学和华源有机食品公司合作成功签约。", ("@author", "COOPERATES_WITH", "华源有机食品公司")),
    ("县职教中心与企业联合开办“瑞信诚畜牧兽医订单班”。", ("县职教中心", "LEADS", "瑞信诚畜牧兽医订单班")),
    ("清华大学已确定在xx建立乡村振兴工作站。", ("清华大学", "ESTABLISHES", "乡村振兴工作站")),
    ("建成北联镇新兴村甜玉米加工项目。", ("北联镇新兴村甜玉米加工项目", "LOCATED_IN", "北联镇新兴村")),
    ("世界新能源汽车大会永久落户海南。", ("世界新能源汽车大会", "LOCATED_IN", "海南")),
    ("支持青岛建设全国智慧教育示范区。", ("智慧教育示范区", "LOCATED_IN", "青岛")),
    ("推行“网片一体化”综合改革，其中早市搬迁工程被人民网报道。", ("早市搬迁工程", "PART_OF", "网片一体化")),
    ("推行“网片一体化”综合改革，其中早市搬迁工程被人民网报道。", ("早市搬迁工程", "REPORTED_BY", "人民网")),
    ("乡村振兴战略有力实施。", ("@author", "LEADS", "乡村振兴战略")),
    # a body after 联合/会同 is a partner, not the subject
    ("联合县人社局举办“农村实用人才培训班”4期。", ("@author", "LEADS", "农村实用人才培训班")),
    ("联合县人社局举办“农村实用人才培训班”4期。", ("@author", "COOPERATES_WITH", "县人社局")),
    ("科技部会同教育部开展“头雁”培育计划。", ("科技部", "COOPERATES_WITH", "教育部")),
]


@pytest.mark.parametrize("sentence,expected", TABLE)
def test_relation(relations_of, sentence, expected):
    assert expected in relations_of(sentence)


def test_one_cue_several_tails(relations_of):
    """推进A、B和C yields three tails."""
    found = relations_of("推进涉企收费目录清单制度、公平竞争审查制度和荣誉退休制度。")
    tails = {t for h, r, t in found if r == "LEADS"}
    assert tails == {"涉企收费目录清单制度", "公平竞争审查制度", "荣誉退休制度"}


def test_a_partner_is_no_subject(relations_of):
    """联合县人社局举办X: the author holds X, with the bureau as its partner."""
    assert not any(head == "县人社局" for head, _, _ in relations_of("联合县人社局举办“农村实用人才培训班”4期。"))


def test_settled_in_needs_the_name_right_before_the_verb(relations_of):
    """中国科学院大学分校落户青岛: the university is named, but the branch settles there."""
    assert not any(r == "LOCATED_IN" for _, r, _ in relations_of("中国科学院大学分校正式落户青岛。"))


def test_governed_noun_blocks_the_relation(relations_of):
    """巩固拓展脱贫攻坚成果: the verb governs 成果, not the initiative."""
    assert not any(r == "LEADS" for _, r, _ in relations_of("持续巩固拓展脱贫攻坚成果。"))


def test_clauses_of_a_statement_hold_their_own_mentions():
    """A Clause carries the statement text, its offsets, the mentions inside and the subject."""
    from govkg.extract.mentions import find_mentions
    from govkg.extract.relations import _whole_statement, clauses_of
    from govkg.model import Statement

    text = "县委组织部牵头实施学历提升工程，并与东北农业大学合作。"
    st = Statement(100, 100 + len(text), text)
    mentions = find_mentions(st)
    ids = {m: f"e{n + 1}" for n, m in enumerate(mentions)}
    whole = _whole_statement(st, mentions, ids)
    assert whole.opener is not None and whole.opener.name == "县委组织部"
    clauses = clauses_of(whole)
    assert [c.words for c in clauses] == ["县委组织部牵头实施学历提升工程", "并与东北农业大学合作"]
    for clause in clauses:
        assert all(clause.lo <= m.start and m.end <= clause.hi for m in clause.mentions)
        assert all(clause.span(m.start, m.end) == m.name for m in clause.mentions)
    assert [m.name for m in clauses[1].mentions] == ["东北农业大学"]


@pytest.mark.parametrize("text, body, led", [
    ("县人社局开展“春风行动”。", "县人社局", True),
    ("县乡村振兴局牵头建立防止返贫动态监测和帮扶工作机制。", "县乡村振兴局", True),
    ("县委组织部牵头实施“学历提升工程”。", "县委组织部", True),
    ("党中央统筹中华民族伟大复兴战略全局。", "党中央", False),        # 统筹 is no leading verb
])
def test_a_body_right_before_a_leading_verb_leads(text, body, led):
    """led_by_a_named_subject: the rules' LEADS the learned model keeps beside its classifier's."""
    from govkg.extract.mentions import find_mentions
    from govkg.extract.relations import find_relations, led_by_a_named_subject
    from govkg.model import Statement

    st = Statement(0, len(text), text)
    mentions = find_mentions(st)
    ids = {m: "n:" + m.name for m in mentions}
    from_body = [r for r in find_relations(st, mentions, ids) if r.head == "n:" + body and r.type == "LEADS"]
    assert any(led_by_a_named_subject(st, mentions, ids, r) for r in from_body) == led
    assert not any(led_by_a_named_subject(st, mentions, ids, r)
                   for r in find_relations(st, mentions, {m: "e0" for m in mentions}))    # never the author
