"""Statements to annotate next, pre-filled with the model's answer for a person to correct.

More annotated statements are the surest way to a better model (docs/extraction.md), and writing
a gold line by hand means getting the statement's offsets and text exactly right.
``draw_statements`` takes a seeded random sample of the statements of some reports that no gold
file annotates yet and returns each as a line of the gold format (spec §6) holding what the model
extracted there, so an annotator corrects rather than starts from nothing.

Random, not the statements the tagger is least sure of: on the five folds of the gold, 400 of those
added to half the training statements lifted entities no more than 400 drawn at random (+0.0105
against +0.0114 lenient F1 on average, better on three folds and worse on two) and held a third
more characters to annotate (``bench/uncertainty_sampling.py``; docs/extraction.md). A random
sample also keeps the gold a fair test.
"""
from __future__ import annotations

import hashlib
import heapq
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from govkg.errors import ReportError
from govkg.evaluate import AUTHOR, Paths, load_gold
from govkg.model import Extraction, Statement

__all__ = ["Draw", "annotated_spans", "draw_statements", "gold_rows", "overlaps", "spans_of"]


@dataclass(frozen=True)
class Draw:
    rows: list[dict]         # the drawn statements as gold lines, in reading order
    candidates: int          # the statements they were drawn from (not empty, not yet annotated)
    failed: list[ReportError]    # the reports that could not be read, in their order


def annotated_spans(gold: Paths) -> dict[str, list[tuple[int, int]]]:
    """The statement spans of gold files or folders, by report."""
    return spans_of(load_gold(gold))


def spans_of(gold: dict[str, list[dict]]) -> dict[str, list[tuple[int, int]]]:
    """The statement spans of gold lines already read (``load_gold``), by report."""
    return {doc: sorted((row["start"], row["end"]) for row in rows) for doc, rows in gold.items()}


def draw_statements(extractions: Iterable[Extraction | ReportError], limit: int, seed: int = 0,
                    annotated: dict[str, list[tuple[int, int]]] | None = None,
                    per_report: int | None = None) -> Draw:
    """Gold lines of ``limit`` statements drawn at random from these extractions, in reading order
    (the reports' order, then the text's); none that overlaps an ``annotated`` span, none empty,
    at most ``per_report`` of any one report. A statement's draw depends on the seed, its report's
    name and its place in it only, so the same reports give the same lines in whatever order they
    come. A ReportError among the extractions is kept in ``Draw.failed`` and the other reports are
    drawn from."""
    drawn: list[tuple[int, int, int, dict]] = []    # the ``limit`` lowest draws: a heap on -draw
    candidates = 0
    failed: list[ReportError] = []
    for order, item in enumerate(extractions):
        if isinstance(item, ReportError):
            failed.append(item)
            continue
        spans = (annotated or {}).get(item.report.doc, [])
        statements = [st for st in item.statements if st.text.strip() and not overlaps(st.start, st.end, spans)]
        candidates += len(statements)
        entries = [(-_draw(seed, item.report.doc, st), order, st.start, row)
                   for st, row in gold_rows(item, statements).items()]
        for entry in heapq.nlargest(per_report, entries, key=lambda e: e[:3]) if per_report else entries:
            _keep_lowest(drawn, entry, limit)
    return Draw([row for *_, row in sorted(drawn, key=lambda e: e[1:3])], candidates, failed)


def _keep_lowest(drawn: list, entry: tuple, limit: int) -> None:
    """Push an entry onto the heap of the ``limit`` lowest draws (the heap holds -draw)."""
    if len(drawn) < limit:
        heapq.heappush(drawn, entry)
    elif entry[:3] > drawn[0][:3]:
        heapq.heapreplace(drawn, entry)


def _draw(seed: int, doc: str, statement: Statement) -> int:
    key = f"{seed}\t{doc}\t{statement.start}\t{statement.end}".encode()
    return int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "big")


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether the span ``start:end`` shares a character with one of ``spans``."""
    return any(lo < end and start < hi for lo, hi in spans)


def gold_rows(extraction: Extraction, statements: list[Statement]) -> dict[Statement, dict]:
    """Each statement as a gold line holding the extraction's entities, relations and themes."""
    starts = [st.start for st in statements]

    def statement_at(lo: int, hi: int) -> Statement | None:
        at = bisect_right(starts, lo) - 1
        return statements[at] if at >= 0 and hi <= statements[at].end else None

    text = extraction.report.text
    mentions = sorted((lo, e.type, text[lo:hi], hi, e.id)
                      for e in extraction.entities for lo, hi in e.mentions if hi > lo)
    names: dict[Statement, dict[str, tuple[str, str]]] = {st: {} for st in statements}   # id -> (type, name)
    for lo, type_, name, hi, id_ in mentions:             # in the order they are written: the first stays
        st = statement_at(lo, hi)
        if st is not None:
            names[st].setdefault(id_, (type_, name))
    authors = {e.id for e in extraction.entities if e.author}
    relations: dict[Statement, list[dict]] = {st: [] for st in statements}
    for rel in extraction.relations:
        st = statement_at(*rel.evidence)
        if st is None:
            continue
        ends = [AUTHOR if end in authors else names[st].get(end, ("", ""))[1] for end in (rel.head, rel.tail)]
        row = {"head": ends[0], "type": rel.type, "tail": ends[1]}
        if all(ends) and row not in relations[st]:
            relations[st].append(row)
    return {st: _gold_row(extraction.report.doc, st, list(dict.fromkeys(names[st].values())), relations[st])
            for st in statements}


def _gold_row(doc: str, statement: Statement, entities: list[tuple[str, str]], relations: list[dict]) -> dict:
    return {"doc": doc, "start": statement.start, "end": statement.end, "text": statement.text,
            "entities": [{"type": t, "name": n} for t, n in entities], "relations": relations,
            "themes": list(statement.themes)}
