"""bench/unseen_reports.py: a model trained on the gold's reports scored on the project's others."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from testkit import bench_module

ROOT = Path(__file__).resolve().parents[2]
ANNOTATIONS = ROOT / "annotations" / "statements"


@pytest.fixture(scope="module")
def unseen():
    with bench_module("unseen_reports") as module:
        yield module


def docs_of(paths: list[Path]) -> set[str]:
    return {json.loads(line)["doc"] for path in paths for line in path.read_text("utf-8").splitlines() if line.strip()}


def test_no_scored_report_is_taught(unseen, gold):
    taught, scored = unseen.split_annotations(gold, ANNOTATIONS)
    gold_docs = docs_of(sorted(gold.glob("*.jsonl")))
    assert taught and scored and len(taught) + len(scored) == len(list(ANNOTATIONS.glob("*.jsonl")))
    assert docs_of(taught) <= gold_docs
    assert not docs_of(scored) & gold_docs


def test_every_statement_of_the_scored_reports_counts(unseen, gold, sample_model):
    _, scored = unseen.split_annotations(gold, ANNOTATIONS)
    result = unseen.score_unseen(sample_model, gold, ANNOTATIONS, {"mention_certainty": 0}, reports=2)
    first_two = sorted(docs_of(scored))[:2]
    statements = sum(1 for path in scored for line in path.read_text("utf-8").splitlines()
                     if line.strip() and json.loads(line)["doc"] in first_two)
    assert result["docs"] == 2 and result["statements"] == statements
    assert result["entities"]["lenient"]["pred"] > 0
