"""Gold statements (spec §6) aligned to the report text: entity names become character spans.

Gold gives entities by type and name only; a learner needs offsets. A name is looked up in its
statement as written, else with quote marks ignored (the spec drops quotes from names); every
occurrence is labelled. Longer names are placed first and a shorter one never overlaps them: the
tagger is flat, and a place nested in a Program's name is left to the rules (spec §2).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from govkg.errors import UsageError
from govkg.evaluate import load_gold
from govkg.model import Statement
from govkg.read import read_report
from govkg.statements import split_statements

__all__ = ["Example", "GoldEntity", "load_examples", "locate"]

_QUOTES = "\"'“”‘’「」『』《》〈〉"
CONTEXT = 2          # statements kept on each side of an example (theme features read them)


@dataclass(frozen=True)
class GoldEntity:
    type: str
    name: str
    spans: tuple[tuple[int, int], ...]   # offsets in the statement text; () when not found


@dataclass(frozen=True)
class Example:
    doc: str
    statement: Statement                 # offsets into the report; section path from the report
    entities: tuple[GoldEntity, ...]
    relations: tuple[tuple[str, str, str], ...]   # (head name or "@author", type, tail name)
    themes: tuple[str, ...]
    author: str = ""                     # the report's author as detected from its text
    source: Path | None = None           # the report file
    context: tuple[Statement, ...] = ()  # the report's statements around it, itself included
    position: int = 0                    # its index in ``context``


def locate(name: str, text: str) -> list[tuple[int, int]]:
    """Every span of ``text`` that spells ``name``, as written or with quote marks ignored."""
    spans, at = [], text.find(name)
    while name and at >= 0:
        spans.append((at, at + len(name)))
        at = text.find(name, at + 1)
    if spans:
        return spans
    bare = "".join(ch for ch in unicodedata.normalize("NFKC", name) if ch not in _QUOTES)
    if not bare:
        return []
    keep = [i for i, ch in enumerate(text) if ch not in _QUOTES]
    squeezed = "".join(unicodedata.normalize("NFKC", text[i])[:1] or text[i] for i in keep)
    at = squeezed.find(bare)
    while at >= 0:
        spans.append((keep[at], keep[at + len(bare) - 1] + 1))
        at = squeezed.find(bare, at + 1)
    return spans


def load_examples(gold_dir: Path, corpus_dir: Path | None = None) -> list[Example]:
    """The gold statements of ``gold_dir`` (a folder of .jsonl or one file), in file order."""
    gold_dir = Path(gold_dir)
    if not gold_dir.exists():
        raise UsageError(f"{gold_dir}: no such gold file or folder")
    corpus_dir = Path(corpus_dir) if corpus_dir else (gold_dir if gold_dir.is_dir() else gold_dir.parent).parent / "corpus"
    rows_by_doc = load_gold(gold_dir)
    examples: list[Example] = []
    for doc, rows in rows_by_doc.items():
        examples.extend(_doc_examples(doc, rows, corpus_dir))
    return examples


def _doc_examples(doc: str, rows: list[dict], corpus_dir: Path) -> list[Example]:
    path = corpus_dir / doc
    if not path.exists():
        raise UsageError(f"{path}: the report of gold file rows for '{doc}' is missing (use --corpus DIR)")
    report = read_report(path)
    sections = {(st.start, st.end): st for st in split_statements(report.text)}
    by_start = sorted(sections.values(), key=lambda st: st.start)
    out = []
    for row in rows:
        start, end = row["start"], row["end"]
        text = report.text[start:end]
        if text != row.get("text", text):
            raise UsageError(f"{path}: gold text at {start}-{end} does not match the report")
        at = _index_at(by_start, start)
        section = by_start[at].section if at >= 0 else ()
        statement = Statement(start, end, text, section=section, heading=_is_heading(sections, start, end))
        lo = max(at - CONTEXT, 0)
        context = (*by_start[lo:at], statement, *by_start[at + 1:at + 1 + CONTEXT]) if at >= 0 else (statement,)
        entities = tuple(GoldEntity(e["type"], e["name"], tuple(locate(e["name"], text)))
                         for e in row.get("entities", []))
        relations = tuple((r["head"], r["type"], r["tail"]) for r in row.get("relations", []))
        out.append(Example(doc, statement, entities, relations, tuple(row.get("themes", [])),
                           author=report.author, source=path, context=context,
                           position=at - lo if at >= 0 else 0))
    return out


def _index_at(statements: list[Statement], start: int) -> int:
    """The index of the statement that holds offset ``start`` (-1 before the first)."""
    lo, hi = 0, len(statements)
    while lo < hi:
        mid = (lo + hi) // 2
        if statements[mid].start <= start:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1


def _is_heading(sections: dict, start: int, end: int) -> bool:
    st = sections.get((start, end))
    return bool(st and st.heading)
