"""Relations of one statement from cue words and clause structure (spec §3).

Cues come from ``data/lexicon/relation_cues.toml``. Within a clause (text between ，；：。):

* a cue before a tail governs it when only a few characters, other mentions or 、和与及 stand
  between them (推进A、B和C gives three tails); a cue after the tail (A全面实施) governs it too;
* the head is the clause's subject: an organization written right before the cue, else an
  organization that opens the statement (上海农科院与xx合作，增设了…), else the author (e0);
* COOPERATES_WITH pairs the subject with the organizations after 与/同/会同; with no such
  organization the partner is the author (X与xx再度合作);
* REPORTED_BY links the undertaking before 被/获 (else the statement's first undertaking, else
  the author) to the media between 被 and the cue;
* PART_OF: the items of a list after the statement's first undertaking (确定了A、B等专项行动),
  what follows 其中, and 把A纳入B;
* LOCATED_IN: a place that opens a Program's name, or a place after 在/依托/赴 before the cue.

Every relation's evidence is its statement's span.
"""
from __future__ import annotations

import re
from functools import cache

from govkg.extract import lexicon
from govkg.extract.entities import AUTHOR_ID
from govkg.model import Mention, Relation, Statement

__all__ = ["find_relations"]

_UNDERTAKING = ("Program", "Initiative")


def _words(key: str) -> frozenset[str]:
    return lexicon.rule_words("relations", key)


def _pattern(key: str) -> re.Pattern:
    return lexicon.rule_pattern("relations", key)


def _setting(key: str):
    return lexicon.rule_setting("relations", key)


@cache
def _table() -> tuple[re.Pattern, dict[str, list[tuple[str, frozenset, str]]], frozenset]:
    """A regex of all cues, each cue's (relation, tails, position) list, and LEADS blockers."""
    cues: dict[str, list[tuple[str, frozenset, str]]] = {}
    blocked: frozenset = frozenset()
    for name, spec in lexicon.relation_cues().items():
        if name == "subjects":
            continue
        rel = spec.get("relation", name)
        tails = frozenset(spec["tails"])
        for cue in spec.get("cues", []):
            cues.setdefault(cue, []).append((rel, tails, "before"))
        for cue in spec.get("post_cues", []):
            cues.setdefault(cue, []).append((rel, tails, "after"))
        if "blocked_after" in spec:
            blocked = frozenset(spec["blocked_after"])
    pattern = re.compile("|".join(re.escape(c) for c in sorted(cues, key=lambda c: (-len(c), c))))
    return pattern, cues, blocked


def find_relations(statement: Statement, mentions: list[Mention], ids: dict[Mention, str]) -> list[Relation]:
    text, base = statement.text, statement.start
    evidence = (statement.start, statement.end)
    top = _top_level(mentions)
    opener = _statement_subject(text, base, top)
    found: list[tuple[str, str, str]] = []
    for clause in _pattern("clauses.clause").finditer(text):
        lo, hi = base + clause.start(), base + clause.end()
        inside = [m for m in top if lo <= m.start and m.end <= hi]
        if inside:
            found += _cued(text, base, lo, hi, inside, ids, opener)
    found += _reported(text, base, top, ids)
    found += _part_of(text, base, top, ids)
    found += _located(text, base, mentions, top, ids)
    return list(dict.fromkeys(Relation(h, t, x, evidence) for h, t, x in found if h != x))


def _top_level(mentions: list[Mention]) -> list[Mention]:
    """Mentions not inside another mention (a Place opening a Program name is left out here)."""
    return [m for m in mentions
            if not any(o is not m and o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start)
                       for o in mentions)]


def _statement_subject(text: str, base: int, top: list[Mention]) -> Mention | None:
    """An organization that opens the statement (after an enumeration marker) is its subject."""
    first = min((m for m in top), key=lambda m: m.start, default=None)
    if first is None or first.type != "Organization":
        return None
    lead = text[: first.start - base]
    if _pattern("subjects.statement_lead").fullmatch(lead):
        return first
    return None


