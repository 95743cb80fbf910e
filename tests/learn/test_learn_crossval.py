import json

import pytest

from govkg.errors import GovKGError
from govkg.learn.crossval import assign_folds, cross_validate
from govkg.learn.examples import load_examples


def test_folds_group_reports(gold, corpus):
    examples = load_examples(gold, corpus)
    folds = assign_folds(examples, 5)
    assert set(folds) == {ex.doc for ex in examples}       # every report in exactly one fold
    assert set(folds.values()) == set(range(5))
    sizes = [sum(1 for ex in examples if folds[ex.doc] == k) for k in range(5)]
    assert max(sizes) - min(sizes) <= max(len([e for e in examples if e.doc == d]) for d in folds)
    assert assign_folds(examples, 5) == folds              # deterministic


def test_too_few_reports_for_k(gold, corpus):
    examples = [ex for ex in load_examples(gold, corpus) if ex.doc.startswith("gwr-hailar")]
    with pytest.raises(GovKGError, match="needs at least 9 annotated reports"):
        assign_folds(examples, 9)


@pytest.mark.corpus
def test_small_cross_validation(small_gold, corpus):
    """Three reports, 25 statements each: every variant scores each held-out report."""
    small = small_gold(25)
    results = cross_validate(small, corpus, k=3, variants=("rules", "hybrid"))
    reports = {json.loads(line)["doc"] for path in small.iterdir() for line in path.read_text("utf-8").splitlines()}
    assert set(results) == {"rules", "hybrid"}
    for result in results.values():
        assert result["statements"] == 75 and not result["docs_missing_from_prediction"]
        assert 0.2 < result["entities"]["lenient"]["f1"] <= 1.0
        folds = result["folds"]
        assert [f["fold"] for f in folds] == [1, 2, 3]
        assert sorted(d for f in folds for d in f["reports"]) == sorted(reports)   # each held out once
        assert sum(f["statements"] for f in folds) == 75
        for figure in ("entities", "relations"):     # the folds add up to the whole
            assert sum(f[figure]["lenient"]["tp"] for f in folds) == result[figure]["lenient"]["tp"]
            assert sum(f[figure]["lenient"]["pred"] for f in folds) == result[figure]["lenient"]["pred"]
    json.dumps(results)


@pytest.mark.corpus
def test_folds_trained_in_worker_processes_score_the_same(small_gold, corpus):
    """--jobs 2: the folds are trained and extracted in two worker processes, each featurizing its
    own training data; every figure, fold by fold, is what one process gives."""
    small = small_gold(20)
    one = cross_validate(small, corpus, k=3, variants=("rules", "model"))
    messages = []
    two = cross_validate(small, corpus, k=3, variants=("rules", "model"), jobs=2, progress=messages.append)
    assert two == one
    assert messages[-1] == "4/4 parts done (2 at once)"       # the rules and three folds


@pytest.mark.corpus
def test_an_error_in_a_worker_reaches_the_caller(small_gold, corpus):
    with pytest.raises(ValueError, match="C"):                    # scikit-learn refuses C <= 0
        cross_validate(small_gold(10), corpus, k=3, variants=("model",), settings={"relation_c": -1.0}, jobs=2)


