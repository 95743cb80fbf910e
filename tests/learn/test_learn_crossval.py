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
    assert set(results) == {"rules", "hybrid"}
    for result in results.values():
        assert result["statements"] == 75 and not result["docs_missing_from_prediction"]
        assert 0.2 < result["entities"]["lenient"]["f1"] <= 1.0
    json.dumps(results)