def _subject(text: str, base: int, lo: int, cue_at: int, inside: list[Mention], ids, opener) -> str:
    orgs = [m for m in inside if m.type == "Organization" and m.end <= cue_at]
    for m in reversed(orgs):
        gap = text[m.end - base:cue_at - base]
        before = text[max(lo, m.start - 1) - base:m.start - base]
        if before in _words("subjects.not_after"):
            continue
        if len(gap) <= _setting("subjects.max_gap") and not _pattern("subjects.gap_breakers").search(gap):
            return ids[m]
    if opener is not None and opener.end <= cue_at:
        return ids[opener]
    return AUTHOR_ID


def _cued(text, base, lo, hi, inside, ids, opener) -> list[tuple[str, str, str]]:
    pattern, cues, blocked = _table()
    clause = text[lo - base:hi - base]
    found = []
    taken: set[int] = set()
    cue_hits = [(lo + m.start(), lo + m.end(), m.group()) for m in pattern.finditer(clause)]
    for cue_at, cue_end, cue in reversed(cue_hits):     # the nearest cue claims a tail first
        if any(m.start < cue_end and cue_at < m.end for m in inside):
            continue                                  # the cue word is inside a name
        for rel, tails, where in cues[cue]:
            if where == "before":
                targets = _governed_after(text, base, cue_end, inside, tails, hi)
            else:
                targets = _governed_before(text, base, cue_at, inside, tails, lo)
            for m in targets:
                if id(m) in taken:
                    continue
                after = text[m.end - base:m.end - base + 4]
                if rel == "LEADS" and where == "before" and any(after.startswith(b) for b in blocked):
                    continue
                if rel == "COOPERATES_WITH":
                    continue
                subject = _subject(text, base, lo, cue_at if where == "before" else m.start, inside, ids, opener)
                if rel == "ESTABLISHES" and ids[m] == AUTHOR_ID:
                    continue
                taken.add(id(m))
                found.append((subject, rel, ids[m]))
            if rel == "COOPERATES_WITH":
                found += _cooperation(text, base, lo, cue_at, inside, ids, opener)
    return found


def _governed_after(text, base, cue_end, inside, tails, hi) -> list[Mention]:
    """Tails after the cue: the first within a few characters, then list items joined by 、和与及."""
    out = []
    at = cue_end
    for m in sorted((m for m in inside if m.start >= cue_end), key=lambda m: m.start):
        gap = text[at - base:m.start - base]
        if len(gap) > _setting("governing.max_gap") and not _pattern("governing.between_ok").match(gap):
            if not out and len(gap) <= _setting("governing.first_tail_gap") \
                    and not _pattern("governing.gap_breakers").search(gap) and m.type in tails:
                pass
            else:
                break
        if m.type in tails:
            out.append(m)
        at = m.end
    return out


def _governed_before(text, base, cue_at, inside, tails, lo) -> list[Mention]:
    before = [m for m in inside if m.end <= cue_at and m.type in tails]
    if not before:
        return []
    m = before[-1]
    gap = text[m.end - base:cue_at - base]
    if len(gap) <= _setting("governing.post_gap") \
            and not _pattern("governing.gap_breakers").search(gap.replace(_setting("governing.post_gap_ignored"), "")):
        return [m]
    return []


def _cooperation(text, base, lo, cue_at, inside, ids, opener) -> list[tuple[str, str, str]]:
    clause_before = text[lo - base:cue_at - base]
    partners = []
    k = max(clause_before.rfind(marker) for marker in _setting("cooperation.partner_markers"))
    if k >= 0:
        partners = [m for m in inside if m.type == "Organization" and lo + k < m.start and m.end <= cue_at]
        head_orgs = [m for m in inside if m.type == "Organization" and m.end <= lo + k]
        head = ids[head_orgs[-1]] if head_orgs else (ids[opener] if opener else AUTHOR_ID)
        if partners:
            return [(head, "COOPERATES_WITH", ids[p]) for p in partners]
        if head != AUTHOR_ID:
            return [(head, "COOPERATES_WITH", AUTHOR_ID)]
        return []
    after = [m for m in inside if m.type == "Organization" and m.start >= cue_at]
    if _setting("cooperation.jointly") in text[cue_at - base:cue_at - base + 2]:
        head_orgs = [m for m in inside if m.type == "Organization" and m.end <= cue_at]
        if head_orgs:
            return [(ids[head_orgs[-1]], "COOPERATES_WITH", ids[p]) for p in after]
    return []


