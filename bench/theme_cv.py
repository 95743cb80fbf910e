"""The theme classifiers alone, by report-grouped cross-validation: quick (a minute or two on
../shared/gold alone, 6 with `--train-only annotations/statements`: stop 46), for trying a change
to the themes without the half hour of `govkg eval --cv 5`.

Each fold's theme classifiers are trained by the training code (``train_themes``) on the other
folds' statements (and those of ``--train-only`` gold) and give the held-out statements their
themes as extraction does; the rest of extraction is left out, so the query figure here takes the
gold's entities (what the themes alone decide of it). The folds are those of ``govkg eval --cv``.

    python bench/theme_cv.py                                   # the shipped settings
    python bench/theme_cv.py --set theme_stack=0               # without the second pass
    python bench/theme_cv.py --train-only annotations/statements

Measured in stop 34 (`--train-only annotations/statements`): themes 0.826 without the second pass,
0.835 with it; `govkg eval --cv 5` gave 0.828 and 0.835.
"""
from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def cross_validate_themes(gold: Path, train_only: Path | None, k: int, settings: dict,
                          corpus: Path | None = None) -> dict:
    from govkg.learn.crossval import assign_folds
    from govkg.learn.examples import load_first_and_rest
    from govkg.learn.model import DEFAULT_SETTINGS
    from govkg.learn.themes import choose_themes
    from govkg.learn.train import featurize_themes, held_out_theme_probabilities, taught_rows, train_themes

    settings = {**DEFAULT_SETTINGS, **settings}
    examples, extra = load_first_and_rest(gold, train_only, [corpus] if corpus else None)
    folds = assign_folds(examples, k)
    data = [featurize_themes(ex) for ex in examples]
    taught = [featurize_themes(ex) for ex in extra]
    bars = (settings["theme_threshold"], settings["theme_top_threshold"], settings["theme_thresholds"])
    given: list[tuple[str, ...]] = [()] * len(examples)
    for fold in range(k):
        held = [i for i, ex in enumerate(examples) if folds[ex.doc] == fold]
        training = taught_rows([d for d in [*data, *taught] if folds.get(d.doc) != fold],
                               settings["first_gold_weight"])
        with tempfile.TemporaryDirectory(prefix="govkg-themes-") as tmp:
            stack = train_themes(training, Path(tmp), dict(settings))
            classes, probabilities = held_out_theme_probabilities(Path(tmp), [data[i] for i in held],
                                                                  {**settings, "theme_stack": stack})
        for i, row in zip(held, probabilities):
            given[i] = choose_themes(classes, row, *bars)
    return _scores(examples, given)


def _scores(examples, given) -> dict:
    """Themes and the query as ``govkg.evaluate`` scores them, the query over the gold's names."""
    from govkg.evaluate import QUERY_THEME, UNDERTAKING, PRFScore

    themes, query = PRFScore(), PRFScore()
    by_doc: dict[str, tuple[set, set]] = {}
    for ex, found in zip(examples, given):
        gold, given_set = set(ex.themes), set(found)
        themes.add(len(gold & given_set), len(given_set), len(gold))
        names = {e.name for e in ex.entities if e.type in UNDERTAKING}
        wanted, got = by_doc.setdefault(ex.doc, (set(), set()))
        if QUERY_THEME in gold:
            wanted.update(names)
        if QUERY_THEME in given_set:
            got.update(names)
    for wanted, got in by_doc.values():
        query.score(sorted(got), sorted(wanted), lambda p, g, exact: p == g)
    return {"themes": themes.to_dict(), "query_village_governance_gold_entities": query.to_dict()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=SHARED / "gold")
    parser.add_argument("--train-only", type=Path)
    parser.add_argument("--corpus", type=Path, help="the reports' folder (by default the gold's ../corpus)")
    parser.add_argument("--cv", type=int, default=5)
    parser.add_argument("--set", action="append", default=[], metavar="NAME=JSON",
                        help="a training setting, e.g. theme_stack=0 or theme_c=1.0")
    args = parser.parse_args()
    if not args.gold.is_dir():
        raise SystemExit(f"{args.gold}: no gold folder (this bench reads ../shared/gold)")
    settings = {name: json.loads(value) for name, value in (item.split("=", 1) for item in args.set)}
    print(json.dumps(cross_validate_themes(args.gold, args.train_only, args.cv, settings, args.corpus), indent=1))


if __name__ == "__main__":
    main()
