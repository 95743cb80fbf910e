from pathlib import Path

import pytest

from govkg.learn.model import (DEFAULT_SETTINGS, ExtractionModel, landforms_in_programs, load_model, merge_mentions,
                               places_in_programs, whole_bodies_win, written_names_win)
from govkg.model import Mention, Statement


def model_with(**settings) -> ExtractionModel:
    """A model of which only the settings matter (propagate reads nothing else)."""
    return ExtractionModel(Path("unused"), None, None, None, None, settings)


def statement(start: int, text: str) -> Statement:
    return Statement(start, start + len(text), text)


FIRST = statement(0, "全面推进高标准农田建设工程和数字政府建设。")
SECOND = statement(100, "高标准农田建设工程完成验收，数字政府建设加快。")
FOUND = [Mention(4, 13, "Program", "高标准农田建设工程"), Mention(14, 20, "Initiative", "数字政府建设")]


def names(per_statement, index: int) -> list[str]:
    return [m.name for m in per_statement[index][1]]


@pytest.mark.parametrize("min_length, expected", [
    (6, ["高标准农田建设工程", "数字政府建设"]),
    (7, ["高标准农田建设工程"]),          # 数字政府建设 has six characters
    (0, []),                              # 0 turns propagation off
])
def test_a_found_name_is_that_entity_where_the_report_repeats_it(min_length, expected):
    out = model_with(propagate_min_length=min_length).propagate([(FIRST, FOUND), (SECOND, [])])
    assert names(out, 1) == expected
    assert out[0][1] == FOUND


def test_propagation_adds_the_repeat_with_its_offsets_and_type():
    out = model_with(propagate_min_length=6).propagate([(FIRST, FOUND), (SECOND, [])])
    assert out[1][1][0] == Mention(100, 109, "Program", "高标准农田建设工程")
    assert SECOND.text[0:9] == "高标准农田建设工程"


def test_propagation_never_cuts_a_mention_reaching_outside_the_repeat():
    there = [Mention(105, 111, "Initiative", "建设工程完成")]
    out = model_with(propagate_min_length=6).propagate([(FIRST, FOUND), (SECOND, there)])
    assert names(out, 1) == ["建设工程完成", "数字政府建设"]


def test_propagation_keeps_a_part_that_the_report_names_elsewhere_too():
    there = [Mention(100, 105, "Initiative", "高标准农田")]
    third = statement(200, "保护高标准农田。")
    out = model_with(propagate_min_length=6).propagate(
        [(FIRST, FOUND), (SECOND, there), (third, [Mention(202, 207, "Initiative", "高标准农田")])])
    assert names(out, 1) == ["高标准农田", "数字政府建设"]
    assert model_with(propagate_min_length=6).propagate([(FIRST, FOUND), (SECOND, there)])[1][1][0].name \
        == "高标准农田建设工程"


TOWN_TITLE = statement(0, "青山镇人民政府工作报告")
TOWN_SPEECH = statement(20, "我代表青山镇人民政府报告工作。")
TOWN_WHOLE = [Mention(0, 7, "Organization", "青山镇人民政府")]
TOWN_PART = [Mention(24, 30, "Initiative", "山镇人民政府")]


@pytest.mark.parametrize("over_parts, expected", [
    (True, [Mention(23, 30, "Organization", "青山镇人民政府")]),
    (False, TOWN_PART),
])
def test_a_repeat_replaces_the_parts_the_tagger_took_of_it_when_set(over_parts, expected):
    out = model_with(propagate_min_length=6, propagate_over_parts=over_parts).propagate(
        [(TOWN_TITLE, TOWN_WHOLE), (TOWN_SPEECH, TOWN_PART)])
    assert out[1][1] == expected


def test_a_repeat_keeps_a_place_nested_in_it_and_never_cuts_a_longer_mention():
    program = statement(0, "北联镇新兴村甜玉米加工项目开工。")
    again = statement(50, "北联镇新兴村甜玉米加工项目投产，北联镇新兴村甜玉米加工项目二期开工。")
    found = [Mention(0, 13, "Program", "北联镇新兴村甜玉米加工项目")]
    there = [Mention(50, 56, "Place", "北联镇新兴村"), Mention(56, 59, "Initiative", "甜玉米"),
             Mention(66, 81, "Program", "北联镇新兴村甜玉米加工项目二期")]
    out = model_with(propagate_min_length=6, propagate_over_parts=True).propagate([(program, found), (again, there)])
    assert out[1][1] == [Mention(50, 56, "Place", "北联镇新兴村"), Mention(50, 63, "Program", "北联镇新兴村甜玉米加工项目"),
                         there[2]]


