import pytest

from govkg.extract.tokens import tokenize
from govkg.learn.features import char_features, rule_tags
from govkg.model import Mention


def features_of(text: str, mentions=(), base: int = 0) -> list[dict[str, str]]:
    """Each character's features as {name: value} (every feature is 'name=value' but the bias)."""
    rows = char_features(text, base, tokenize(text, base), list(mentions))
    return [dict(f.split("=", 1) for f in row if "=" in f) for row in rows]


def test_one_row_per_character_with_its_window():
    text = "推进乡村振兴"
    rows = features_of(text)
    assert len(rows) == len(text)
    assert rows[0]["c"] == "推" and rows[0]["p1"] == "␀" and rows[0]["n3"] == "村"
    assert rows[2]["p1c"] == "进乡" and rows[-1]["n1"] == "␀"


def test_outermost_rule_mention_tagged_and_offsets_read_from_base():
    text = "北山镇甜玉米加工项目"
    inner, outer = Mention(100, 103, "Place", "北山镇"), Mention(100, 110, "Program", text)
    assert rule_tags(len(text), 100, [inner, outer]) == ["B-Program"] + ["I-Program"] * 9
    rows = features_of(text, [inner], base=100)
    assert [r["r"] for r in rows[:4]] == ["B-Place", "I-Place", "I-Place", "O"]


@pytest.mark.parametrize("text, at, expected", [
    ("实施《乡村振兴促进法》", 2, "o"),    # the opening mark
    ("实施《乡村振兴促进法》", 4, "b"),    # inside 《》
    ("实施《乡村振兴促进法》", 10, "c"),   # the closing mark
    ("推进“一网通办”改革", 4, "q"),         # inside quotes
    ("推进“一网通办”改革", 0, "-"),
])
def test_quote_context(text, at, expected):
    assert features_of(text)[at]["q"] == expected


def test_character_classes():
    rows = features_of("建成3个xx村")
    assert rows[2]["k"] == "dhh" and rows[4]["k"] == "xhx"
