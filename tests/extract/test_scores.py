"""The extractor scored against the shared gold (../shared): floors it must not fall below.

FLOORS are what the rules reach now on the 3,218 statements of ../shared/gold (minus a small
margin), so a change that loses quality fails; TARGETS are issue 9's goals — those not yet reached are expected failures (xfail), and
turn into passes as the extractor improves.
"""
import pytest

from govkg.evaluate import evaluate, load_gold, records_of

FLOORS = {"entities_lenient": 0.63, "entities_strict": 0.54, "relations_lenient": 0.50,
          "themes": 0.70, "query": 0.53}
TARGETS = {"entities_lenient": 0.80, "entities_strict": 0.70, "relations_lenient": 0.75,
           "themes": 0.85, "query": 0.75}


@pytest.fixture(scope="module")
def scores(corpus, gold):
    gold_rows = load_gold(gold)
    result = evaluate(gold_rows, records_of([corpus / doc for doc in sorted(gold_rows)]))
    return {"entities_lenient": result["entities"]["lenient"]["f1"],
            "entities_strict": result["entities"]["strict"]["f1"],
            "relations_lenient": result["relations"]["lenient"]["f1"],
            "themes": result["themes"]["f1"],
            "query": result["query_village_governance"]["f1"]}


@pytest.mark.corpus
@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_floor(scores, metric):
    assert scores[metric] >= FLOORS[metric], f"{metric} = {scores[metric]}"


@pytest.mark.corpus
@pytest.mark.parametrize("metric", sorted(TARGETS))
def test_target(scores, metric):
    if scores[metric] < TARGETS[metric]:
        pytest.xfail(f"{metric} = {scores[metric]:.3f} < target {TARGETS[metric]}")


def test_evaluate_matches_score_py_rules():
    """Lenient: Program/Initiative one type, containment; relations symmetric for COOPERATES_WITH."""
    gold = {"d": [{"doc": "d", "start": 0, "end": 10, "text": "x" * 10,
                   "entities": [{"type": "Initiative", "name": "乡村振兴战略"}],
                   "relations": [{"head": "A", "type": "COOPERATES_WITH", "tail": "B"}],
                   "themes": ["rural_revitalization"]}]}
    pred = [{"doc": "d", "entities": [{"id": "e1", "type": "Program", "name": "乡村振兴", "mentions": [[1, 5]]},
                                      {"id": "e2", "type": "Organization", "name": "B", "mentions": [[6, 7]]},
                                      {"id": "e3", "type": "Organization", "name": "A", "mentions": [[7, 8]]}],
             "relations": [{"head": "e2", "type": "COOPERATES_WITH", "tail": "e3", "evidence": [0, 10]}],
             "statements": [{"start": 0, "end": 10, "themes": ["rural_revitalization"]}]}]
    result = evaluate(gold, pred)
    assert result["entities"]["lenient"]["tp"] == 1 and result["entities"]["strict"]["tp"] == 0
    assert result["relations"]["lenient"]["tp"] == 1
    assert result["themes"]["f1"] == 1.0
