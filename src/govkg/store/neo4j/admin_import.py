"""The bulk path into Neo4j: CSV files for ``neo4j-admin database import full``.

For corpora too large for transactional loading (``govkg push``), ``govkg export --format
neo4j-admin -o DIR`` writes the same property graph (``govkg.store.neo4j.mapping``) as CSVs with
neo4j-admin headers: one file per node label (``nodes-*.csv``: ``iri:ID``, typed properties,
``:LABEL``) and per relationship type (``rels-*.csv``: ``:START_ID``, ``:END_ID``, properties,
``:TYPE``), plus ``import.sh`` with the command. The headers are made from the row classes'
fields and types, so the CSVs carry exactly the properties a push writes. Entities shared by
several reports become one node whose ``reports`` and ``aliases`` are the union over the reports.
Arrays use ';' (neo4j-admin's default), so a ';' inside an alias is written as the full-width '；'.
"""
from __future__ import annotations

import csv
import dataclasses
from pathlib import Path
from typing import IO, Any

from govkg import vocab
from govkg.resources import ontology_graph
from govkg.store import GraphStore
from govkg.store.neo4j.mapping import (EntityRow, MetricRow, ReportRow, StatementRow, property_fields,
                                       property_graph, theme_rows)

__all__ = ["ADMIN_OPTIONS", "write_admin_import"]

ADMIN_OPTIONS = ("--overwrite-destination=true", "--multiline-fields=true", "--array-delimiter=;")

# The properties each relationship type carries, taken from the row it is written from.
_HAS_ENTITY = ("aliases", "isAuthor")
_MENTIONED_IN = ("start", "end")
_RELATION = ("iri", "report", "start", "end", "statement", "sentence", "sectionPath")


def _csv_type(annotation: str) -> str:
    """neo4j-admin's type suffix for a row field's annotation ('' for a string)."""
    base = annotation.split("|")[0].strip()
    return {"int": ":int", "float": ":double", "bool": ":boolean", "list[str]": ":string[]"}.get(base, "")


def _header(cls: type, names: tuple[str, ...] | None = None) -> list[tuple[str, str]]:
    """(field name, CSV column) of a row class's properties, or of the fields ``names``."""
    fields = {f.name: f for f in dataclasses.fields(cls)}
    chosen = [fields[n] for n in names] if names is not None else property_fields(cls)
    return [(f.name, f.name + (":ID" if f.name == "iri" and names is None else _csv_type(str(f.type))))
            for f in chosen]


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ";".join(str(v).replace(";", "；") for v in value)
    return "" if value is None else value


class _Files:
    """One CSV per node label and relationship type, opened with its header on first use."""

    def __init__(self, folder: Path):
        self.folder, self.rows = folder, 0
        self.handles: dict[str, IO[str]] = {}
        self.writers: dict[str, Any] = {}

    def write(self, name: str, header: list[str], values: list) -> None:
        if name not in self.writers:
            fh = (self.folder / f"{name}.csv").open("w", encoding="utf-8", newline="")
            self.handles[name], self.writers[name] = fh, csv.writer(fh)
            self.writers[name].writerow(header)
        self.writers[name].writerow([_cell(v) for v in values])
        self.rows += 1

    def node(self, name: str, labels: str, row: Any) -> None:
        header = _header(type(row))
        self.write(f"nodes-{name}", [column for _, column in header] + [":LABEL"],
                   [getattr(row, f) for f, _ in header] + [labels])

    def rel(self, type_: str, start: str, end: str, row: Any = None, names: tuple[str, ...] = ()) -> None:
        header = _header(type(row), names) if names else []
        self.write(f"rels-{type_}", [":START_ID", ":END_ID"] + [column for _, column in header] + [":TYPE"],
                   [start, end] + [getattr(row, f) for f, _ in header] + [type_])

    def close(self) -> list[str]:
        for fh in self.handles.values():
            fh.close()
        return sorted(self.handles)


def write_admin_import(store: GraphStore, out: Path) -> int:
    """Write the CSVs and import.sh into folder ``out``; returns the number of nodes and relationships."""
    out.mkdir(parents=True, exist_ok=True)
    for old in list(out.glob("nodes-*.csv")) + list(out.glob("rels-*.csv")):
        old.unlink()
    files = _Files(out)
    themes, narrower = theme_rows(ontology_graph("themes.ttl"))
    for theme in themes:
        files.node("Theme", "Theme", theme)
    for pair in narrower:
        files.rel("NARROWER", pair.broader, pair.narrower)
    entities: dict[str, EntityRow] = {}
    for info in store.reports():
        pg = property_graph(store.report_triples(info.id))
        pg.report.key = info.id
        _write_report(files, pg.report, pg.statements)
        for e in pg.entities:
            merged = entities.setdefault(e.iri, dataclasses.replace(e, aliases=[], reports=[], isAuthor=False))
            merged.reports.append(pg.doc)
            merged.aliases += [a for a in e.aliases if a not in merged.aliases]
            merged.isAuthor = merged.isAuthor or e.isAuthor
            files.rel("HAS_ENTITY", pg.report.iri, e.iri, e, _HAS_ENTITY)
            if e.isAuthor:
                files.rel("AUTHOR", pg.report.iri, e.iri)
        for m in pg.mentions:
            files.rel("MENTIONED_IN", m.entity, m.statement, m, _MENTIONED_IN)
        for r in pg.relations:
            files.rel(r.type, r.head, r.tail, r, _RELATION)
        for metric in pg.metrics:
            _write_metric(files, metric)
    for e in entities.values():
        files.node(f"Entity-{e.label}", f"Entity;{e.label}", e)
    _write_script(out, files.close())
    return files.rows


def _write_report(files: _Files, report: ReportRow, statements: list[StatementRow]) -> None:
    files.node("Report", "Report", report)
    for s in statements:
        files.node("Statement", "Statement", s)
        files.rel("IN_REPORT", s.iri, report.iri)
        for theme in s.themes:
            files.rel("HAS_THEME", s.iri, str(vocab.THEME[theme]))


def _write_metric(files: _Files, metric: MetricRow) -> None:
    files.node("Metric", "Metric", metric)
    files.rel("EVIDENCE", metric.iri, metric.statement)
    if metric.subject:
        files.rel("METRIC_OF", metric.iri, metric.subject)


def _write_script(out: Path, names: list[str]) -> None:
    args = [f"  --{'nodes' if n.startswith('nodes-') else 'relationships'}={n}.csv \\" for n in names]
    (out / "import.sh").write_text(
        "#!/bin/sh\n# Import into an EMPTY database (stop Neo4j first), run from this folder:\n"
        "#   NEO4J_HOME=/path/to/neo4j sh import.sh [database]\n"
        "# then: CREATE DATABASE ... (if new), and loaders/neo4j/schema.cypher for the indexes.\n"
        'cd "$(dirname "$0")" && "${NEO4J_HOME:+$NEO4J_HOME/bin/}neo4j-admin" database import full '
        '"${1:-neo4j}" \\\n'   # the database first: --nodes takes every argument after it
        + "\n".join(args) + "\n  " + " ".join(f"'{o}'" for o in ADMIN_OPTIONS) + "\n", encoding="utf-8")
