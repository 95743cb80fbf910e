"""The Neo4j store against a real server: load, idempotent push, replace, remove."""
from __future__ import annotations

import dataclasses
import re

import pytest

from govkg import vocab
from govkg.iri import entity_node
from govkg.resources import resource_path
from govkg.errors import UnsupportedError
from govkg.store import GraphStore
from govkg.store.neo4j import Neo4jStore, push_store

pytestmark = pytest.mark.neo4j


def _count(store: Neo4jStore, pattern: str, **params) -> int:
    return store.cypher(f"MATCH {pattern} RETURN count(*)", params).rows[0][0]


def test_the_cypher_files_name_exactly_the_ontology_labels_and_types():
    entities = resource_path("loaders", "neo4j", "merge-entities.cypher").read_text(encoding="utf-8")
    relations = resource_path("loaders", "neo4j", "create-relations.cypher").read_text(encoding="utf-8")
    assert set(re.findall(r"SET e:(\w+)", entities)) == set(vocab.ENTITY_CLASSES)
    assert set(re.findall(r"CREATE \(h\)-\[r:(\w+)\]", relations)) == set(vocab.RELATION_PROPERTIES)


def test_load_writes_one_report_with_its_evidence(neo4j_store, extractions):
    ex = extractions[0]
    written = neo4j_store.put(ex)
    assert written > 0
    assert [r.doc for r in neo4j_store.reports()] == [ex.report.doc]
    assert neo4j_store.report_digest(ex.report.id) == ex.report.sha256
    assert _count(neo4j_store, "(s:Statement)-[:IN_REPORT]->(:Report {doc: $doc})", doc=ex.report.doc) \
        == len(ex.statements)
    assert _count(neo4j_store, "(:Report)-[:HAS_ENTITY]->(:Entity)") == len({str(entity_node(e, ex.report)) for e in ex.entities})
    # every relation shows its sentence, report and offsets
    rows = neo4j_store.cypher("MATCH (:Entity)-[r]->(:Entity) RETURN r.report, r.sentence, r.start, r.end").rows
    assert len(rows) == len(set((r.head, r.type, r.tail, r.evidence) for r in ex.relations))
    assert all(doc == ex.report.doc and sentence and start < end for doc, sentence, start, end in rows)
    assert _count(neo4j_store, "(:Theme {id: 'grassroots_governance'})-[:NARROWER]->(:Theme {id: 'village_governance'})") == 1


def test_load_writes_each_metric_with_its_subject_and_statement(neo4j_store, extractions):
    ex = extractions[0]
    by_id = {e.id: e for e in ex.entities}
    _fresh(neo4j_store, ex)
    expected = sorted((ex.report.text[m.span[0]:m.span[1]], m.value, m.unit, m.masked,
                       str(entity_node(by_id[m.subject], ex.report))) for m in ex.metrics)
    rows = neo4j_store.cypher(
        "MATCH (m:Metric)-[:METRIC_OF]->(e:Entity), (m)-[:EVIDENCE]->(s:Statement)-[:IN_REPORT]->(:Report {doc: $doc}) "
        "WHERE s.start <= m.start AND m.end <= s.end AND substring(s.text, m.start - s.start, m.end - m.start) = m.text "
        "RETURN m.text, m.valueText, m.unit, m.masked, e.iri, m.value", {"doc": ex.report.doc}).rows
    assert len(rows) == _count(neo4j_store, "(m:Metric)") == len(expected) > 0
    assert sorted(tuple(row[:5]) for row in rows) == expected
    assert all((value is None) == masked and (masked or float(text_value) == value)
               for _, text_value, _, masked, _, value in rows)


def test_push_twice_gives_the_same_counts(neo4j_store, embedded):
    first = push_store(embedded, neo4j_store)
    counts = neo4j_store.counts()
    assert len(first.pushed) == len(embedded.reports()) and first.nodes and first.relationships
    again = push_store(embedded, neo4j_store)
    assert again.pushed == [] and len(again.unchanged) == len(first.pushed)
    assert neo4j_store.counts() == counts
    forced = push_store(embedded, neo4j_store, force=True)
    assert len(forced.pushed) == len(first.pushed)
    assert neo4j_store.counts() == counts


def _fresh(store: Neo4jStore, *extractions) -> dict:
    store._write(lambda tx: tx.run("MATCH (n) WHERE NOT n:Theme DETACH DELETE n").consume())
    for ex in extractions:
        store.put(ex)
    return store.counts()


def test_a_changed_report_replaces_its_old_facts(neo4j_store, extractions):
    ex = extractions[0]
    dropped = {e.id for e in ex.entities[len(ex.entities) // 2:] if not e.author}
    changed = dataclasses.replace(
        ex, report=dataclasses.replace(ex.report, sha256="0" * 64),
        entities=tuple(e for e in ex.entities if e.id not in dropped),
        relations=tuple(r for r in ex.relations if r.head not in dropped and r.tail not in dropped))
    expected = _fresh(neo4j_store, changed)
    _fresh(neo4j_store, ex)
    neo4j_store.put(changed)
    assert neo4j_store.counts() == expected
    assert neo4j_store.report_digest(ex.report.id) == "0" * 64
    kept = {str(entity_node(e, changed.report)) for e in changed.entities}
    gone = [str(entity_node(e, ex.report)) for e in ex.entities if e.id in dropped and str(entity_node(e, ex.report)) not in kept]
    assert gone and _count(neo4j_store, "(e:Entity) WHERE e.iri IN $gone", gone=gone) == 0


def test_remove_takes_away_one_report_and_keeps_shared_entities(neo4j_store, extractions):
    if len(extractions) < 2:
        pytest.skip("needs ../shared/corpus for a second report")
    first, second = extractions[0], extractions[1]
    expected = _fresh(neo4j_store, second)
    _fresh(neo4j_store, first, second)
    assert neo4j_store.remove(first.report.doc) is True
    assert neo4j_store.remove(first.report.doc) is False
    assert neo4j_store.counts() == expected
    assert [r.doc for r in neo4j_store.reports()] == [second.report.doc]
    assert _count(neo4j_store, "(e:Entity) WHERE $doc IN e.reports", doc=first.report.doc) == 0
    assert _count(neo4j_store, "(e:Entity) WHERE size(e.reports) = 0") == 0
    assert _count(neo4j_store, "(m:Metric {report: $doc})", doc=first.report.doc) == 0
    assert _count(neo4j_store, "(m:Metric {report: $doc})", doc=second.report.doc) > 0


def test_neo4j_says_what_it_cannot_do_and_why(neo4j_store):
    assert isinstance(neo4j_store, GraphStore)
    calls = {"select": ("SELECT * WHERE { ?s ?p ?o }",), "raw_query": ("ASK {}",), "update": ("CLEAR ALL",),
             "report_triples": ("d",), "schema_triples": (), "dataset": ()}
    assert set(calls) == set(GraphStore.__dict__) & set(calls)
    for method, args in calls.items():
        with pytest.raises(UnsupportedError, match=r"^Neo4j at .*Neo4j does not answer.*embedded store"):
            getattr(neo4j_store, method)(*args)
