"""govkg train / extract --model / --fast / eval --cv through the command line."""
import json
import re

import pytest

from govkg.resources import data_path

from testkit import run_cli


@pytest.mark.parametrize("command", ["train", "extract", "eval"])
def test_help_teaches_by_example(command):
    result = run_cli(command, "--help")
    assert result.exit_code == 0 and "Example" in result.output and "--model" in result.output + (
        "--model" if command == "train" else "")


def test_train_help_counts_the_statements_the_shipped_model_learned_from():
    said = " ".join(run_cli("train", "--help").output.replace("│", " ").split())
    counts = re.search(r"learned from the ([\d,]+) of \.\./shared/gold and the project's ([\d,]+) of", said)
    shipped = json.loads((data_path("model") / "model.json").read_text(encoding="utf-8"))
    assert counts and sum(int(c.replace(",", "")) for c in counts.groups()) == shipped["statements"]


def test_train_then_extract_with_the_model(tmp_path, sample_gold, examples_dir):
    model = tmp_path / "m"
    result = run_cli("train", "--gold", sample_gold, "--corpus", examples_dir, "-o", model)
    assert result.exit_code == 0, result.output
    assert "trained on 8 statements of 1 report " in result.output
    out = tmp_path / "x.jsonl"
    result = run_cli("extract", examples_dir, "-o", out, "--model", model)
    assert result.exit_code == 0, result.output
    record = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert {"华禾有机食品有限公司", "县委组织部"} <= {e["name"] for e in record["entities"]}


def test_a_gold_line_with_a_typo_stops_training_and_names_its_line(tmp_path, sample_gold, examples_dir):
    rows = sample_gold.read_text(encoding="utf-8").splitlines()
    row = json.loads(rows[2])
    row["entities"][0]["type"] = "Organisation"
    rows[2] = json.dumps(row, ensure_ascii=False)
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = run_cli("train", "--gold", gold, "--corpus", examples_dir, "-o", tmp_path / "m")
    assert result.exit_code == 1
    assert f"{gold}:3: entity type 'Organisation'" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "m").exists()


def test_fast_is_the_rules_alone(tmp_path, examples_dir):
    from govkg.extract import RULES, extract
    from govkg.interchange import to_record
    from govkg.read import read_report

    out = tmp_path / "x.jsonl"
    assert run_cli("extract", examples_dir, "-o", out, "--fast").exit_code == 0
    report = read_report(next(examples_dir.glob("*.txt")))
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(
        json.dumps(to_record(extract(report, RULES)), ensure_ascii=False))


@pytest.mark.parametrize("args, message", [
    (["--fast", "--model", "."], "--fast and --model exclude each other"),
    (["--model", "no-such-model"], "not a govkg model folder"),
])
def test_bad_model_options_say_why(tmp_path, examples_dir, args, message):
    result = run_cli("extract", examples_dir, "-o", tmp_path / "x.jsonl", *args)
    assert result.exit_code == 1 and message in result.output
    assert not (tmp_path / "x.jsonl").exists()


def test_train_on_gold_of_two_folders_with_reports_in_two(tmp_path, sample_gold, examples_dir):
    rows = sample_gold.read_text(encoding="utf-8").splitlines()
    ours, mine = tmp_path / "ours", tmp_path / "mine"
    for folder, part in ((ours, rows[:4]), (mine, rows[4:])):
        folder.mkdir()
        (folder / "part.jsonl").write_text("\n".join(part) + "\n", encoding="utf-8")
    result = run_cli("train", "--gold", ours, "--gold", mine, "--corpus", tmp_path, "--corpus", examples_dir,
                     "-o", tmp_path / "m")
    assert result.exit_code == 0, result.output
    assert "trained on 8 statements of 1 report " in result.output


