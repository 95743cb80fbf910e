"""The author (spec §5): entity e0, marked author, head of relations whose subject is implicit
(the government's own voice: 我们, 我, 本县, 全县 or no subject at all)."""
import pytest

from extract_helpers import extraction_of

IMPLICIT = [
    "我们深入推进村级换届工作。",
    "年内全县扎实开展“一县一品”创建活动。",
    "本县全面实施荣誉退休制度。",
    "持续实施党建示范村建设工程。",
]


@pytest.mark.parametrize("sentence", IMPLICIT)
def test_implicit_subject_is_the_author(sentence):
    ex = extraction_of(sentence)
    author = ex.entities[0]
    assert author.id == "e0" and author.author
    assert any(r.head == "e0" and r.type == "LEADS" for r in ex.relations), ex.relations


def test_author_named_in_the_text_is_mentioned():
    ex = extraction_of("xx县人民政府印发《xx县人才发展规划》。")
    author = ex.entities[0]
    assert author.name == "xx县人民政府" and author.mentions[0] != (0, 0)


def test_only_one_author():
    ex = extraction_of("我们推进村级换届。县委党校举办培训班。")
    assert sum(e.author for e in ex.entities) == 1


def test_unknown_author_has_an_empty_mention():
    ex = extraction_of("推进村级换届。", author="")
    assert ex.entities[0].mentions == ((0, 0),)
