"""Golden table for named strategies without a head noun (named_initiatives.txt)."""
import pytest

from govkg.extract.finders import named

TABLE = [
    ("推进健康中国建设", {("Initiative", "健康中国")}),
    ("深入实施健康中国行动", {("Initiative", "健康中国行动")}),          # the kind joins the name
    ("实施藏粮于地、藏粮于技战略", {("Initiative", "藏粮于地、藏粮于技战略")}),
    ("深化简政放权", {("Initiative", "简政放权")}),
    ("落实全面从严治党要求", set()),                                     # a modifier
    ("推进校园餐、高标准农田建设等领域", set()),                         # a field in a list of fields
]


@pytest.mark.parametrize(("sentence", "expected"), TABLE)
def test_named(finder_of, sentence, expected):
    assert finder_of(named)(sentence) == expected
