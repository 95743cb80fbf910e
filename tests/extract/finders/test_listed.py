"""Golden table for the list finder: A、B等工程 gives each named item the head's type."""
import pytest

from govkg.extract.finders import listed

TABLE = [
    ("实施乡村道路硬化、农村饮水安全等工程", {("Program", "乡村道路硬化")}),
    ("推进31.2公里农村公路、xx县第一中学扩建等重点项目", {("Program", "xx县第一中学扩建")}),
    ("启动机器人、新能源汽车等项目", set()),              # fields, not named works
    ("开展打击欺诈、清理整顿等专项行动", set()),          # short items without a facility word
]


@pytest.mark.parametrize(("sentence", "expected"), TABLE)
def test_listed(finder_of, sentence, expected):
    assert finder_of(listed)(sentence) == expected
