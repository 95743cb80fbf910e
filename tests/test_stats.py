"""govkg.stats: the counts `govkg stats` prints, from the queries of queries/internal/stats-*.rq."""
from govkg.pipeline import load_files
from govkg.stats import SECTIONS, store_stats


def test_an_empty_store_counts_nothing(store):
    found = store_stats(store)
    assert list(found) == list(SECTIONS)
    assert all(rows == [] for rows in found.values())


def test_the_counts_of_one_report(tmp_path, store):
    path = tmp_path / "xx县2023年政府工作报告.txt"
    path.write_text("xx县人民政府工作报告\n一、2023年工作回顾\n县委组织部牵头开展“我为群众办实事”实践活动。\n"
                    "全面完成村级换届工作。\n", encoding="utf-8")
    load_files([path], store)
    found = store_stats(store)
    assert found["reports"] == [("reports", 1)]
    statements = found["statements"][0][1]
    assert statements >= 2
    entity_types = dict(found["entity types"])
    assert entity_types.get("Organization", 0) >= 1
    assert sum(entity_types.values()) == len({row[0] for row in store.select(
        "SELECT ?e WHERE { ?e a ?c . ?c <https://w3id.org/govkg/ontology#entityType> ?t }").rows})
    assert all(n > 0 for rows in found.values() for _, n in rows)
    counts = [n for _, n in found["entity types"]]
    assert counts == sorted(counts, reverse=True)        # most first
