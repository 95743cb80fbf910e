"""Any SPARQL 1.1 server as a store: Apache Jena Fuseki, Oxigraph server, GraphDB, Virtuoso, ...

Writing follows the layout of ``govkg export --format nq``: one named graph per report
(``…/graph/<doc>``) holding what the report says and the descriptions of the entities it names,
so replacing a report is one atomic ``PUT`` of its graph (SPARQL 1.1 Graph Store HTTP Protocol)
and removing it one ``DELETE``; nothing is shared between reports, so nothing needs collecting
afterwards. Servers without the Graph Store Protocol get the same through SPARQL 1.1 Update
(``DROP SILENT GRAPH`` then ``INSERT DATA`` in one request, which servers run as one transaction).
The ontology and theme scheme go to one more graph, ``…/graph/_schema``.

Reading: the named queries join a report's facts with entity descriptions and the theme scheme,
so they run over the union of the named graphs. GraphDB and Virtuoso answer that way by default;
Fuseki needs ``tdb2:unionDefaultGraph`` (``--set tdb:unionDefaultGraph=true``), Oxigraph server
``--union-default-graph``; or pass ``default_graph`` (sent as the protocol's ``default-graph-uri``,
e.g. Jena's ``urn:x-arq:UnionGraph``). The store checks this once and says what to change.

Parameters are bound as values: a ``VALUES`` block of serialised RDF terms (escaped by pyoxigraph)
opens the query's top-level group, the way ``substitutions`` bind them in the embedded store.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from functools import cache
from typing import Callable, Iterable, Mapping

import pyoxigraph as ox

from govkg import iri, vocab
from govkg.errors import QueryError, StoreError, UnsupportedError, optional_import
from govkg.model import Extraction, Report
from govkg.named_queries import internal_query
from govkg.resources import resource_path
from govkg.store import Closing, GraphStore, PushResult, ReportInfo, Table, WithoutRdf

__all__ = ["SparqlPushResult", "SparqlStore", "bind_values", "push_sparql"]

_RESULTS_JSON = "application/sparql-results+json"
_NTRIPLES = "application/n-triples"
_WHERE = re.compile(r"\b(?:WHERE|ASK)\s*\{", re.IGNORECASE)
_XSD = "http://www.w3.org/2001/XMLSchema#"


def bind_values(text: str, params: Mapping[str, object]) -> str:
    """The query with ``params`` bound by a VALUES block opening its top-level WHERE group.

    The values are RDF terms serialised by pyoxigraph (quotes, backslashes and line breaks
    escaped), never the user's text spliced in as SPARQL.
    """
    if not params:
        return text
    names = list(params)
    for name in names:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"'{name}' is not a SPARQL variable name")
    block = "VALUES (%s) { (%s) }\n" % (" ".join(f"?{n}" for n in names),
                                         " ".join(str(_term(params[n])) for n in names))
    offset = 0
    for line in text.splitlines(keepends=True):
        if not line.lstrip().startswith("#"):
            found = _WHERE.search(line)
            if found:
                at = offset + found.end()
                return text[:at] + "\n" + block + text[at:]
        offset += len(line)
    raise QueryError("cannot bind parameters: the query has no 'WHERE {' group")


def _term(value):
    from govkg.store.oxigraph import _param_term

    return _param_term(value)


def _from_json(cell: dict | None):
    """A Python value for a SPARQL JSON results cell (the same values as the embedded store)."""
    from govkg.store.oxigraph import from_ox

    if cell is None:
        return None
    kind, value = cell.get("type"), cell.get("value", "")
    if kind == "uri":
        return value
    if kind == "bnode":
        return value
    datatype = cell.get("datatype")
    if datatype and datatype.startswith(_XSD):
        return from_ox(ox.Literal(value, datatype=ox.NamedNode(datatype)))
    return value


_DECIMAL = ox.NamedNode(f"{_XSD}decimal")


def _canonical(triple: ox.Triple) -> ox.Triple:
    """Decimals in their canonical form ("20" -> "20.0"): Jena TDB2 stores decimals by value and
    keeps a non-canonical one when the graph holding it is replaced or dropped (measured on
    Fuseki 5.6.0), so a replaced report would keep its old metric values."""
    value = triple.object
    if not isinstance(value, ox.Literal) or value.datatype != _DECIMAL:
        return triple
    from decimal import Decimal, InvalidOperation

    try:
        number = Decimal(value.value)
    except InvalidOperation:
        return triple
    text = f"{int(number)}.0" if number == number.to_integral_value() else format(number.normalize(), "f")
    if text == value.value:
        return triple
    return ox.Triple(triple.subject, triple.predicate, ox.Literal(text, datatype=_DECIMAL))


@dataclass
class SparqlPushResult(PushResult):
    triples: int = 0

    @property
    def triples_per_second(self) -> float:
        return self.per_second(self.triples)


class SparqlStore(Closing, WithoutRdf):
    """A SPARQL 1.1 server: ``query_url`` answers queries; ``update_url`` takes updates and
    ``graph_store_url`` Graph Store Protocol requests (both default to ``query_url``, as one
    Fuseki dataset URL serves all three). ``graph_store_url=""`` writes through updates only."""

    def __init__(self, query_url: str, update_url: str | None = None, graph_store_url: str | None = None,
                 user: str | None = None, password: str | None = None, default_graph: str | None = None,
                 timeout: float = 300.0):
        httpx = optional_import("httpx", "sparql", "a SPARQL server as a store")
        if not re.match(r"https?://", query_url or ""):
            raise StoreError(f"'{query_url}': a SPARQL endpoint is an http:// or https:// URL")
        self.query_url = query_url
        self.update_url = update_url or query_url
        self.graph_store_url = query_url if graph_store_url is None else graph_store_url
        self.default_graph = default_graph
        self._client = httpx.Client(auth=(user, password or "") if user else None, timeout=timeout,
                                    headers={"User-Agent": "govkg"})
        self._union_checked = False

    # ---------------------------------------------------------------- HTTP
    def _send(self, method: str, url: str, **kwargs):
        import httpx

        try:
            response = self._client.request(method, url, **kwargs)
        except httpx.HTTPError as err:
            raise StoreError(f"{url}: cannot reach the SPARQL server: {err}") from None
        if response.status_code >= 400 and response.status_code != 404:
            detail = " ".join(response.text.split())[:300]
            raise StoreError(f"{url}: HTTP {response.status_code} {response.reason_phrase}: {detail}")
        return response

    def _query_json(self, text: str, union: bool = True) -> dict:
        data = {"query": text}
        if self.default_graph and union:
            data["default-graph-uri"] = self.default_graph
        response = self._send("POST", self.query_url, data=data, headers={"Accept": _RESULTS_JSON})
        if response.status_code == 404:
            raise StoreError(f"{self.query_url}: no SPARQL endpoint here (HTTP 404)")
        try:
            return response.json()
        except ValueError:
            raise StoreError(f"{self.query_url}: the answer is not SPARQL JSON results") from None

    def update(self, text: str) -> None:
        response = self._send("POST", self.update_url, data={"update": text})
        if response.status_code == 404:
            raise StoreError(f"{self.update_url}: no SPARQL update endpoint here (HTTP 404)")

    # ---------------------------------------------------------------- reading
    def select(self, text: str, params: Mapping[str, object] | None = None,
               prefixes: Mapping[str, str] | None = None, union: bool = True) -> Table:
        """Run a query with bound parameters. ``union=False`` leaves out ``default_graph`` (a
        dataset given in the protocol has no named graphs, so GRAPH patterns need it left out)."""
        if prefixes:
            text = "".join(f"PREFIX {k}: <{v}>\n" for k, v in prefixes.items()) + text
        answer = self._query_json(bind_values(text, params or {}), union)
        if "boolean" in answer:
            return Table(("ask",), ((bool(answer["boolean"]),),))
        columns = tuple(answer.get("head", {}).get("vars", ()))
        rows = tuple(tuple(_from_json(b.get(c)) for c in columns) for b in answer["results"]["bindings"])
        return Table(columns, rows)

    def run_named(self, name: str, params: Mapping[str, str], limit: int | None = None, offset: int = 0) -> Table:
        from govkg.named_queries import load_query

        query = load_query(name, "sparql")
        bound = query.bind(params)
        self._check_union()
        return query.project(self.select(query.page(limit, offset), bound))

    def _check_union(self) -> None:
        """The named queries need the union of the report graphs as the default graph."""
        if self._union_checked:
            return
        in_graphs = self.select(internal_query("server-reports-in-graphs").text, union=False).rows[0][0]
        in_default = self.select(internal_query("server-reports-in-default").text).rows[0][0]
        if in_default < in_graphs:
            raise StoreError(
                f"{self.query_url}: the server's default graph is not the union of its named graphs, "
                "which the named queries need (Fuseki: --set tdb:unionDefaultGraph=true; Oxigraph: "
                "serve --union-default-graph; or --default-graph urn:x-arq:UnionGraph; see docs/scaling.md)")
        self._union_checked = True

    def reports(self) -> list[ReportInfo]:
        """The server's reports; ``key`` is each one's graph (a report's identity there)."""
        table = self.select(internal_query("server-reports").text, union=False)
        return [ReportInfo(doc=d, title=t, sha256=s, year=y, key=g) for d, t, s, y, g in table.rows]

    def report_key(self, report: Report) -> str:
        return str(iri.graph_iri(report.id))

    def report_digest(self, doc: str) -> str | None:
        """The stored hash of a report given by its graph (``report_key``) or its id."""
        graph = doc if doc.startswith(f"{vocab.ID}graph/") else str(iri.graph_iri(doc))
        table = self.select(internal_query("server-digest").text, {"g": ox.NamedNode(graph)}, union=False)
        return table.rows[0][0] if table.rows else None

    # ---------------------------------------------------------------- writing
    def put_triples(self, graph: str, triples: Iterable[ox.Triple]) -> int:
        """Replace one named graph by ``triples``, atomically. Returns the triple count."""
        triples = [_canonical(t) for t in triples]
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) if triples else b""
        if self.graph_store_url:
            self._send("PUT", self.graph_store_url, params={"graph": graph}, content=body,
                       headers={"Content-Type": f"{_NTRIPLES}; charset=utf-8"})
        else:
            self.update(_replace_graph_update(ox.NamedNode(graph), (body or b"").decode("utf-8")))
        return len(triples)

    def put(self, extraction: Extraction) -> int:
        """Store one report (its facts and the entities it names) in its graph, replacing it."""
        from govkg.quads import entity_terms, ntriples, report_terms
        from govkg.store.oxigraph import report_aggregates

        text = ntriples([*report_terms(extraction), *entity_terms(extraction)])
        triples = list(ox.parse(text.encode("utf-8"), ox.RdfFormat.N_TRIPLES))
        triples += report_aggregates(ox.NamedNode(str(iri.report_iri(extraction.report.id))), triples)
        return self.put_triples(self.report_key(extraction.report), triples)

    def remove(self, doc: str) -> bool:
        """Remove a report's graph; False when the server does not have it (asked first: servers
        differ in what a DELETE of an absent graph answers)."""
        graph = doc if doc.startswith(f"{vocab.ID}graph/") else str(iri.graph_iri(doc))
        if not self.select(internal_query("server-has-graph").text, {"g": ox.NamedNode(graph)}, union=False).rows[0][0]:
            return False
        if self.graph_store_url:
            self._send("DELETE", self.graph_store_url, params={"graph": graph})
        else:
            self.update(f"DROP GRAPH {ox.NamedNode(graph)}")
        return True

    def put_schema(self, triples: Iterable[ox.Triple]) -> int:
        from govkg.store.oxigraph import SCHEMA_GRAPH

        return self.put_triples(str(SCHEMA_GRAPH), triples)

    # ---------------------------------------------------------------- what a remote server does not give
    def unsupported(self, what: str) -> UnsupportedError:
        return UnsupportedError(f"{self.query_url}: {what} is read from the embedded store, not from a SPARQL "
                                "server (ask the server with `govkg query --endpoint URL`)")

    def close(self) -> None:
        self._client.close()


