"""Golden table: which named rule of the place-by-shape cascade decides a place word's name."""
from __future__ import annotations

import pytest

from govkg.extract.finders.places import PLACE, landform_opening
from govkg.extract.mentions import explain, find_mentions
from govkg.model import Statement

PLACES = [
    ("伊敏河治理", "伊敏河", True, "proper_name_and_place_word"),
    ("在哈萨尔大街", "哈萨尔大街", True, "proper_name_and_place_word"),
    ("建设奋斗镇", "奋斗镇", True, "township_named_by_common_word"),
    # jieba reads 奋斗/镇/胜利村: the verb names the township that opens the village's name
    ("推进奋斗镇胜利村建设", "奋斗镇胜利村", True, "proper_name_and_place_word"),
    ("团结村建成文化广场", "团结村", True, "township_named_by_common_word"),   # one word to jieba
    ("推进行政村通硬化路", "行政村", False, "generic_place_modifier"),
    ("天府国际机场", "天府国际机场", True, "facility_named_by_common_noun"),
    ("联建村集体经济", "联建村", False, "village_modifies_next"),
    ("10条特色亮点街道", "10条特色亮点街道", False, "not_one_place"),
    ("各乡镇", "各乡镇", False, "not_one_place"),
    ("建设大都市西门户", "大都市", False, "kind_of_area"),
    ("打造旅游名县", "旅游名县", False, "region_or_goal"),
    ("东北地区机场", "东北地区机场", False, "region_or_goal"),
    ("市民公园", "市民公园", False, "generic_place_modifier"),
    ("文明乡风", "乡", False, "head_character_in_next_word"),
    # a bureau's name or an undertaking's head ends the walk left from the place word
    ("市农业农村局定点帮扶张家湾村", "张家湾村", True, "proper_name_and_place_word"),
]


@pytest.mark.parametrize(("sentence", "name", "accepted", "rule"), PLACES)
def test_place_rule(sentence, name, accepted, rule):
    found = [d for d in explain(sentence, name) if d.cascade == "place"]
    assert found, f"no place candidate {name!r} in {sentence!r}: {explain(sentence)}"
    assert (found[0].accepted, found[0].rule) == (accepted, rule)


@pytest.mark.parametrize(("sentence", "name", "accepted", "rule"), [r for r in PLACES if r[2]])
def test_an_accepted_place_is_a_mention(sentence, name, accepted, rule):
    assert ("Place", name) in {(m.type, m.name) for m in find_mentions(Statement(0, len(sentence), sentence))}


def test_place_rule_names_are_unique_and_documented():
    names = PLACE.rule_names()
    assert len(names) == len(set(names))
    assert all(r.doc for r in PLACE.rules)


# the river, lake, mountain or dam that opens a Program's name (model.landforms_in_programs)
LANDFORM_OPENINGS = [
    ("伊敏河沿河路贯通工程", "伊敏河"),          # jieba reads 伊/敏/河, characters one by one
    ("向家坝灌区一期一步工程", "向家坝"),        # one word, tagged as a person's name
    ("626小河沿岸环境整治", "626小河"),          # a number names it
    ("北山矿山地质环境治理工程", "北山"),        # 矿山 is a common word: the opening ends before it
    ("江河湖库治理工程", None),                  # landforms of every kind, none named
    ("母亲河保护工程", None),                    # a figure of speech
    ("两河圣山旅游景区", None),                  # a site's own name nests no place
    ("长江经济带发展", None),                    # 长江 is no word of its own here
    ("潮白河", None),                            # the whole name
]


@pytest.mark.parametrize(("name", "opening"), LANDFORM_OPENINGS)
def test_landform_opening(name, opening):
    assert landform_opening(name) == opening
