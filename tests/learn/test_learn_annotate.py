"""govkg annotate: a seeded random draw of statements, pre-filled as gold lines to correct."""
import json
import re
import shutil
from pathlib import Path

import pytest

from govkg.errors import ReportError
from govkg.extract import RULES, extract
from govkg.learn.examples import load_examples
from govkg.learn.model import load_model
from govkg.learn.annotate import annotated_spans, draw_statements
from govkg.read import read_report
from testkit import run_cli


@pytest.fixture(scope="module")
def sample_extraction(examples_dir):
    return extract(read_report(next(examples_dir.glob("*.txt"))))


@pytest.fixture(scope="module")
def two_reports(examples_dir, tmp_path_factory):
    """The sample under two names: two reports with the same statements."""
    folder = tmp_path_factory.mktemp("reports")
    sample = next(examples_dir.glob("*.txt"))
    for name in ("a.txt", "b.txt"):
        shutil.copy(sample, folder / name)
    return [extract(read_report(folder / name)) for name in ("a.txt", "b.txt")]


def _keys(rows):
    return [(r["doc"], r["start"]) for r in rows]


def test_a_draw_is_seeded_and_in_reading_order(sample_extraction):
    first = draw_statements([sample_extraction], 10, seed=1).rows
    assert len(first) == 10 and _keys(first) == _keys(draw_statements([sample_extraction], 10, seed=1).rows)
    assert [r["start"] for r in first] == sorted(r["start"] for r in first)
    assert set(_keys(first)) != set(_keys(draw_statements([sample_extraction], 10, seed=2).rows))
    everything = draw_statements([sample_extraction], 10_000)
    assert len(everything.rows) == everything.candidates == sum(1 for st in sample_extraction.statements
                                                                if st.text.strip())


def test_the_order_of_the_reports_does_not_change_the_draw(two_reports):
    forward = draw_statements(two_reports, 12).rows
    backward = draw_statements(two_reports[::-1], 12).rows
    assert sorted(_keys(forward)) == sorted(_keys(backward))
    assert {doc for doc, _ in _keys(forward)} == {"a.txt", "b.txt"}      # drawn from both, not the first only
    assert [r["doc"] for r in backward] == sorted((r["doc"] for r in backward), reverse=True)


def test_a_quota_per_report_takes_each_reports_own_first_draws(two_reports):
    capped = draw_statements(two_reports, 10, seed=3, per_report=3).rows
    assert len(capped) == 6
    for report in two_reports:
        alone = draw_statements([report], 3, seed=3).rows
        assert [row for row in capped if row["doc"] == report.report.doc] == alone
    assert len(draw_statements(two_reports, 4, seed=3, per_report=3).rows) == 4


def test_a_report_that_failed_is_named_and_the_others_are_drawn_from(two_reports):
    broken = ReportError("broken.docx", "not a docx file")
    draw = draw_statements([two_reports[0], broken, two_reports[1]], 12)
    assert draw.failed == [broken]
    assert sorted(_keys(draw.rows)) == sorted(_keys(draw_statements(two_reports, 12).rows))


def test_a_drawn_statement_is_a_valid_gold_line_holding_the_models_answer(sample_extraction):
    report = sample_extraction.report
    rows = draw_statements([sample_extraction], 40).rows
    assert any(row["relations"] for row in rows) and any(row["entities"] for row in rows)
    for row in rows:
        assert set(row) == {"doc", "start", "end", "text", "entities", "relations", "themes"}
        assert row["doc"] == report.doc and report.text[row["start"]:row["end"]] == row["text"]
        names = {e["name"] for e in row["entities"]}
        assert all(name in row["text"] for name in names)
        assert all(r[end] in names | {"@author"} for r in row["relations"] for end in ("head", "tail"))
        assert len(row["themes"]) <= 3
        mentioned = {report.text[a:b] for e in sample_extraction.entities for a, b in e.mentions
                     if row["start"] <= a < b <= row["end"]}
        assert names == mentioned


