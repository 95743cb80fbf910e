"""Relations from cue words (spec §3): within one clause, a cue before a tail links the clause's
subject — the nearest organization named before the cue, else the report's author — to it."""
from __future__ import annotations

import re
from functools import cache

from govkg.extract import lexicon
from govkg.extract.entities import AUTHOR_ID
from govkg.model import Mention, Relation, Statement

__all__ = ["find_relations"]

_CLAUSE = re.compile(r"[^，,；;：:。！？!?]+")


@cache
def _cue_table() -> list[tuple[str, str, frozenset]]:
    """(cue, relation type, allowed tail types), longest cue first."""
    rows = []
    for rel, spec in lexicon.relation_cues().items():
        if rel == "subjects":
            continue
        rows += [(cue, rel, frozenset(spec["tails"])) for cue in spec["cues"]]
    return sorted(rows, key=lambda r: -len(r[0]))


def find_relations(statement: Statement, mentions: list[Mention], ids: dict[Mention, str]) -> list[Relation]:
    evidence = (statement.start, statement.end)
    found: list[Relation] = []
    for clause in _CLAUSE.finditer(statement.text):
        lo, hi = statement.start + clause.start(), statement.start + clause.end()
        inside = [m for m in mentions if lo <= m.start and m.end <= hi]
        found += _cued(statement, lo, clause.group(), inside, ids, evidence)
    found += _located(mentions, ids, evidence)
    return list(dict.fromkeys(found))


def _cued(statement, lo, clause, inside, ids, evidence) -> list[Relation]:
    found = []
    for cue_at, cue_end, rel, tails in _cues(clause, lo):
        subject = _subject(inside, cue_at, ids)
        for m in inside:
            if m.start >= cue_end and m.type in tails and ids[m] != subject:
                if rel == "ESTABLISHES" and m.type == "Organization" and ids[m] == AUTHOR_ID:
                    continue
                found.append(Relation(subject, rel, ids[m], evidence))
    return found


def _cues(clause: str, lo: int):
    taken: dict[str, list[tuple[int, int]]] = {}
    for cue, rel, tails in _cue_table():
        for m in re.finditer(re.escape(cue), clause):
            s, e = lo + m.start(), lo + m.end()
            spans = taken.setdefault(rel, [])
            if any(a < e and s < b for a, b in spans):
                continue                  # a longer cue of the same relation is already here
            spans.append((s, e))
            yield s, e, rel, tails


def _subject(inside: list[Mention], cue_at: int, ids: dict[Mention, str]) -> str:
    before = [m for m in inside if m.end <= cue_at and m.type == "Organization"]
    return ids[before[-1]] if before else AUTHOR_ID


def _located(mentions, ids, evidence) -> list[Relation]:
    programs = [m for m in mentions if m.type == "Program"]
    return [Relation(ids[p], "LOCATED_IN", ids[m], evidence)
            for p in programs for m in mentions
            if m.type == "Place" and m.start == p.start and m.end < p.end]
