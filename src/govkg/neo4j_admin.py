"""The bulk path into Neo4j: CSV files for ``neo4j-admin database import full``.

For corpora too large for transactional loading (``govkg push``), ``govkg export --format
neo4j-admin -o DIR`` writes the same property graph (``govkg.neo4j_model``) as CSVs with
neo4j-admin headers: one file per node label (``nodes-*.csv``: ``iri:ID``, typed properties,
``:LABEL``) and per relationship type (``rels-*.csv``: ``:START_ID``, ``:END_ID``, properties,
``:TYPE``), plus ``import.sh`` with the command. Entities shared by several reports become one node
whose ``reports`` and ``aliases`` are the union over the reports. Arrays use ';' (neo4j-admin's
default), so a ';' inside an alias is written as the full-width '；'.
"""
from __future__ import annotations

import csv
from pathlib import Path

from govkg import vocab
from govkg.neo4j_model import theme_rows, to_property_graph
from govkg.resources import ontology_graph
from govkg.store import GraphStore

__all__ = ["ADMIN_OPTIONS", "write_admin_import"]

ADMIN_OPTIONS = ("--overwrite-destination=true", "--multiline-fields=true", "--array-delimiter=;")

_NODES = {
    "Report": ["iri:ID", "doc", "title", "name", "sha256", "format", "year:int"],
    "Statement": ["iri:ID", "report", "text", "start:int", "end:int", "sectionPath", "isHeading:boolean"],
    "Theme": ["iri:ID", "id", "name", "nameEn"],
    "Entity": ["iri:ID", "name", "aliases:string[]", "reports:string[]", "scope", "isAuthor:boolean"],
    "Metric": ["iri:ID", "report", "valueText", "value:double", "text", "unit", "counted", "year:int",
               "masked:boolean", "start:int", "end:int"],
}
_RELS = {
    "IN_REPORT": [], "HAS_THEME": [], "AUTHOR": [], "NARROWER": [],
    "METRIC_OF": [], "EVIDENCE": [],
    "HAS_ENTITY": ["aliases:string[]", "isAuthor:boolean"],
    "MENTIONED_IN": ["start:int", "end:int"],
    "RELATION": ["iri", "report", "start:int", "end:int", "statement", "sentence", "sectionPath"],
}


def _cell(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ";".join(str(v).replace(";", "；") for v in value)
    return "" if value is None else value


class _Files:
    def __init__(self, folder: Path):
        self.folder, self.handles, self.writers, self.rows = folder, {}, {}, 0

    def write(self, name: str, header: list[str], values: list) -> None:
        if name not in self.writers:
            fh = (self.folder / f"{name}.csv").open("w", encoding="utf-8", newline="")
            self.handles[name], self.writers[name] = fh, csv.writer(fh)
            self.writers[name].writerow(header)
        self.writers[name].writerow([_cell(v) for v in values])
        self.rows += 1

    def node(self, label: str, labels: str, row: dict) -> None:
        header = _NODES["Entity" if label not in _NODES else label]
        self.write(f"nodes-{label}", header + [":LABEL"], [row[h.split(":")[0]] for h in header] + [labels])

    def rel(self, type_: str, start: str, end: str, props: dict | None = None) -> None:
        header = _RELS["RELATION" if type_ not in _RELS else type_]
        values = [(props or {})[h.split(":")[0]] for h in header]
        self.write(f"rels-{type_}", [":START_ID", ":END_ID"] + header + [":TYPE"], [start, end] + values + [type_])

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
    for row in themes:
        files.node("Theme", "Theme", row)
    for row in narrower:
        files.rel("NARROWER", row["broader"], row["narrower"])
    entities: dict[str, dict] = {}
    for info in store.reports():
        pg = to_property_graph(store.report_graph(info.id))
        files.node("Report", "Report", pg.report)
        for s in pg.statements:
            files.node("Statement", "Statement", s)
            files.rel("IN_REPORT", s["iri"], pg.report["iri"])
            for theme in s["themes"]:
                files.rel("HAS_THEME", s["iri"], str(vocab.THEME[theme]))
        for e in pg.entities:
            merged = entities.setdefault(e["iri"], {**e, "aliases": [], "reports": [], "isAuthor": False})
            merged["reports"].append(pg.doc)
            merged["aliases"] += [a for a in e["aliases"] if a not in merged["aliases"]]
            merged["isAuthor"] = merged["isAuthor"] or e["isAuthor"]
            files.rel("HAS_ENTITY", pg.report["iri"], e["iri"], e)
            if e["isAuthor"]:
                files.rel("AUTHOR", pg.report["iri"], e["iri"])
        for m in pg.mentions:
            files.rel("MENTIONED_IN", m["entity"], m["statement"], m)
        for r in pg.relations:
            files.rel(r["type"], r["head"], r["tail"], r)
        for m in pg.metrics:
            files.node("Metric", "Metric", m["props"])
            files.rel("EVIDENCE", m["iri"], m["statement"])
            if m["subject"]:
                files.rel("METRIC_OF", m["iri"], m["subject"])
    for e in entities.values():
        files.node(f"Entity-{e['label']}", f"Entity;{e['label']}", e)
    names = files.close()
    _write_script(out, names)
    return files.rows


def _write_script(out: Path, names: list[str]) -> None:
    args = [f"  --{'nodes' if n.startswith('nodes-') else 'relationships'}={n}.csv \\" for n in names]
    (out / "import.sh").write_text(
        "#!/bin/sh\n# Import into an EMPTY database (stop Neo4j first), run from this folder:\n"
        "#   NEO4J_HOME=/path/to/neo4j sh import.sh [database]\n"
        "# then: CREATE DATABASE ... (if new), and loaders/neo4j/schema.cypher for the indexes.\n"
        'cd "$(dirname "$0")" && "${NEO4J_HOME:+$NEO4J_HOME/bin/}neo4j-admin" database import full '
        '"${1:-neo4j}" \\\n'   # the database first: --nodes takes every argument after it
        + "\n".join(args) + "\n  " + " ".join(f"'{o}'" for o in ADMIN_OPTIONS) + "\n", encoding="utf-8")
