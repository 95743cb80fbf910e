"""Report-grouped K-fold cross-validation: each fold's reports are extracted by a model trained on
the other folds' gold only, so no report is both taught and scored. Rules alone, the learned model
alone (no rule features) and the hybrid are scored on the same held-out statements.
"""
from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from govkg.errors import UsageError
from govkg.evaluate import Paths, as_paths, evaluate, load_gold
from govkg.extract import RULES, extract, resolve_model
from govkg.interchange import to_record
from govkg.learn.examples import Example, load_examples
from govkg.learn.train import Featurized, featurize, train
from govkg.read import read_report

__all__ = ["VARIANTS", "assign_folds", "cross_validate"]

VARIANTS = ("rules", "model", "hybrid")


def assign_folds(examples: list[Example], k: int) -> dict[str, int]:
    """Reports to folds, largest first into the fold with the fewest statements (deterministic)."""
    sizes: dict[str, int] = {}
    for ex in examples:
        sizes[ex.doc] = sizes.get(ex.doc, 0) + 1
    if len(sizes) < k:
        raise UsageError(f"--cv {k} needs at least {k} annotated reports; the gold has {len(sizes)}")
    load = [0] * k
    folds = {}
    for doc in sorted(sizes, key=lambda d: (-sizes[d], d)):
        fold = min(range(k), key=lambda f: (load[f], f))
        folds[doc] = fold
        load[fold] += sizes[doc]
    return folds


def cross_validate(gold: Paths, corpus: Paths | None = None, k: int = 5,
                   variants: tuple[str, ...] = VARIANTS, settings: dict | None = None,
                   progress: Callable[[str], None] | None = None, jobs: int = 1,
                   train_only: Paths | None = None) -> dict[str, dict]:
    """Scores per variant (the dictionary of ``govkg.evaluate.evaluate``) over all held-out folds,
    with each fold's own scores under ``"folds"`` (the spread says how far one fold can mislead).
    ``jobs`` > 1 trains that many folds at once in worker processes; the scores are the same.
    ``train_only`` gold is taught, never scored: its statements of a fold's reports join the other
    folds' training, and those of reports ``gold`` does not annotate join every fold's; the folds
    and the scored statements are those of ``gold`` alone, so the figures compare with and without."""
    examples, extra = _examples(gold, corpus, train_only)
    folds = assign_folds(examples, k)
    gold_rows = load_gold(gold)
    if jobs > 1:
        records = _records_in_parallel(gold, corpus, k, variants, settings, progress, jobs, train_only)
    else:
        records = {variant: _records(examples, folds, variant, settings, progress, extra) for variant in variants}
    return {variant: _with_folds(gold_rows, records[variant], folds, k) for variant in variants}


def _examples(gold: Paths, corpus: Paths | None, train_only: Paths | None) -> tuple[list[Example], list[Example]]:
    """The scored gold's examples, and the taught-only gold's (less any statement the first gives)."""
    examples = load_examples(gold, corpus)
    if not train_only:
        return examples, []
    scored = {(ex.doc, ex.statement.start, ex.statement.end) for ex in examples}
    corpora = corpus or [_corpus_of(place) for place in (*as_paths(gold), *as_paths(train_only))]
    extra = load_examples(train_only, corpora)
    return examples, [ex for ex in extra if (ex.doc, ex.statement.start, ex.statement.end) not in scored]


def _corpus_of(gold: Path) -> Path:
    return (gold if gold.is_dir() else gold.parent).parent / "corpus"


def _records(examples: list[Example], folds: dict[str, int], variant: str, settings: dict | None,
             progress: Callable[[str], None] | None = None, extra: list[Example] | None = None) -> list[dict]:
    """Every report extracted by ``variant``, a fold's reports by the model of the other folds
    (taught also the ``extra`` examples of reports outside that fold)."""
    if variant == "rules":
        sources = _sources(examples)
        return [to_record(extract(read_report(sources[doc]), RULES)) for doc in folds]
    data = featurize([*examples, *(extra or [])], rule_features=_reads_rules(variant))      # once for every fold
    records = []
    k = len(set(folds.values()))
    for fold in range(k):
        if progress:
            progress(f"{variant}: training fold {fold + 1}/{k}")
        records.extend(_held_out(examples, data, folds, fold, variant, settings))
    return records


def _reads_rules(variant: str) -> bool:
    """Whether the learned ``variant`` has the rules' findings among its features."""
    return variant == "hybrid"


def _sources(examples: list[Example]) -> dict[str, Path]:
    return {ex.doc: ex.source for ex in examples if ex.source}


def _held_out(examples: list[Example], data: list[Featurized], folds: dict[str, int], fold: int, variant: str,
              settings: dict | None) -> list[dict]:
    """The reports of ``fold`` extracted by a model trained on the others' ``data``."""
    sources = _sources(examples)
    with tempfile.TemporaryDirectory(prefix="govkg-cv-") as tmp:
        model_dir = Path(tmp) / "model"
        train([d for d in data if folds.get(d.doc) != fold], model_dir,
              {**(settings or {}), "rule_features": _reads_rules(variant)})
        records = [to_record(extract(read_report(sources[doc]), str(model_dir)))
                   for doc in sorted(d for d, f in folds.items() if f == fold)]
        resolve_model.cache_clear()
    return records


def _fold_task(gold: Paths, corpus: Paths | None, k: int, variant: str, fold: int | None,
               settings: dict | None, train_only: Paths | None = None) -> list[dict]:
    """One worker's share: a fold of a learned variant (its training data featurized here, since
    the features of all the gold are larger to send than to build), or the rules alone."""
    examples, extra = _examples(gold, corpus, train_only)
    folds = assign_folds(examples, k)
    if fold is None:
        return _records(examples, folds, variant, settings, extra=extra)
    data = featurize([ex for ex in [*examples, *extra] if folds.get(ex.doc) != fold],
                     rule_features=_reads_rules(variant))
    return _held_out(examples, data, folds, fold, variant, settings)


def _records_in_parallel(gold: Paths, corpus: Paths | None, k: int, variants: tuple[str, ...],
                         settings: dict | None, progress: Callable[[str], None] | None,
                         jobs: int, train_only: Paths | None = None) -> dict[str, list[dict]]:
    from concurrent.futures import ProcessPoolExecutor, as_completed

    tasks = [(variant, fold) for variant in variants for fold in ([None] if variant == "rules" else range(k))]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(_fold_task, gold, corpus, k, variant, fold, settings, train_only): (variant, fold)
                   for variant, fold in tasks}
        try:
            for done, future in enumerate(as_completed(futures), 1):
                future.result()
                if progress:
                    progress(f"{done}/{len(tasks)} parts done ({jobs} at once)")
        except BaseException:          # a worker's error or Ctrl-C: the parts not started never start
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    records: dict[str, list[dict]] = {variant: [] for variant in variants}
    for future, (variant, _) in futures.items():      # in task order: the same as one process
        records[variant].extend(future.result())
    return records


def _with_folds(gold_rows: dict[str, list[dict]], records: list[dict], folds: dict[str, int], k: int) -> dict:
    """The scores of all ``records``, and under ``"folds"`` those of each fold's reports."""
    result = evaluate(gold_rows, records)
    result["folds"] = []
    for fold in range(k):
        docs = sorted(d for d, f in folds.items() if f == fold)
        scores = evaluate({d: gold_rows[d] for d in docs}, [r for r in records if folds.get(r["doc"]) == fold])
        result["folds"].append({"fold": fold + 1, "reports": docs, **scores})
    return result
