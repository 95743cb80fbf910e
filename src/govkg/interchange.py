"""The interchange JSONL of spec §5: one report per line, written byte-identically for the same input.

Beyond the spec's fields each line carries what loading needs without the source file: the
report's metadata, each statement's text and section path, entity scopes and aliases.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Iterable, Iterator

from govkg.errors import ReportError
from govkg.model import Entity, Extraction, Metric, Relation, Report, Statement

__all__ = ["from_record", "read_jsonl", "read_records", "read_rows", "record_line", "to_record", "write_jsonl"]


def to_record(ex: Extraction) -> dict:
    r = ex.report
    return {
        "doc": r.doc,
        "entities": [_entity(e) for e in ex.entities],
        "relations": [{"head": x.head, "type": x.type, "tail": x.tail, "evidence": list(x.evidence)}
                      for x in ex.relations],
        "statements": [{"start": s.start, "end": s.end, "themes": list(s.themes), "text": s.text,
                        "section": list(s.section), "heading": s.heading} for s in ex.statements],
        "metrics": [_metric(m) for m in ex.metrics],
        "report": {"title": r.title, "year": r.year, "author": r.author, "sha256": r.sha256,
                   "format": r.format, "kind": r.kind, "level": r.level, "reported_year": r.reported_year,
                   **({"key": r.key} if r.key else {})},
    }


def _entity(e: Entity) -> dict:
    row = {"id": e.id, "type": e.type, "name": e.name, "author": e.author,
           "mentions": [list(m) for m in e.mentions]}
    if e.aliases:
        row["aliases"] = list(e.aliases)
    if e.scope:
        row["scope"] = e.scope
    if e.canonical and e.canonical != e.name:
        row["canonical"] = e.canonical
    return row


def _metric(m: Metric) -> dict:
    return {"value": m.value, "unit": m.unit, "counted": m.counted, "span": list(m.span),
            "masked": m.masked, "subject": m.subject, "year": m.year}


def from_record(row: dict) -> Extraction:
    meta = row.get("report", {})
    report = Report(doc=row["doc"], text="", sha256=meta.get("sha256", ""), title=meta.get("title", ""),
                    year=meta.get("year"), author=meta.get("author", ""), format=meta.get("format", ""),
                    key=meta.get("key", ""), kind=meta.get("kind", ""), level=meta.get("level", ""),
                    reported_year=meta.get("reported_year"))
    statements = tuple(Statement(s["start"], s["end"], s.get("text", ""), tuple(s.get("section", ())),
                                 s.get("heading", False), tuple(s.get("themes", ())))
                       for s in row.get("statements", []))
    entities = tuple(Entity(e["id"], e["type"], e["name"], tuple(tuple(m) for m in e["mentions"]),
                            e.get("author", False), tuple(e.get("aliases", ())), e.get("scope", ""),
                            e.get("canonical", ""))
                     for e in row.get("entities", []))
    relations = tuple(Relation(x["head"], x["type"], x["tail"], tuple(x["evidence"]))
                      for x in row.get("relations", []))
    metrics = tuple(Metric(x["value"], x.get("unit", ""), x.get("counted", ""), tuple(x["span"]),
                           x.get("masked", False), x.get("subject", ""), x.get("year"))
                    for x in row.get("metrics", []))
    return Extraction(report, statements, entities, relations, metrics)


def record_line(ex: Extraction) -> str:
    """One extraction as a line of the interchange JSONL (compact, UTF-8 as written, no newline)."""
    return json.dumps(to_record(ex), ensure_ascii=False, separators=(",", ":"))


def write_jsonl(extractions: Iterable[Extraction], out: IO[str]) -> int:
    n = 0
    for ex in extractions:
        out.write(record_line(ex) + "\n")
        n += 1
    return n


def read_rows(path: Path, what: str = "JSON") -> Iterator[tuple[int, dict]]:
    """(line number, object) for each line of a .jsonl file (blank lines skipped): the one JSONL
    reader, for interchange records and gold statements alike. A line that is not a JSON object
    raises ReportError naming the file, the line and ``what`` it should have been."""
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                raise ReportError(f"{path}:{number}", f"not {what} ({err})") from None
            if not isinstance(row, dict):
                raise ReportError(f"{path}:{number}", f"not {what} (a JSON {type(row).__name__})")
            yield number, row


def read_records(path: Path) -> Iterator[dict]:
    """The interchange records of a .jsonl file as dictionaries (what ``govkg eval`` scores)."""
    return (row for _, row in read_rows(path, "an interchange record"))


def read_jsonl(path: Path) -> Iterator[Extraction]:
    for number, row in read_rows(path, "an interchange record"):
        try:
            yield from_record(row)
        except (KeyError, TypeError) as err:
            raise ReportError(f"{path}:{number}", f"not an interchange record ({err})") from None
