"""bench/run.py's report: the issue's table has every row, and a run rewrites only its own
generated section of bench/results.md (the hand-written record around it is kept)."""
from __future__ import annotations

import pytest

from testkit import bench_module


@pytest.fixture(scope="module")
def bench():
    with bench_module("run") as module:
        yield module


def test_a_run_replaces_only_its_own_section(bench, tmp_path):
    results = tmp_path / "results.md"
    results.write_text("# Benchmark results\n\n## A run by hand\n\nfigures kept\n", encoding="utf-8")
    bench.write_section(results, "100 MB", "## Latest\n\nfirst")
    bench.write_section(results, "queries-only", "## Queries\n\nq1")
    bench.write_section(results, "100 MB", "## Latest\n\nsecond")
    text = results.read_text(encoding="utf-8")
    assert text.startswith("# Benchmark results\n")
    assert "## A run by hand\n\nfigures kept\n" in text
    assert "second" in text and "first" not in text and "q1" in text
    assert text.count("<!-- bench/run.py 100 MB: begin") == 1
    assert text.index("second") < text.index("## A run by hand")      # generated sections come first


def test_the_issue_table_has_every_row_even_unmeasured(bench):
    rows = bench.issue_rows(bench.Measured(skipped={"push": "not measured (--skip-neo4j)"}))
    assert len(rows) == 10                # 5 named + every other query, load, embedded, push, RSS
    assert all(verdict == "not measured" for *_, verdict in rows)
    assert any("--skip-neo4j" in value for _, value, _, _ in rows)


def test_verdicts_follow_the_targets(bench):
    fast = {name: (10.0, 12.0, 9.0, 20.0) for name in (*bench.ISSUE_QUERIES, "timeline")}
    slow = {**fast, "timeline": (321.0, 400.0, 300.0, 900.0)}
    m = bench.Measured(latency={"library": fast, "serve": slow}, load_seconds=140.0, load_rss=500 * 2**20,
                       embedded=(2.0, 200_000), push="pushed 31 reports: ... (1 nodes/s, 2,576 relationships/s)")
    verdicts = {label: verdict for label, _, _, verdict in bench.issue_rows(m)}
    assert verdicts["entity-neighbourhood p50"] == "met"
    assert verdicts["every other named query p50 (timeline)"] == "missed"      # serve misses
    assert verdicts["load of 100 MB, wall (`govkg load --jobs 2`)"] == "met"
    assert verdicts["embedded load, end to end (corpus)"] == "missed"          # 100k < 150k
    assert verdicts["Neo4j push (corpus)"] == "missed"
    assert verdicts["peak RSS, load of 100 MB"] == "met"
