"""govkg.store.neo4j.mapping: one report's RDF as the typed rows the Cypher files of
loaders/neo4j/ UNWIND (no server needed; tests/neo4j/ writes them into a real Neo4j)."""
import dataclasses

import pytest
from rdflib import RDF, Graph

from govkg import vocab
from govkg.errors import StoreError
from govkg.pipeline import extract_one
from govkg.rdf_mapping import build_graph
from govkg.resources import ontology_graph
from govkg.store.neo4j.mapping import READS, MetricRow, extraction_rows, properties, property_graph, theme_rows


@pytest.fixture(scope="module")
def extraction(sample_report):
    return extract_one(sample_report)


@pytest.fixture(scope="module")
def rows(extraction):
    return property_graph(build_graph(extraction))


def test_the_report_and_its_statements(rows, extraction):
    assert rows.doc == extraction.report.doc
    assert rows.report.sha256 == extraction.report.sha256 and rows.report.year == extraction.report.year
    assert [(s.start, s.end) for s in sorted(rows.statements, key=lambda s: s.start)] == \
        [(s.start, s.end) for s in sorted(extraction.statements, key=lambda s: s.start)]
    assert all(set(s.themes) <= set(vocab.THEMES) for s in rows.statements)
    assert any(s.themes for s in rows.statements)


def test_entities_mentions_and_relations_point_at_each_other(rows, extraction):
    assert {e.label for e in rows.entities} <= set(vocab.ENTITY_CLASSES)
    assert 0 < len(rows.entities) <= len(extraction.entities)     # spellings of one IRI are one node
    entity_iris = {e.iri for e in rows.entities}
    statement_iris = {s.iri for s in rows.statements}
    assert rows.mentions and all(m.entity in entity_iris and m.statement in statement_iris for m in rows.mentions)
    assert len({(m.entity, m.statement, m.start, m.end) for m in rows.mentions}) == len(rows.mentions)
    assert rows.relations and all(r.head in entity_iris and r.tail in entity_iris
                                  and r.type in vocab.RELATION_PROPERTIES and r.sentence
                                  for r in rows.relations)
    assert sum(e.isAuthor for e in rows.entities) <= 1


def test_the_counts_are_what_the_rows_make(rows):
    assert rows.node_count == 1 + len(rows.statements) + len(rows.entities) + len(rows.metrics)
    assert rows.relationship_count >= len(rows.statements) + len(rows.entities) + len(rows.mentions) \
        + len(rows.relations)


def test_links_and_labels_are_not_node_properties(rows):
    assert "themes" not in properties(rows.statements[0]) and "text" in properties(rows.statements[0])
    assert set(properties(rows.entities[0])) == {"iri", "name", "aliases", "scope", "isAuthor", "reports"}
    metric = MetricRow(iri="m", report="r", valueText="1", value=1.0, text="1个", unit="个", counted=None,
                       year=None, masked=False, start=0, end=2, subject="e", statement="s")
    assert "subject" not in properties(metric) and "statement" not in properties(metric)


def test_oxigraph_triples_give_the_rows_rdflib_gives(extraction, rows):
    """The push reads Oxigraph triples and `load --neo4j` the load path's quads: no rdflib on
    either path, and the same rows as from the rdflib graph."""
    from_quads = extraction_rows(extraction)
    assert from_quads.report.key == extraction.report.id
    from_quads.report.key = ""
    assert from_quads == rows
    with_types = dataclasses.asdict(from_quads)
    assert isinstance(with_types["statements"][0]["start"], int)
    assert all(isinstance(m["masked"], bool) for m in with_types["metrics"])


def test_a_store_gives_the_rows_the_extraction_gives(store, extraction, rows):
    from govkg.pipeline import load_extractions

    load_extractions([extraction], store)
    assert property_graph(store.report_triples(extraction.report.id)) == rows


def test_a_graph_of_two_reports_is_refused(extraction):
    graph = build_graph(extraction)
    other = Graph()
    other.add((vocab.ID["report/other"], RDF.type, vocab.Report))
    with pytest.raises(StoreError, match="exactly one gk:Report, found 2"):
        property_graph(graph + other)


def test_theme_nodes_and_the_narrower_pairs():
    nodes, narrower = theme_rows(ontology_graph("themes.ttl"))
    assert sorted(n.id for n in nodes) == sorted(vocab.THEMES)
    assert all(n.name for n in nodes)
    pairs = {(p.broader.rsplit("/", 1)[-1], p.narrower.rsplit("/", 1)[-1]) for p in narrower}
    assert ("grassroots_governance", "village_governance") in pairs


def test_reading_only_the_predicates_the_mapping_reads_gives_the_same_rows(hailar):
    """The push reads a report's quads predicate by predicate (``READS``), leaving out what the
    property graph derives (gk:inReport, gk:touchesTheme, ...): the same rows, from fewer quads."""
    for info in hailar.reports():
        every = list(hailar.report_quads(info.id))
        needed = list(hailar.report_quads(info.id, predicates=READS))
        assert len(needed) < 0.9 * len(every)
        assert property_graph(needed) == property_graph(every)
