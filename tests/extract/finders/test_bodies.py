"""Golden table for known bodies and alias words."""
import pytest

from govkg.extract.finders import bodies

TABLE = [
    ("党中央、国务院印发", {("Organization", "党中央"), ("Organization", "国务院")}),
    ("中央关于全面深化改革", {("Organization", "中央")}),
    ("中央财政", set()),                       # 中央 as a modifier
    ("上海交大举办", {("Organization", "上海交大")}),
    ("人民网报道", {("Organization", "人民网")}),
    # three characters or more: wherever written, the longest, with a level word before it
    ("办理市政协提案", {("Organization", "市政协")}),
    ("提请市人大常委会审议", {("Organization", "市人大常委会")}),
    ("省发展改革委、省卫生健康委联合印发", {("Organization", "省发展改革委"), ("Organization", "省卫生健康委")}),
    ("我市市场监管局开展检查", {("Organization", "市场监管局")}),      # 我市 is no level word of its own
    ("出席二十国集团领导人峰会", {("Organization", "二十国集团")}),
]


@pytest.mark.parametrize(("sentence", "expected"), TABLE)
def test_bodies(finder_of, sentence, expected):
    assert finder_of(bodies)(sentence) == expected
