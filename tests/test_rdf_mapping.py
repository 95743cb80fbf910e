"""The RDF model: stable IRIs, one node per real thing, report-scoped masked names, provenance."""
from decimal import Decimal

import rdflib
from rdflib import RDF, RDFS, Literal
from rdflib.namespace import SKOS

from govkg import iri, vocab
from govkg.iri import entity_node
from govkg.rdf_mapping import build_graph
from govkg.model import Entity, Extraction, Metric, Relation, Report, Statement
from govkg.pipeline import extract_one

DECIMAL, INTEGER = rdflib.XSD.decimal, rdflib.XSD.integer   # (XSD itself upsets pytest's collection)

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


METRIC_TEXT = "对三百二十户监测户落实帮扶措施。开展驻村帮扶，选派第一书记xx名。"


def _metric_extraction(metrics) -> Extraction:
    report = Report(doc="m.txt", text=METRIC_TEXT, sha256="0" * 64, title="t", year=2023)
    statements = (Statement(0, 16, METRIC_TEXT[:16]), Statement(16, 33, METRIC_TEXT[16:33]))
    author = Entity("e0", "Organization", "县人民政府", ((0, 0),), author=True)
    helping = Entity("e1", "Initiative", "驻村帮扶", ((18, 22),))
    return Extraction(report, statements, (author, helping), (), tuple(metrics))


def _metric(g, text: str):
    return next(g.subjects(vocab.text, Literal(text)))


def test_a_metric_carries_its_values_and_evidence():
    g = build_graph(_metric_extraction([
        Metric("320", "户", "监测户", (1, 6), subject="e0", year=2022),
        Metric("xx", "名", "第一书记", (29, 32), masked=True, subject="e1", year=2023)]))
    counted = _metric(g, "三百二十户")
    assert (counted, RDF.type, vocab.Metric) in g
    assert g.value(counted, vocab.value) == Literal("320", datatype=DECIMAL)
    assert g.value(counted, vocab.value).toPython() == Decimal(320)
    assert g.value(counted, vocab.valueText) == Literal("320")
    assert g.value(counted, vocab.unit) == Literal("户") and g.value(counted, vocab.counted) == Literal("监测户")
    assert g.value(counted, vocab.year) == Literal(2022, datatype=INTEGER)
    assert g.value(counted, vocab.masked) == Literal(False)
    assert g.value(counted, vocab.metricOf) == iri.entity_iri("Organization", "县人民政府")
    assert g.value(counted, vocab.evidence) == iri.statement_iri("m.txt", 0, 16)
    assert (g.value(counted, vocab.start), g.value(counted, vocab.end)) == (Literal(1), Literal(6))
    masked = _metric(g, "xx名")
    assert g.value(masked, vocab.valueText) == Literal("xx") and g.value(masked, vocab.masked) == Literal(True)
    assert g.value(masked, vocab.value) is None                  # a masked value has no number
    assert g.value(masked, vocab.metricOf) == iri.entity_iri("Initiative", "驻村帮扶")
    assert g.value(masked, vocab.evidence) == iri.statement_iri("m.txt", 16, 33)


def test_a_metric_of_an_unknown_subject_goes_to_the_author_and_numbers_are_plain_decimals():
    g = build_graph(_metric_extraction([Metric("1e3", "户", "", (1, 6), subject="e9")]))
    node = _metric(g, "三百二十户")
    assert g.value(node, vocab.metricOf) == iri.entity_iri("Organization", "县人民政府")
    assert g.value(node, vocab.value) == Literal("1000", datatype=DECIMAL)   # no exponent in xsd:decimal
    assert g.value(node, vocab.counted) is None and g.value(node, vocab.year) is None


def test_metrics_of_the_sample_report_reach_the_graph(sample_report):
    ex = extract_one(sample_report)
    g = build_graph(ex)
    assert len(set(g.subjects(RDF.type, vocab.Metric))) == len({(m.span, m.value, m.unit) for m in ex.metrics}) > 50
    # 对三百二十户监测户逐户落实帮扶措施: a Chinese numeral, converted, with its sentence
    (metric,) = [m for m in ex.metrics if ex.report.text[m.span[0]:m.span[1]] == "三百二十户"]
    node = _metric(g, "三百二十户")
    assert g.value(node, vocab.value).toPython() == Decimal(320) and g.value(node, vocab.unit) == Literal("户")
    assert g.value(node, vocab.masked) == Literal(False) and g.value(node, vocab.year) == Literal(2023)
    assert g.value(node, vocab.counted) == Literal(metric.counted)
    assert g.value(node, vocab.metricOf) == entity_node(next(e for e in ex.entities if e.id == metric.subject), ex.report)
    sentence = str(g.value(g.value(node, vocab.evidence), vocab.text))
    assert "对三百二十户监测户逐户落实帮扶措施" in sentence
    # 全县选派xx名驻村第一书记: masked, kept as written
    at = ex.report.text.index("全县选派xx名驻村第一书记") + len("全县选派")
    (masked,) = [m for m in ex.metrics if m.span[0] == at]
    node = next(n for n in g.subjects(vocab.start, Literal(masked.span[0], datatype=INTEGER))
                if (n, RDF.type, vocab.Metric) in g)
    assert g.value(node, vocab.valueText) == Literal("xx") and g.value(node, vocab.masked) == Literal(True)
    assert g.value(node, vocab.value) is None