def push_sparql(source: GraphStore, target: SparqlStore, force: bool = False, prune: bool = False,
                progress: Callable[[str], None] | None = None) -> SparqlPushResult:
    """Copy the embedded store to a SPARQL server: one graph per report, unchanged ones skipped.

    Each report is one atomic replace of its graph, so a push that stops half-way leaves whole
    reports behind, and running it again completes it. ``prune`` removes the reports the server
    has but the source no longer does.
    """
    started = time.perf_counter()
    result = SparqlPushResult()
    target.put_schema(source.schema_triples())
    stored = {info.key: info for info in target.reports()}      # by graph: two report.txt are two
    wanted = source.reports()
    for info in wanted:
        graph = str(iri.graph_iri(info.id))
        if not force and graph in stored and stored[graph].sha256 == info.sha256:
            result.unchanged.append(info.doc)
        else:
            result.triples += target.put_triples(graph, source.report_triples(info.id))
            result.pushed.append(info.doc)
        if progress:
            progress(info.doc)
    if prune:
        keep = {str(iri.graph_iri(info.id)) for info in wanted}
        for graph in sorted(set(stored) - keep):
            if target.remove(graph):
                result.removed.append(stored[graph].doc)
    result.seconds = time.perf_counter() - started
    return result


@cache
def _replace_graph_template() -> str:
    """loaders/sparql/replace-graph.ru without its comment lines."""
    text = resource_path("loaders", "sparql", "replace-graph.ru").read_text(encoding="utf-8")
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))


def _replace_graph_update(graph: ox.NamedNode, ntriples: str) -> str:
    """The update that replaces ``graph`` by the N-Triples ``ntriples`` (Oxigraph's own
    serialization: every term escaped), from the template, not from user text."""
    before, after = _replace_graph_template().split("{triples}")      # the data is never searched
    return before.replace("{graph}", str(graph)) + ntriples + after.replace("{graph}", str(graph))
