"""govkg.store.neo4j.push: what a report is pushed as (its rows, read from quads or triples), the
push's rates, and push_store's skip / force / prune on the real Neo4j the suite starts."""
from __future__ import annotations

import dataclasses

import pytest

from govkg.pipeline import load_files
from govkg.store.neo4j.push import Neo4jPushResult, _rows, push_store
from testkit import write_text_report


@pytest.fixture
def two_reports(tmp_path, store, sample_report):
    extra = write_text_report(tmp_path / "in" / "second.txt")
    assert load_files([sample_report, extra], store).loaded
    return store


class _TriplesOnly:
    """A source store that gives a report as triples only (as a SPARQL server's store does)."""

    def __init__(self, store):
        self.report_triples = store.report_triples


def test_a_report_reads_as_the_same_rows_from_quads_and_from_triples(two_reports):
    for info in two_reports.reports():
        from_quads, from_triples = _rows(two_reports, info), _rows(_TriplesOnly(two_reports), info)
        assert from_quads.report.key == from_triples.report.key == info.id
        assert from_quads.doc == info.doc and from_quads.report.sha256 == info.sha256
        assert from_quads.node_count > 1 and from_quads.relationship_count > 0
        for rows in ("statements", "entities", "mentions", "relations", "metrics"):
            as_set = lambda pg: sorted(map(repr, getattr(pg, rows)))      # noqa: E731 - rows are dataclasses
            assert as_set(from_quads) == as_set(from_triples), (info.doc, rows)


def test_push_rates_are_per_second_of_the_push_and_zero_before_it_is_timed():
    result = Neo4jPushResult(nodes=300, relationships=900)
    assert result.nodes_per_second == 0.0 and result.relationships_per_second == 0.0
    timed = dataclasses.replace(result, seconds=1.5)
    assert (timed.nodes_per_second, timed.relationships_per_second) == (200.0, 600.0)


@pytest.mark.neo4j
def test_push_skips_what_neo4j_has_redoes_it_when_forced_and_prunes_what_the_source_lost(two_reports, neo4j_store):
    docs = sorted(info.doc for info in two_reports.reports())
    seen: list[str] = []
    first = push_store(two_reports, neo4j_store, progress=seen.append)
    assert sorted(first.pushed) == docs and sorted(seen) == docs and not first.unchanged
    expected = [_rows(two_reports, info) for info in two_reports.reports()]
    assert first.nodes == sum(pg.node_count for pg in expected)
    assert first.relationships == sum(pg.relationship_count for pg in expected)
    assert sorted(i.sha256 for i in neo4j_store.reports()) == sorted(i.sha256 for i in two_reports.reports())

    again = push_store(two_reports, neo4j_store)
    assert sorted(again.unchanged) == docs and not again.pushed and again.nodes == 0
    forced = push_store(two_reports, neo4j_store, force=True)
    assert sorted(forced.pushed) == docs and forced.nodes == first.nodes

    gone = next(info for info in two_reports.reports() if info.doc == "second.txt")
    assert two_reports.remove(gone.id)
    kept = push_store(two_reports, neo4j_store)
    assert not kept.removed and len(neo4j_store.reports()) == 2, "without prune Neo4j keeps it"
    pruned = push_store(two_reports, neo4j_store, prune=True)
    assert pruned.removed == ["second.txt"]
    assert [i.doc for i in neo4j_store.reports()] == [d for d in docs if d != "second.txt"]
