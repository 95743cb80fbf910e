"""Score extractions against gold statements (spec §6, §7), with the figures of ``score.py``.

``evaluate(gold_dir, records)`` returns the same dictionary as the shared ``tools/score.py --json``
(entities strict/lenient and per type, relations strict/lenient and per type, themes, the
village-governance query); ``statement_errors`` lists, per gold statement, what was missed and
what was predicted wrongly, for ``govkg eval --show-errors``.

Records are interchange rows (``interchange.to_record``), keyed by ``doc``. Matching rules:
names compared after NFKC with spaces and quote marks removed; strict = same type and name;
lenient = Program/Initiative as one type and names matching when one contains the other;
greedy one-to-one matching, exact pairs first.
"""
from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from govkg.errors import GovKGError

__all__ = ["StatementErrors", "evaluate", "load_gold", "records_of", "statement_errors", "summary_rows"]

QUOTES = "\"'“”‘’「」『』《》〈〉 \t\u3000"
UNDERTAKING = {"Program", "Initiative"}
SYMMETRIC = {"COOPERATES_WITH"}
AUTHOR = "@author"
QUERY_THEME = "village_governance"


def norm(name: str) -> str:
    name = unicodedata.normalize("NFKC", name)
    return "".join(ch for ch in name if ch not in QUOTES).lower()


def names_match(a, b: str, lenient: bool) -> bool:
    """``a`` may be a tuple of alternatives: the author matches "@author" or its own name."""
    if isinstance(a, tuple):
        return any(names_match(x, b, lenient) for x in a)
    if a == AUTHOR or b == AUTHOR:
        return a == b
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    return a == b or (lenient and (a in b or b in a))


def _types_match(a: str, b: str, lenient: bool) -> bool:
    return a == b or (lenient and a in UNDERTAKING and b in UNDERTAKING)


def _match(pred: list, gold: list, same) -> list[tuple]:
    """Greedy one-to-one matching, exact pairs before loose ones: the matched (pred, gold) pairs."""
    pred, used, pairs = list(pred), [False] * len(gold), []
    for exact_pass in (True, False):
        for p in list(pred):
            for i, g in enumerate(gold):
                if not used[i] and same(p, g, exact_pass):
                    used[i] = True
                    pairs.append((p, g))
                    pred.remove(p)
                    break
    return pairs


class _Tally:
    def __init__(self) -> None:
        self.tp = self.np = self.ng = 0

    def add(self, tp: int, n_pred: int, n_gold: int) -> None:
        self.tp, self.np, self.ng = self.tp + tp, self.np + n_pred, self.ng + n_gold

    def prf(self) -> dict:
        p = self.tp / self.np if self.np else 0.0
        r = self.tp / self.ng if self.ng else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": self.tp,
                "pred": self.np, "gold": self.ng}


def _overlap(a: tuple, b: tuple) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def load_gold(where: Path) -> dict[str, list[dict]]:
    """Gold statements by document, from a gold .jsonl file or a folder of them."""
    where = Path(where)
    files = sorted(where.glob("*.jsonl")) if where.is_dir() else [where]
    if not files or not all(f.is_file() for f in files):
        raise GovKGError(f"no gold .jsonl files in {where}")
    gold: dict[str, list[dict]] = defaultdict(list)
    for f in files:
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as err:
                    raise GovKGError(f"{f}:{n}: not JSON ({err})") from None
                gold[row["doc"]].append(row)
    return dict(gold)


def _view(pred_doc: dict, span: tuple) -> tuple[list, list, set]:
    """The predicted entities, relations and themes that fall in one gold statement."""
    s, e = span
    ents = pred_doc.get("entities", [])
    by_id = {x["id"]: x for x in ents}

    def label(ent: dict):
        return (AUTHOR, ent.get("name", "")) if ent.get("author") else ent.get("name", "")

    entities = [(x["type"], x["name"]) for x in ents
                if any(m[0] >= s and m[1] <= e and m[1] > m[0] for m in x.get("mentions", []))]
    relations = []
    for r in pred_doc.get("relations", []):
        ev = r.get("evidence") or [0, 0]
        if _overlap((ev[0], ev[1]), span) * 2 < max(1, ev[1] - ev[0]):
            continue
        head, tail = by_id.get(r["head"]), by_id.get(r["tail"])
        if head and tail:
            relations.append((label(head), r["type"], label(tail)))
    themes: set = set()
    for st in pred_doc.get("statements", []):
        ps = (st["start"], st["end"])
        o = _overlap(ps, span)
        if o and (o * 2 >= ps[1] - ps[0] or o * 2 >= e - s):
            themes.update(st.get("themes", []))
    return entities, relations, themes


