"""govkg.evaluate: the one precision/recall helper, the matching rules, and gold and records read
through the interchange reader."""
import pytest

from govkg.errors import GovKGError, ReportError, UsageError
from govkg.evaluate import PRFScore, evaluate, load_gold, records_of, summary_rows


def test_prf_score_counts_and_rounds():
    score = PRFScore()
    score.add(2, 3, 4)
    score.score(["a", "b"], ["b", "c"], lambda p, g, exact: p == g)
    assert (score.tp, score.predicted, score.gold) == (3, 5, 6)
    assert score.precision == pytest.approx(0.6) and score.recall == pytest.approx(0.5)
    assert score.to_dict() == {"p": 0.6, "r": 0.5, "f1": 0.5455, "tp": 3, "pred": 5, "gold": 6}


def test_prf_score_of_nothing_is_zero_not_an_error():
    assert PRFScore().to_dict() == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "pred": 0, "gold": 0}


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


def test_gold_and_records_are_read_from_jsonl_files(tmp_path):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "a.jsonl").write_text('{"doc": "d", "start": 0, "end": 2, "entities": [], "themes": ["economy"]}\n\n',
                                      encoding="utf-8")
    (tmp_path / "pred.jsonl").write_text('{"doc": "d", "statements": [{"start": 0, "end": 2, "themes": ["economy"]}]}\n',
                                         encoding="utf-8")
    gold = load_gold(gold_dir)
    assert list(gold) == ["d"] and gold["d"][0]["themes"] == ["economy"]
    assert evaluate(gold, records_of([tmp_path / "pred.jsonl"]))["themes"]["f1"] == 1.0


def test_bad_lines_name_the_file_and_line(tmp_path):
    (tmp_path / "gold.jsonl").write_text('{"doc": "d", "start": 0, "end": 1}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(ReportError, match=r"gold.jsonl:2: not JSON \(a JSON list\)"):
        load_gold(tmp_path / "gold.jsonl")
    (tmp_path / "pred.jsonl").write_text("{nope\n", encoding="utf-8")
    with pytest.raises(GovKGError, match="pred.jsonl:1: not an interchange record"):
        records_of([tmp_path / "pred.jsonl"])


def test_an_empty_gold_folder_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="no gold .jsonl files"):
        load_gold(tmp_path)


def test_gold_of_several_places_is_one_gold_and_a_statement_given_twice_counts_once(tmp_path):
    themes = ["economy", "ecology", "talent"]
    rows = [f'{{"doc": "d", "start": {i}, "end": {i + 1}, "entities": [], "themes": ["{themes[i]}"]}}' for i in range(3)]
    (tmp_path / "ours.jsonl").write_text("\n".join(rows[:2]) + "\n", encoding="utf-8")
    (tmp_path / "mine.jsonl").write_text("\n".join(rows[1:]).replace('"ecology"', '"party_building"') + "\n",
                                         encoding="utf-8")
    gold = load_gold([tmp_path / "ours.jsonl", tmp_path / "mine.jsonl"])
    assert [row["themes"] for row in gold["d"]] == [[t] for t in themes]     # the first file's ecology wins
    assert load_gold([tmp_path / "mine.jsonl", tmp_path / "ours.jsonl"])["d"][0]["themes"] == ["party_building"]
    with pytest.raises(UsageError, match="no gold .jsonl files"):
        load_gold([tmp_path / "ours.jsonl", tmp_path / "none"])


def test_the_query_is_scored_again_with_the_gold_themes_and_with_the_gold_entities():
    """The first statement's undertaking is found but its village theme missed; the second is
    themed right and its undertaking missed: each oracle finds the item the other part lost."""
    def statement(start, name):
        return {"doc": "d", "start": start, "end": start + 10, "text": "x" * 10,
                "entities": [{"type": "Initiative", "name": name}], "relations": [],
                "themes": ["village_governance"]}
    gold = {"d": [statement(0, "村务公开"), statement(10, "一事一议")]}
    pred = [{"doc": "d", "entities": [{"id": "e1", "type": "Initiative", "name": "村务公开", "mentions": [[2, 6]]}],
             "relations": [],
             "statements": [{"start": 0, "end": 10, "themes": ["rural_revitalization"]},
                            {"start": 10, "end": 20, "themes": ["village_governance"]}]}]
    result = evaluate(gold, pred)
    assert result["query_village_governance"]["tp"] == 0
    assert (result["query_village_governance_gold_themes"]["tp"],
            result["query_village_governance_gold_themes"]["pred"]) == (1, 1)
    assert (result["query_village_governance_gold_entities"]["tp"],
            result["query_village_governance_gold_entities"]["pred"]) == (1, 1)
    assert [label for label, _ in summary_rows(result)][-2:] == ["  with the gold's themes", "  with the gold's entities"]
