"""The RDF mapping (govkg.quads) writes text that two independent parsers read as the same graph:
Oxigraph's N-Quads parser (the load path) and rdflib's N-Triples parser (govkg.rdf_mapping), on
every corpus report, so the escaping and the typed literals are checked by both."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph

from govkg.quads import entity_terms, nquads, report_terms
from govkg.rdf_mapping import build_graph
from govkg.store.oxigraph import to_ox

GRAPH = ox.NamedNode("https://example.org/graph")


def _spo(terms) -> list[tuple]:
    quads = list(ox.parse(nquads(terms, GRAPH.value).encode("utf-8"), ox.RdfFormat.N_QUADS))
    assert len(quads) == len(terms)
    assert all(q.graph_name == GRAPH for q in quads)
    return [(q.subject, q.predicate, q.object) for q in quads]


def _as_ox(graph: Graph) -> set[tuple]:
    return {(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph}


@pytest.fixture(scope="module")
def corpus_extractions(corpus):
    from govkg.model import Extraction
    from govkg.pipeline import expand_inputs, extract_files

    return [ex for ex in extract_files(expand_inputs([corpus]), jobs=2) if isinstance(ex, Extraction)]


def test_oxigraph_and_rdflib_read_the_same_graph_for_every_corpus_report(corpus_extractions):
    """No blank nodes, so isomorphic means equal: the same set of triples, each written once."""
    assert len(corpus_extractions) >= 30
    for ex in corpus_extractions:
        terms = entity_terms(ex) + report_terms(ex)
        assert len(set(terms)) == len(terms), ex.report.doc
        from_oxigraph = _spo(terms)
        assert set(from_oxigraph) == _as_ox(build_graph(ex)), ex.report.doc
        assert not any(isinstance(t, ox.BlankNode) for triple in from_oxigraph for t in triple)


def test_text_with_quotes_backslashes_and_line_breaks_reads_back_as_written():
    from govkg.quads import _text

    value = '他说"好"\\n\n第二行\r末尾\\'
    (read,) = ox.parse(f"<urn:s> <urn:p> {_text(value)} .\n".encode("utf-8"), ox.RdfFormat.N_TRIPLES)
    assert read.object.value == value
    (_, _, literal), = Graph().parse(data=f"<urn:s> <urn:p> {_text(value)} .\n", format="nt")
    assert str(literal) == value


def test_the_corpus_exercises_every_kind_of_term(corpus_extractions):
    """Booleans, integers, decimals, sections, themes, metrics, unknown authors: each kind of
    triple the mapping writes appears, so the comparison above covers it."""
    predicates = {p[1:-1].rsplit("#", 1)[-1] for ex in corpus_extractions for _, p, _ in report_terms(ex)}
    assert {"isHeading", "issuerKnown", "start", "value", "masked", "parentSection", "hasTheme",
            "touchesTheme", "metricOf", "evidence", "mentionedIn", "wasAttributedTo",
            "byUnknownAuthor"} <= predicates


def test_a_theme_name_that_cannot_be_an_iri_is_a_report_error_naming_the_file():
    from govkg.errors import NotAnIri, ReportError
    from govkg.model import Extraction, Report, Statement

    report = Report(doc="b.txt", text="推进乡村振兴。", sha256="0", source="in/b.txt")
    good = Extraction(report, (Statement(0, 7, "推进乡村振兴。", themes=("economy",)),), (), ())
    assert any(p.endswith("#hasTheme>") for _, p, _ in report_terms(good))
    bad = Extraction(report, (Statement(0, 7, "推进乡村振兴。", themes=("economy", "not a theme>")),), (), ())
    with pytest.raises(NotAnIri) as caught:
        report_terms(bad)
    assert isinstance(caught.value, ReportError) and caught.value.path == "in/b.txt"
    assert str(caught.value) == ("in/b.txt: theme 'not a theme>' is not a theme name "
                                 "(letters, digits and _ . ~ - only)")
