"""Gold statements (spec §6) aligned to the report text: entity names become character spans.

Gold gives entities by type and name only; a learner needs offsets. A name is looked up in its
statement as written, else with quote marks ignored (the spec drops quotes from names); every
occurrence is labelled. Longer names are placed first and a shorter one never overlaps them: the
tagger is flat, and a place nested in a Program's name is left to the rules (spec §2).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from govkg.errors import UsageError
from govkg.evaluate import Paths, as_paths, load_gold
from govkg.extract.masks import read_masks
from govkg.gold import locate
from govkg.model import Statement
from govkg.read import read_report
from govkg.statements import split_statements

__all__ = ["Example", "GoldEntity", "corpus_folders", "load_examples", "load_first_and_rest", "locate",
           "marked_first"]

CONTEXT = 4          # statements kept on each side of an example: theme features read two each side,
                     # and the second theme classifier those of the two each side


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
    first_gold: bool = False             # of the first gold beside others (see ``load_first_and_rest``)


def load_examples(gold: Paths, corpus: Paths | None = None) -> list[Example]:
    """The gold statements of ``gold`` (.jsonl files or folders of them), in file order. A report is
    looked up in the ``corpus`` folders in turn, then in each gold folder's ../corpus."""
    golds = as_paths(gold)
    for place in golds:
        if not place.exists():
            raise UsageError(f"{place}: no such gold file or folder")
    corpora = corpus_folders(golds, corpus)
    examples: list[Example] = []
    for doc, rows in load_gold(golds).items():
        examples.extend(_doc_examples(doc, rows, _report_path(doc, corpora)))
    return examples


def load_first_and_rest(first: Paths, rest: Paths | None,
                        corpus: Paths | None = None) -> tuple[list[Example], list[Example]]:
    """The statements of the ``first`` gold, and those of the ``rest`` that the first does not
    give. Beside any of those, the first's are marked ``first_gold``: training counts them
    ``first_gold_weight`` times, since the first is the gold whose conventions are scored
    (../shared/gold beside the project's annotations)."""
    given = as_paths(first)
    others = as_paths(rest) if rest else []
    corpora = corpus_folders([*given, *others], corpus)
    firsts = load_examples(given, corpora)
    if not others:
        return firsts, []
    given_spans = {_span(ex) for ex in firsts}
    rests = [ex for ex in load_examples(others, corpora) if _span(ex) not in given_spans]
    return _marked([*firsts, *rests], given_spans)[:len(firsts)], rests


def marked_first(examples: list[Example], first: Paths) -> list[Example]:
    """``examples`` (of several gold folders, in their order) with the statements of the ``first``
    gold marked as ``load_first_and_rest`` marks them (its lines name them: no report is read again)."""
    return _marked(examples, {(doc, row["start"], row["end"]) for doc, rows in load_gold(first).items() for row in rows})


def _marked(examples: list[Example], first_spans: set[tuple[str, int, int]]) -> list[Example]:
    """The examples of the first gold (their statements in ``first_spans``) marked ``first_gold``,
    when there is any other example beside them; alone, they are the only gold and stay as they are."""
    if all(_span(ex) in first_spans for ex in examples):
        return examples
    return [replace(ex, first_gold=True) if _span(ex) in first_spans else ex for ex in examples]


def _span(ex: Example) -> tuple[str, int, int]:
    return ex.doc, ex.statement.start, ex.statement.end


def corpus_folders(gold: Paths, corpus: Paths | None = None) -> list[Path]:
    """Where the reports of ``gold`` are looked up: the ``corpus`` folders given, then each gold
    folder's ../corpus (where a folder of annotations keeps reports of its own, as annotations/ does)."""
    beside = [(g if g.is_dir() else g.parent).parent / "corpus" for g in as_paths(gold)]
    if not corpus:
        return list(dict.fromkeys(beside))
    given = as_paths(corpus)
    return list(dict.fromkeys([*given, *(folder for folder in beside if folder.is_dir())]))


def _report_path(doc: str, corpora: list[Path]) -> Path:
    for folder in corpora:
        if (folder / doc).exists():
            return folder / doc
    where = " or ".join(str(folder) for folder in corpora)
    raise UsageError(f"{doc}: the report of gold rows is in none of {where} (use --corpus DIR, once per folder)")


def _doc_examples(doc: str, rows: list[dict], path: Path) -> list[Example]:
    report = read_report(path)
    read = read_masks(report.text)     # the text as extraction reads it (masks as x's), offsets the same
    sections = {(st.start, st.end): st for st in split_statements(read)}
    by_start = sorted(sections.values(), key=lambda st: st.start)
    out = []
    for row in rows:
        start, end = row["start"], row["end"]
        text = report.text[start:end]
        if text != row.get("text", text):
            raise UsageError(f"{path}: gold text at {start}-{end} does not match the report")
        at = _index_at(by_start, start)
        section = by_start[at].section if at >= 0 else ()
        statement = Statement(start, end, read[start:end], section=section, heading=_is_heading(sections, start, end))
        lo = max(at - CONTEXT, 0)
        context = (*by_start[lo:at], statement, *by_start[at + 1:at + 1 + CONTEXT]) if at >= 0 else (statement,)
        entities = tuple(GoldEntity(e["type"], e["name"], tuple(locate(e["name"], text)))
                         for e in row.get("entities", []))
        for entity in entities:
            if not entity.spans:      # a line without its text (read from the report) is checked here
                raise UsageError(f"{path}: gold line at {start}-{end}: entity name {entity.name!r} "
                                 "is not in the report's text there")
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