def _rows(path):
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def _write(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


@pytest.mark.corpus
def test_train_only_gold_is_taught_not_scored(gold, small_gold, corpus, tmp_path):
    """--train-only: statements of the scored reports (their text left out, read from the report)
    and of a fourth report join the training; the folds and the scored statements stay --gold's."""
    small = small_gold(12)
    taught = tmp_path / "taught"
    taught.mkdir()
    for name in ("gwr-hailar-district-2015.jsonl", "gwr-national-2019.jsonl"):
        _write(taught / name, [{k: v for k, v in r.items() if k != "text"} for r in _rows(gold / name)[12:40]])
    _write(taught / "gwr-beijing-2026.jsonl", _rows(gold / "gwr-beijing-2026.jsonl")[:30])
    before = cross_validate(small, corpus, k=3, variants=("model",))["model"]
    after = cross_validate(small, corpus, k=3, variants=("model",), train_only=taught)["model"]
    assert after["statements"] == before["statements"] == 36
    assert [f["reports"] for f in after["folds"]] == [f["reports"] for f in before["folds"]]
    assert after["entities"] != before["entities"]          # the fold models learned more


@pytest.mark.corpus
def test_train_only_statements_that_the_scored_gold_gives_change_nothing(small_gold, corpus, tmp_path):
    small = small_gold(10)
    again = tmp_path / "again"
    again.mkdir()
    for path in small.iterdir():
        _write(again / path.name, _rows(path))
    plain = cross_validate(small, corpus, k=3, variants=("model",))
    assert cross_validate(small, corpus, k=3, variants=("model",), train_only=again) == plain


def test_a_gold_line_without_text_whose_name_is_not_in_the_report(gold, corpus, tmp_path):
    row = {k: v for k, v in _rows(gold / "gwr-national-2019.jsonl")[0].items() if k != "text"}
    row["entities"] = [{"type": "Place", "name": "火星基地"}]
    _write(tmp_path / "gwr-national-2019.jsonl", [row])
    with pytest.raises(GovKGError, match="entity name '火星基地' is not in the report's text there"):
        load_examples(tmp_path, corpus)


@pytest.mark.corpus
def test_kept_fold_models_are_reused_with_the_settings_read_at_extraction(small_gold, corpus, tmp_path):
    """--fold-models: the first run trains and keeps each fold's model, a second run (one process
    or two) reuses them and scores the same; a setting read at extraction changes the figures
    without any training."""
    small, kept = small_gold(25), tmp_path / "folds"
    first = cross_validate(small, corpus, k=3, variants=("model",), fold_models=kept)["model"]
    crf = kept / "model" / "fold1" / "mentions.crfsuite"
    trained_at = crf.stat().st_mtime_ns
    assert first == cross_validate(small, corpus, k=3, variants=("model",))["model"]
    assert first == cross_validate(small, corpus, k=3, variants=("model",), fold_models=kept, jobs=2)["model"]
    strict = cross_validate(small, corpus, k=3, variants=("model",), fold_models=kept,
                            settings={"relation_threshold": 0.99})["model"]
    assert strict["relations"]["lenient"]["pred"] < first["relations"]["lenient"]["pred"]
    assert crf.stat().st_mtime_ns == trained_at                  # never trained again
    assert sorted(p.name for p in (kept / "model").iterdir()) == ["fold1", "fold2", "fold3"]   # nothing half-built


@pytest.mark.corpus
def test_kept_fold_models_refuse_other_folds_or_training_settings(small_gold, corpus, tmp_path):
    small, kept = small_gold(10), tmp_path / "folds"
    cross_validate(small, corpus, k=3, variants=("model",), fold_models=kept)
    with pytest.raises(GovKGError, match="kept for other relation_c"):
        cross_validate(small, corpus, k=3, variants=("model",), fold_models=kept, settings={"relation_c": 1.0})
    fewer = tmp_path / "fewer"
    fewer.mkdir()
    for path in small.iterdir():
        _write(fewer / path.name, _rows(path)[:8])
    with pytest.raises(GovKGError, match="kept for other statements"):
        cross_validate(fewer, corpus, k=3, variants=("model",), fold_models=kept)


def test_a_fold_model_kept_before_a_training_setting_existed_has_its_default(tmp_path):
    """A model kept before ``crf_min_freq`` existed was trained as its default trains: reused for
    the default, refused for another value."""
    from govkg.learn.crossval import _TRAINED_FOR, _trained_for, _training_settings

    training = {"held_out": ["a.txt"], "statements": 10, **_training_settings(None, "hybrid")}
    older = {key: value for key, value in training.items() if key != "crf_min_freq"}
    (tmp_path / _TRAINED_FOR).write_text(json.dumps(older), encoding="utf-8")
    assert _trained_for(tmp_path, training)
    with pytest.raises(GovKGError, match="kept for other crf_min_freq"):
        _trained_for(tmp_path, {**training, "crf_min_freq": 3})


def test_a_fold_model_kept_before_first_gold_weight_existed_taught_the_gold_once(tmp_path):
    """first_gold_weight's default is no longer how models kept before it were trained (once)."""
    from govkg.learn.crossval import _TRAINED_FOR, _trained_for, _training_settings

    training = {"held_out": ["a.txt"], "statements": 10, **_training_settings(None, "hybrid")}
    older = {key: value for key, value in training.items() if key != "first_gold_weight"}
    (tmp_path / _TRAINED_FOR).write_text(json.dumps(older), encoding="utf-8")
    assert training["first_gold_weight"] != 1
    with pytest.raises(GovKGError, match="kept for other first_gold_weight"):
        _trained_for(tmp_path, training)
    assert _trained_for(tmp_path, {**training, "first_gold_weight": 1})


def test_an_unknown_setting_is_refused_before_any_training(gold, corpus):
    with pytest.raises(GovKGError, match="unknown model setting relation_treshold; the settings are: .*relation_threshold"):
        cross_validate(gold, corpus, k=3, variants=("model",), settings={"relation_treshold": 0.5})
