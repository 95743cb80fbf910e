"""The bulk path: `govkg export --format neo4j-admin` CSVs, checked as CSV and imported for real
with the test server's own neo4j-admin (AdminTool on the launcher's classpath)."""
from __future__ import annotations

import csv
import os
import subprocess

import pytest

from govkg.export import export_store
from govkg.store.neo4j.admin_import import ADMIN_OPTIONS
from govkg.store.neo4j import Neo4jStore, push_store

pytestmark = pytest.mark.neo4j


def _read(path):
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def test_admin_csvs_are_well_formed_and_match_a_push(tmp_path, embedded, neo4j_store):
    out = tmp_path / "admin"
    written = export_store(embedded, "neo4j-admin", out)
    ids, relationships = set(), 0
    for path in sorted(out.glob("nodes-*.csv")):
        header, rows = _read(path)
        assert header[0] == "iri:ID" and header[-1] == ":LABEL", path.name
        assert all(len(row) == len(header) for row in rows), path.name
        new = {row[0] for row in rows}
        assert len(new) == len(rows) and not (new & ids), f"{path.name}: duplicate IDs"
        ids |= new
    for path in sorted(out.glob("rels-*.csv")):
        header, rows = _read(path)
        assert header[:2] == [":START_ID", ":END_ID"] and header[-1] == ":TYPE", path.name
        assert all(len(row) == len(header) and row[0] in ids and row[1] in ids for row in rows), path.name
        assert {row[-1] for row in rows} == {path.stem.removeprefix("rels-")}
        relationships += len(rows)
    push_store(embedded, neo4j_store)
    assert neo4j_store.counts() == {"nodes": len(ids), "relationships": relationships}
    assert written == len(ids) + relationships


def test_neo4j_admin_imports_the_csvs_and_the_queries_agree(tmp_path, embedded, neo4j_store):
    from neo4j_server import Neo4jServer, build_classpath

    out = tmp_path / "admin"
    export_store(embedded, "neo4j-admin", out)
    home = tmp_path / "imported"
    (home / "conf").mkdir(parents=True)
    (home / "conf" / "neo4j.conf").write_text("")
    files = [f"--{'nodes' if p.name.startswith('nodes-') else 'relationships'}={p.name}"
             for p in sorted(out.glob("*.csv"))]
    proc = subprocess.run(
        ["java", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", build_classpath(),
         "org.neo4j.cli.AdminTool", "database", "import", "full", "neo4j", *files, *ADMIN_OPTIONS,
         "--max-off-heap-memory=256m", "--threads=2"],
        cwd=out, env={**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")},
        capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and "IMPORT DONE" in proc.stdout, (proc.stdout + proc.stderr)[-3000:]

    push_store(embedded, neo4j_store)
    with Neo4jServer(home) as server:
        imported = Neo4jStore(server.uri, server.user, server.password, retry_seconds=5)
        try:
            assert imported.counts() == neo4j_store.counts()
            for name, params in (("report-summary", {}), ("organizations-leading", {}),
                                 ("initiatives-by-theme", {"theme": "grassroots_governance"})):
                assert sorted(imported.run_named(name, params).rows) == sorted(neo4j_store.run_named(name, params).rows)
        finally:
            imported.close()