def test_default_propagates_names_of_six_characters_or_more():
    assert DEFAULT_SETTINGS["propagate_min_length"] == 6
    assert model_with().setting("propagate_min_length") == 6


LEARNED = [Mention(0, 12, "Program", "北联镇新兴村甜玉米加工项目"), Mention(40, 51, "Program", "大唐5万千瓦风电项目")]
RULES = [Mention(0, 6, "Place", "北联镇新兴村"), Mention(20, 24, "Organization", "县农业局"),
         Mention(30, 33, "Place", "北山镇"), Mention(40, 42, "Organization", "大唐")]


@pytest.mark.parametrize("how, union_types, expected", [
    ("learned", frozenset(), ["北联镇新兴村甜玉米加工项目", "大唐5万千瓦风电项目"]),
    # a place or body opening a learned Program stays; rule mentions of union_types the CRF missed join
    ("nested", frozenset({"Organization"}), ["北联镇新兴村", "北联镇新兴村甜玉米加工项目", "县农业局",
                                             "大唐", "大唐5万千瓦风电项目"]),
    ("nested", frozenset(), ["北联镇新兴村", "北联镇新兴村甜玉米加工项目", "大唐", "大唐5万千瓦风电项目"]),
    ("union", frozenset(), ["北联镇新兴村", "北联镇新兴村甜玉米加工项目", "县农业局", "北山镇",
                            "大唐", "大唐5万千瓦风电项目"]),
])
def test_merge_mentions(how, union_types, expected):
    assert [m.name for m in merge_mentions(LEARNED, RULES, how, union_types)] == expected


BRIDGES = Mention(0, 10, "Program", "农林桥和呼达罕桥改造")


@pytest.mark.parametrize("place, kept", [
    (Mention(0, 3, "Place", "农林桥"), True),          # opens the Program
    (Mention(4, 8, "Place", "呼达罕桥"), True),        # inside it, 3+ characters
    (Mention(4, 6, "Place", "呼达"), False),           # inside it, too short to be more than a part
    (Mention(0, 10, "Place", "农林桥和呼达罕桥改造"), False),   # the learned name itself wins
])
def test_a_rule_place_inside_a_learned_program_stays_as_the_rules_keep_it(place, kept):
    merged = merge_mentions([BRIDGES], [place], "nested")
    assert (place in merged) is kept and BRIDGES in merged


# 中欧班列广州集结中心 and 内蒙古冰上运动训练中心: places the rules' overlaps gave up to a longer name
RAIL_HUB = Mention(0, 10, "Program", "中欧班列广州集结中心")
GUANGZHOU = Mention(4, 6, "Place", "广州")


@pytest.mark.parametrize("mentions, places, added", [
    ([RAIL_HUB], [GUANGZHOU], [GUANGZHOU]),                               # inside the Program
    ([RAIL_HUB], [Mention(0, 10, "Place", "中欧班列广州集结中心")], []),   # the Program's own name
    ([RAIL_HUB], [Mention(8, 12, "Place", "中心大街")], []),               # reaching outside it
    ([RAIL_HUB, Mention(0, 2, "Place", "中欧")], [GUANGZHOU], []),        # it holds a place already
    ([RAIL_HUB, Mention(4, 8, "Organization", "广州集结")], [GUANGZHOU], []),   # another mention there
    ([Mention(0, 10, "Initiative", "中欧班列广州集结中心")], [GUANGZHOU], []),   # only Programs nest places
])
def test_a_place_inside_a_learned_program_is_added_when_it_holds_none(mentions, places, added):
    assert places_in_programs(mentions, places) == sorted(mentions + added, key=lambda m: (m.start, m.end))


RIVER_WORKS = Mention(2, 11, "Program", "伊敏河景观改造工程")
RIVER = Mention(2, 5, "Place", "伊敏河")


@pytest.mark.parametrize("mentions, added", [
    ([RIVER_WORKS], [RIVER]),                                              # the river opens it
    ([RIVER_WORKS, Mention(5, 7, "Place", "景观")], []),                   # it holds a place already
    ([Mention(2, 11, "Initiative", "伊敏河景观改造工程")], []),            # only Programs nest places
    ([Mention(2, 10, "Program", "两河圣山旅游景区")], []),                 # a site's own name
    ([Mention(2, 13, "Program", "伊敏河景观改造工程")], []),               # written in quotes: no offsets to cut
])
def test_a_landform_opening_a_learned_program_is_its_place(mentions, added):
    assert landforms_in_programs(mentions) == sorted(mentions + added, key=lambda m: (m.start, m.end))


