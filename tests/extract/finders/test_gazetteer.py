"""Golden table for the places finder's gazetteer and masked places (places by shape: test_places)."""
import pytest

from govkg.extract.finders import places

TABLE = [
    ("在xx县开展试点", {("Place", "xx县")}),
    ("黑龙江省哈尔滨市", {("Place", "黑龙江省"), ("Place", "哈尔滨市")}),
    ("中国与俄罗斯", {("Place", "中国"), ("Place", "俄罗斯")}),
    # county short forms read by hand (county_short_forms.tsv), which jieba knows as other words
    ("加快个旧、开远等老工业基地改造", {("Place", "个旧"), ("Place", "开远")}),
    ("在册亨、望谟、三都推进乡村振兴", {("Place", "册亨"), ("Place", "望谟"), ("Place", "三都")}),
    # and the common words left out of it
    ("坚持东方风格，加强合作", set()),
    ("新中国成立", set()),
    ("坚持中国特色社会主义", set()),
    ("防控非洲猪瘟", set()),
]


@pytest.mark.parametrize(("sentence", "expected"), TABLE)
def test_gazetteer(finder_of, sentence, expected):
    assert finder_of(places)(sentence) == expected
