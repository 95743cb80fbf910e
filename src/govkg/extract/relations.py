"""Relations of one statement from cue words and clause structure (spec §3).

Cues come from ``data/lexicon/relation_cues.toml``, the other words and patterns from
``data/lexicon/relations.toml``. Within a :class:`Clause` (text between ，；：。):

* a cue before a tail governs it when only a few characters, other mentions or 、和与及 stand
  between them (推进A、B和C gives three tails); a cue after the tail (A全面实施) governs it too;
  the nearest cue claims a tail first;
* the head is the clause's subject: an organization written right before the cue, else an
  organization that opens the statement (上海农科院与xx合作，增设了…), else the author (e0);
* COOPERATES_WITH pairs the subject with the organizations after 与/同/会同; with no such
  organization the partner is the author (X与xx再度合作);
* REPORTED_BY links the undertaking before 被/获 (else the statement's first undertaking, else
  the author) to the media between 被 and the cue;
* PART_OF: the items of a list after the statement's first undertaking (确定了A、B等专项行动),
  what follows 其中, and 把A纳入B;
* LOCATED_IN: a place that opens a Program's name, a place after 在/依托/赴/支持 before the cue,
  or the place right after 落户/落地/入驻 (X落户A).

Every relation's evidence is its statement's span.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Mapping

from govkg.extract import lexicon
from govkg.extract.entities import AUTHOR_ID
from govkg.model import Mention, Relation, Statement

__all__ = ["Clause", "clauses_of", "find_relations", "led_by_a_named_subject"]

_UNDERTAKING = ("Program", "Initiative")
_IN_A_PLACE = ("Program", "Initiative", "Organization")     # what LOCATED_IN places (在A设立X, X落户A)
Triple = tuple[str, str, str]


@dataclass(frozen=True)
class Clause:
    """A stretch of a statement (a clause, or the whole statement) and what the rules need of it.

    Offsets (``lo``, ``hi``, the mentions') are offsets into the report; ``base`` is the
    statement's start, so ``text[lo - base:hi - base]`` is the clause."""
    text: str                          # the whole statement's text
    base: int                          # the statement's start offset in the report
    lo: int                            # the clause's start offset in the report
    hi: int                            # the clause's end offset in the report
    mentions: tuple[Mention, ...]      # the top-level mentions inside the clause, in order
    ids: Mapping[Mention, str]         # mention -> entity id (e0 is the author)
    opener: Mention | None = None      # an organization that opens the statement: its subject

    def span(self, start: int, end: int) -> str:
        """The statement's text between two report offsets."""
        return self.text[start - self.base:end - self.base]

    @property
    def words(self) -> str:
        return self.span(self.lo, self.hi)

    def id_of(self, mention: Mention) -> str:
        return self.ids[mention]


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
    evidence = (statement.start, statement.end)
    whole = _whole_statement(statement, mentions, ids)
    found: list[Triple] = []
    for clause in clauses_of(whole):
        found += _cued(clause)
    found += _reported(whole)
    found += _part_of(whole)
    found += _located(whole, mentions)
    return list(dict.fromkeys(Relation(h, t, x, evidence) for h, t, x in found if h != x))


def led_by_a_named_subject(statement: Statement, mentions: list[Mention], ids: Mapping[Mention, str],
                           relation: Relation) -> bool:
    """A LEADS whose head is a body (not the author) written right before a leading verb
    (县人社局开展“春风行动”, 县乡村振兴局牵头建立X): its subject says who leads it."""
    if relation.type != "LEADS" or relation.head == AUTHOR_ID:
        return False
    text, base = statement.text, statement.start
    cue = _pattern("subjects.leading_cue")
    return any(ids.get(m) == relation.head and m.type == "Organization" and cue.match(text, m.end - base)
               for m in mentions)


def _whole_statement(statement: Statement, mentions: list[Mention], ids: Mapping[Mention, str]) -> Clause:
    top = tuple(_top_level(mentions))
    text, base = statement.text, statement.start
    return Clause(text, base, base, base + len(text), top, ids, _statement_subject(text, base, top))


def clauses_of(whole: Clause) -> list[Clause]:
    """The clauses of a statement that hold a mention (text between ，；：。！？)."""
    found = []
    for m in _pattern("clauses.clause").finditer(whole.text):
        lo, hi = whole.base + m.start(), whole.base + m.end()
        inside = tuple(x for x in whole.mentions if lo <= x.start and x.end <= hi)
        if inside:
            found.append(Clause(whole.text, whole.base, lo, hi, inside, whole.ids, whole.opener))
    return found


def _top_level(mentions: list[Mention]) -> list[Mention]:
    """Mentions not inside another mention (a Place opening a Program name is left out here)."""
    return [m for m in mentions
            if not any(o is not m and o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start)
                       for o in mentions)]


