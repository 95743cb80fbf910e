"""Golden table for known bodies and alias words."""
import pytest

from govkg.extract.finders import bodies

TABLE = [
    ("党中央、国务院印发", {("Organization", "党中央"), ("Organization", "国务院")}),
    ("中央关于全面深化改革", {("Organization", "中央")}),
    ("中央财政", set()),                       # 中央 as a modifier
    ("上海交大举办", {("Organization", "上海交大")}),
    ("人民网报道", {("Organization", "人民网")}),
]


@pytest.mark.parametrize(("sentence", "expected"), TABLE)
def test_bodies(finder_of, sentence, expected):
    assert finder_of(bodies)(sentence) == expected
