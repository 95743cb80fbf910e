"""The RDF model: stable IRIs, one node per real thing, report-scoped masked names, provenance."""
from rdflib import RDFS, Literal
from rdflib.namespace import SKOS

from govkg import iri, vocab
from govkg.graph import build_graph
from govkg.model import Entity, Extraction, Relation, Report, Statement

TEXT = "东农与上海交大签约。xx县推进村级换届。"


def extraction(doc: str, entities, relations=()) -> Extraction:
    report = Report(doc=doc, text=TEXT, sha256="0" * 64, title="t")
    statements = (Statement(0, 10, TEXT[:10], themes=("talent",)), Statement(10, 19, TEXT[10:19]))
    return Extraction(report, statements, tuple(entities), tuple(relations))


def test_same_name_same_node_in_two_reports():
    body = Entity("e1", "Organization", "县委党校", ((0, 2),))
    a = build_graph(extraction("a.txt", [body]))
    b = build_graph(extraction("b.txt", [body]))
    node = iri.entity_iri("Organization", "县委党校")
    assert (node, RDFS.label, Literal("县委党校")) in a and (node, RDFS.label, Literal("县委党校")) in b


def test_abbreviation_and_full_name_are_one_node_with_aliases():
    short = Entity("e1", "Organization", "上海交大", ((3, 7),), canonical="上海交通大学")
    full = Entity("e2", "Organization", "上海交通大学", ((0, 0),))
    g = build_graph(extraction("a.txt", [short, full]))
    node = iri.entity_iri("Organization", "上海交通大学")
    assert set(g.objects(node, RDFS.label)) == {Literal("上海交通大学")}
    assert Literal("上海交大") in set(g.objects(node, SKOS.altLabel))


def test_masked_names_are_scoped_to_their_report():
    masked = Entity("e1", "Place", "xx县", ((10, 13),), scope="a.txt")
    other = Entity("e1", "Place", "xx县", ((10, 13),), scope="b.txt")
    assert iri.entity_iri("Place", "xx县", "a.txt") != iri.entity_iri("Place", "xx县", "b.txt")
    assert iri.entity_iri("Place", "xx县", "a.txt") in set(build_graph(extraction("a.txt", [masked])).subjects())
    assert iri.entity_iri("Place", "xx县", "a.txt") not in set(build_graph(extraction("b.txt", [other])).subjects())


def test_relation_carries_its_evidence_statement():
    a = Entity("e1", "Organization", "东农", ((0, 2),))
    b = Entity("e2", "Organization", "上海交大", ((3, 7),))
    g = build_graph(extraction("a.txt", [a, b], [Relation("e1", "COOPERATES_WITH", "e2", (0, 10))]))
    assertion = next(g.subjects(vocab.evidence, iri.statement_iri("a.txt", 0, 10)))
    assert (assertion, vocab.evidence, iri.statement_iri("a.txt", 0, 10)) in g
    assert next(g.objects(iri.statement_iri("a.txt", 0, 10), vocab.text)) == Literal(TEXT[:10])


def test_entities_touch_the_themes_of_their_statements():
    a = Entity("e1", "Organization", "东农", ((0, 2),))
    g = build_graph(extraction("a.txt", [a]))
    assert (iri.entity_iri("Organization", "东农"), vocab.touchesTheme, vocab.THEME["talent"]) in g


def test_iri_keys_are_readable_and_safe():
    assert iri.key("“县委 党校”") == "县委党校"
    assert " " not in iri.key("a b<c>") and "<" not in iri.key("a b<c>")