def test_the_rules_keep_the_places_their_overlaps_gave_up():
    """The rules read 内蒙古冰上运动训练中心 whole as a body, and keep 内蒙古 among ``places``; where
    the tagger reads the whole name as a Program, the model adds the place inside it."""
    from govkg.extract.mentions import rule_mentions

    st = statement(0, "确保内蒙古冰上运动训练中心开工建设。")
    inner = Mention(2, 5, "Place", "内蒙古")
    found = rule_mentions(st)
    assert inner in found.places and inner not in found.found
    assert places_in_programs([Mention(2, 13, "Program", "内蒙古冰上运动训练中心")], found.places)[0] == inner


# 制定实施教育强国建设三年行动计划: the document is characters 4-16
PLAN = Mention(4, 16, "Document", "教育强国建设三年行动计划")
BUREAU = Mention(20, 24, "Organization", "县教育局")


@pytest.mark.parametrize("found, expected", [
    ([Mention(4, 10, "Initiative", "教育强国建设")], [PLAN]),               # the tagger took the subject only
    ([Mention(4, 16, "Program", "教育强国建设三年行动计划")], [PLAN]),     # or gave the name another type
    ([Mention(4, 10, "Initiative", "教育强国建设"), BUREAU], [PLAN, BUREAU]),
    ([Mention(0, 10, "Initiative", "制定实施教育强国建设")], [Mention(0, 10, "Initiative", "制定实施教育强国建设")]),
    ([PLAN], [PLAN]),
    ([], [PLAN]),
])
def test_a_written_document_replaces_the_mentions_inside_it(found, expected):
    """A mention reaching outside the document keeps its place and the document stays out."""
    assert written_names_win(found, [PLAN]) == expected


# 县委组织部制定印发《管理办法》: the body is characters 0-5
WHOLE = Mention(0, 5, "Organization", "县委组织部")


@pytest.mark.parametrize("found, expected", [
    ([Mention(0, 2, "Organization", "县委")], [WHOLE]),          # the tagger stopped at the first body
    ([WHOLE], [WHOLE]),
    ([Mention(0, 2, "Place", "县委")], [Mention(0, 2, "Place", "县委")]),         # not an Organization
    ([Mention(1, 5, "Organization", "委组织部")], [Mention(1, 5, "Organization", "委组织部")]),  # not its opening
    ([Mention(0, 2, "Organization", "县委"), Mention(2, 8, "Initiative", "组织部制定印")],      # another mention
     [Mention(0, 2, "Organization", "县委"), Mention(2, 8, "Initiative", "组织部制定印")]),  # lies in the rest
])
def test_a_whole_body_replaces_its_opening_part(found, expected):
    assert whole_bodies_win(found, [WHOLE]) == expected


def test_a_written_campaign_replaces_the_place_inside_it(sample_model):
    """平安北京 is a campaign (spec §2: no place of its own inside it): the written finder reads it,
    and by default it takes the place of whatever the tagger found inside it."""
    from govkg.extract.mentions import rule_mentions

    st = statement(0, "加强平安北京建设。")
    campaign = Mention(2, 6, "Initiative", "平安北京")
    assert campaign in rule_mentions(st).written
    assert written_names_win([Mention(4, 6, "Place", "北京")], [campaign]) == [campaign]
    found = load_model(sample_model).mentions(st)
    assert campaign in found and not any(m.type == "Place" for m in found)


def test_the_model_lets_written_names_win_by_default(sample_model):
    """The sample model finds the body that opens the regulation's name; by default the document
    the rules read as written (研究制定 … 条例) takes its place."""
    from govkg.extract.mentions import rule_mentions

    text = "研究制定中国共产党农村工作条例。"
    st = statement(0, text)
    regulation = Mention(4, 15, "Document", "中国共产党农村工作条例")
    assert regulation in rule_mentions(st).written
    model = load_model(sample_model)
    assert DEFAULT_SETTINGS["written_names"] is True and DEFAULT_SETTINGS["share_across_lists"] is True
    assert regulation in model.mentions(st)
    model.settings["written_names"] = False
    assert regulation not in model.mentions(st)


def test_an_uncertain_learned_mention_goes_at_the_models_bar(sample_model, examples_dir):
    """``mention_certainty`` (read at extraction; 0 by default) drops the CRF's mentions in which a
    character's label is less likely than the bar: a higher bar keeps a subset, and no label is
    likelier than 1."""
    from govkg.read import read_report
    from govkg.statements import split_statements

    statements = split_statements(read_report(next(examples_dir.glob("*.txt"))).text)
    model = load_model(sample_model)
    model.settings.update(merge="learned", written_names=False, whole_bodies=False)
    found = {}
    for bar in (0, 0.5, 0.9, 1.01):
        model.settings["mention_certainty"] = bar
        found[bar] = {m for per in model.mentions_of(statements) for m in per}
    assert found[0] and not found[1.01]
    assert found[0] >= found[0.5] >= found[0.9]
