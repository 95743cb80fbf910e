"""The load path's builder (govkg.quads) gives the graph govkg.rdf_mapping gives, report by report:
what it writes is parsed back by Oxigraph's N-Quads parser, so the escaping is checked too."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from govkg.rdf_mapping import entity_triples, report_triples
from govkg.quads import entity_terms, nquads, report_terms
from govkg.store.oxigraph import to_ox

GRAPH = ox.NamedNode("https://example.org/graph")


def _as_ox(triples) -> list[tuple]:
    return [(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples]


def _spo(terms) -> list[tuple]:
    quads = list(ox.parse(nquads(terms, GRAPH.value).encode("utf-8"), ox.RdfFormat.N_QUADS))
    assert len(quads) == len(terms)
    assert all(q.graph_name == GRAPH for q in quads)
    return [(q.subject, q.predicate, q.object) for q in quads]


@pytest.fixture(scope="module")
def corpus_extractions(corpus):
    from govkg.model import Extraction
    from govkg.pipeline import expand_inputs, extract_files

    return [ex for ex in extract_files(expand_inputs([corpus]), jobs=2) if isinstance(ex, Extraction)]


def test_both_builders_give_the_same_graph_for_every_corpus_report(corpus_extractions):
    """No blank nodes on either side, so isomorphic means equal: the same triples, in the same order."""
    assert len(corpus_extractions) >= 30
    for ex in corpus_extractions:
        expected = _as_ox(report_triples(ex))
        assert _spo(report_terms(ex)) == expected, ex.report.doc
        assert _spo(entity_terms(ex)) == _as_ox(entity_triples(ex)), ex.report.doc
        assert not any(isinstance(t, ox.BlankNode) for triple in expected for t in triple)


def test_the_corpus_exercises_every_kind_of_term(corpus_extractions):
    """Booleans, integers, decimals, sections, themes, metrics, unknown authors: each kind of
    triple the builders write appears, so the comparison above covers it."""
    predicates = {p[1:-1].rsplit("#", 1)[-1] for ex in corpus_extractions for _, p, _ in report_terms(ex)}
    assert {"isHeading", "issuerKnown", "start", "value", "masked", "parentSection", "hasTheme",
            "touchesTheme", "metricOf", "evidence", "mentionedIn", "wasAttributedTo"} <= predicates
