"""Stores behind one small protocol, so the embedded store and Neo4j are interchangeable.

``GraphStore`` is what the pipeline and the CLI need: know which version of a report is stored,
put a report (replacing its earlier facts atomically), remove it, list reports, count things and
run the named queries. ``open_store`` gives the default embedded (Oxigraph) store.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from govkg.model import Extraction

__all__ = ["DEFAULT_STORE", "Closing", "GraphStore", "ReportInfo", "Table", "default_store_path", "find_report",
           "open_store"]

DEFAULT_STORE = "govkg-data"


@dataclass(frozen=True)
class ReportInfo:
    doc: str
    title: str
    sha256: str
    year: int | None = None
    key: str = ""            # the store's identity of the report ("" where it is ``doc``)

    @property
    def id(self) -> str:
        return self.key or self.doc
    issuer: str = ""                 # the issuing body's entity name; "" when unknown
    level: str = ""
    kind: str = ""
    reported_year: int | None = None


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple, ...]

    def as_dicts(self) -> list[dict]:
        return [dict(zip(self.columns, row)) for row in self.rows]


class Closing:
    """``with open_store(...) as db:`` closes the store however the block ends."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


@runtime_checkable
class GraphStore(Protocol):
    def report_key(self, report) -> str: ...
    def report_digest(self, doc: str) -> str | None: ...
    def put(self, extraction: Extraction) -> int: ...
    def remove(self, doc: str) -> bool: ...
    def reports(self) -> list[ReportInfo]: ...
    def run_named(self, name: str, params: dict[str, str]) -> Table: ...
    def close(self) -> None: ...


def find_report(store, name: str) -> str | None:
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


def open_store(path: str | Path | None = None, read_only: bool = False):
    from govkg.store.oxigraph import OxigraphStore

    return OxigraphStore(default_store_path(path), read_only=read_only)
