"""govkg.neo4j_model: one report's RDF as the rows the Cypher files of loaders/neo4j/ UNWIND
(no server needed; tests/neo4j/ writes them into a real Neo4j)."""
import pytest
from rdflib import RDF, Graph

from govkg import vocab
from govkg.errors import StoreError
from govkg.rdf_mapping import build_graph
from govkg.neo4j_model import theme_rows, to_property_graph
from govkg.pipeline import extract_one
from govkg.resources import ontology_graph


@pytest.fixture(scope="module")
def extraction(sample_report):
    return extract_one(sample_report)


@pytest.fixture(scope="module")
def rows(extraction):
    return to_property_graph(build_graph(extraction))


def test_the_report_and_its_statements(rows, extraction):
    assert rows.doc == extraction.report.doc
    assert rows.report["sha256"] == extraction.report.sha256 and rows.report["year"] == extraction.report.year
    assert [(s["start"], s["end"]) for s in sorted(rows.statements, key=lambda s: s["start"])] == \
        [(s.start, s.end) for s in sorted(extraction.statements, key=lambda s: s.start)]
    assert all(set(s["themes"]) <= set(vocab.THEMES) for s in rows.statements)


def test_entities_mentions_and_relations_point_at_each_other(rows, extraction):
    assert {e["label"] for e in rows.entities} <= set(vocab.ENTITY_CLASSES)
    assert 0 < len(rows.entities) <= len(extraction.entities)     # spellings of one IRI are one node
    entity_iris = {e["iri"] for e in rows.entities}
    statement_iris = {s["iri"] for s in rows.statements}
    assert rows.mentions and all(m["entity"] in entity_iris and m["statement"] in statement_iris
                                 for m in rows.mentions)
    assert rows.relations and all(r["head"] in entity_iris and r["tail"] in entity_iris
                                  and r["type"] in vocab.RELATION_PROPERTIES and r["sentence"]
                                  for r in rows.relations)
    assert sum(e["isAuthor"] for e in rows.entities) <= 1


def test_the_counts_are_what_the_rows_make(rows):
    assert rows.node_count == 1 + len(rows.statements) + len(rows.entities) + len(rows.metrics)
    assert rows.relationship_count >= len(rows.statements) + len(rows.entities) + len(rows.mentions) \
        + len(rows.relations)


def test_a_graph_of_two_reports_is_refused(extraction):
    graph = build_graph(extraction)
    other = Graph()
    other.add((vocab.ID["report/other"], RDF.type, vocab.Report))
    with pytest.raises(StoreError, match="exactly one gk:Report, found 2"):
        to_property_graph(graph + other)


def test_theme_nodes_and_the_narrower_pairs():
    nodes, narrower = theme_rows(ontology_graph("themes.ttl"))
    assert sorted(n["id"] for n in nodes) == sorted(vocab.THEMES)
    assert all(n["name"] for n in nodes)
    pairs = {(b["broader"].rsplit("/", 1)[-1], b["narrower"].rsplit("/", 1)[-1]) for b in narrower}
    assert ("grassroots_governance", "village_governance") in pairs
