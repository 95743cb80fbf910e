"""Extraction scored on the project's own reports, which a model trained here has never seen: a
third opinion beside `govkg eval --cv` and the blind statements.

The project annotated statements of two sets of reports (annotations/README.md): the 25 reports of
`../shared/gold` (rounds one to three) and 32 reports of its own (rounds four to seven, texts in
annotations/corpus). A model trained on `../shared/gold` and the first set extracts the second,
and the extraction is scored against its annotations as `../shared/tools/score.py` scores. Those
annotators followed the gold's examples but agree with it less (0.78-0.90 on entities), so read
the differences between two settings here, not the level.

    python bench/unseen_reports.py --train /tmp/unseen-model     # trains it first (about 6 min)
    python bench/unseen_reports.py --model /tmp/unseen-model --set mention_certainty=0.5

Measured in stop 46 (model trained on 9,727 statements of 25 reports; 4,737 statements of 32
reports scored): entities lenient / strict, relations lenient 0.738 / 0.655 / 0.653 as shipped,
0.733 / 0.657 / 0.653 with `mention_certainty=0.5`.
"""
from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ANNOTATIONS = ROOT / "annotations"


def split_annotations(gold: Path, annotations: Path) -> tuple[list[Path], list[Path]]:
    """The annotation files of the gold's reports (taught) and of the others (scored)."""
    gold_docs = {json.loads(line)["doc"] for path in gold.glob("*.jsonl")
                 for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    taught, scored = [], []
    for path in sorted(annotations.glob("*.jsonl")):
        docs = {json.loads(line)["doc"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
        (taught if docs <= gold_docs else scored).append(path)
    return taught, scored


def train(gold: Path, annotations: Path, out: Path) -> None:
    from govkg.learn.train import train_model

    taught, _ = split_annotations(gold, annotations)
    with tempfile.TemporaryDirectory(prefix="govkg-unseen-") as tmp:
        for path in taught:
            shutil.copy(path, tmp)
        train_model([gold, Path(tmp)], out, [gold.parent / "corpus"])


def score_unseen(model_dir: Path, gold: Path, annotations: Path, settings: dict, reports: int | None = None) -> dict:
    """The scores of ``model_dir`` (with ``settings`` read at extraction) on the reports that only
    the scored annotation files hold (the first ``reports`` of them, if given)."""
    from govkg.evaluate import evaluate, load_gold
    from govkg.extract import extract
    from govkg.interchange import to_record
    from govkg.learn.model import load_model
    from govkg.read import read_report

    _, scored = split_annotations(gold, annotations)
    gold_rows = load_gold(scored)
    docs = sorted(gold_rows)[:reports]
    model = load_model(model_dir)
    model.settings.update(settings)
    records = [to_record(extract(read_report(annotations.parent / "corpus" / doc), model)) for doc in docs]
    return evaluate({doc: gold_rows[doc] for doc in docs}, records)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, help="a model trained as --train trains it")
    parser.add_argument("--train", type=Path, metavar="DIR", help="train the model into DIR first, then score it")
    parser.add_argument("--gold", type=Path, default=SHARED / "gold")
    parser.add_argument("--annotations", type=Path, default=ANNOTATIONS / "statements")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=JSON",
                        help="a setting read at extraction, e.g. mention_certainty=0.5")
    args = parser.parse_args()
    if not args.gold.is_dir():
        raise SystemExit(f"{args.gold}: no gold folder (this bench reads ../shared/gold)")
    if (args.model is None) == (args.train is None):
        raise SystemExit("give --model DIR (a model trained by this bench) or --train DIR")
    if args.train:
        train(args.gold, args.annotations, args.train)
    settings = {name: json.loads(value) for name, value in (item.split("=", 1) for item in args.set)}
    result = score_unseen(args.model or args.train, args.gold, args.annotations, settings)
    print(json.dumps({key: result[key] for key in ("docs", "statements", "entities", "relations", "themes",
                                                   "query_village_governance")}, indent=1))


if __name__ == "__main__":
    main()