def test_eval_against_gold_in_two_files_scores_as_one(tmp_path, sample_gold, examples_dir):
    rows = sample_gold.read_text(encoding="utf-8").splitlines()
    (tmp_path / "a.jsonl").write_text("\n".join(rows[:3]) + "\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("\n".join(rows[3:]) + "\n", encoding="utf-8")
    whole = run_cli("eval", "--gold", sample_gold, examples_dir, "--fast", "--json")
    parts = run_cli("eval", "--gold", tmp_path / "a.jsonl", "--gold", tmp_path / "b.jsonl", examples_dir, "--fast",
                    "--json")
    assert whole.exit_code == 0 and parts.exit_code == 0, parts.output
    assert json.loads(parts.output) == json.loads(whole.output)
    assert json.loads(whole.output)["statements"] == 8


def test_train_keeps_a_setting_given_in_the_model(tmp_path, two_golds, examples_dir):
    model = tmp_path / "m"
    result = run_cli("train", "--gold", two_golds[0], "--gold", two_golds[1], "--corpus", examples_dir,
                     "-o", model, "--set", "first_gold_weight=2")
    assert result.exit_code == 0, result.output
    assert json.loads((model / "model.json").read_text(encoding="utf-8"))["first_gold_weight"] == 2


def test_train_refuses_an_unknown_setting_and_writes_nothing(tmp_path, sample_gold, examples_dir):
    result = run_cli("train", "--gold", sample_gold, "--corpus", examples_dir, "-o", tmp_path / "m",
                     "--set", "first_gold_weight_=1")
    assert result.exit_code == 1 and "unknown model setting first_gold_weight_" in result.output
    assert not (tmp_path / "m").exists()


def test_train_on_a_missing_gold_says_why(tmp_path):
    result = run_cli("train", "--gold", tmp_path / "none", "-o", tmp_path / "m")
    assert result.exit_code == 1 and "no such gold file or folder" in result.output
    assert not (tmp_path / "m").exists()


def test_cv_refuses_files(tmp_path, sample_gold, examples_dir):
    result = run_cli("eval", "--gold", sample_gold, "--cv", "3", examples_dir)
    assert result.exit_code == 1 and "give no FILES" in result.output


def test_train_only_is_for_cv(tmp_path, sample_gold, examples_dir):
    result = run_cli("eval", "--gold", sample_gold, "--train-only", sample_gold, examples_dir)
    assert result.exit_code == 1 and "--train-only is for --cv" in result.output


@pytest.mark.parametrize("option", [["--fold-models", "kept"], ["--set", "relation_threshold=0.5"],
                                    ["--variant", "hybrid"]])
def test_fold_models_and_settings_are_for_cv(sample_gold, examples_dir, option):
    result = run_cli("eval", "--gold", sample_gold, *option, examples_dir)
    assert result.exit_code == 1 and f"{option[0]} is for --cv" in result.output


@pytest.mark.parametrize("given, says", [
    ("relation_threshold", "--set relation_threshold: give KEY=VALUE"),
    ("relation_treshold=0.5", "unknown model setting relation_treshold"),
])
def test_a_bad_setting_is_refused_in_one_line(sample_gold, given, says):
    result = run_cli("eval", "--gold", sample_gold, "--cv", "3", "--set", given)
    assert result.exit_code == 1 and says in result.output


def test_an_unknown_variant_is_refused(sample_gold):
    result = run_cli("eval", "--gold", sample_gold, "--cv", "3", "--variant", "crf")
    assert result.exit_code == 1 and "--variant crf: choose among rules, model, hybrid" in result.output


@pytest.mark.corpus
def test_cv_with_kept_fold_models_and_a_setting(small_gold, corpus, tmp_path):
    small, kept = small_gold(10), tmp_path / "kept"
    args = ["eval", "--gold", small, "--corpus", corpus, "--cv", "3", "--json", "--fold-models", kept,
            "--variant", "hybrid"]
    first = run_cli(*args)
    assert first.exit_code == 0, first.output
    assert sorted(p.name for p in (kept / "hybrid").iterdir()) == ["fold1", "fold2", "fold3"]
    assert set(json.loads(first.output)) == {"hybrid"}
    again = run_cli(*args, "--set", "relation_threshold=0.99", "--set", 'rule_relations=[]')
    assert again.exit_code == 0, again.output
    before, after = json.loads(first.output)["hybrid"], json.loads(again.output)["hybrid"]
    assert after["relations"]["lenient"]["pred"] < before["relations"]["lenient"]["pred"]
    assert after["entities"] == before["entities"]


@pytest.mark.corpus
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cv_prints_the_three_extractors(small_gold, corpus, jobs):
    small = small_gold(20)
    result = run_cli("eval", "--gold", small, "--corpus", corpus, "--cv", "3", "--json", "--jobs", jobs)
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert set(scores) == {"rules", "model", "hybrid"}
    assert all(s["statements"] == 60 for s in scores.values())
    assert all(len(s["folds"]) == 3 for s in scores.values())


def test_cv_table_has_a_row_per_fold(capsys):
    from govkg.cli import _fold_table

    def fold(n, ents, rels):
        return {"fold": n, "docs": 1, "statements": 10,
                "entities": {"lenient": {"f1": ents}}, "relations": {"lenient": {"f1": rels}}}
    _fold_table({"rules": {"folds": [fold(1, 0.5, 0.4), fold(2, 0.6, 0.3)]},
                 "hybrid": {"folds": [fold(1, 0.7, 0.6), fold(2, 0.8, 0.65)]}})
    printed = capsys.readouterr().out
    assert "0.500 / 0.400" in printed and "0.800 / 0.650" in printed
    assert printed.index("0.500 / 0.400") < printed.index("0.700 / 0.600") < printed.index("0.600 / 0.300")
