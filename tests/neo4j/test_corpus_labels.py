"""Case 9 of the fault issue on the whole corpus: one entity written with "+" in one report and
"＋" in another (or any other full-width/half-width pair) is one node with one label, so the
embedded store (SPARQL) and Neo4j (Cypher) give the same rows for the same question."""
from __future__ import annotations

import pytest

from testkit import sorted_rows

from govkg.pipeline import expand_inputs, load_files
from govkg.store import open_store
from govkg.store.neo4j import push_store

pytestmark = pytest.mark.neo4j

TWO_LABELS = """SELECT ?e (COUNT(DISTINCT ?l) AS ?n) WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l ;
  a ?c . FILTER(STRSTARTS(STR(?c), "https://w3id.org/govkg/ontology#")) } GROUP BY ?e HAVING (COUNT(DISTINCT ?l) > 1)"""


@pytest.fixture(scope="module")
def corpus_store(corpus, tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "store"
    with open_store(path) as db:
        result = load_files(expand_inputs([corpus]), db, jobs=2)
    assert not result.failed and len(result.loaded) >= 30, result.failed
    return path


def test_sparql_and_cypher_agree_on_the_corpus(corpus_store, neo4j_store):
    with open_store(corpus_store, read_only=True) as embedded:
        assert embedded.select(TWO_LABELS, {}).rows == ()
        push_store(embedded, neo4j_store)
        for name, params in [("organizations-leading", {"organization": "国务院"}),
                             ("organizations-leading", {"organization": "国务院　"}),   # as a user may paste it
                             ("entity-neighbourhood", {"name": "国务院"})]:
            sparql, cypher = embedded.run_named(name, params), neo4j_store.run_named(name, params)
            assert len(sparql.rows) > 100, (name, params)
            assert sorted_rows(sparql) == sorted_rows(cypher), (name, params, len(sparql.rows), len(cypher.rows))
