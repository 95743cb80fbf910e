"""The project's own annotated statements (annotations/): taught beside ../shared/gold, never scored.

They must read like gold lines whose text comes from the report (every name found there). The first
three rounds annotate only reports that ../shared/gold annotates (so never a report of
../shared/blind), and never a statement that ../shared/gold already gives; the fourth to sixth
annotate reports of the project's own (annotations/corpus/), none of them a report of ../shared; the
eighth (annotations/round8/, kept apart, not taught) draws more statements of eight of them, none
drawn before; the ninth (annotations/statements/*.round9.jsonl) annotates seven more reports of the
project's own and statements about villages of the earlier ones that no round took; the tenth (annotations/round10/,
kept apart, not taught) five more and more statements about villages; the eleventh (annotations/round11/, kept
apart, not taught) statements of those reports with the cue words of the rarer relations; the twelfth
(annotations/round12/, kept apart, not taught) five reports of other kinds and the last statements about villages.
The agreement checks are ../shared/gold statements.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from govkg.evaluate import load_gold
from govkg.learn.annotate import overlaps
from govkg.learn.examples import load_examples

ANNOTATIONS = Path(__file__).resolve().parents[2] / "annotations"
FILES = sorted((ANNOTATIONS / "statements").glob("*.jsonl"))
ROUND3 = [f for f in FILES if f.name.endswith(".round3.jsonl")]      # the third round (README)
OWN_CORPUS = ANNOTATIONS / "corpus"
ROUND9 = [f for f in FILES if f.name.endswith(".round9.jsonl")]      # taught since stop 52 (README)
OWN_REPORTS = [f for f in FILES if (OWN_CORPUS / f"{f.name.split('.')[0]}.txt").exists()
               and f not in ROUND9]                                 # rounds 4-7
SHARED_REPORTS = [f for f in FILES if f not in OWN_REPORTS + ROUND9]
ROUND8 = sorted((ANNOTATIONS / "round8").glob("*.jsonl"))
ROUND10 = sorted((ANNOTATIONS / "round10").glob("*.jsonl"))
ROUND11 = sorted((ANNOTATIONS / "round11").glob("*.jsonl"))
ROUND12 = sorted((ANNOTATIONS / "round12").glob("*.jsonl"))
CHECKS = {"checks": 200, "checks2": 200, "checks3": 200, "checks4": 120, "checks5": 120, "checks6": 120, "checks7": 120,
          "checks8": 120, "checks9": 97, "checks10": 75, "checks11": 60, "checks12": 50}


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_there_are_annotations():
    assert len(SHARED_REPORTS) == 50 and sum(len(_rows(f)) for f in SHARED_REPORTS) == 6509
    assert len(ROUND3) == 25 and sum(len(_rows(f)) for f in ROUND3) == 2509
    assert len(OWN_REPORTS) == 32 and sum(len(_rows(f)) for f in OWN_REPORTS) == 4737
    assert all(f.name.endswith((".round4.jsonl", ".round5.jsonl", ".round6.jsonl", ".round7.jsonl"))
               for f in OWN_REPORTS)


def _statements(files: list[Path]) -> set[tuple[str, int]]:
    return {(row["doc"], row["start"]) for f in files for row in _rows(f)}


def test_the_third_round_overlaps_none_of_the_first_two():
    assert not _statements(ROUND3) & _statements([f for f in SHARED_REPORTS if f not in ROUND3])


# the rounds after the seventh, in order: files, statements
ROUNDS = {"round8": (ROUND8, 8, 1200), "round9": (ROUND9, 37, 990), "round10": (ROUND10, 35, 750),
          "round11": (ROUND11, 41, 263), "round12": (ROUND12, 39, 738)}


@pytest.mark.parametrize("name", ROUNDS)
def test_a_later_round_draws_statements_no_earlier_round_took(name):
    files, count, statements = ROUNDS[name]
    earlier = [f for before in list(ROUNDS)[:list(ROUNDS).index(name)] for f in ROUNDS[before][0]]
    assert len(files) == count and sum(len(_rows(f)) for f in files) == statements
    assert not _statements(files) & _statements(OWN_REPORTS + earlier)


def test_no_line_copies_the_reports_text():
    for path in sorted(ANNOTATIONS.glob("*/*.jsonl")):     # every round's folder and every checks folder
        assert all("text" not in row for row in _rows(path)), path


@pytest.mark.parametrize("path", SHARED_REPORTS, ids=[f.stem for f in SHARED_REPORTS])
def test_a_file_reads_as_gold_of_a_shared_gold_report(path, gold, corpus):
    shared = load_gold(gold)
    examples = load_examples(path, corpus)        # every name is found in its statement
    docs = {ex.doc for ex in examples}
    assert len(docs) == 1 and docs <= set(shared)
    taken = [(row["start"], row["end"]) for row in shared[docs.pop()]]
    for ex in examples:
        assert not overlaps(ex.statement.start, ex.statement.end, taken), ex.statement.text


LATER_ROUNDS = OWN_REPORTS + ROUND8 + ROUND9 + ROUND10 + ROUND11 + ROUND12


@pytest.mark.parametrize("path", LATER_ROUNDS, ids=[f.stem for f in LATER_ROUNDS])
def test_a_later_round_file_reads_as_gold_of_a_report_of_the_projects_own(path, corpus):
    examples = load_examples(path, OWN_CORPUS)    # every name is found in its statement
    docs = {ex.doc for ex in examples}
    assert len(docs) == 1 and len(examples) == len(_rows(path))
    assert not (corpus / docs.pop()).exists()     # never a report of ../shared


def test_every_report_of_the_projects_own_says_where_it_came_from(corpus):
    sources = {line.split("\t")[0] for line in (OWN_CORPUS / "SOURCES.tsv").read_text("utf-8").splitlines()[1:]}
    reports = {p.name for p in OWN_CORPUS.glob("*.txt")}
    assert reports and sources == reports
    shared = {p.read_text("utf-8")[:200] for p in corpus.glob("*.txt")}
    assert not any(p.read_text("utf-8")[:200] in shared for p in OWN_CORPUS.glob("*.txt"))


@pytest.mark.parametrize("folder, count", CHECKS.items())
def test_the_checks_are_shared_gold_statements(gold, folder, count):
    shared = {(doc, row["start"], row["end"]) for doc, rows in load_gold(gold).items() for row in rows}
    checks = load_gold(ANNOTATIONS / folder)
    assert sum(len(rows) for rows in checks.values()) == count
    assert all((doc, row["start"], row["end"]) in shared for doc, rows in checks.items() for row in rows)
