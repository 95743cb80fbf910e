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
