"""Relations from a classifier over the entity pairs of a statement (spec §3).

Candidates are ordered pairs of mentions whose types some relation allows, and the report's
author (the implicit subject) paired with each mention it may head. Features: the two types, the
rules' verdict on the pair, cue words between and before the tail, what stands between the two
(clause breaks, other mentions, only 、和与及), the characters around each end, and whether a
body is written before the tail in its clause (then the author is seldom the subject). The
author's relation to one name of a list then holds for the others joined to it by 、和与及
(``share_across_lists``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import numpy as np

from govkg.extract import lexicon
from govkg.learn.linear import Features, LinearModel
from govkg.model import Mention, Relation

__all__ = ["AUTHOR", "NONE", "Candidate", "allowed", "candidates", "pair_features",
           "predict_relations_of", "share_across_lists"]

AUTHOR = "@author"
NONE = "NONE"
THRESHOLD = 0.5
# Annotated pairs stand at most ~120 characters apart (../shared/gold); farther pairs are not
# candidates, which keeps a long statement's pairs linear in its length, not quadratic.
MAX_PAIR_DISTANCE = 200
_ORG, _UND = {"Organization"}, {"Program", "Initiative"}
_ALLOWED = {
    "LEADS": (_ORG | {AUTHOR}, _UND),
    "PARTICIPATES_IN": (_ORG | {"Person", AUTHOR}, _UND),
    "ISSUES": (_ORG | {AUTHOR}, {"Document"}),
    "IMPLEMENTS": (_ORG | _UND | {AUTHOR}, {"Document"}),
    "ESTABLISHES": (_ORG | {AUTHOR}, _ORG | {"Program"}),
    "COOPERATES_WITH": (_ORG | {AUTHOR}, _ORG),
    "PART_OF": (_UND | _ORG | {"Place"}, _UND | _ORG | {"Place"}),
    "LOCATED_IN": (_ORG | _UND, {"Place"}),
    "REPORTED_BY": (_UND | {AUTHOR}, _ORG),
}
_PART_OF_PAIRS = {("Program", "Program"), ("Program", "Initiative"), ("Initiative", "Program"),
                  ("Initiative", "Initiative"), ("Organization", "Organization"), ("Place", "Place")}
_EXTRA_CUES = ("在", "位于", "其中", "下设", "属于", "被", "与", "同", "和", "由", "为", "对", "向", "通过",
               "纳入", "全面", "深入", "积极", "大力", "加快", "我们", "全县", "全市", "全省", "全区")
_BREAK = re.compile(r"[，,；;：:]")


def allowed(head_type: str, tail_type: str) -> list[str]:
    out = []
    for rel, (heads, tails) in _ALLOWED.items():
        if head_type in heads and tail_type in tails:
            if rel == "PART_OF" and (head_type, tail_type) not in _PART_OF_PAIRS:
                continue
            out.append(rel)
    return out


@cache
def _cue_pattern() -> re.Pattern:
    cues = set(_EXTRA_CUES)
    for spec in lexicon.relation_cues().values():
        cues.update(spec.get("cues", []))
        cues.update(spec.get("post_cues", []))
    return re.compile("|".join(re.escape(c) for c in sorted(cues, key=lambda c: (-len(c), c))))


@cache
def _joined() -> re.Pattern:
    """Words that, alone between two names, make them items of one list (relations.toml)."""
    return lexicon.rule_pattern("relations", "coordinated.joined")


@dataclass(frozen=True)
class Candidate:
    head: Mention | None       # None: the report's author, unnamed in the statement
    tail: Mention


def candidates(mentions: list[Mention]) -> list[Candidate]:
    out = []
    for t in mentions:
        if allowed(AUTHOR, t.type):
            out.append(Candidate(None, t))
        for h in mentions:
            if h is t or (h.start < t.end and t.start < h.end and not _nested(t, h)):
                continue
            if abs(h.start - t.start) > MAX_PAIR_DISTANCE:
                continue
            if allowed(h.type, t.type):
                out.append(Candidate(h, t))
    return out


def _nested(inner: Mention, outer: Mention) -> bool:
    """A place written inside a longer name (北联镇新兴村 in 北联镇新兴村甜玉米加工项目: spec §2)."""
    return (inner.type == "Place" and outer.start <= inner.start and inner.end <= outer.end
            and (inner.start, inner.end) != (outer.start, outer.end))


class StatementContext:
    """What every pair of one statement shares: its text, cue positions, clause breaks, mentions."""

    def __init__(self, text: str, base: int, mentions: list[Mention], ids: dict[Mention, str],
                 author_id: str, rule_pairs: dict[tuple[str, str], set[str]]):
        self.text, self.base, self.mentions, self.ids, self.author_id = text, base, mentions, ids, author_id
        self.cues = [(m.start(), m.group()) for m in _cue_pattern().finditer(text)]
        self.breaks = [m.start() for m in _BREAK.finditer(text)]
        self.rule_pairs = rule_pairs     # (head id, tail id) -> the rules' relation types
        self.orgs = sorted(m.start - base for m in mentions if m.type == "Organization")
        first = min(mentions, key=lambda m: m.start) if mentions else None
        self.opener = first if first and first.type == "Organization" and first.start - base <= 3 else None

    def head_id(self, c: "Candidate") -> str:
        return self.author_id if c.head is None else self.ids.get(c.head, "")

    def clause_of(self, at: int) -> tuple[int, int]:
        lo = max((b + 1 for b in self.breaks if b < at), default=0)
        hi = min((b for b in self.breaks if b >= at), default=len(self.text))
        return lo, hi


def _ctx(text: str, lo: int, hi: int) -> str:
    return text[max(lo, 0):max(hi, 0)]


def _bucket(n: int) -> str:
    return str(n) if n < 4 else "4-7" if n < 8 else "8-15" if n < 16 else "16-31" if n < 32 else "32+"


def pair_features(c: Candidate, ctx: StatementContext) -> Features:
    text, base = ctx.text, ctx.base
    t = c.tail
    t_lo, t_hi = t.start - base, t.end - base
    htype = c.head.type if c.head else AUTHOR
    f: Features = {"bias": 1.0, "tt=" + htype + ">" + t.type: 1.0, "tsuf=" + t.name[-2:]: 1.0,
                   "tp1=" + _ctx(text, t_lo - 1, t_lo): 1.0, "tp2=" + _ctx(text, t_lo - 2, t_lo): 1.0,
                   "tn1=" + text[t_hi:t_hi + 1]: 1.0, "tn2=" + text[t_hi:t_hi + 2]: 1.0}
    head_id, tail_id = ctx.head_id(c), ctx.ids.get(t, "")
    for rel in ctx.rule_pairs.get((head_id, tail_id), ()):
        f["rule=" + rel] = 1.0
        f["rule=" + rel + ">" + t.type] = 1.0
    if any(k[1] == tail_id for k in ctx.rule_pairs):
        f["rule_tail"] = 1.0
    if c.head is not None and head_id == ctx.author_id:
        f["h_is_author"] = 1.0
    c_lo, c_hi = ctx.clause_of(t_lo)
    for at, cue in ctx.cues:
        if c_lo <= at < t_lo:
            f["cb_t=" + cue] = 1.0          # a cue before the tail in its clause
            if t_lo - (at + len(cue)) <= 2:
                f["cnear=" + cue] = 1.0
        elif t_hi <= at < c_hi and at - t_hi <= 4:
            f["ca_t=" + cue] = 1.0
    if c.head is None:
        orgs_before = [o for o in ctx.orgs if c_lo <= o < t_lo]
        f["a_orgbefore=" + str(bool(orgs_before))] = 1.0
        f["a_opener=" + str(ctx.opener is not None)] = 1.0
        f["a_tpos=" + _bucket(t_lo)] = 1.0
        f["a_clause0=" + str(c_lo == 0)] = 1.0
        return f
    h = c.head
    h_lo, h_hi = h.start - base, h.end - base
    f["hsuf=" + h.name[-2:]] = 1.0
    f["hn2=" + text[h_hi:h_hi + 2]] = 1.0
    f["hp2=" + _ctx(text, h_lo - 2, h_lo)] = 1.0
    forward = h_hi <= t_lo
    f["ord=" + ("fwd" if forward else "bwd")] = 1.0
    lo, hi = (h_hi, t_lo) if forward else (t_hi, h_lo)
    between = text[lo:hi]
    f["gap=" + _bucket(len(between))] = 1.0
    breaks = sum(1 for b in ctx.breaks if lo <= b < hi)
    f["breaks=" + _bucket(breaks)] = 1.0
    inside = sum(1 for m in ctx.mentions if lo <= m.start - base and m.end - base <= hi)
    f["between_m=" + _bucket(inside)] = 1.0
    if between and _joined().match(between):
        f["coord"] = 1.0
    if len(between) <= 3:
        f["btw=" + between] = 1.0
    for at, cue in ctx.cues:
        if lo <= at < hi:
            f["cb=" + cue] = 1.0
    if h.type == "Place" and t.type != "Place" or t.type == "Place" and h.start <= t.start and h.end >= t.end:
        f["nested"] = 1.0
    if ctx.opener is not None and h.start == ctx.opener.start:
        f["h_opener"] = 1.0
    return f


def predict_relations_of(model: LinearModel, statements: list[tuple[StatementContext, list[Candidate]]],
                         threshold: float = THRESHOLD) -> list[list[tuple[Candidate, str, float]]]:
    """Each statement's (candidate, relation type, probability) for the pairs whose likeliest type
    is not NONE, is allowed between their types and reaches ``threshold``. The pairs of all the
    statements are scored in one call: much of a call's cost is its own, whatever its rows."""
    rows = [pair_features(c, ctx) for ctx, cands in statements for c in cands]
    probabilities = model.probabilities_of(rows) if rows else np.zeros((0, len(model.classes)))
    out, at = [], 0
    for _, cands in statements:
        out.append(_choose(model, cands, probabilities[at:at + len(cands)], threshold))
        at += len(cands)
    return out


