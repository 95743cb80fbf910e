"""An export of the store validates against ontology/shapes.ttl (pyshacl), with no violations."""
import pytest
from rdflib import RDF, Graph, Literal, URIRef

from govkg import vocab
from govkg.export import export_store
from govkg.pipeline import expand_inputs, load_files
from govkg.resources import ontology_graph

DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")


def validate(data: Graph):
    pyshacl = pytest.importorskip("pyshacl")
    ontology = Graph()
    ontology += ontology_graph("govkg.ttl")
    ontology += ontology_graph("themes.ttl")
    conforms, _, text = pyshacl.validate(data, shacl_graph=ontology_graph("shapes.ttl"), ont_graph=ontology,
                                         inference="none")
    return conforms, text


def exported(tmp_path, store, reports) -> Graph:
    """The reports loaded into the store and exported as Turtle with the schema, read back."""
    load_files(reports, store)
    out = tmp_path / "graph.ttl"
    export_store(store, "ttl", out, with_schema=True)
    return Graph().parse(out)


def test_sample_export_conforms(tmp_path, store, sample_report):
    graph = exported(tmp_path, store, [sample_report])
    conforms, text = validate(graph)
    assert conforms, text
    assert len(set(graph.subjects(RDF.type, vocab.Metric))) > 50     # the metrics were checked too


@pytest.mark.parametrize("breakage", ["masked with a number", "no evidence", "outside its statement"])
def test_a_broken_metric_is_caught(tmp_path, store, sample_report, breakage):
    graph = exported(tmp_path, store, [sample_report])
    masked = next(graph.subjects(vocab.masked, Literal(True)))
    if breakage == "masked with a number":
        graph.add((masked, vocab.value, Literal("12", datatype=DECIMAL)))
    elif breakage == "no evidence":
        graph.remove((masked, vocab.evidence, None))
    else:
        graph.set((masked, vocab.end, Literal(10 ** 9)))
    assert validate(graph)[0] is False


def test_corpus_export_conforms(tmp_path, store, corpus):
    reports = [p for p in expand_inputs([corpus]) if p.name.startswith(("summary", "gwr-hailar", "policy-zhong"))]
    conforms, text = validate(exported(tmp_path, store, reports))
    assert conforms, text


def test_a_broken_graph_is_caught(tmp_path, store, sample_report):
    graph = exported(tmp_path, store, [sample_report])
    statement = next(graph.subjects(vocab.text, None))
    graph.add((statement, vocab.start, Literal(-1)))
    assert validate(graph)[0] is False
