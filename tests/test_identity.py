"""One entity across reports (govkg.identity): the name an undertaking is known by in every year,
and the one written form of a label."""
from __future__ import annotations

from govkg.identity import entity_label, identity_name, label_form
from govkg.model import Entity


def test_a_phrase_with_a_leading_verb_is_the_undertaking_it_names():
    assert identity_name("打赢脱贫攻坚战") == "脱贫攻坚"
    assert identity_name("实施乡村振兴战略") == "乡村振兴"


def test_a_leading_verb_is_stripped_only_before_a_name_of_the_alias_table():
    assert identity_name("推进会") == "推进会"
    assert identity_name("实施方案") == "实施方案"
    assert identity_name("县委党校") == "县委党校"


def test_extractions_canonical_name_is_kept():
    assert identity_name("脱贫攻坚战", "脱贫攻坚") == "脱贫攻坚"


def test_one_written_form_of_a_label():
    assert label_form("长江“十年禁渔") == "长江十年禁渔"           # stray quotes out
    assert label_form("ＡＢＣ 12 项目") == "ABC 12项目"             # full width folded; a space only between Latin words
    assert label_form(" 农村 人居 环境 ") == "农村人居环境"
    assert label_form("土地承包期再延长3 0年") == "土地承包期再延长30年"   # two digits are one number
    assert label_form("（试点）") == "(试点)"


def test_an_entity_is_labelled_by_its_identity_name_unless_scoped_to_its_report():
    phrase = Entity("e1", "Initiative", "实施乡村振兴战略", ((0, 8),))
    assert entity_label(phrase) == "乡村振兴"
    masked = Entity("e2", "Place", "ｘｘ县", ((0, 3),), scope="a.txt")
    assert entity_label(masked) == "xx县"
    scoped_alias = Entity("e3", "Organization", "本县党校", ((0, 4),), scope="a.txt", canonical="县委党校")
    assert entity_label(scoped_alias) == "县委党校"
