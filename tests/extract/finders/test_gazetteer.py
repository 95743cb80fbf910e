"""Golden table for the places finder's gazetteer and masked places (places by shape: test_places)."""
import pytest

from govkg.extract.finders import places

TABLE = [
    ("在xx县开展试点", {("Place", "xx县")}),
    ("黑龙江省哈尔滨市", {("Place", "黑龙江省"), ("Place", "哈尔滨市")}),
    ("中国与俄罗斯", {("Place", "中国"), ("Place", "俄罗斯")}),
    ("新中国成立", set()),
    ("坚持中国特色社会主义", set()),
    ("防控非洲猪瘟", set()),
]


@pytest.mark.parametrize(("sentence", "expected"), TABLE)
def test_gazetteer(finder_of, sentence, expected):
    assert finder_of(places)(sentence) == expected
