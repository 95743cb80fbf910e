"""Golden table for the headed-names finder: the name runs left from its head noun to a boundary;
leading verbs, counts and levels stay out; the cascades keep only specific names."""
import pytest

from govkg.extract.finders import headed
from govkg.extract.tokens import tokenize

TABLE = [
    ("持续实施党建示范村建设工程，年内完成改造。", {("Program", "党建示范村建设工程")}),
    ("深化国有企业混合所有制改革。", {("Initiative", "国有企业混合所有制改革")}),
    ("积极参加全省基层农技推广骨干培训班。", {("Program", "基层农技推广骨干培训班")}),
    ("推进公平竞争审查制度和荣誉退休制度", {("Initiative", "公平竞争审查制度"), ("Initiative", "荣誉退休制度")}),
    ("新一轮农村土地承包制度改革", {("Initiative", "农村土地承包制度"), ("Initiative", "农村土地承包制度改革")}),
    ("建成北联镇新兴村甜玉米加工项目",
     {("Program", "北联镇新兴村甜玉米加工项目"), ("Place", "北联镇新兴村"), ("Place", "镇新兴村")}),
    ("市人才办牵头", {("Organization", "市人才办")}),
    ("完善利率形成和传导机制", set()),     # second half of a coordination
    ("加快水利工程建设", set()),           # works without a proper part
    ("各镇政府要落实", set()),             # every body of a kind
    ("推进制度型开放", set()),             # the head modifies 型开放
]


@pytest.mark.parametrize(("sentence", "expected"), TABLE)
def test_headed(finder_of, sentence, expected):
    assert finder_of(headed)(sentence) == expected


@pytest.mark.parametrize(("name", "trimmed"), [("新一轮农村改革", "农村改革"), ("xx个示范项目", "示范项目"),
                                               ("县级党校", "党校"), ("今年", "今年")])
def test_trim_left(name, trimmed):
    assert headed.trim_left(name, 10) == (trimmed, 10 + len(name) - len(trimmed))


def test_left_edge_stops_at_a_boundary_verb():
    tokens = tokenize("持续实施党建示范村建设工程")
    edge = headed.left_edge(tokens, len(tokens) - 1)
    assert "".join(t.text for t in tokens[edge:]) == "党建示范村建设工程"
