"""Stores behind one protocol, so the embedded store, Neo4j and a SPARQL server are interchangeable.

``GraphStore`` says what every store does (know which version of a report is stored, put a report
replacing its earlier facts atomically, remove it, list reports, run the named queries) and the
read side over RDF that export, stats, the explorer and the endpoint use. ``open_store`` gives the
default embedded (Oxigraph) store.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Protocol, Union, runtime_checkable

if TYPE_CHECKING:      # kept out of the import: `govkg extract` needs no RDF library
    import pyoxigraph as ox
    from rdflib import Dataset

    from govkg.errors import UnsupportedError
    from govkg.model import Extraction, Report

    QueryResult = Union[ox.QuerySolutions, ox.QueryTriples, ox.QueryBoolean]   # SPARQL's answer, unconverted

__all__ = ["DEFAULT_STORE", "Closing", "GraphStore", "PushResult", "ReportInfo", "Table", "WithoutRdf", "default_store_path",
           "find_report", "open_store"]

DEFAULT_STORE = "govkg-data"


@dataclass(frozen=True)
class ReportInfo:
    doc: str
    title: str
    sha256: str
    year: int | None = None
    key: str = ""            # the store's identity of the report ("" where it is ``doc``)
    issuer: str = ""                 # the issuing body's entity name; "" when unknown
    level: str = ""
    kind: str = ""
    reported_year: int | None = None

    @property
    def id(self) -> str:
        return self.key or self.doc


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple, ...]
    total: int | None = None      # rows in the whole answer, when asked for (a page shows fewer)

    def as_dicts(self) -> list[dict]:
        return [dict(zip(self.columns, row)) for row in self.rows]


@dataclass
class PushResult:
    """What a push to a server did: the reports written, skipped as unchanged, removed (prune)."""
    pushed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def per_second(self, count: int) -> float:
        return count / self.seconds if self.seconds else 0.0


class Closing:
    """``with open_store(...) as db:`` closes the store however the block ends."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        raise NotImplementedError


class WithoutRdf:
    """The read side for a store that cannot give (all of) it: each method raises the store's
    ``unsupported(what)``; a store defines the methods it can do itself."""

    def unsupported(self, what: str) -> UnsupportedError:
        raise NotImplementedError

    def select(self, text: str, params: Mapping[str, object] | None = None,
               prefixes: Mapping[str, str] | None = None) -> Table:
        raise self.unsupported("a SPARQL query")

    def raw_query(self, text: str, params: Mapping[str, object] | None = None,
                  prefixes: Mapping[str, str] | None = None) -> QueryResult:
        raise self.unsupported("a SPARQL query")

    def update(self, text: str) -> None:
        raise self.unsupported("a SPARQL update")

    def report_triples(self, doc: str) -> list[ox.Triple]:
        raise self.unsupported("a report's RDF triples")

    def schema_triples(self) -> list[ox.Triple]:
        raise self.unsupported("the ontology's triples")

    def dataset(self, include_schema: bool = False) -> Dataset:
        raise self.unsupported("an RDF export")


@runtime_checkable
class GraphStore(Protocol):
    """Every store: the embedded Oxigraph store, Neo4j and any SPARQL 1.1 server.

    The first part is what the pipeline, the push targets and ``govkg reports|query|remove`` need;
    every store does it. The second part, the read side over RDF, is what export, stats, the
    explorer, the SPARQL endpoint and the push sources read through: the embedded store does all
    of it; a store that cannot do a part raises ``UnsupportedError`` saying what to use instead.
    """

    # ---- every store
    def report_key(self, report: Report) -> str: ...
    def report_digest(self, doc: str) -> str | None: ...
    def put(self, extraction: Extraction) -> int: ...
    def remove(self, doc: str) -> bool: ...
    def reports(self) -> list[ReportInfo]: ...
    def run_named(self, name: str, params: Mapping[str, str], limit: int | None = None, offset: int = 0) -> Table: ...
    def close(self) -> None: ...

    # ---- the read side: SPARQL and the stored RDF
    def select(self, text: str, params: Mapping[str, object] | None = None,
               prefixes: Mapping[str, str] | None = None) -> Table: ...
    def raw_query(self, text: str, params: Mapping[str, object] | None = None,
                  prefixes: Mapping[str, str] | None = None) -> QueryResult: ...
    def update(self, text: str) -> None: ...
    def report_triples(self, doc: str) -> list[ox.Triple]: ...
    def schema_triples(self) -> list[ox.Triple]: ...
    def dataset(self, include_schema: bool = False) -> Dataset: ...


def find_report(store: GraphStore, name: str) -> str | None:
    """The stored report ``name`` designates: a file path (the report read from that file), or a
    base name that exactly one stored report has. None when none is stored; QueryError when the
    base name is shared, naming the files to choose from."""
    from govkg.errors import QueryError
    from govkg.read import report_key

    stored = store.reports()
    by_path = report_key(Path(name))
    if any(r.id == by_path for r in stored):
        return by_path
    named = [r for r in stored if r.doc == Path(name).name or r.id == name]
    if len(named) > 1:
        raise QueryError(f"{name}: {len(named)} stored reports have this name; give the file's path: "
                         + ", ".join(r.id for r in named))
    return named[0].id if named else None


def default_store_path(path: str | Path | None = None) -> Path:
    return Path(path or os.environ.get("GOVKG_STORE") or DEFAULT_STORE)


def open_store(path: str | Path | None = None, read_only: bool = False) -> OxigraphStore:
    from govkg.store.oxigraph import OxigraphStore

    return OxigraphStore(default_store_path(path), read_only=read_only)


if TYPE_CHECKING:      # the type checker proves each store is a GraphStore (.ci/run runs it)
    from govkg.store.neo4j import Neo4jStore
    from govkg.store.oxigraph import OxigraphStore
    from govkg.store.sparql import SparqlStore

    def _every_store_is_a_graph_store(a: OxigraphStore, b: Neo4jStore, c: SparqlStore) -> list[GraphStore]:
        return [a, b, c]
