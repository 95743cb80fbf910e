"""Golden table for persons: X同志, a title and a name, the person of a memorial."""
import pytest

from govkg.extract.finders import persons

TABLE = [
    ("学习张桂梅同志先进事迹", {("Person", "张桂梅")}),
    ("和王明同志一起", {("Person", "王明")}),           # 和 is no part of the name
    ("参观毛岸青纪念馆", {("Person", "毛岸青")}),
    ("县长 王大明", {("Person", "王大明")}),
    ("学习雷锋", set()),
]


@pytest.mark.parametrize(("sentence", "expected"), TABLE)
def test_persons(finder_of, sentence, expected):
    assert finder_of(persons)(sentence) == expected
