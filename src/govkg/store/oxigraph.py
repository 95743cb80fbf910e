"""The embedded default: a persistent Oxigraph RDF store on disk (or in memory when path is None).

Each report lives in its own named graph. Putting a report writes its triples to a staging graph,
then one SPARQL update (a single Oxigraph transaction) moves the staging graph over the report's
graph: readers see the old version or the new one, never half of either. Oxigraph allows one
writer per directory; a second writer gets StoreBusyError.
"""
from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from govkg import iri, vocab
from govkg.errors import QueryError, StoreBusyError, StoreError
from govkg.graph import build_graph
from govkg.model import Extraction
from govkg.resources import resource_path
from govkg.store import ReportInfo, Table

__all__ = ["SCHEMA_GRAPH", "OxigraphStore"]

SCHEMA_GRAPH = URIRef(f"{vocab.ID}graph/_schema")
_STAGING = "#staging"
_SAFE_IRI = re.compile(r'^[^<>"{}|^`\\\s]+$')


def _iri_ref(node: URIRef) -> str:
    """An IRI for the few update texts built here: our own IRIs, checked, never user text."""
    if not _SAFE_IRI.match(str(node)):
        raise StoreError(f"unsafe IRI refused: {node!r}")
    return f"<{node}>"


def to_ox(term):
    from rdflib import BNode, Literal

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise StoreError(f"cannot store term {term!r}")


