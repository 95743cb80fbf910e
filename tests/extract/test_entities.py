"""entities.build_entities: one entity per (type, name as written), the author as e0, resolution.

* The author (spec §5): entity e0, marked author, head of relations whose subject is implicit
  (the government's own voice: 我们, 我, 本县, 全县 or no subject at all).
* Resolution (spec §2, model.Entity.canonical): abbreviations and full names are one thing, each
  entity keeps the name as written, aliases are listed, masked names stay in their report."""
import pytest

from govkg.extract.entities import build_entities, canonical_name
from govkg.model import Mention, Report

# -- the author ---------------------------------------------------------------------------------

IMPLICIT = [
    "我们深入推进村级换届工作。",
    "年内全县扎实开展“一县一品”创建活动。",
    "本县全面实施荣誉退休制度。",
    "持续实施党建示范村建设工程。",
]


@pytest.mark.parametrize("sentence", IMPLICIT)
def test_implicit_subject_is_the_author(extraction_of, sentence):
    ex = extraction_of(sentence)
    author = ex.entities[0]
    assert author.id == "e0" and author.author
    assert any(r.head == "e0" and r.type == "LEADS" for r in ex.relations), ex.relations


def test_author_named_in_the_text_is_mentioned(extraction_of):
    ex = extraction_of("xx县人民政府印发《xx县人才发展规划》。")
    author = ex.entities[0]
    assert author.name == "xx县人民政府" and author.mentions[0] != (0, 0)


def test_only_one_author(extraction_of):
    ex = extraction_of("我们推进村级换届。县委党校举办培训班。")
    assert sum(e.author for e in ex.entities) == 1


def test_unknown_author_has_an_empty_mention(extraction_of):
    ex = extraction_of("推进村级换届。", author="")
    assert ex.entities[0].mentions == ((0, 0),)


@pytest.mark.parametrize("type_", ["Initiative", "Program", "Place"])
def test_a_mention_of_the_authors_name_is_the_author_whatever_its_type(type_):
    """A title (xx县人民政府工作报告) can lead the tagger to take the author's name for an undertaking;
    the report's author is one body, so every mention of its name is that body."""
    text = "xx县人民政府工作报告"
    report = Report(doc="t.txt", text=text, sha256="", author="xx县人民政府")
    mention = Mention(0, 7, type_, "xx县人民政府")
    entities, ids = build_entities(report, [mention])
    assert [(e.type, e.name, e.mentions) for e in entities] == [("Organization", "xx县人民政府", ((0, 7),))]
    assert ids[mention] == "e0"


# -- resolution ---------------------------------------------------------------------------------

CANONICAL = [
    ("上海交大", "上海交通大学"),
    ("东农", "东北农业大学"),
    ("县发改委", "县发展和改革委员会"),
    ("国家发改委", "国家发展和改革委员会"),
    ("上海交通大学", "上海交通大学"),
]


@pytest.mark.parametrize("alias,full", CANONICAL)
def test_canonical_name(alias, full):
    assert canonical_name(alias) == full


def test_abbreviation_and_full_name_are_one_thing(extraction_of):
    ex = extraction_of("分两期在上海交大举办了专题培训班，也是上海交通大学承办的专题培训。")
    unis = [e for e in ex.entities if e.type == "Organization" and "交" in e.name]
    assert {e.name for e in unis} == {"上海交大", "上海交通大学"}           # as written
    assert {e.canonical or e.name for e in unis} == {"上海交通大学"}       # one thing
    short = next(e for e in unis if e.name == "上海交大")
    assert "上海交通大学" in short.aliases


def test_same_name_twice_is_one_entity(extraction_of):
    ex = extraction_of("推进村级换届。村级换届顺利完成。")
    found = [e for e in ex.entities if e.name == "村级换届"]
    assert len(found) == 1 and len(found[0].mentions) == 2


def test_masked_names_are_scoped_to_their_report(extraction_of):
    ex = extraction_of("选派干部到XX市挂职。", doc="a.txt")
    place = next(e for e in ex.entities if e.name == "XX市")
    assert place.scope == "a.txt"


def test_user_aliases_extend_the_table(tmp_path, monkeypatch):
    from govkg.extract import lexicon

    extra = tmp_path / "aliases.tsv"
    extra.write_text("齐市\t齐齐哈尔市\tPlace\n", encoding="utf-8")
    monkeypatch.setenv("GOVKG_ALIASES", str(extra))
    lexicon.aliases.cache_clear()
    try:
        assert canonical_name("齐市") == "齐齐哈尔市"
    finally:
        monkeypatch.delenv("GOVKG_ALIASES")
        lexicon.aliases.cache_clear()
