"""A very large report extracted in parts, so memory stays bounded whatever one file's size.

Extraction, graph building and writing all grow with the text they are given; a report of many
megabytes given whole takes gigabytes. Above ``LARGE_REPORT`` characters a report is cut at line
ends into parts of about ``PART_SIZE`` characters, each extracted on its own and shifted back to
the report's offsets: the store writes part after part into the report's new version and commits
once (``OxigraphStore.put_parts``). A part starts with the headings open at its first line, as
lines of their own, so its statements keep their section paths; what extraction finds in those
repeated lines is dropped. What a part cannot see: a name the model learnt in another part is not
propagated into this one (``ExtractionModel.propagate`` works within a part). No report of
../shared/corpus comes near the threshold (the longest has 121 kB), so their extraction is the
whole-report one.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterator

from govkg.model import Extraction, Metric, Relation, Report, Statement
from govkg.statements import heading_level, sentence_pieces

__all__ = ["LARGE_REPORT", "PART_SIZE", "extract_parts", "is_large", "merge_parts", "text_parts"]

LARGE_REPORT = 400_000      # characters (about 1.2 MB of Chinese text)
PART_SIZE = 100_000         # characters per part: some megabytes of extraction work, never more


def is_large(report: Report) -> bool:
    return len(report.text) > LARGE_REPORT


def text_parts(text: str, size: int = PART_SIZE) -> Iterator[tuple[int, int]]:
    """(start, end) of consecutive parts covering ``text``, each ending at a line end (or, inside
    one line longer than ``size``, where a statement of that line ends)."""
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = text.rfind("\n", start, end) + 1
            end = cut if cut > start else _statement_end(text, start, end)
        yield start, end
        start = end


def _statement_end(text: str, start: int, limit: int) -> int:
    """Inside one long line: the last end of a statement (as ``split_statements`` cuts the line)
    after ``start`` and not after ``limit``; ``limit`` when there is none."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", limit)
    line = text[line_start:len(text) if line_end < 0 else line_end]
    ends = [line_start + e for _, e in sentence_pieces(line) if start < line_start + e <= limit]
    return ends[-1] if ends else limit


def extract_parts(report: Report, model: str | None = None, size: int = PART_SIZE) -> Iterator[Extraction]:
    """The report's extraction, part after part, each in the report's own offsets."""
    from govkg.extract import extract

    headings: tuple[str, ...] = ()
    for start, end in text_parts(report.text, size):
        prefix = "".join(h + "\n" for h in headings)
        part = extract(replace(report, text=prefix + report.text[start:end]), model)
        shifted = _shift(part, report, len(prefix), start - len(prefix))
        headings = _open_headings(shifted, headings)
        yield shifted


def _open_headings(ex: Extraction, before: tuple[str, ...]) -> tuple[str, ...]:
    """The headings still open after a part (its last statement's path, and itself if a heading),
    without the 一是/二是 items, which end with their line."""
    if not ex.statements:
        return before
    last = ex.statements[-1]
    path = last.section + ((last.text,) if last.heading else ())
    return tuple(h for h in path if heading_level(h) is not None)


def _shift(ex: Extraction, report: Report, prefix: int, delta: int) -> Extraction:
    """A part's extraction without what it found in the repeated headings, moved by ``delta``."""
    def keep(span) -> bool:
        return span[0] >= prefix

    def moved(span) -> tuple[int, int]:
        # an empty span is a placeholder (an unnamed author), not a place in the text: kept as is
        return (span[0] + delta, span[1] + delta) if span[1] > span[0] else span

    relations = tuple(r for r in ex.relations if keep(r.evidence))
    metrics = tuple(m for m in ex.metrics if keep(m.span))
    named = {r.head for r in relations} | {r.tail for r in relations} | {m.subject for m in metrics}
    entities = []
    for e in ex.entities:
        mentions = tuple(m for m in e.mentions if keep(m) or m[1] <= m[0])
        if mentions or e.author or e.id in named:
            entities.append(replace(e, mentions=mentions))
    kept = Extraction(report=ex.report, statements=tuple(s for s in ex.statements if s.start >= prefix),
                      entities=tuple(entities), relations=relations, metrics=metrics)
    return kept.with_spans(moved, report)


def merge_parts(report: Report, parts) -> Extraction:
    """One extraction of the whole report from its parts (for the interchange JSONL, one line per
    report): an entity the parts name alike is one entity, with every mention."""
    statements: list[Statement] = []
    relations: list[Relation] = []
    metrics: list[Metric] = []
    merged: dict[tuple, dict] = {}      # (type, name, canonical, scope, author) -> the merged entity
    for part in parts:
        ids: dict[str, str] = {}        # the part's entity id -> the merged entity's id
        for e in part.entities:
            key = (e.type, e.name, e.canonical, e.scope, e.author)
            entry = merged.setdefault(key, {"entity": e, "id": f"e{len(merged)}", "mentions": {}, "aliases": set()})
            entry["mentions"].update(dict.fromkeys(e.mentions))      # an ordered set
            entry["aliases"].update(e.aliases)
            ids[e.id] = entry["id"]
        statements.extend(part.statements)
        relations.extend(replace(r, head=ids.get(r.head, ""), tail=ids.get(r.tail, "")) for r in part.relations)
        metrics.extend(replace(m, subject=ids.get(m.subject, "")) for m in part.metrics)
    entities = [replace(entry["entity"], id=entry["id"], mentions=tuple(entry["mentions"]),
                        aliases=tuple(sorted(entry["aliases"]))) for entry in merged.values()]
    return Extraction(report=report, statements=tuple(statements), entities=tuple(entities),
                      relations=tuple(dict.fromkeys(relations)), metrics=tuple(metrics))
