"""Whether the statements a model is least sure of teach it more than as many drawn at random
(uncertainty sampling, the usual active-learning choice; `govkg annotate` draws at random), or a
draw that favours one theme (a third from the statements the model gives the headline query's
theme, village_governance, as the shared gold's sample favoured statements about villages).

A simulation on one fold of `govkg eval --cv 5`'s split of ../shared/gold: the other folds'
statements are the pool; a seeded half of it is "already annotated" and trains a first model; N
more statements are added, either at random or by the other choice: the N whose labelling by the
first model's CRF has the lowest probability (crfsuite's own; `--compare least-sure`), or a third
of N drawn from those the first model gives the theme and the rest at random (`--compare
themed`); each model is trained as `govkg train` trains and scored on the held-out fold's
reports. Run by hand, about 5 minutes per fold on 2 cores:

    python bench/uncertainty_sampling.py --fold 0 --seed 7 --add 400
    python bench/uncertainty_sampling.py --fold 0 --seed 7 --add 400 --compare themed
"""
from __future__ import annotations

import argparse
import random
import tempfile
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def main() -> None:
    import pycrfsuite

    from govkg.evaluate import evaluate, load_gold
    from govkg.extract import extract, resolve_model
    from govkg.extract.mentions import rule_mentions
    from govkg.extract.tokens import tokenize
    from govkg.interchange import to_record
    from govkg.learn.crossval import assign_folds
    from govkg.learn.examples import load_examples
    from govkg.learn.feature_rows import Sentence
    from govkg.learn.model import feature_strings, load_model
    from govkg.learn.train import featurize, train
    from govkg.read import read_report

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fold", type=int, default=0, help="the held-out fold (of 5)")
    ap.add_argument("--seed", type=int, default=7, help="seeds the first half and the random pick")
    ap.add_argument("--add", type=int, default=400, help="statements added to the first half")
    ap.add_argument("--compare", choices=("least-sure", "themed"), default="least-sure",
                    help="the choice set against a random one")
    ap.add_argument("--theme", default="village_governance", help="the theme a themed draw favours")
    args = ap.parse_args()

    examples = load_examples(SHARED / "gold", SHARED / "corpus")
    folds = assign_folds(examples, 5)
    data = featurize(examples)
    gold = load_gold(SHARED / "gold")
    held_out = sorted(d for d, f in folds.items() if f == args.fold)
    sources = {ex.doc: ex.source for ex in examples}
    pool = [i for i, ex in enumerate(examples) if folds[ex.doc] != args.fold]
    rng = random.Random(args.seed)
    first = sorted(rng.sample(pool, len(pool) // 2))
    rest = sorted(set(pool) - set(first))

    def scored(name: str, chosen: list[int], out: Path) -> None:
        train([data[i] for i in chosen], out)
        resolve_model.cache_clear()
        records = [to_record(extract(read_report(sources[doc]), str(out))) for doc in held_out]
        result = evaluate({doc: gold[doc] for doc in held_out}, records)
        chars = sum(len(examples[i].statement.text) for i in chosen)
        print(f"{name:12s} {len(chosen):5d} statements {chars:7d} characters  entities lenient "
              f"{result['entities']['lenient']['f1']:.4f} strict {result['entities']['strict']['f1']:.4f}  "
              f"relations {result['relations']['lenient']['f1']:.4f}  themes {result['themes']['f1']:.4f}  "
              f"query {result['query_village_governance']['f1']:.4f}",
              flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        scored("first half", first, Path(tmp) / "first")
        at_random = rng.sample(rest, args.add)
        scored("+ random", sorted(first + at_random), Path(tmp) / "random")
        if args.compare == "least-sure":
            model = load_model(Path(tmp) / "first")
            crf = pycrfsuite.Tagger()
            crf.open(str(Path(tmp) / "first" / "mentions.crfsuite"))

            def sureness(statement) -> float:
                """The CRF's probability of the labels it gives the statement."""
                feats = feature_strings(Sentence(statement.text, statement.start, tokenize(statement.text, statement.start),
                                                 rule_mentions(statement).features, model.gazetteer.tags(statement.text)))
                return crf.probability(crf.tag(pycrfsuite.ItemSequence(feats))) if feats else 1.0

            confidence = {i: sureness(examples[i].statement) for i in rest}
            least_sure = sorted(rest, key=lambda i: (confidence[i], i))[:args.add]
            scored("+ least sure", sorted(first + least_sure), Path(tmp) / "least")
            return
        themed_spans = {(doc, st.start) for doc in sorted({examples[i].doc for i in rest})
                        for st in extract(read_report(sources[doc]), str(Path(tmp) / "first")).statements
                        if args.theme in st.themes}
        themed = [i for i in rest if (examples[i].doc, examples[i].statement.start) in themed_spans]
        pick = rng.sample(themed, min(len(themed), args.add // 3))
        chosen = set(pick)
        pick += rng.sample([i for i in rest if i not in chosen], args.add - len(pick))
        print(f"{len(themed)} of the {len(rest)} statements left have the theme {args.theme} by the first "
              f"model; {sum(i in set(themed) for i in at_random)} of them drawn at random, "
              f"{sum(i in set(themed) for i in pick)} in the themed draw", flush=True)
        scored("+ themed", sorted(first + pick), Path(tmp) / "themed")

if __name__ == "__main__":
    main()