def _statement_subject(text: str, base: int, top: tuple[Mention, ...]) -> Mention | None:
    """An organization that opens the statement (after an enumeration marker) is its subject."""
    first = min((m for m in top), key=lambda m: m.start, default=None)
    if first is None or first.type != "Organization":
        return None
    lead = text[: first.start - base]
    if _pattern("subjects.statement_lead").fullmatch(lead):
        return first
    return None


def _subject(clause: Clause, cue_at: int) -> str:
    """The id of the clause's subject before ``cue_at``: an organization right before it, else the
    statement's opening organization, else the author."""
    orgs = [m for m in clause.mentions if m.type == "Organization" and m.end <= cue_at]
    for m in reversed(orgs):
        gap = clause.span(m.end, cue_at)
        before = clause.span(max(clause.lo, m.start - 2), m.start)
        if before.endswith(tuple(_words("subjects.not_after"))):
            continue
        if len(gap) <= _setting("subjects.max_gap") and not _pattern("subjects.gap_breakers").search(gap):
            return clause.id_of(m)
    if clause.opener is not None and clause.opener.end <= cue_at:
        return clause.id_of(clause.opener)
    return AUTHOR_ID


def _cued(clause: Clause) -> list[Triple]:
    pattern, cues, blocked = _table()
    found = []
    taken: set[int] = set()
    cue_hits = [(clause.lo + m.start(), clause.lo + m.end(), m.group()) for m in pattern.finditer(clause.words)]
    for cue_at, cue_end, cue in reversed(cue_hits):     # the nearest cue claims a tail first
        if any(m.start < cue_end and cue_at < m.end for m in clause.mentions):
            continue                                  # the cue word is inside a name
        for rel, tails, where in cues[cue]:
            if where == "before":
                targets = _governed_after(clause, cue_end, tails)
            else:
                targets = _governed_before(clause, cue_at, tails)
            for m in targets:
                if id(m) in taken:
                    continue
                after = clause.span(m.end, m.end + 4)
                if rel == "LEADS" and where == "before" and any(after.startswith(b) for b in blocked):
                    continue
                if rel == "COOPERATES_WITH":
                    continue
                subject = _subject(clause, cue_at if where == "before" else m.start)
                if rel == "ESTABLISHES" and clause.id_of(m) == AUTHOR_ID:
                    continue
                taken.add(id(m))
                found.append((subject, rel, clause.id_of(m)))
            if rel == "COOPERATES_WITH":
                found += _cooperation(clause, cue_at)
    return found


def _first_tail_within_reach(found: list[Mention], gap: str, m: Mention, tails: frozenset) -> bool:
    """The first tail may stand a little farther from its cue when nothing breaks the clause between."""
    return (not found and len(gap) <= _setting("governing.first_tail_gap")
            and not _pattern("governing.gap_breakers").search(gap) and m.type in tails)


def _governed_after(clause: Clause, cue_end: int, tails: frozenset) -> list[Mention]:
    """Tails after the cue: the first within a few characters, then list items joined by 、和与及."""
    out = []
    at = cue_end
    for m in sorted((m for m in clause.mentions if m.start >= cue_end), key=lambda m: m.start):
        gap = clause.span(at, m.start)
        if len(gap) > _setting("governing.max_gap") and not _pattern("governing.between_ok").match(gap) \
                and not _first_tail_within_reach(out, gap, m, tails):
            break
        if m.type in tails:
            out.append(m)
        at = m.end
    return out


def _governed_before(clause: Clause, cue_at: int, tails: frozenset) -> list[Mention]:
    """The tail right before a cue written after it (A全面实施)."""
    before = [m for m in clause.mentions if m.end <= cue_at and m.type in tails]
    if not before:
        return []
    m = before[-1]
    gap = clause.span(m.end, cue_at)
    if len(gap) <= _setting("governing.post_gap") \
            and not _pattern("governing.gap_breakers").search(gap.replace(_setting("governing.post_gap_ignored"), "")):
        return [m]
    return []