def _same_entity(lenient_ok: bool):
    return lambda p, g, exact: (_types_match(p[0], g[0], lenient_ok and not exact)
                                and names_match(p[1], g[1], lenient_ok and not exact))


def _same_relation(lenient_ok: bool):
    def same(p, g, exact):
        loose = lenient_ok and not exact
        if p[1] != g[1]:
            return False
        fwd = names_match(p[0], g[0], loose) and names_match(p[2], g[2], loose)
        back = p[1] in SYMMETRIC and names_match(p[0], g[2], loose) and names_match(p[2], g[0], loose)
        return fwd or back
    return same


@dataclass
class StatementErrors:
    """What one gold statement's prediction got wrong (lenient matching)."""
    doc: str
    start: int
    end: int
    text: str
    missed_entities: list = field(default_factory=list)
    false_entities: list = field(default_factory=list)
    missed_relations: list = field(default_factory=list)
    false_relations: list = field(default_factory=list)
    missed_themes: list = field(default_factory=list)
    false_themes: list = field(default_factory=list)

    def __bool__(self) -> bool:
        return any((self.missed_entities, self.false_entities, self.missed_relations,
                    self.false_relations, self.missed_themes, self.false_themes))


def _gold_sets(g: dict) -> tuple[list, list, set]:
    ents = sorted({(x["type"], x["name"]) for x in g.get("entities", [])})
    rels = sorted({(x["head"], x["type"], x["tail"]) for x in g.get("relations", [])})
    return ents, rels, set(g.get("themes", []))


def evaluate(gold: dict[str, list[dict]] | Path, records: Iterable[dict]) -> dict:
    """Scores of interchange records against gold: the dictionary ``score.py --json`` prints."""
    if not isinstance(gold, dict):
        gold = load_gold(gold)
    pred = {row["doc"]: row for row in records}
    ent = {"strict": _Tally(), "lenient": _Tally()}
    per_type: dict[str, _Tally] = defaultdict(_Tally)
    rel = {"strict": _Tally(), "lenient": _Tally()}
    rel_type: dict[str, _Tally] = defaultdict(_Tally)
    theme, query = _Tally(), _Tally()
    for doc, statements in gold.items():
        pdoc = pred.get(doc, {})
        q_gold, q_pred = set(), set()
        for g in statements:
            p_ents, p_rels, p_themes = _view(pdoc, (g["start"], g["end"]))
            g_ents, g_rels, g_themes = _gold_sets(g)
            p_ents = sorted(set(p_ents))
            for mode in ("strict", "lenient"):
                ent[mode].add(len(_match(p_ents, g_ents, _same_entity(mode == "lenient"))),
                              len(p_ents), len(g_ents))
            for t in {x[0] for x in p_ents} | {x[0] for x in g_ents}:
                pt = [x for x in p_ents if x[0] == t]
                gt = [x for x in g_ents if x[0] == t]
                per_type[t].add(len(_match(pt, gt, _same_entity(False))), len(pt), len(gt))
            p_rels = sorted(set(p_rels), key=repr)
            for mode in ("strict", "lenient"):
                rel[mode].add(len(_match(p_rels, g_rels, _same_relation(mode == "lenient"))),
                              len(p_rels), len(g_rels))
            for t in {x[1] for x in p_rels} | {x[1] for x in g_rels}:
                pt = [x for x in p_rels if x[1] == t]
                gt = [x for x in g_rels if x[1] == t]
                rel_type[t].add(len(_match(pt, gt, _same_relation(True))), len(pt), len(gt))
            theme.add(len(g_themes & p_themes), len(p_themes), len(g_themes))
            if QUERY_THEME in g_themes:
                q_gold.update(n for t, n in g_ents if t in UNDERTAKING)
            if QUERY_THEME in p_themes:
                q_pred.update(n for t, n in p_ents if t in UNDERTAKING)
        qp, qg = sorted(q_pred), sorted(q_gold)
        query.add(len(_match(qp, qg, lambda p, g, exact: names_match(p, g, not exact))), len(qp), len(qg))
    return {
        "docs": len(gold), "statements": sum(len(v) for v in gold.values()),
        "docs_missing_from_prediction": [d for d in gold if d not in pred],
        "entities": {k: v.prf() for k, v in ent.items()},
        "entities_by_type_strict": {k: v.prf() for k, v in sorted(per_type.items())},
        "relations": {k: v.prf() for k, v in rel.items()},
        "relations_by_type_lenient": {k: v.prf() for k, v in sorted(rel_type.items())},
        "themes": theme.prf(),
        "query_village_governance": query.prf(),
    }


