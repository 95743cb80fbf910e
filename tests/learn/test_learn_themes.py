import pytest

from govkg.learn.themes import keyword_themes, neighbour_features, neighbour_themes, theme_features
from govkg.model import Statement

TEXTS = ["加强村党组织书记队伍建设。", "二、乡村振兴", "完善村民自治制度。", "今年全市生产总值增长5%。", "推进网格化管理。"]


@pytest.fixture
def statements():
    out, at = [], 0
    for text in TEXTS:
        out.append(Statement(at, at + len(text), text, heading=text.startswith("二、")))
        at += len(text)
    return out


def test_neighbours_skip_headings_and_keep_distance(statements):
    found = neighbour_themes(keyword_themes(statements), 2, 2)
    assert {(side, distance) for side, distance, _ in found} <= {("p", 2), ("n", 1), ("n", 2)}
    assert ("p", 2, "village_governance") in found           # the heading at distance 1 is left out


def test_width_limits_the_features(statements):
    found = neighbour_themes(keyword_themes(statements), 2, 2)
    near = neighbour_features(found, 1)
    assert all(key.startswith("nkw=") for key in near)
    assert "pkw=village_governance" in neighbour_features(found, 2)


def test_context_features_are_added_to_the_statements_own(statements):
    alone = theme_features(statements[3], ())
    assert not any(key.startswith(("pkw=", "nkw=")) for key in alone)
    with_context = theme_features(statements[3], (), neighbour_themes(keyword_themes(statements), 3, 1))
    assert with_context.keys() - alone.keys() == {"pkw=village_governance", "nkw=grassroots_governance"}
