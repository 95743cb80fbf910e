"""Golden table for persons: X同志, a title and a name, the person of a memorial."""
import pytest

from govkg.extract.finders import persons

TABLE = [
    ("学习张桂梅同志先进事迹", {("Person", "张桂梅")}),
    ("和王明同志一起", {("Person", "王明")}),           # 和 is no part of the name
    ("参观毛岸青纪念馆", {("Person", "毛岸青")}),
    ("县长 王大明", {("Person", "王大明")}),
    ("县委书记张三同志讲话", {("Person", "张三")}),     # the title's last character is no surname
    ("由党委副书记李xx同志担任组长", {("Person", "李xx")}),   # a masked name
    ("xx镇党委书记 王xx", {("Person", "王xx")}),
    ("向全体同志致以问候", set()),
    ("学习雷锋", set()),
]


@pytest.mark.parametrize(("sentence", "expected"), TABLE)
def test_persons(finder_of, sentence, expected):
    assert finder_of(persons)(sentence) == expected
