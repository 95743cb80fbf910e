"""govkg.store.neo4j.admin_import, the bulk path: `govkg export --format neo4j-admin` CSVs and
import.sh, checked as files (an entity of several reports is one node, typed headers, a rerun
replaces the last one's CSVs, the script's arguments) and imported for real with the test server's
own neo4j-admin (AdminTool on the launcher's classpath)."""
from __future__ import annotations

import csv
import hashlib
import os
import subprocess

import pytest

from govkg.export import export_store
from govkg.model import Entity, Extraction, Relation, Report, Statement
from govkg.store.neo4j.admin_import import ADMIN_OPTIONS, write_admin_import
from govkg.store.neo4j import Neo4jStore, push_store


def _read(path):
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def _extraction(doc: str, sentence: str, aliases: tuple[str, ...], author: bool) -> Extraction:
    """A report of one sentence in which 县委组织部 (with ``aliases``) leads 红色头雁工程."""
    text = sentence + "\n"
    body, program = text.index("县委组织部"), text.index("红色头雁")
    entities = (Entity("o", "Organization", "县委组织部", ((body, body + 5),), author=author, aliases=aliases),
                Entity("p", "Program", "红色头雁工程", ((program, program + 4),)))
    return Extraction(Report(doc, text, hashlib.sha256(text.encode()).hexdigest(), title=doc, year=2023),
                      (Statement(0, len(sentence), sentence, themes=("village_governance",)),), entities,
                      (Relation("o", "LEADS", "p", (0, len(sentence))),))


@pytest.fixture
def two_reports(store):
    """Two reports naming the same body and programme; the second has the body as its author."""
    store.put(_extraction("a.txt", "县委组织部牵头实施“红色头雁”工程。", ("组织部",), False))
    store.put(_extraction("b.txt", "县委组织部继续实施“红色头雁”工程。", ("组织;部门",), True))
    return store


def _table(path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_an_entity_of_several_reports_is_one_node_with_all_of_them(two_reports, tmp_path):
    write_admin_import(two_reports, tmp_path)
    (body,) = _table(tmp_path / "nodes-Entity-Organization.csv")
    assert (body["name"], body["reports:string[]"], body["isAuthor:boolean"], body[":LABEL"]) == \
        ("县委组织部", "a.txt;b.txt", "true", "Entity;Organization")
    assert sorted(body["aliases:string[]"].split(";")) == ["组织部", "组织；部门"]   # ';' would split an alias
    assert [(r[":START_ID"].rsplit("/", 1)[1], r[":END_ID"].rsplit("/", 1)[1]) for r in _table(tmp_path / "rels-AUTHOR.csv")] \
        == [("b.txt", "县委组织部")]
    assert [r["report"] for r in _table(tmp_path / "rels-LEADS.csv")] == ["a.txt", "b.txt"]


def test_headers_carry_the_types_neo4j_admin_reads(two_reports, tmp_path):
    write_admin_import(two_reports, tmp_path)
    header = {p.stem: _read(p)[0] for p in tmp_path.glob("*.csv")}
    assert {"year:int", "reportedYear:int", "issuerKnown:boolean", "title"} <= set(header["nodes-Report"])
    assert {"start:int", "end:int", "isHeading:boolean", "text"} <= set(header["nodes-Statement"])
    assert header["rels-LEADS"] == [":START_ID", ":END_ID", "iri", "report", "start:int", "end:int", "statement",
                                    "sentence", "sectionPath", ":TYPE"]
    assert header["rels-HAS_ENTITY"] == [":START_ID", ":END_ID", "aliases:string[]", "isAuthor:boolean", ":TYPE"]
    assert header["rels-IN_REPORT"] == [":START_ID", ":END_ID", ":TYPE"]


def test_a_second_export_replaces_the_first_ones_csvs(two_reports, tmp_path):
    for stale in ("nodes-Gone.csv", "rels-GONE.csv"):
        (tmp_path / stale).write_text("iri:ID\nx\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    first = write_admin_import(two_reports, tmp_path)
    assert not (tmp_path / "nodes-Gone.csv").exists() and not (tmp_path / "rels-GONE.csv").exists()
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert write_admin_import(two_reports, tmp_path) == first == sum(len(_read(p)[1]) for p in tmp_path.glob("*.csv"))


def test_import_sh_passes_the_database_first_then_every_csv(two_reports, tmp_path):
    out = tmp_path / "admin"
    write_admin_import(two_reports, out)
    home = tmp_path / "neo4j"
    (home / "bin").mkdir(parents=True)
    (home / "bin" / "neo4j-admin").write_text("#!/bin/sh\nprintf '%s\\n' \"$PWD\" \"$@\"\n", encoding="utf-8")
    (home / "bin" / "neo4j-admin").chmod(0o755)
    run = subprocess.run(["sh", str(out / "import.sh"), "reports"], cwd=tmp_path, capture_output=True, text=True,
                         env={**os.environ, "NEO4J_HOME": str(home)}, timeout=30)
    assert run.returncode == 0, run.stderr
    cwd, *args = run.stdout.splitlines()
    assert cwd == str(out)                                        # run from the CSVs' folder
    assert args[:4] == ["database", "import", "full", "reports"]
    files = sorted(args[4:-len(ADMIN_OPTIONS)])
    assert files == sorted(f"--{'nodes' if p.name.startswith('nodes-') else 'relationships'}={p.name}"
                           for p in out.glob("*.csv"))
    assert args[-len(ADMIN_OPTIONS):] == list(ADMIN_OPTIONS)


@pytest.mark.neo4j
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


@pytest.mark.neo4j
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