def _reported(text, base, top, ids) -> list[tuple[str, str, str]]:
    found = []
    undertakings = [m for m in top if m.type in _UNDERTAKING]
    for r in _pattern("reported.by_media").finditer(text):
        s, e = base + r.start(2), base + r.end(2)
        media = [m for m in top if m.type == "Organization" and s <= m.start and m.end <= e]
        if not media:
            continue
        clause_start = base + max(text.rfind(c, 0, r.start()) for c in _setting("reported.clause_marks")) + 1
        before = [m for m in undertakings if clause_start <= m.start and m.end <= base + r.start()]
        if before:
            head = ids[before[-1]]
        elif undertakings and undertakings[0].end <= base + r.start():
            head = ids[undertakings[0]]
        else:
            head = AUTHOR_ID
        found += [(head, "REPORTED_BY", ids[m]) for m in media]
    for r in _pattern("reported.in_media").finditer(text):
        s, e = base + r.start(1), base + r.end(1)
        media = [m for m in top if m.type == "Organization" and s <= m.start and m.end <= e]
        if media:
            found.append((AUTHOR_ID, "REPORTED_BY", ids[media[-1]]))
    return found


def _part_of(text, base, top, ids) -> list[tuple[str, str, str]]:
    found = []
    undertakings = sorted((m for m in top if m.type in _UNDERTAKING), key=lambda m: m.start)
    if len(undertakings) < 2:
        return found
    first = undertakings[0]
    # 开展“X”实践活动，确定了A、B等x大专项行动: A and B are parts of X
    for r in _pattern("part_of.list_markers").finditer(text):
        at = base + r.end()
        parent = [m for m in undertakings if m.end <= base + r.start()]
        if not parent:
            continue
        clause_end = base + next((k for k in range(r.end(), len(text)) if text[k] in _setting("part_of.list_end_marks")),
                                 len(text))
        for m in undertakings:
            if at <= m.start and m.end <= clause_end and m is not parent[0]:
                found.append((ids[m], "PART_OF", ids[parent[0]]))
    for r in _pattern("part_of.included_in").finditer(text):
        a = [m for m in undertakings if base + r.start(1) <= m.start and m.end <= base + r.end(1)]
        b = [m for m in undertakings if base + r.start(2) <= m.start and m.end <= base + r.end(2)]
        if a and b:
            found.append((ids[a[0]], "PART_OF", ids[b[0]]))
    del first
    return found


def _located(text, base, mentions, top, ids) -> list[tuple[str, str, str]]:
    found = []
    for p in mentions:
        if p.type != "Program":
            continue
        for m in mentions:
            if m.type == "Place" and p.start <= m.start and m.end <= p.end and m is not p:
                found.append((ids[p], "LOCATED_IN", ids[m]))
    # 在A、B设立X / 依托A开展X / 在A等地开展X
    for r in _pattern("located.at_place").finditer(text):
        places = [m for m in top if m.type == "Place" and base + r.start(1) <= m.start and m.end <= base + r.end(1)]
        if not places:
            continue
        clause_end = base + next((k for k in range(r.end(), len(text)) if text[k] in _setting("located.clause_marks")),
                                 len(text))
        for m in top:
            if m.type in ("Program", "Initiative", "Organization") and base + r.end() <= m.start and m.end <= clause_end:
                found += [(ids[m], "LOCATED_IN", ids[p]) for p in places]
    return found
