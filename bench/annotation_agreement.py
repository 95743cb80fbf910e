"""How far the project's own annotations (annotations/) agree with ../shared/gold.

The annotators of annotations/statements/ were given, hidden among their statements, 200 statements
that ../shared/gold already annotates (with the gold's answers for those taken out of the examples
they studied). Their answers for those are kept in annotations/checks/; this scores them against
the gold with the shared scorer's rules, as a second annotator is scored against the first.

    python bench/annotation_agreement.py            # the table, like govkg eval
    python bench/annotation_agreement.py --json

A line of annotations/ holds no text (the corpus' text is not copied into the project): the
report in ../shared/corpus gives it, and every name is found there.
"""
from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def records(rows: list[dict], texts: dict[str, str]) -> list[dict]:
    """Gold-format lines as interchange records (spec §5), one per report: each name's mention
    where the statement writes it, relations evidenced by their statement, the author as e0."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_doc[row["doc"]].append(row)
    return [_record(doc, doc_rows, texts[doc]) for doc, doc_rows in by_doc.items()]


def _record(doc: str, rows: list[dict], text: str) -> dict:
    entities: dict[tuple[str, str], dict] = {}
    relations, statements = [], []
    for row in rows:
        start, end = row["start"], row["end"]
        ids = {"@author": "e0"}
        for e in row["entities"]:
            at = text.index(e["name"], start, end)
            entity = entities.setdefault((e["type"], e["name"]), {
                "id": f"e{len(entities) + 1}", "type": e["type"], "name": e["name"], "author": False, "mentions": []})
            entity["mentions"].append([at, at + len(e["name"])])
            ids[e["name"]] = entity["id"]
        relations += [{"head": ids[r["head"]], "type": r["type"], "tail": ids[r["tail"]], "evidence": [start, end]}
                      for r in row["relations"]]
        statements.append({"start": start, "end": end, "themes": row["themes"]})
    author = {"id": "e0", "type": "Organization", "name": "@author", "author": True, "mentions": [[0, 0]]}
    return {"doc": doc, "entities": [author, *entities.values()], "relations": relations, "statements": statements}


def main() -> None:
    from govkg.evaluate import evaluate, load_gold, summary_rows
    from govkg.read import read_report

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--checks", type=Path, default=ROOT / "annotations" / "checks")
    ap.add_argument("--gold", type=Path, default=SHARED / "gold")
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    answers = load_gold(args.checks)
    gold = load_gold(args.gold)
    keys = {(doc, row["start"]) for doc, rows in answers.items() for row in rows}
    scored = {doc: [row for row in rows if (doc, row["start"]) in keys] for doc, rows in gold.items()}
    scored = {doc: rows for doc, rows in scored.items() if rows}
    texts = {doc: read_report(args.corpus / doc).text for doc in answers}
    result = evaluate(scored, records([row for rows in answers.values() for row in rows], texts))
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return
    print(f"{result['statements']} statements of {result['docs']} reports: the annotators against ../shared/gold")
    for label, v in summary_rows(result):
        print(f"{label:32} P {v['p']:.3f}  R {v['r']:.3f}  F1 {v['f1']:.3f}  ({v['pred']} / {v['gold']})")


if __name__ == "__main__":
    main()