def statement_errors(gold: dict[str, list[dict]] | Path, records: Iterable[dict]) -> list[StatementErrors]:
    """Per gold statement: missed and false entities, relations and themes (lenient matching)."""
    if not isinstance(gold, dict):
        gold = load_gold(gold)
    pred = {row["doc"]: row for row in records}
    found = []
    for doc, statements in sorted(gold.items()):
        for g in sorted(statements, key=lambda x: x["start"]):
            p_ents, p_rels, p_themes = _view(pred.get(doc, {}), (g["start"], g["end"]))
            g_ents, g_rels, g_themes = _gold_sets(g)
            p_ents, p_rels = sorted(set(p_ents)), sorted(set(p_rels), key=repr)
            e_pairs = _match(p_ents, g_ents, _same_entity(True))
            r_pairs = _match(p_rels, g_rels, _same_relation(True))
            plain = [(_name(r[0]), r[1], _name(r[2])) for r in p_rels]
            r_hit = {_plain(p) for p, _ in r_pairs}
            errors = StatementErrors(
                doc, g["start"], g["end"], g.get("text", ""),
                missed_entities=[x for x in g_ents if x not in {gg for _, gg in e_pairs}],
                false_entities=[x for x in p_ents if x not in {pp for pp, _ in e_pairs}],
                missed_relations=[x for x in g_rels if x not in {gg for _, gg in r_pairs}],
                false_relations=[x for x in plain if x not in r_hit],
                missed_themes=sorted(g_themes - p_themes), false_themes=sorted(p_themes - g_themes))
            found.append(errors)
    return found


def _name(label) -> str:
    return AUTHOR if isinstance(label, tuple) else label


def _plain(rel: tuple) -> tuple:
    return (_name(rel[0]), rel[1], _name(rel[2]))


def summary_rows(result: dict) -> list[tuple[str, dict]]:
    """(label, {p, r, f1, pred, gold}) rows in the order ``score.py`` prints them."""
    rows = [("entities strict", result["entities"]["strict"]),
            ("entities lenient", result["entities"]["lenient"])]
    rows += [(f"  {t}", v) for t, v in result["entities_by_type_strict"].items()]
    rows += [("relations strict", result["relations"]["strict"]),
             ("relations lenient", result["relations"]["lenient"])]
    rows += [(f"  {t}", v) for t, v in result["relations_by_type_lenient"].items()]
    rows += [("themes", result["themes"]), ("query: village governance", result["query_village_governance"])]
    return rows


def records_of(items: Iterable[str | Path], author: str | None = None, model: str | None = None) -> list[dict]:
    """Interchange records from .jsonl files as they are, and from report files or folders by
    extracting them first (a report that cannot be read raises its ReportError)."""
    from govkg.errors import ReportError
    from govkg.interchange import to_record
    from govkg.pipeline import expand_inputs, extract_files

    records: list[dict] = []
    reports: list[Path] = []
    for item in items:
        path = Path(item)
        if path.suffix == ".jsonl" and path.is_file():
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if line.strip():
                    try:
                        records.append(json.loads(line))
                    except json.JSONDecodeError as err:
                        raise GovKGError(f"{path}:{n}: not an interchange record ({err})") from None
        else:
            reports.append(path)
    if reports:
        for found in extract_files(expand_inputs(reports), author, model=model):
            if isinstance(found, ReportError):
                raise found
            records.append(to_record(found))
    return records
