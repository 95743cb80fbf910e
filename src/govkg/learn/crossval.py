"""Report-grouped K-fold cross-validation: each fold's reports are extracted by a model trained on
the other folds' gold only, so no report is both taught and scored. Rules alone, the learned model
alone (no rule features) and the hybrid are scored on the same held-out statements.
"""
from __future__ import annotations

import contextlib
import json
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from govkg.errors import UsageError
from govkg.evaluate import Paths, evaluate, load_gold
from govkg.extract import RULES, extract
from govkg.interchange import to_record
from govkg.learn.examples import Example, load_first_and_rest
from govkg.learn.model import DEFAULT_SETTINGS, TRAINING_SETTINGS, check_settings, load_model
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
                   train_only: Paths | None = None, fold_models: Path | None = None) -> dict[str, dict]:
    """Scores per variant (the dictionary of ``govkg.evaluate.evaluate``) over all held-out folds,
    with each fold's own scores under ``"folds"`` (the spread says how far one fold can mislead).
    ``jobs`` > 1 trains that many folds at once in worker processes; the scores are the same.
    ``train_only`` gold is taught, never scored: its statements of a fold's reports join the other
    folds' training, and those of reports ``gold`` does not annotate join every fold's; the folds
    and the scored statements are those of ``gold`` alone, so the figures compare with and without.
    ``fold_models`` keeps each fold's model in ``fold_models/VARIANT/foldN`` and reuses one already
    there for the same held-out reports, training data and training settings; then only the
    settings read at extraction act (``TRAINING_SETTINGS`` are learned into the model), and a new
    value of one of those is measured in the time extraction takes."""
    check_settings(settings)
    examples, extra = load_first_and_rest(gold, train_only, corpus)
    folds = assign_folds(examples, k)
    gold_rows = load_gold(gold)
    if jobs > 1:
        records = _records_in_parallel(gold, corpus, k, variants, settings, progress, jobs, train_only, fold_models)
    else:
        records = {variant: _records(examples, folds, variant, settings, progress, extra, fold_models)
                   for variant in variants}
    return {variant: _with_folds(gold_rows, records[variant], folds, k) for variant in variants}


def _records(examples: list[Example], folds: dict[str, int], variant: str, settings: dict | None,
             progress: Callable[[str], None] | None = None, extra: list[Example] | None = None,
             fold_models: Path | None = None) -> list[dict]:
    """Every report extracted by ``variant``, a fold's reports by the model of the other folds
    (taught also the ``extra`` examples of reports outside that fold)."""
    if variant == "rules":
        sources = _sources(examples)
        return [to_record(extract(read_report(sources[doc]), RULES)) for doc in folds]
    everything = [*examples, *(extra or [])]
    data: list[Featurized] = []

    def training_data() -> list[Featurized]:     # once for every fold, and only if one is trained
        if not data:
            data.extend(featurize(everything, rule_features=_reads_rules(variant)))
        return data

    records = []
    k = len(set(folds.values()))
    for fold in range(k):
        if progress:
            progress(f"{variant}: training fold {fold + 1}/{k}")
        taught = sum(folds.get(ex.doc) != fold for ex in everything)
        records.extend(_held_out(examples, training_data, folds, fold, variant, settings, fold_models, taught))
    return records


def _outside(fold: int, folds: dict[str, int], items: list) -> list:
    """The examples (or their features) of reports outside ``fold``: a fold model's training data,
    with the taught-only reports that no fold holds."""
    return [item for item in items if folds.get(item.doc) != fold]


def _reads_rules(variant: str) -> bool:
    """Whether the learned ``variant`` has the rules' findings among its features."""
    return variant == "hybrid"


def _sources(examples: list[Example]) -> dict[str, Path]:
    return {ex.doc: ex.source for ex in examples if ex.source}