def test_statements_already_annotated_are_not_drawn(sample_extraction, sample_gold):
    done = annotated_spans(sample_gold)[sample_extraction.report.doc]
    assert len(done) == 8
    rows = draw_statements([sample_extraction], 10_000, annotated=annotated_spans(sample_gold)).rows
    assert rows and not any(lo < r["end"] and r["start"] < hi for r in rows for lo, hi in done)
    assert len(rows) == len(draw_statements([sample_extraction], 10_000).rows) - 8


def test_the_rules_alone_can_fill_the_lines(examples_dir, sample_extraction):
    rules = extract(sample_extraction.report, RULES)
    by_rules, by_model = draw_statements([rules], 40).rows, draw_statements([sample_extraction], 40).rows
    assert _keys(by_rules) == _keys(by_model)          # the draw depends on the statements only
    assert [r["entities"] for r in by_rules] != [r["entities"] for r in by_model]


def test_a_round_of_annotation_trains_and_the_next_round_skips_it(tmp_path, examples_dir, sample_model):
    gold = tmp_path / "gold"
    gold.mkdir()
    first = gold / "round1.jsonl"
    result = run_cli("annotate", examples_dir, "-o", first, "--limit", "6")
    assert result.exit_code == 0, result.output
    assert re.search(r"drew 6 statements of the \d+ not yet annotated in 1 report ", result.output)
    rows = [json.loads(line) for line in first.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 6 and len(load_examples(gold, examples_dir)) == 6
    result = run_cli("train", "--gold", gold, "--corpus", examples_dir, "-o", tmp_path / "m")
    assert result.exit_code == 0, result.output
    assert load_model(tmp_path / "m").tagger.labels
    second = tmp_path / "round2.jsonl"
    result = run_cli("annotate", examples_dir, "-o", second, "--limit", "6", "--model", sample_model,
                     "--exclude", gold)
    assert result.exit_code == 0, result.output
    again = [json.loads(line) for line in second.read_text(encoding="utf-8").splitlines()]
    assert len(again) == 6 and not {r["start"] for r in rows} & {r["start"] for r in again}


@pytest.mark.parametrize("args, message", [
    (["--model", "{tmp}"], "not a govkg model folder"),
    (["--model", "{tmp}", "--fast"], "exclude each other"),
    (["--exclude", "{tmp}/none.jsonl"], "no gold .jsonl files"),
    (["--limit", "0"], "--limit"),
    (["--per-report", "0"], "--per-report"),
])
def test_bad_arguments_are_one_clear_error_and_leave_the_output_alone(tmp_path, examples_dir, args, message):
    out = tmp_path / "todo.jsonl"
    out.write_text("kept\n", encoding="utf-8")
    result = run_cli("annotate", examples_dir, "-o", out, *[a.format(tmp=tmp_path) for a in args])
    assert result.exit_code != 0 and message in result.output
    assert out.read_text(encoding="utf-8") == "kept\n"


def test_an_unreadable_report_is_named_and_the_others_are_still_read(tmp_path, examples_dir):
    reports = tmp_path / "reports"
    reports.mkdir()
    sample = next(examples_dir.glob("*.txt"))
    shutil.copy(sample, reports / sample.name)
    (reports / "broken.docx").write_bytes(b"not a zip archive")
    out = tmp_path / "todo.jsonl"
    result = run_cli("annotate", reports, "-o", out, "--limit", "3")
    assert result.exit_code == 1
    assert "broken.docx" in result.output and "drew 3 statements of the" in result.output
    assert {json.loads(line)["doc"] for line in out.read_text(encoding="utf-8").splitlines()} == {sample.name}


def test_worker_processes_draw_the_same_file(tmp_path, two_reports):
    folder = Path(two_reports[0].report.source).parent
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"todo-{jobs}.jsonl"
        result = run_cli("annotate", folder, "-o", out, "--limit", "9", "--jobs", jobs)
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and outputs[0].count(b"\n") == 9
    capped = tmp_path / "capped.jsonl"
    assert run_cli("annotate", folder, "-o", capped, "--limit", "9", "--per-report", "2").exit_code == 0
    assert sorted(json.loads(line)["doc"] for line in capped.read_text(encoding="utf-8").splitlines()) == \
        ["a.txt", "a.txt", "b.txt", "b.txt"]
