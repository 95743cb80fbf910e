"""govkg.structure: the layout patterns of data/structure.toml and the line tests built on them."""
import pytest

from govkg.structure import KINDS, heading_level, is_debris, item_marker, not_a_report, structure_patterns


@pytest.mark.parametrize("line,level", [
    ("第一章 总则", 1), ("一、2023年工作回顾", 4), ("（一）抓党建促基层治理", 5), ("1. 加强组织建设", 6),
    ("(2)完善制度", 7), ("## 一、主要任务", 4), ("全面完成村级换届工作。", None), ("2023年全县生产总值", None),
])
def test_heading_levels_nest_in_the_order_of_the_file(line, level):
    assert heading_level(line) == level


def test_items_debris_and_files_that_are_not_reports():
    assert item_marker().match("一是加强党的建设，") and item_marker().match("其二是") and not item_marker().match("一、总则")
    assert is_debris("【字号：大 中 小】") and is_debris("  打印  ") and not is_debris("县委组织部牵头开展活动。")
    assert not_a_report("README.md") and not not_a_report("xx县2023年政府工作报告.txt")


def test_the_kinds_are_those_of_the_file():
    assert KINDS == tuple(rule["kind"] for rule in structure_patterns()["kinds"]) and "政府工作报告" in KINDS
