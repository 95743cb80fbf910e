"""The project's own annotated statements (annotations/): taught beside ../shared/gold, never scored.

They must read like gold lines whose text comes from the report (every name found there), annotate
only reports that ../shared/gold annotates (so never a report of ../shared/blind), and never a
statement that ../shared/gold already gives; the agreement checks are ../shared/gold statements.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from govkg.evaluate import load_gold
from govkg.learn.examples import load_examples

ANNOTATIONS = Path(__file__).resolve().parents[2] / "annotations"
FILES = sorted((ANNOTATIONS / "statements").glob("*.jsonl"))
ROUND3 = [f for f in FILES if f.name.endswith(".round3.jsonl")]      # the third round (README)


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_there_are_annotations():
    assert len(FILES) == 50 and sum(len(_rows(f)) for f in FILES) == 6509
    assert len(ROUND3) == 25 and sum(len(_rows(f)) for f in ROUND3) == 2509


def test_the_third_round_overlaps_none_of_the_first_two():
    taken = {(row["doc"], row["start"]) for f in FILES if f not in ROUND3 for row in _rows(f)}
    assert not any((row["doc"], row["start"]) in taken for f in ROUND3 for row in _rows(f))


def test_no_line_copies_the_reports_text():
    for folder in ("statements", "checks", "checks2", "checks3"):
        for path in (ANNOTATIONS / folder).glob("*.jsonl"):
            assert all("text" not in row for row in _rows(path)), path


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_a_file_reads_as_gold_of_a_shared_gold_report(path, gold, corpus):
    shared = load_gold(gold)
    examples = load_examples(path, corpus)        # every name is found in its statement
    docs = {ex.doc for ex in examples}
    assert len(docs) == 1 and docs <= set(shared)
    taken = [(row["start"], row["end"]) for row in shared[docs.pop()]]
    for ex in examples:
        assert not any(s < ex.statement.end and ex.statement.start < e for s, e in taken), ex.statement.text


@pytest.mark.parametrize("folder, count", [("checks", 200), ("checks2", 200), ("checks3", 200)])
def test_the_checks_are_shared_gold_statements(gold, folder, count):
    shared = {(doc, row["start"], row["end"]) for doc, rows in load_gold(gold).items() for row in rows}
    checks = load_gold(ANNOTATIONS / folder)
    assert sum(len(rows) for rows in checks.values()) == count
    assert all((doc, row["start"], row["end"]) in shared for doc, rows in checks.items() for row in rows)