def _cooperation(clause: Clause, cue_at: int) -> list[Triple]:
    """COOPERATES_WITH: the subject and the organizations after 与/同/会同 (else the author)."""
    clause_before = clause.span(clause.lo, cue_at)
    orgs = [m for m in clause.mentions if m.type == "Organization"]
    k = max(clause_before.rfind(marker) for marker in _setting("cooperation.partner_markers"))
    if k >= 0:
        partners = [m for m in orgs if clause.lo + k < m.start and m.end <= cue_at]
        head = _partners_subject(clause, [m for m in orgs if m.end <= clause.lo + k])
        if partners:
            return [(head, "COOPERATES_WITH", clause.id_of(p)) for p in partners]
        if head != AUTHOR_ID:
            return [(head, "COOPERATES_WITH", AUTHOR_ID)]
        return []
    after = [m for m in orgs if m.start >= cue_at]
    if clause.span(cue_at, cue_at + 2) in _words("cooperation.jointly"):
        head = _partners_subject(clause, [m for m in orgs if m.end <= cue_at])
        return [(head, "COOPERATES_WITH", clause.id_of(p)) for p in after if clause.id_of(p) != head]
    return []


def _partners_subject(clause: Clause, bodies_before: list[Mention]) -> str:
    """Who works with the partners: the last body before them, else the statement's opening one,
    else the author."""
    if bodies_before:
        return clause.id_of(bodies_before[-1])
    return clause.id_of(clause.opener) if clause.opener else AUTHOR_ID


def _reported(whole: Clause) -> list[Triple]:
    text, base, top = whole.text, whole.base, whole.mentions
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
            head = whole.id_of(before[-1])
        elif undertakings and undertakings[0].end <= base + r.start():
            head = whole.id_of(undertakings[0])
        else:
            head = AUTHOR_ID
        found += [(head, "REPORTED_BY", whole.id_of(m)) for m in media]
    for r in _pattern("reported.in_media").finditer(text):
        s, e = base + r.start(1), base + r.end(1)
        media = [m for m in top if m.type == "Organization" and s <= m.start and m.end <= e]
        if media:
            found.append((AUTHOR_ID, "REPORTED_BY", whole.id_of(media[-1])))
    return found


def _part_of(whole: Clause) -> list[Triple]:
    text, base = whole.text, whole.base
    found: list[Triple] = []
    undertakings = sorted((m for m in whole.mentions if m.type in _UNDERTAKING), key=lambda m: m.start)
    if len(undertakings) < 2:
        return found
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
                found.append((whole.id_of(m), "PART_OF", whole.id_of(parent[0])))
    for r in _pattern("part_of.included_in").finditer(text):
        a = [m for m in undertakings if base + r.start(1) <= m.start and m.end <= base + r.end(1)]
        b = [m for m in undertakings if base + r.start(2) <= m.start and m.end <= base + r.end(2)]
        if a and b:
            found.append((whole.id_of(a[0]), "PART_OF", whole.id_of(b[0])))
    return found


def _located(whole: Clause, mentions: list[Mention]) -> list[Triple]:
    text, base, top = whole.text, whole.base, whole.mentions
    found = []
    for p in mentions:
        if p.type != "Program":
            continue
        for m in mentions:
            if m.type == "Place" and p.start <= m.start and m.end <= p.end and m is not p:
                found.append((whole.id_of(p), "LOCATED_IN", whole.id_of(m)))
    # 在A、B设立X / 依托A开展X / 在A等地开展X
    for r in _pattern("located.at_place").finditer(text):
        places = [m for m in top if m.type == "Place" and base + r.start(1) <= m.start and m.end <= base + r.end(1)]
        if not places:
            continue
        clause_end = base + next((k for k in range(r.end(), len(text)) if text[k] in _setting("located.clause_marks")),
                                 len(text))
        for m in top:
            if m.type in _IN_A_PLACE and base + r.end() <= m.start and m.end <= clause_end:
                found += [(whole.id_of(m), "LOCATED_IN", whole.id_of(p)) for p in places]
    return found + _settled_in(whole)


def _settled_in(whole: Clause) -> list[Triple]:
    """X落户A, X入驻A: what ends right before the verb is in the place right after it."""
    found = []
    for r in _pattern("located.settled_in").finditer(whole.text):
        at, after = whole.base + r.start(), whole.base + r.end()
        settled = [m for m in whole.mentions if m.type in _IN_A_PLACE and m.end == at]
        place = [m for m in whole.mentions if m.type == "Place" and m.start == after]
        if settled and place:
            found.append((whole.id_of(settled[0]), "LOCATED_IN", whole.id_of(place[0])))
    return found
