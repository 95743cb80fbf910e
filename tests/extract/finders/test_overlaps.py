"""Golden table for overlap resolution: the longest mention wins; some nested ones stay."""
import pytest

from govkg.extract.finders.overlaps import resolve_overlaps
from govkg.model import Mention

P = Mention(0, 12, "Program", "北联镇新兴村甜玉米加工项目")
TABLE = [
    ([P, Mention(0, 6, "Place", "北联镇新兴村")], [Mention(0, 6, "Place", "北联镇新兴村"), P]),
    ([P, Mention(6, 9, "Initiative", "甜玉米")], [P]),
    ([Mention(0, 4, "Initiative", "健康中国"), Mention(2, 4, "Place", "中国")], [Mention(0, 4, "Initiative", "健康中国")]),
    ([Mention(0, 6, "Place", "毛岸青纪念馆"), Mention(0, 3, "Person", "毛岸青")],
     [Mention(0, 3, "Person", "毛岸青"), Mention(0, 6, "Place", "毛岸青纪念馆")]),
    # same span: the type of higher priority wins (Organization before Place)
    ([Mention(0, 4, "Place", "甲乙中心"), Mention(0, 4, "Organization", "甲乙中心")],
     [Mention(0, 4, "Organization", "甲乙中心")]),
]


@pytest.mark.parametrize(("mentions", "kept"), TABLE)
def test_resolve_overlaps(mentions, kept):
    assert resolve_overlaps(mentions) == kept
