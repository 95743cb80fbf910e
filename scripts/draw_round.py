"""Draw one annotator's batch of statements for a round of the project's own annotations.

    python scripts/draw_round.py BATCH --report annotations/corpus/R.txt [--report ...]
        [--cue REGEX] [--size 150] [--checks 15] [--not-from GOLDREPORT ...] --seed N --out DIR

Writes DIR/todo/BATCH.jsonl (what the annotator sees: an id, the report's name and the statement's
text, the report's statements and the hidden `../shared/gold` check statements shuffled together)
and DIR/keys/BATCH.jsonl (each id's report and offsets, to turn the answers into gold lines).
Statements of 12 or more characters that overlap no statement of ../shared/gold or of a file under
annotations/ are drawn at random (seeded); with --cue, only those the pattern finds. Check
statements come from ../shared/gold reports outside --not-from that no earlier round used as checks.
"""
from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from govkg.evaluate import load_gold
from govkg.learn.annotate import annotated_spans, overlaps, spans_of
from govkg.statements import split_statements

ANNOTATIONS = Path(__file__).resolve().parents[1] / "annotations"
GOLD = ANNOTATIONS.parents[1] / "shared" / "gold"
MIN_CHARS = 12


Spans = dict[str, list[tuple[int, int]]]


def taken_spans() -> Spans:
    """Statements some annotation of the project already holds (any round, kept apart or taught)."""
    return annotated_spans(sorted({path.parent for path in ANNOTATIONS.glob("**/*.jsonl")}))


def with_spans(spans: Spans, more: Spans) -> Spans:
    return {doc: sorted({*spans.get(doc, []), *more.get(doc, [])}) for doc in {*spans, *more}}


def drawn_spans(keys: Path) -> Spans:
    """The statements of an earlier batch's key file."""
    spans: Spans = {}
    for row in map(json.loads, keys.open(encoding="utf-8")):
        spans.setdefault(row["doc"], []).append((row["start"], row["end"]))
    return spans


def candidates(reports: list[Path], cue: str | None, taken: Spans) -> list[dict]:
    """A report's statement is annotated once: the gold's and the project's spans were cut by other
    splits (or none), so one that shares a character with an annotated span is taken too."""
    found = []
    for report in reports:
        for st in split_statements(report.read_text(encoding="utf-8")):
            if len(st.text) < MIN_CHARS or overlaps(st.start, st.end, taken.get(report.name, [])):
                continue
            if cue and not re.search(cue, st.text):
                continue
            found.append({"doc": report.name, "start": st.start, "end": st.end, "text": st.text})
    return found


def check_statements(gold: dict[str, list[dict]], count: int, not_from: set[str], taken: Spans,
                     rng: random.Random) -> list[dict]:
    pool = [{**{k: row[k] for k in ("doc", "start", "end", "text")}, "check": True}
            for doc, rows in gold.items() if doc not in not_from
            for row in rows if (row["start"], row["end"]) not in taken.get(doc, [])]
    return rng.sample(pool, count)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batch")
    parser.add_argument("--report", type=Path, action="append", required=True)
    parser.add_argument("--cue")
    parser.add_argument("--size", type=int, default=150)
    parser.add_argument("--checks", type=int, default=15)
    parser.add_argument("--not-from", action="append", default=[])
    parser.add_argument("--also-taken", type=Path, action="append", default=[],
                        help="key files of batches drawn before in the same round")
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    taken = taken_spans()
    for path in args.also_taken:
        taken = with_spans(taken, drawn_spans(path))
    gold = load_gold(GOLD)
    pool = candidates(args.report, args.cue, with_spans(taken, spans_of(gold)))
    drawn = rng.sample(pool, min(args.size, len(pool)))
    drawn += check_statements(gold, args.checks, {p.name for p in args.report} | set(args.not_from), taken, rng)
    rng.shuffle(drawn)
    for folder in ("todo", "keys"):
        (args.out / folder).mkdir(parents=True, exist_ok=True)
    with (args.out / "todo" / f"{args.batch}.jsonl").open("w", encoding="utf-8") as todo, \
            (args.out / "keys" / f"{args.batch}.jsonl").open("w", encoding="utf-8") as keys:
        for number, row in enumerate(drawn, 1):
            todo.write(json.dumps({"id": number, "report": row["doc"], "text": row["text"]},
                                  ensure_ascii=False) + "\n")
            key = {"id": number, "doc": row["doc"], "start": row["start"], "end": row["end"]}
            keys.write(json.dumps({**key, "check": True} if row.get("check") else key, ensure_ascii=False) + "\n")
    print(f"{args.batch}: {len(drawn) - args.checks} statements of {len(pool)} and {args.checks} checks")


if __name__ == "__main__":
    main()
