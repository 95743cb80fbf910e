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

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from govkg.errors import UsageError
from govkg.gold import AUTHOR, problems

__all__ = ["PRFScore", "Paths", "StatementErrors", "as_paths", "evaluate", "load_gold", "records_of",
           "statement_errors", "summary_rows"]

QUOTES = "\"'“”‘’「」『』《》〈〉 \t\u3000"
UNDERTAKING = {"Program", "Initiative"}
SYMMETRIC = {"COOPERATES_WITH"}
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


@dataclass
class PRFScore:
    """Precision, recall and F1 from counts of true positives, predictions and gold items; the
    one place govkg scores anything (entities, relations, themes, the query)."""
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, tp: int, predicted: int, gold: int) -> None:
        self.tp, self.predicted, self.gold = self.tp + tp, self.predicted + predicted, self.gold + gold

    def score(self, predicted: list, gold: list, same) -> None:
        """Count one comparison: ``predicted`` against ``gold``, matched one-to-one by ``same``."""
        self.add(len(_match(predicted, gold, same)), len(predicted), len(gold))

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def fscore(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        """The row of ``score.py --json``: p, r, f1 rounded to four places, and the counts."""
        return {"p": round(self.precision, 4), "r": round(self.recall, 4), "f1": round(self.fscore, 4),
                "tp": self.tp, "pred": self.predicted, "gold": self.gold}


def _overlap(a: tuple, b: tuple) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


Paths = Path | Sequence[Path]      # one gold file or folder, or several


def load_gold(where: Paths) -> dict[str, list[dict]]:
    """Gold statements by document, from gold .jsonl files or folders of them (several: yours
    beside ../shared/gold). A statement given twice (the same report and span) counts once: the
    first file that gives it wins."""
    from govkg.interchange import read_rows

    gold: dict[str, list[dict]] = defaultdict(list)
    seen: set[tuple] = set()
    wrong: list[str] = []
    for place in as_paths(where):
        files = sorted(place.glob("*.jsonl")) if place.is_dir() else [place]
        if not files or not all(f.is_file() for f in files):
            raise UsageError(f"no gold .jsonl files in {place}")
        for f in files:
            for number, row in read_rows(f):
                wrong += [f"{f}:{number}: {problem}" for problem in problems(row)]
                key = (row.get("doc"), row.get("start"), row.get("end"))
                if key not in seen:
                    seen.add(key)
                    gold[str(key[0])].append(row)
    if wrong:
        raise UsageError(_listed(wrong, "in the gold (spec §6); nothing was done"))
    return dict(gold)


def _listed(problems: list[str], what: str, shown: int = 20) -> str:
    """Problems one per line, the first ``shown`` of them, then how many there are."""
    more = f"\n... and {len(problems) - shown} more" if len(problems) > shown else ""
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''} {what}"
    return "\n".join(problems[:shown]) + more + f"\n{count}"


