"""Relation candidates: the pairs the classifier is asked about."""
from govkg.learn.relate import MAX_PAIR_DISTANCE, candidates
from govkg.model import Mention


def _bodies_and_programs(n: int, gap: int) -> list[Mention]:
    return [Mention(i * gap, i * gap + 4, "Organization" if i % 2 else "Initiative", f"名称{i}")
            for i in range(n)]


def test_near_pairs_are_candidates_in_both_directions_and_with_the_author():
    body, work = Mention(0, 4, "Organization", "省发改委"), Mention(6, 12, "Initiative", "乡村振兴")
    pairs = {(c.head.name if c.head else "@author", c.tail.name) for c in candidates([body, work])}
    assert ("省发改委", "乡村振兴") in pairs and ("@author", "乡村振兴") in pairs


def test_far_pairs_are_not_candidates():
    pairs = candidates(_bodies_and_programs(2, MAX_PAIR_DISTANCE + 10))
    assert all(c.head is None for c in pairs)


def test_a_long_statement_has_pairs_linear_in_its_mentions():
    few, many = (len(candidates(_bodies_and_programs(n, 10))) for n in (200, 800))
    assert many <= 4.5 * few          # quadratic would be 16 times
