"""The store protocol: every store is a GraphStore, and says plainly what it cannot do."""
from __future__ import annotations

import pytest

from govkg.errors import UnsupportedError
from govkg.store import GraphStore
from govkg.store.neo4j import Neo4jStore
from govkg.store.oxigraph import OxigraphStore
from govkg.store.sparql import SparqlStore

READ_SIDE = ("select", "raw_query", "update", "report_triples", "schema_triples", "dataset")


@pytest.mark.parametrize("store_class", [OxigraphStore, Neo4jStore, SparqlStore])
def test_every_store_class_has_every_method_of_the_protocol(store_class):
    wanted = {name for name in dir(GraphStore) if not name.startswith("_")}
    assert wanted >= set(READ_SIDE)
    assert wanted <= {name for name in dir(store_class) if callable(getattr(store_class, name))}


def test_the_embedded_store_answers_select_ask_and_construct():
    store = OxigraphStore(None)
    assert isinstance(store, GraphStore)
    store.update("INSERT DATA { <urn:a> <urn:p> 'x' }")
    assert store.select("ASK { ?s ?p 'x' }").rows == ((True,),)
    assert store.select("ASK { ?s ?p 'y' }").rows == ((False,),)
    assert store.select("SELECT ?s WHERE { ?s ?p 'x' }").rows == (("urn:a",),)
    assert store.select("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(?s = <urn:a>) }").rows == (("urn:a", "urn:p", "x"),)


def test_a_sparql_server_says_what_it_does_not_give():
    store = SparqlStore("http://127.0.0.1:9/never")       # nothing is sent: the refusal comes first
    for method, args in (("report_triples", ("d",)), ("dataset", ()), ("raw_query", ("ASK {}",))):
        with pytest.raises(UnsupportedError, match=r"http://127.0.0.1:9/never: .* embedded store"):
            getattr(store, method)(*args)
    store.close()

