"""The commands over Neo4j: load --neo4j, push, query --backend neo4j, remove --neo4j."""
from __future__ import annotations

import json

import pytest

from testkit import run_cli

pytestmark = pytest.mark.neo4j


def _run(args, password):
    result = run_cli(*args, env={"NEO4J_PASSWORD": password, "NEO4J_URI": None})
    assert result.exit_code == 0, result.output
    return result.output


def test_load_query_push_and_remove(neo4j_db, report_files, embedded_path):
    uri, user, password = neo4j_db
    doc = report_files[0].name
    _run(["load", "--neo4j", uri, "--neo4j-user", user, str(report_files[0])], password)
    output = _run(["query", "report-summary", "--backend", "neo4j", "--neo4j", uri, "-f", "json"], password)
    assert [row["report"] for row in json.loads(output)] == [doc]

    output = _run(["push", "--neo4j", uri, "--store", str(embedded_path)], password)
    assert "unchanged" in output and "nodes/s" in output and password not in output
    output = _run(["remove", doc, "--neo4j", uri], password)
    assert f"removed {doc}" in output
    output = _run(["query", "report-summary", "--backend", "neo4j", "--neo4j", uri, "-f", "json"], password)
    assert doc not in {row["report"] for row in json.loads(output)}
