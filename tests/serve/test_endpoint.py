"""govkg.serve.endpoint without a server: content negotiation and the answer to one query over a
real in-memory store (tests/serve/test_serve_app.py drives the endpoint over HTTP)."""
import json

import pyoxigraph as ox
import pytest

from govkg.serve.endpoint import GRAPH_TYPES, RESULT_TYPES, Refused, answer, choose, negotiate
from govkg.store.oxigraph import ENTITIES_GRAPH, OxigraphStore


@pytest.fixture
def memory():
    store = OxigraphStore(None)
    shared = f"<{ENTITIES_GRAPH}>"      # a graph readers always see
    store.update("PREFIX gk: <https://w3id.org/govkg/ontology#> "
                 f"INSERT DATA {{ GRAPH {shared} {{ <urn:a> gk:title '甲' . <urn:b> gk:title 'b'@en . <urn:c> gk:title 'c' }} }}")
    yield store
    store.close()


@pytest.mark.parametrize("accept,expected", [
    ("text/csv;q=0.5, application/sparql-results+json", "application/sparql-results+json"),
    ("text/csv, application/sparql-results+json;q=0.5", "text/csv"),
    ("*/*", "application/sparql-results+json"),
    ("text/*", "text/csv"),
    ("", "application/sparql-results+json"),
    ("image/png", None),
])
def test_negotiate_picks_the_best_offered_type(accept, expected):
    assert negotiate(accept, RESULT_TYPES) == expected


def test_choose_takes_a_format_over_accept_and_refuses_what_is_not_offered():
    assert choose("text/csv", "application/sparql-results+json", RESULT_TYPES) == "text/csv"
    assert choose("application/sparql-results+xml", "", GRAPH_TYPES) == "application/rdf+xml"
    with pytest.raises(Refused) as refused:
        choose(None, "image/png", RESULT_TYPES)
    assert refused.value.status == 406


def test_a_select_answers_in_json_with_prefixes_predeclared_and_a_limit(memory):
    text = "SELECT ?s ?t WHERE { ?s gk:title ?t } ORDER BY ?s"
    full = answer(memory, text, "application/sparql-results+json", None, limit=10)
    document = json.loads(full.body)
    assert document["head"]["vars"] == ["s", "t"] and not full.truncated
    assert [b["t"] for b in document["results"]["bindings"]] == [
        {"type": "literal", "value": "甲"}, {"type": "literal", "value": "b", "xml:lang": "en"},
        {"type": "literal", "value": "c"}]
    cut = answer(memory, text, "", "text/csv", limit=2)
    assert cut.truncated and cut.media_type == "text/csv"
    assert cut.body.decode("utf-8").splitlines() == ["s,t", "urn:a,甲", "urn:b,b"]


def test_ask_and_construct(memory):
    asked = answer(memory, "ASK { <urn:a> gk:title '甲' }", "application/sparql-results+json", None, limit=5)
    assert json.loads(asked.body) == {"head": {}, "boolean": True}
    built = answer(memory, "CONSTRUCT { ?s gk:title ?t } WHERE { ?s gk:title ?t }", "text/turtle", None, limit=2)
    assert built.media_type == "text/turtle" and built.truncated
    assert len(list(ox.parse(built.body, format=ox.RdfFormat.TURTLE))) == 2


def test_a_syntax_error_is_a_400_naming_the_place(memory):
    with pytest.raises(Refused) as refused:
        answer(memory, "SELECT ?s WHERE { ?s ?p }", "", None, limit=5)
    assert refused.value.status == 400 and "line 1" in str(refused.value)
