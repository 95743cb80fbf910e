"""govkg against a real SPARQL 1.1 server (Apache Jena Fuseki): push, re-push, replace, remove,
and every named query giving the embedded store's rows."""
from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from testkit import sorted_rows

from govkg import iri
from govkg.pipeline import extract_files, load_extractions
from govkg.named_queries import list_queries
from govkg.read import report_key
from govkg.store import open_store
from govkg.store.sparql import SparqlStore, push_sparql

pytestmark = pytest.mark.fuseki


def _graph_sizes(server: SparqlStore) -> dict[str, int]:
    table = server.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return dict(table.rows)


def test_push_puts_one_graph_per_report_with_what_the_embedded_store_holds(fuseki, embedded):
    result = push_sparql(embedded, fuseki)
    docs = [info.doc for info in embedded.reports()]
    assert result.pushed == docs and not result.unchanged
    assert [(r.doc, r.sha256) for r in fuseki.reports()] == [(r.doc, r.sha256) for r in embedded.reports()]
    sizes = _graph_sizes(fuseki)
    ids = [info.id for info in embedded.reports()]        # a report's identity: its file's path
    for key in ids:
        assert sizes[str(iri.graph_iri(key))] == len(embedded.report_triples(key)), key
    assert result.triples == sum(len(embedded.report_triples(key)) for key in ids)
    assert fuseki.report_digest(ids[0]) == embedded.report_digest(ids[0])
    assert fuseki.report_digest("no-such-report.txt") is None


def test_pushing_again_changes_nothing(fuseki, embedded):
    push_sparql(embedded, fuseki)
    before = _graph_sizes(fuseki)
    again = push_sparql(embedded, fuseki)
    assert again.pushed == [] and len(again.unchanged) == len(embedded.reports())
    assert _graph_sizes(fuseki) == before
    forced = push_sparql(embedded, fuseki, force=True)
    assert len(forced.pushed) == len(embedded.reports()) and _graph_sizes(fuseki) == before


