"""Case 2 of the fault issue on Neo4j: a report is its file, as in the embedded store. Two
folders' report.txt are two reports; loading the same files again changes nothing; a changed
file replaces only its own report; a base name two reports share is refused by `remove`; a push
from the embedded store keeps both, and the two backends answer alike."""
from __future__ import annotations

import pytest

from testkit import two_folders_one_base_name, write_text_report

from govkg.errors import QueryError
from govkg.pipeline import expand_inputs, load_files
from govkg.store import open_store
from govkg.store.neo4j import push_store

pytestmark = pytest.mark.neo4j

A = "县委组织部牵头开展村级换届工作，全县完成换届村312个。"
B = "县农业农村局负责实施高标准农田建设项目，新建高标准农田5万亩。"
C = "县司法局开展法治乡村建设示范活动。"
A2 = "县民政局牵头推进村务公开工作。"


def texts(store) -> set[str]:
    return {row[0] for row in store.cypher("MATCH (s:Statement) RETURN s.text", {}).rows}


def test_same_base_name_in_two_folders_is_two_reports_on_neo4j(tmp_path, neo4j_store):
    folder = two_folders_one_base_name(tmp_path / "dup", A, B, C)
    first = load_files(expand_inputs([folder]), neo4j_store, model="rules")
    assert len(first.loaded) == 3 and not first.failed, first.failed
    assert sorted(r.doc for r in neo4j_store.reports()) == ["c.txt", "report.txt", "report.txt"]
    assert {A, B, C} <= texts(neo4j_store)
    metrics = neo4j_store.cypher("MATCH (m:Metric) RETURN count(m)", {}).rows[0][0]
    assert metrics >= 2
    counts = neo4j_store.counts()

    again = load_files(expand_inputs([folder]), neo4j_store, model="rules")
    assert again.loaded == [] and len(again.unchanged) == 3
    assert neo4j_store.counts() == counts

    write_text_report(folder / "a" / "report.txt", A2)
    changed = load_files(expand_inputs([folder]), neo4j_store, model="rules")
    assert changed.loaded == ["report.txt"] and len(changed.unchanged) == 2
    assert A2 in texts(neo4j_store) and A not in texts(neo4j_store) and {B, C} <= texts(neo4j_store)
    assert len(neo4j_store.reports()) == 3

    with pytest.raises(QueryError, match="2 stored reports"):
        neo4j_store.remove("report.txt")
    assert neo4j_store.remove(str((folder / "b" / "report.txt").resolve()))
    assert B not in texts(neo4j_store) and {A2, C} <= texts(neo4j_store)
    assert neo4j_store.cypher("MATCH (m:Metric)-[:EVIDENCE]->(:Statement) RETURN count(m)", {}).rows[0][0] \
        == neo4j_store.cypher("MATCH (m:Metric) RETURN count(m)", {}).rows[0][0]


def test_push_keeps_two_reports_of_one_name(tmp_path, neo4j_store):
    folder = two_folders_one_base_name(tmp_path / "dup", A, B, C)
    with open_store(tmp_path / "store") as embedded:
        load_files(expand_inputs([folder]), embedded, model="rules")
        pushed = push_store(embedded, neo4j_store)
        assert len(pushed.pushed) == 3
        assert sorted(r.id for r in neo4j_store.reports()) == sorted(r.id for r in embedded.reports())
        assert len(push_store(embedded, neo4j_store).unchanged) == 3
        for name in ("report-summary", "metrics"):
            sparql, cypher = embedded.run_named(name, {}), neo4j_store.run_named(name, {})
            assert sorted(map(str, sparql.rows)) == sorted(map(str, cypher.rows)), name

        embedded.remove(str((folder / "b" / "report.txt").resolve()))
        pruned = push_store(embedded, neo4j_store, prune=True)
        assert len(pruned.removed) == 1
        assert B not in texts(neo4j_store) and A in texts(neo4j_store)
