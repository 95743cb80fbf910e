"""Every named query returns the same rows from the embedded store (SPARQL) and Neo4j (Cypher)."""
from __future__ import annotations

import pytest

from testkit import sorted_rows

from govkg.named_queries import list_queries
from govkg.store.neo4j import push_store

pytestmark = pytest.mark.neo4j


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
    return cases + _across_years_cases(embedded)


def _across_years_cases(embedded) -> list[tuple[str, dict]]:
    """The series queries: a report against another, an issuer's series, an entity's timeline."""
    reports = embedded.reports()
    first, last = reports[0].doc, reports[-1].doc
    issuer = next(r.issuer for r in reports if r.issuer)
    level = next(r.level for r in reports if r.issuer and r.level)
    named = embedded.run_named("timeline", {"name": issuer}).rows
    assert named, f"the issuer {issuer} should be named in its report"
    cases = [("series", {"issuer": issuer}), ("timeline", {"name": issuer}),
             ("theme-trend", {}), ("theme-trend", {"issuer": issuer}), ("theme-trend", {"level": level})]
    for name in ("new-in-report", "dropped-in-report", "continued-in-report"):
        cases += [(name, {"report": last, "previous": first}), (name, {"report": first, "previous": last})]
    undertaking = embedded.select(
        "SELECT ?n WHERE { ?e a <https://w3id.org/govkg/ontology#Initiative> ; "
        "<http://www.w3.org/2000/01/rdf-schema#label> ?n } ORDER BY ?n LIMIT 1", {}).rows
    if undertaking:
        cases.append(("timeline", {"name": undertaking[0][0]}))
    return cases


def test_every_named_query_gives_the_same_rows_on_both_backends(neo4j_store, embedded):
    push_store(embedded, neo4j_store)
    cases = _cases(embedded)
    assert {name for name, _ in cases} == {q.name for q in list_queries("sparql")} \
        == {q.name for q in list_queries("cypher")}
    for name, params in cases:
        sparql, cypher = embedded.run_named(name, params), neo4j_store.run_named(name, params)
        assert cypher.columns == sparql.columns, name
        assert sorted_rows(cypher) == sorted_rows(sparql), (name, params)
        assert sparql.rows or name in ("documents-implemented", "continued-in-report", "new-in-report",
                                       "dropped-in-report"), (name, params, "no rows to compare")
        page = neo4j_store.run_named(name, params, limit=5, offset=2)
        assert page.rows == cypher.rows[2:7], (name, params, "a page is a slice of the answer")
    assert any(embedded.run_named(name, {"report": last, "previous": first}).rows
               for name in ("new-in-report", "dropped-in-report", "continued-in-report")
               for first, last in [(embedded.reports()[0].doc, embedded.reports()[-1].doc)])


def test_the_hierarchy_is_followed(neo4j_store, embedded):
    push_store(embedded, neo4j_store)
    broad = sorted_rows(neo4j_store.run_named("initiatives-by-theme", {"theme": "grassroots_governance"}))
    narrow = sorted_rows(neo4j_store.run_named("initiatives-by-theme", {"theme": "village_governance"}))
    assert narrow and set(narrow) <= set(broad)


def test_cypher_headers_match_the_sparql_ones():
    sparql = {q.name: q for q in list_queries("sparql")}
    for q in list_queries("cypher"):
        assert q.columns == sparql[q.name].columns and q.params == sparql[q.name].params, q.name
        assert q.purpose


def test_reports_compared_by_name_on_both_backends(neo4j_store, hailar):
    """Hailar 2016 and 2018 write names of one type in one year and of another in the other
    (tests/test_series.py): both query languages count such a name as continued."""
    from testkit import HAILAR

    push_store(hailar, neo4j_store)
    for report, previous in [(HAILAR[2], HAILAR[3]), (HAILAR[3], HAILAR[2])]:
        params = {"report": report, "previous": previous}
        for name in ("new-in-report", "dropped-in-report", "continued-in-report"):
            sparql, cypher = hailar.run_named(name, params), neo4j_store.run_named(name, params)
            assert sparql.rows and sorted_rows(cypher) == sorted_rows(sparql), (name, params)
