"""The commands over a SPARQL server: push --sparql, query --endpoint, remove --sparql."""
from __future__ import annotations

import json

import pytest

from testkit import run_cli

pytestmark = pytest.mark.fuseki


def _run(args, code: int = 0):
    result = run_cli(*args)
    assert result.exit_code == code, result.output
    return result.output


def test_push_query_and_remove_through_the_cli(fuseki_url, embedded_path, report_files):
    output = _run(["push", "--sparql", fuseki_url, "--store", str(embedded_path)])
    assert f"pushed {len(report_files)} reports" in output and "triples/s" in output
    assert "unchanged" in _run(["push", "--sparql", fuseki_url, "--store", str(embedded_path)])

    remote = json.loads(_run(["query", "report-summary", "--endpoint", fuseki_url, "-f", "json"]))
    local = json.loads(_run(["query", "report-summary", "--store", str(embedded_path), "-f", "json"]))
    assert remote == local and len(remote) == len(report_files)

    own = json.loads(_run(["query", "--endpoint", fuseki_url, "-f", "json", "--sparql",
                           "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a gk:Report }"]))
    assert own == [{"n": len(report_files)}]

    doc = report_files[0].name
    assert f"removed {doc}" in _run(["remove", doc, "--sparql", fuseki_url])
    remote = json.loads(_run(["query", "report-summary", "--endpoint", fuseki_url, "-f", "json"]))
    assert doc not in {row["report"] for row in remote} and len(remote) == len(report_files) - 1
    assert "not in the store" in _run(["remove", doc, "--sparql", fuseki_url], code=1)


def test_an_unreachable_server_is_one_line_and_exit_1(embedded_path):
    output = _run(["push", "--sparql", "http://127.0.0.1:9/govkg", "--store", str(embedded_path)], code=1)
    assert "cannot reach the SPARQL server" in output and "Traceback" not in output
    output = _run(["query", "report-summary", "--endpoint", "not-a-url"], code=1)
    assert "http:// or https:// URL" in output
