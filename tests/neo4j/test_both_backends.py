"""Every named query returns the same rows from the embedded store (SPARQL) and Neo4j (Cypher)."""
from __future__ import annotations

import pytest

from govkg.queries import list_queries
from govkg.store.neo4j import push_store

pytestmark = pytest.mark.neo4j


def _rows(table) -> list[tuple]:
    """Sorted, so that ties in ORDER BY cannot make equal results differ."""
    return sorted(tuple("" if c is None else str(c) for c in row) for row in table.rows)


def _cases(embedded) -> list[tuple[str, dict]]:
    doc = embedded.reports()[0].doc
    leads = embedded.run_named("organizations-leading", {}).rows
    busiest = max({row[0] for row in leads}, key=lambda name: sum(r[0] == name for r in leads))
    aliased = embedded.select(
        "SELECT ?a WHERE { ?e <http://www.w3.org/2004/02/skos/core#altLabel> ?a ; "
        "<https://w3id.org/govkg/ontology#mentionedIn> ?s . "
        "?x <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?e } ORDER BY ?a LIMIT 1", {}).rows
    cases = [("report-summary", {}), ("report-summary", {"report": doc}),
             ("documents-implemented", {}), ("documents-implemented", {"report": doc}),
             ("organizations-leading", {}), ("organizations-leading", {"organization": busiest}),
             ("entity-neighbourhood", {"name": busiest}),
             ("initiatives-by-theme", {"theme": "grassroots_governance"}),
             ("initiatives-by-theme", {"theme": "village_governance"}),
             ("initiatives-by-theme", {"theme": "economy"})]
    if aliased:
        cases.append(("entity-neighbourhood", {"name": aliased[0][0]}))
    metrics = embedded.run_named("metrics", {"report": doc}).as_dicts()
    author = {row["author"] for row in embedded.run_named("report-summary", {}).as_dicts()}
    undertaking = min(row["entity"] for row in metrics if row["entity"] not in author)
    cases += [("metrics", {}), ("metrics", {"report": doc}), ("metrics", {"entity": undertaking}),
              ("metrics", {"entity": undertaking, "report": doc})]
    return cases


def test_every_named_query_gives_the_same_rows_on_both_backends(neo4j_store, embedded):
    push_store(embedded, neo4j_store)
    cases = _cases(embedded)
    assert {name for name, _ in cases} == {q.name for q in list_queries("sparql")} \
        == {q.name for q in list_queries("cypher")}
    for name, params in cases:
        sparql, cypher = embedded.run_named(name, params), neo4j_store.run_named(name, params)
        assert cypher.columns == sparql.columns, name
        assert _rows(cypher) == _rows(sparql), (name, params)
        assert sparql.rows or name in ("documents-implemented",), (name, params, "no rows to compare")


def test_the_hierarchy_is_followed(neo4j_store, embedded):
    push_store(embedded, neo4j_store)
    broad = _rows(neo4j_store.run_named("initiatives-by-theme", {"theme": "grassroots_governance"}))
    narrow = _rows(neo4j_store.run_named("initiatives-by-theme", {"theme": "village_governance"}))
    assert narrow and set(narrow) <= set(broad)


def test_cypher_headers_match_the_sparql_ones():
    sparql = {q.name: q for q in list_queries("sparql")}
    for q in list_queries("cypher"):
        assert q.columns == sparql[q.name].columns and q.params == sparql[q.name].params, q.name
        assert q.purpose
