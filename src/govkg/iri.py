"""Stable IRIs: the same name of the same type is the same node in every report and every load.

An entity's IRI comes from its type and normalised name; a masked placeholder (xx县) is scoped to
its report, since two reports' "xx县" need not be the same county.
"""
from __future__ import annotations

import hashlib
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from rdflib import URIRef

from govkg.identity import entity_label
from govkg.vocab import ID

if TYPE_CHECKING:
    from govkg.model import Entity, Report

__all__ = ["STORE", "entity_iri", "entity_node", "graph_iri", "key", "report_iri", "statement_iri"]

# the embedded store's own terms (its catalog, the aggregates it keeps with each report)
STORE = "https://w3id.org/govkg/store#"

QUOTES = "\"'“”‘’「」『』《》〈〉"
_SAFE = set("-_.~()（）·")


@lru_cache(maxsize=65536)
def key(name: str) -> str:
    """A readable IRI segment: NFKC, no spaces or quotes, lower-case, unsafe characters %-escaped."""
    text = unicodedata.normalize("NFKC", name)
    text = "".join(ch for ch in text if not ch.isspace() and ch not in QUOTES).lower()
    return "".join(ch if ch.isalnum() or ch in _SAFE else f"%{ord(ch):02X}" if ord(ch) < 128
                   else ch.encode("utf-8").hex().upper() for ch in text) or "_"


def report_segment(report_id: str) -> str:
    """The IRI segment of a report: its base name, readable, and for a report known by its file
    path a short digest of that path, so two folders' ``report.txt`` are two reports."""
    if "/" not in report_id:
        return key(report_id)
    digest = hashlib.sha1(report_id.encode("utf-8")).hexdigest()[:10]
    return f"{key(report_id.rsplit('/', 1)[1])}~{digest}"


@lru_cache(maxsize=4096)
def report_iri(doc: str) -> URIRef:
    """``doc`` is a report's id (``Report.id``): its file path, or its base name."""
    return URIRef(f"{ID}report/{report_segment(doc)}")


def graph_iri(doc: str) -> URIRef:
    """The named graph that holds everything one report contributes."""
    return URIRef(f"{ID}graph/{report_segment(doc)}")


def statement_iri(doc: str, start: int, end: int) -> URIRef:
    return URIRef(f"{report_iri(doc)}/s/{start}-{end}")


def section_iri(doc: str, path: tuple[str, ...]) -> URIRef:
    digest = hashlib.sha1("\x1f".join(path).encode("utf-8")).hexdigest()[:12]
    return URIRef(f"{report_iri(doc)}/section/{digest}")


def entity_iri(type_: str, name: str, scope: str = "") -> URIRef:
    if scope:
        return URIRef(f"{report_iri(scope)}/{type_}/{key(name)}")
    return URIRef(f"{ID}{type_}/{key(name)}")


def entity_node(entity: Entity, report: Report | None = None) -> URIRef:
    """One node per real thing: an abbreviation and its full name share the canonical name, and
    the spellings of one undertaking across years share its identity name (govkg.identity).
    A name scoped to its report (xx县) is scoped to the report's identity, not its base name."""
    scope = entity.scope
    if report is not None and scope == report.doc:
        scope = report.id
    return entity_iri(entity.type, entity_label(entity), scope)


def hashed_iri(doc: str, kind: str, *parts) -> URIRef:
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]
    return URIRef(f"{report_iri(doc)}/{kind}/{digest}")