def _held_out(examples: list[Example], training_data: Callable[[], list[Featurized]], folds: dict[str, int],
              fold: int, variant: str, settings: dict | None, fold_models: Path | None = None,
              taught: int = 0) -> list[dict]:
    """The reports of ``fold`` extracted by a model trained on the others' training data (kept in
    ``fold_models`` and reused from there when given; ``taught``: how many statements it learns from)."""
    sources = _sources(examples)
    held_out = sorted(d for d, f in folds.items() if f == fold)
    with contextlib.ExitStack() as scratch:
        if fold_models is None:
            model_dir = Path(scratch.enter_context(tempfile.TemporaryDirectory(prefix="govkg-cv-"))) / "model"
        else:
            model_dir = Path(fold_models) / variant / f"fold{fold + 1}"
        training = {"held_out": held_out, "statements": taught, **_training_settings(settings, variant)}
        if not _trained_for(model_dir, training):
            # trained beside its place and moved there whole: a run stopped half-way leaves no model to reuse
            building = model_dir.with_name(f"{model_dir.name}.training")
            shutil.rmtree(building, ignore_errors=True)
            train(_outside(fold, folds, training_data()), building,
                  {**(settings or {}), "rule_features": _reads_rules(variant)})
            (building / _TRAINED_FOR).write_text(json.dumps(training, ensure_ascii=False, indent=1) + "\n",
                                                 encoding="utf-8")
            building.rename(model_dir)
        model = load_model(model_dir)
        at_extraction = {key: value for key, value in (settings or {}).items() if key not in TRAINING_SETTINGS}
        model = replace(model, settings={**model.settings, **at_extraction})
        records = [to_record(extract(read_report(sources[doc]), model)) for doc in held_out]
    return records


_TRAINED_FOR = "cv_fold.json"      # what a kept fold model was trained for: its reuse must match
# how a training setting trained before it existed, where that is not its default today: a kept
# fold model that does not record the setting was trained so (first_gold_weight is 3 since stop 51)
_BEFORE_IT_EXISTED = {"first_gold_weight": 1}


def _training_settings(settings: dict | None, variant: str) -> dict:
    chosen = {**DEFAULT_SETTINGS, **(settings or {}), "rule_features": _reads_rules(variant)}
    return {key: chosen[key] for key in sorted(TRAINING_SETTINGS)}


def _trained_for(model_dir: Path, training: dict) -> bool:
    """Whether ``model_dir`` holds a kept fold model trained for ``training``; an error if it holds
    one trained for other folds or settings (reusing it would measure something else)."""
    record = model_dir / _TRAINED_FOR
    if not record.exists():
        if model_dir.exists() and any(model_dir.iterdir()):
            raise UsageError(f"{model_dir}: not a fold model kept by govkg eval --cv; give another --fold-models")
        return False
    kept = json.loads(record.read_text(encoding="utf-8"))
    # a setting added since the model was kept: it was trained as the code before that setting did
    kept = {**{key: _BEFORE_IT_EXISTED.get(key, DEFAULT_SETTINGS.get(key)) for key in training if key not in kept},
            **kept}
    if kept != training:
        differ = sorted(key for key in {*kept, *training} if kept.get(key) != training.get(key))
        raise UsageError(f"{model_dir}: kept for other {', '.join(differ)}; give another --fold-models "
                         "folder (or delete this one) to train anew")
    return True


def _fold_task(gold: Paths, corpus: Paths | None, k: int, variant: str, fold: int | None,
               settings: dict | None, train_only: Paths | None = None, fold_models: Path | None = None) -> list[dict]:
    """One worker's share: a fold of a learned variant (its training data featurized here, since
    the features of all the gold are larger to send than to build), or the rules alone."""
    examples, extra = load_first_and_rest(gold, train_only, corpus)
    folds = assign_folds(examples, k)
    if fold is None:
        return _records(examples, folds, variant, settings, extra=extra)
    taught = _outside(fold, folds, [*examples, *extra])
    return _held_out(examples, lambda: featurize(taught, rule_features=_reads_rules(variant)), folds, fold,
                     variant, settings, fold_models, len(taught))


def _records_in_parallel(gold: Paths, corpus: Paths | None, k: int, variants: tuple[str, ...],
                         settings: dict | None, progress: Callable[[str], None] | None,
                         jobs: int, train_only: Paths | None = None,
                         fold_models: Path | None = None) -> dict[str, list[dict]]:
    from concurrent.futures import ProcessPoolExecutor, as_completed

    tasks = [(variant, fold) for variant in variants for fold in ([None] if variant == "rules" else range(k))]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(_fold_task, gold, corpus, k, variant, fold, settings, train_only, fold_models):
                   (variant, fold)
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
