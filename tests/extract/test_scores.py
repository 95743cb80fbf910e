"""The extractors scored against the shared gold (../shared): floors they must not fall below.

The rules are scored as they run (nothing in them is fitted to the gold); the shipped model is
scored on the gold it was trained on, so its floors are a check that the shipped model is the one
``govkg train`` makes from that gold, not a measure of quality: generalisation is measured by
``govkg eval --cv 5`` and the blind gold (docs/extraction.md), which take too long for a test.
"""
import pytest

from govkg.evaluate import evaluate, load_gold, records_of
from govkg.extract import RULES
from govkg.learn.model import default_model

FLOORS = {
    RULES: {"entities_lenient": 0.63, "entities_strict": 0.54, "relations_lenient": 0.50,
            "themes": 0.70, "query": 0.53},
    "shipped model (fit)": {"entities_lenient": 0.90, "entities_strict": 0.90, "relations_lenient": 0.85,
                            "themes": 0.95, "query": 0.90},
}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def scores(request, corpus, gold):
    extractor = request.param
    if extractor != RULES and default_model() is None:
        pytest.skip("no model is shipped in src/govkg/data/model (govkg train makes one)")
    gold_rows = load_gold(gold)
    records = records_of([corpus / doc for doc in sorted(gold_rows)], model=RULES if extractor == RULES else None)
    result = evaluate(gold_rows, records)
    return extractor, {"entities_lenient": result["entities"]["lenient"]["f1"],
                       "entities_strict": result["entities"]["strict"]["f1"],
                       "relations_lenient": result["relations"]["lenient"]["f1"],
                       "themes": result["themes"]["f1"],
                       "query": result["query_village_governance"]["f1"]}


@pytest.mark.corpus
@pytest.mark.parametrize("metric", sorted(FLOORS[RULES]))
def test_floor(scores, metric):
    extractor, found = scores
    assert found[metric] >= FLOORS[extractor][metric], f"{extractor}: {metric} = {found[metric]}"