def as_paths(where: Path | str | Sequence[Path | str]) -> list[Path]:
    """One path or several, as a list."""
    return [Path(where)] if isinstance(where, (str, Path)) else [Path(p) for p in where]


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
    ent = {"strict": PRFScore(), "lenient": PRFScore()}
    per_type: dict[str, PRFScore] = defaultdict(PRFScore)
    rel = {"strict": PRFScore(), "lenient": PRFScore()}
    rel_type: dict[str, PRFScore] = defaultdict(PRFScore)
    theme, query = PRFScore(), PRFScore()
    # the query again with the gold's themes, then with the gold's entities: which part loses its items
    query_gold_themes, query_gold_entities = PRFScore(), PRFScore()
    for doc, statements in gold.items():
        pdoc = pred.get(doc, {})
        q_gold: set[str] = set()
        q_pred: set[str] = set()
        q_pred_gold_themes: set[str] = set()
        q_pred_gold_entities: set[str] = set()
        for g in statements:
            p_ents, p_rels, p_themes = _view(pdoc, (g["start"], g["end"]))
            g_ents, g_rels, g_themes = _gold_sets(g)
            p_ents = sorted(set(p_ents))
            for mode in ("strict", "lenient"):
                ent[mode].score(p_ents, g_ents, _same_entity(mode == "lenient"))
            _score_by_type(per_type, p_ents, g_ents, 0, _same_entity(False))
            p_rels = sorted(set(p_rels), key=repr)
            for mode in ("strict", "lenient"):
                rel[mode].score(p_rels, g_rels, _same_relation(mode == "lenient"))
            _score_by_type(rel_type, p_rels, g_rels, 1, _same_relation(True))
            theme.add(len(g_themes & p_themes), len(p_themes), len(g_themes))
            if QUERY_THEME in g_themes:
                q_gold.update(n for t, n in g_ents if t in UNDERTAKING)
                q_pred_gold_themes.update(n for t, n in p_ents if t in UNDERTAKING)
            if QUERY_THEME in p_themes:
                q_pred.update(n for t, n in p_ents if t in UNDERTAKING)
                q_pred_gold_entities.update(n for t, n in g_ents if t in UNDERTAKING)
        for score, given in ((query, q_pred), (query_gold_themes, q_pred_gold_themes),
                             (query_gold_entities, q_pred_gold_entities)):
            score.score(sorted(given), sorted(q_gold), lambda p, g, exact: names_match(p, g, not exact))
    return {
        "docs": len(gold), "statements": sum(len(v) for v in gold.values()),
        "docs_missing_from_prediction": [d for d in gold if d not in pred],
        "entities": {k: v.to_dict() for k, v in ent.items()},
        "entities_by_type_strict": {k: v.to_dict() for k, v in sorted(per_type.items())},
        "relations": {k: v.to_dict() for k, v in rel.items()},
        "relations_by_type_lenient": {k: v.to_dict() for k, v in sorted(rel_type.items())},
        "themes": theme.to_dict(),
        "query_village_governance": query.to_dict(),
        "query_village_governance_gold_themes": query_gold_themes.to_dict(),
        "query_village_governance_gold_entities": query_gold_entities.to_dict(),
    }


def _score_by_type(scores: dict[str, PRFScore], pred: list, gold: list, at: int, same) -> None:
    """Score each type apart; an item's type is its field ``at``."""
    for kind in {x[at] for x in pred} | {x[at] for x in gold}:
        scores[kind].score([x for x in pred if x[at] == kind], [x for x in gold if x[at] == kind], same)


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
    """(label, {p, r, f1, pred, gold}) rows in the order ``score.py`` prints them, then the query with
    the gold's themes and with the gold's entities (which part loses its items; not in ``score.py``)."""
    rows = [("entities strict", result["entities"]["strict"]),
            ("entities lenient", result["entities"]["lenient"])]
    rows += [(f"  {t}", v) for t, v in result["entities_by_type_strict"].items()]
    rows += [("relations strict", result["relations"]["strict"]),
             ("relations lenient", result["relations"]["lenient"])]
    rows += [(f"  {t}", v) for t, v in result["relations_by_type_lenient"].items()]
    rows += [("themes", result["themes"]), ("query: village governance", result["query_village_governance"])]
    rows += [(f"  with the gold's {part}", result[f"query_village_governance_gold_{part}"])
             for part in ("themes", "entities")]
    return rows


def records_of(items: Iterable[str | Path], author: str | None = None, model: str | None = None) -> list[dict]:
    """Interchange records from .jsonl files as they are, and from report files or folders by
    extracting them first (a report that cannot be read raises its ReportError)."""
    from govkg.errors import ReportError
    from govkg.interchange import read_records, to_record
    from govkg.pipeline import expand_inputs, extract_files

    records: list[dict] = []
    reports: list[Path] = []
    for item in items:
        path = Path(item)
        if path.suffix == ".jsonl" and path.is_file():
            records.extend(read_records(path))
        else:
            reports.append(path)
    if reports:
        for found in extract_files(expand_inputs(reports), author, model=model):
            if isinstance(found, ReportError):
                raise found
            records.append(to_record(found))
    return records
