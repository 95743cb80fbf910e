"""What the explorer's pages show, as plain data: an entity with its relations and their evidence,
a report's text as its statements with their section paths, a named query's answer as CSV, and
the checks of a query's parameters in the words of a form (not of the command line).
"""
from __future__ import annotations

import csv
import io
import json

from govkg.errors import GovKGError
from govkg.named_queries import internal_query
from govkg.store import GraphStore
from govkg.view.data import ViewGraph

__all__ = ["COLUMN_KINDS", "check_params", "entity_page", "report_page", "table_csv", "table_json", "theme_matrix"]

# How the explorer shows a named query's column: entity names link to the entity page, a
# report to the report page, a sentence to the report at that sentence; anything else is text.
COLUMN_KINDS = {name: "entity" for name in ("initiative", "organization", "undertaking", "document",
                                            "implementer", "subject", "object", "author", "entity", "name")}
COLUMN_KINDS.update(report="report", sentence="sentence")


class PageError(GovKGError):
    """A page or its parameters do not exist: a message for the person at the browser."""


def entity_page(view: ViewGraph, name: str, type_: str = "") -> dict:
    """The entity named ``name`` (or with that alias; of ``type_`` when given), with every
    relation, the entity at the other end and the evidence sentences."""
    found = [n for n in view.nodes if (n.name == name or name in n.aliases) and (not type_ or n.type == type_)]
    if not found:
        raise PageError(f"no entity named “{name}”" + (f" of type {type_}" if type_ else ""))
    found.sort(key=lambda n: (n.name != name, n.type))
    node = found[0]
    by_iri = {n.iri: n for n in view.nodes}
    relations = []
    for e in view.edges:
        if node.iri not in (e.head, e.tail):
            continue
        other = by_iri[e.tail if e.head == node.iri else e.head]
        for report, sentence in e.evidence:
            relations.append({"relation": e.type, "direction": "out" if e.head == node.iri else "in",
                              "other": other.name, "otherType": other.type, "report": report,
                              "sentence": sentence})
    return {"name": node.name, "type": node.type, "iri": node.iri, "aliases": list(node.aliases),
            "reports": list(node.reports),
            "themes": [{"id": t, "label": view.themes.get(t, (t, ""))[0]} for t in node.themes],
            "authorOf": sorted(doc for doc, iri in view.authors.items() if iri == node.iri),
            "others": [{"name": n.name, "type": n.type} for n in found[1:]],
            "relations": relations}


def report_page(store: GraphStore, doc: str) -> dict:
    """A report's title, year, author and its statements (text, offsets, section path, heading)."""
    head = store.select(internal_query("page-report").text, {"doc": doc}).rows
    if not head:
        raise PageError(f"no report “{doc}” in the store")
    _, title, year, author = head[0]
    statements = [{"start": start, "end": end, "text": text, "section": section or "",
                   "heading": heading in (True, "true", "1")}
                  for _, start, end, text, section, heading
                  in store.select(internal_query("page-statements").text, {"doc": doc}).rows]
    return {"doc": doc, "title": title, "year": year, "author": author, "statements": statements}


def check_params(query, given: dict[str, str], themes: dict[str, tuple[str, str]]) -> dict[str, str]:
    """The parameters to bind, or a PageError that names the form's field, not ``--param``."""
    fields = {p.name: p for p in query.params}
    unknown = sorted(set(given) - set(fields))
    if unknown:
        raise PageError(f"this query has no field “{unknown[0]}” (its fields: {', '.join(fields) or 'none'})")
    for p in query.params:
        value = (given.get(p.name) or "").strip()
        if p.required and not value:
            what = "choose a theme from the menu" if p.kind == "theme" else p.doc
            raise PageError(f"“{p.name}” is needed: {what}")
        if value and p.kind == "theme" and value not in themes:
            raise PageError(f"“{value}” is not a theme: choose one from the menu")
    return {k: v.strip() for k, v in given.items() if v.strip()}


def table_csv(columns, rows) -> bytes:
    """CSV in UTF-8 with a byte-order mark, so Excel opens Chinese text as Chinese."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def table_json(columns, rows) -> bytes:
    """One object per row, keyed by column."""
    return json.dumps([dict(zip(columns, row)) for row in rows], ensure_ascii=False, indent=1).encode("utf-8")


def theme_matrix(store: GraphStore, themes: dict[str, tuple[str, str]]) -> dict:
    """Reports × themes: how many statements of each report carry each theme (a theme's own
    statements, not its narrower themes'), themes in the order of ``themes``."""
    rows = store.select(internal_query("page-report-themes").text, {}).rows
    counts = {(doc, theme): int(n) for doc, theme, n in rows}
    order = sorted(themes)
    return {"themes": [{"id": t, "label": themes[t][0]} for t in order],
            "reports": [{"doc": r.doc, "title": r.title, "year": r.year,
                         "counts": [counts.get((r.doc, t), 0) for t in order]} for r in store.reports()]}