def from_ox(term):
    """A Python value for a result cell."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else ""
        if dt.endswith("#integer") or dt.endswith("#int") or dt.endswith("#long"):
            return int(term.value)
        if dt.endswith("#boolean"):
            return term.value == "true"
        if dt.endswith("#decimal") or dt.endswith("#double"):
            return float(term.value)
        return term.value
    return term.value if hasattr(term, "value") else str(term)


class OxigraphStore:
    def __init__(self, path: Path | None, read_only: bool = False):
        self.path = path
        self.read_only = read_only
        self._store = self._open(path, read_only)
        if not read_only:
            self._drop_stale_staging()
            self._ensure_schema()

    @staticmethod
    def _open(path: Path | None, read_only: bool) -> ox.Store:
        if path is None:
            return ox.Store()
        try:
            if read_only:
                if not Path(path).exists():
                    raise StoreError(f"{path}: no store here yet (run 'govkg load' first)")
                return ox.Store.read_only(str(path))
            Path(path).mkdir(parents=True, exist_ok=True)
            return ox.Store(str(path))
        except OSError as err:
            if "LOCK" in str(err) or "lock" in str(err) or "temporarily unavailable" in str(err):
                raise StoreBusyError(f"{path}: store is busy (another govkg process is writing it); "
                                     "try again when it has finished") from None
            raise StoreError(f"{path}: cannot open the store: {err}") from None

    # ---------------------------------------------------------------- writing
    def _ensure_schema(self) -> None:
        schema = Graph()
        for name in ("govkg.ttl", "themes.ttl"):
            schema.parse(resource_path("ontology", name))
        self._replace_graph(SCHEMA_GRAPH, schema)

    def _drop_stale_staging(self) -> None:
        for graph in list(self._store.named_graphs()):
            if graph.value.endswith(_STAGING):
                self._store.remove_graph(graph)

    def _replace_graph(self, name: URIRef, graph: Graph) -> int:
        staging = URIRef(str(name) + _STAGING)
        g = ox.NamedNode(str(staging))
        try:
            self._store.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in graph)
            self._store.update(f"MOVE SILENT GRAPH {_iri_ref(staging)} TO GRAPH {_iri_ref(name)}")
        except OSError as err:
            self._discard(g)
            raise StoreError(f"{self.path}: write failed, the stored version is unchanged: {err}") from None
        return len(graph)

    def _discard(self, graph: ox.NamedNode) -> None:
        try:
            self._store.remove_graph(graph)
        except OSError:
            pass   # dropped at the next open for writing

    def put(self, extraction: Extraction) -> int:
        """Store one report, replacing what an earlier version of it said. Returns its triple count."""
        self._writable()
        return self._replace_graph(iri.graph_iri(extraction.report.doc), build_graph(extraction))

    def remove(self, doc: str) -> bool:
        self._writable()
        graph = ox.NamedNode(str(iri.graph_iri(doc)))
        if not self._store.contains_named_graph(graph):
            return False
        self._store.remove_graph(graph)
        return True

    def update(self, text: str) -> None:
        self._writable()
        try:
            self._store.update(text)
        except SyntaxError as err:
            raise QueryError(f"SPARQL update: {err}") from None

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")

    # ---------------------------------------------------------------- reading
    def report_digest(self, doc: str) -> str | None:
        rows = self.select("SELECT ?sha ?doc WHERE { ?r <%s> ?doc ; <%s> ?sha }" % (vocab.docName, vocab.sha256),
                           {"doc": doc}).rows
        return rows[0][0] if rows else None

    def reports(self) -> list[ReportInfo]:
        table = self.select(
            "SELECT ?doc ?title ?sha ?year WHERE { ?r a <%s> ; <%s> ?doc ; <%s> ?sha ; <%s> ?title "
            "OPTIONAL { ?r <%s> ?year } } ORDER BY ?doc"
            % (vocab.Report, vocab.docName, vocab.sha256, vocab.title, vocab.year), {})
        return [ReportInfo(doc=d, title=t, sha256=s, year=y) for d, t, s, y in table.rows]

    def select(self, text: str, params: dict[str, object]) -> Table:
        """Run a SELECT with parameters bound as values (never pasted into the text).

        Oxigraph substitutes only variables of the SELECT clause, so a parameter must be projected.
        """
        substitutions = {ox.Variable(k): _param_term(v) for k, v in params.items()}
        try:
            result = self._store.query(text, substitutions=substitutions, **self._visible_graphs())
        except SyntaxError as err:
            raise QueryError(f"SPARQL syntax error: {err}") from None
        except OSError as err:
            raise StoreError(f"{self.path}: query failed: {err}") from None
        if isinstance(result, bool):
            return Table(("ask",), ((result,),))
        if isinstance(result, ox.QuerySolutions):
            columns = tuple(v.value for v in result.variables)
            return Table(columns, tuple(tuple(from_ox(sol[c]) for c in columns) for sol in result))
        rows = tuple((t.subject.value, t.predicate.value, from_ox(t.object)) for t in result)
        return Table(("subject", "predicate", "object"), rows)

    def _visible_graphs(self) -> dict:
        """All graphs as the default graph, except a staging graph being written right now."""
        graphs = list(self._store.named_graphs())
        if any(g.value.endswith(_STAGING) for g in graphs):
            return {"default_graph": [g for g in graphs if not g.value.endswith(_STAGING)]}
        return {"use_default_graph_as_union": True}

    def run_named(self, name: str, params: dict[str, str]) -> Table:
        from govkg.queries import load_query

        query = load_query(name, "sparql")
        return query.project(self.select(query.text, query.bind(params)))

    def triple_count(self) -> int:
        """Triples of the reports (the schema graph and any staging graph left out)."""
        total = len(self._store)
        for graph in self._store.named_graphs():
            if graph.value == str(SCHEMA_GRAPH) or graph.value.endswith(_STAGING):
                total -= sum(1 for _ in self._store.quads_for_pattern(None, None, None, graph))
        return total

    def dataset(self, include_schema: bool = False) -> Dataset:
        """Everything stored, as an rdflib Dataset (for export and validation)."""
        from rdflib import Literal

        ds = Dataset()
        for quad in self._store:
            if quad.graph_name == ox.DefaultGraph() or quad.graph_name.value.endswith(_STAGING):
                continue
            graph = URIRef(quad.graph_name.value)
            if graph == SCHEMA_GRAPH and not include_schema:
                continue
            ds.add((_to_rdflib(quad.subject), _to_rdflib(quad.predicate), _to_rdflib(quad.object), graph))
        return ds

    def close(self) -> None:
        if not self.read_only:
            self._store.flush()
        del self._store


def _param_term(value):
    if isinstance(value, (ox.NamedNode, ox.Literal)):
        return value
    if isinstance(value, URIRef):
        return ox.NamedNode(str(value))
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false",
                          datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return ox.Literal(str(value))


def _to_rdflib(term):
    from rdflib import BNode, Literal

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    dt = term.datatype.value if term.datatype else None
    if dt == "http://www.w3.org/2001/XMLSchema#string":
        dt = None
    return Literal(term.value, datatype=URIRef(dt) if dt else None)