def _choose(model: LinearModel, cands: list[Candidate], probabilities,
            threshold: float) -> list[tuple[Candidate, str, float]]:
    out: list[tuple[Candidate, str, float]] = []
    none_at = model.classes.index(NONE) if NONE in model.classes else -1
    for c, probs in zip(cands, probabilities):
        if none_at >= 0:
            probs = probs.copy()
            p_none = probs[none_at]
            probs[none_at] = -1
        else:
            p_none = 0.0
        k = int(probs.argmax())
        htype = c.head.type if c.head else AUTHOR
        if probs[k] >= threshold and probs[k] > p_none and model.classes[k] in allowed(htype, c.tail.type):
            out.append((c, model.classes[k], float(probs[k])))
    return out


def share_across_lists(relations: list[Relation], text: str, base: int, mentions: list[Mention],
                       ids: dict[Mention, str], author_id: str) -> list[Relation]:
    """The author's relation to one name of a list holds for the list's other names of its type,
    joined to it only by 、和与及 (巴斯夫核心装置、埃克森美孚一期等一批重大项目建成投产: each is
    established): the classifier weighs each pair alone and misses list items far from the cue. A
    name the author already has a relation to keeps its own."""
    out = list(dict.fromkeys(relations))
    queue = [r for r in out if r.head == author_id]
    if not queue:
        return out
    related = {r.tail for r in queue}
    by_id: dict[str, list[Mention]] = {}
    for m in mentions:
        by_id.setdefault(ids.get(m, ""), []).append(m)
    while queue:
        rel = queue.pop()
        for a in by_id.get(rel.tail, ()):
            for b in mentions:
                lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
                tail = ids.get(b)
                if b.type != a.type or not tail or tail == rel.head or tail in related or lo >= hi:
                    continue
                if _joined().match(text[lo - base:hi - base]):
                    shared = Relation(rel.head, rel.type, tail, rel.evidence)
                    out.append(shared)
                    related.add(tail)
                    queue.append(shared)
    return out