def _change(report):
    """The same file with the second half of its text cut off: a new version of the report."""
    text = report.read_text(encoding="utf-8")
    report.write_text(text[: len(text) // 2], encoding="utf-8")
    return report


@pytest.mark.parametrize("graph_store", [True, False], ids=["graph-store-protocol", "update-only"])
def test_a_changed_report_replaces_its_graph_and_a_removed_one_goes(fuseki_url, report_files, tmp_path, graph_store):
    server = SparqlStore(fuseki_url, graph_store_url=None if graph_store else "")
    copies = [Path(shutil.copy(f, tmp_path / f.name)) for f in report_files]   # changed in place below
    with open_store(tmp_path / "store") as local:
        load_extractions(extract_files(copies), local)
        push_sparql(local, server)
        first, other = report_key(copies[0]), report_key(copies[-1])     # a report's identity
        before = _graph_sizes(server)
        load_extractions(extract_files([_change(copies[0])]), local)
        result = push_sparql(local, server)
        assert result.pushed == [copies[0].name]
        assert server.report_digest(first) == local.report_digest(first) != None  # noqa: E711
        after = _graph_sizes(server)
        assert after[str(iri.graph_iri(first))] == len(local.report_triples(first)) < before[str(iri.graph_iri(first))]
        assert after[str(iri.graph_iri(other))] == before[str(iri.graph_iri(other))]
        statements = server.select("SELECT (COUNT(?s) AS ?n) WHERE { GRAPH ?g { ?s a <%s> } }"
                                   % "https://w3id.org/govkg/ontology#Statement", {"g": iri.graph_iri(first)})
        assert statements.rows[0][0] == local.run_named("report-summary", {"report": copies[0].name}).rows[0][4]

        local.remove(first)
        pruned = push_sparql(local, server, prune=True)
        assert pruned.removed == [copies[0].name] and not pruned.pushed
        assert copies[0].name not in {r.doc for r in server.reports()}
        assert str(iri.graph_iri(first)) not in _graph_sizes(server)
        assert _graph_sizes(server)[str(iri.graph_iri(other))] == before[str(iri.graph_iri(other))]
        assert server.remove(first) is False
    server.close()


def _param_values(embedded) -> dict[str, str]:
    """A value for each parameter name the named queries take, chosen so that rows come back."""
    leads = embedded.run_named("organizations-leading", {}).rows
    busiest = max({row[0] for row in leads}, key=lambda name: sum(r[0] == name for r in leads))
    reports = embedded.reports()
    return {"report": reports[0].doc, "organization": busiest, "name": busiest,
            "theme": "village_governance", "previous": reports[-1].doc,
            "issuer": next(r.issuer for r in reports if r.issuer)}


def _value(embedded, query, name: str, values: dict, required: dict) -> str:
    """A known value for the parameter, else one the query itself answers in the column of that name."""
    if name in values:
        return values[name]
    rows = embedded.run_named(query.name, required).as_dicts()
    assert rows and name in rows[0], f"no test value for {query.name}'s parameter {name}: add one to _param_values"
    return rows[len(rows) // 2][name]


def test_every_named_query_gives_the_embedded_rows(fuseki, embedded):
    push_sparql(embedded, fuseki)
    values = _param_values(embedded)
    for query in list_queries("sparql"):
        required = {p.name: values[p.name] for p in query.params if p.required}
        cases = [required] + [{**required, p.name: _value(embedded, query, p.name, values, required)}
                              for p in query.params if not p.required]
        for params in cases:
            local, remote = embedded.run_named(query.name, params), fuseki.run_named(query.name, params)
            assert remote.columns == local.columns, query.name
            assert sorted_rows(remote) == sorted_rows(local), (query.name, params)
            assert local.rows or query.name in ("documents-implemented", "continued-in-report"), \
                (query.name, params, "no rows to compare")
            page = fuseki.run_named(query.name, params, limit=5, offset=2)
            assert page.rows == remote.rows[2:7], (query.name, params, "a page is a slice of the answer")


def test_parameters_are_bound_as_values_not_spliced_into_the_text(fuseki):
    tricky = 'x" } ; DROP ALL ; SELECT * { "\n\\ 县委'
    table = fuseki.select("SELECT ?value WHERE { }", {"value": tricky})
    assert table.rows == ((tricky,),)


def test_a_server_without_the_union_default_graph_is_named(fuseki_url, embedded):
    """Without the union as default graph the named queries would answer nothing: say so instead;
    Jena's union graph name, sent as the protocol's default-graph-uri, is the remedy."""
    from govkg.errors import StoreError

    with SparqlStore(fuseki_url) as server:
        push_sparql(embedded, server)
        server.update("COPY GRAPH <%s> TO DEFAULT" % iri.graph_iri(embedded.reports()[0].id))
    with SparqlStore(fuseki_url, default_graph="urn:x-arq:DefaultGraph") as server:
        with pytest.raises(StoreError, match="not the union"):
            server.run_named("report-summary", {})
    with SparqlStore(fuseki_url, default_graph="urn:x-arq:UnionGraph") as server:
        assert len(server.run_named("report-summary", {}).rows) == len(embedded.reports())


def test_a_report_put_from_its_extraction_is_the_graph_a_push_puts(fuseki, extractions, tmp_path):
    """``SparqlStore.put`` builds the report's triples with the load path's builder (no rdflib
    term): the server's graph is the one a push from an embedded store holding that report alone
    gives (alone: an entity's description there is what this report says of it), triple for triple."""
    ex = extractions[0]
    graph = str(iri.graph_iri(ex.report.id))
    query = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
    count = fuseki.put(ex)
    put = sorted_rows(fuseki.select(query, {"g": ox.NamedNode(graph)}, union=False))
    with open_store(tmp_path / "alone") as alone:
        load_extractions([ex], alone)
        push_sparql(alone, fuseki, force=True)
        assert count == len(alone.report_triples(ex.report.id))
    pushed = sorted_rows(fuseki.select(query, {"g": ox.NamedNode(graph)}, union=False))
    assert put == pushed and len(put) == count


def test_the_replace_update_is_the_template_with_the_data_untouched():
    """loaders/sparql/replace-graph.ru filled in: a literal that holds the template's own
    placeholders comes back as written, and the graph holds exactly the triples (run by Oxigraph,
    which needs no server)."""
    from govkg.store.sparql import _replace_graph_update

    graph = ox.NamedNode("https://w3id.org/govkg/id/graph/x")
    old = ox.Quad(ox.NamedNode("urn:old"), ox.NamedNode("urn:p"), ox.Literal("gone"), graph)
    triples = [ox.Triple(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal('{graph} "{triples}" }} ;')),
               ox.Triple(ox.NamedNode("urn:s"), ox.NamedNode("urn:q"), ox.Literal("第二"))]
    body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    store = ox.Store()
    store.add(old)
    store.update(_replace_graph_update(graph, body))
    assert {(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, graph)} == \
        {(t.subject, t.predicate, t.object) for t in triples}
