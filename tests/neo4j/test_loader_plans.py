"""What lets the push skip work on the server, checked on the real Neo4j of the suite: the loader
statements marked ``CYPHER replan=skip`` plan the same on an empty database as on a loaded one,
and ``ensure_schema`` skips the schema a server has (by name) and the themes it has, yet restores
what one lacks."""
from __future__ import annotations

import pytest

from govkg.pipeline import load_files
from govkg.resources import resource_path
from govkg.store.neo4j import Neo4jStore, push_store
from govkg.store.neo4j.mapping import properties
from govkg.store.neo4j.push import _rows
from govkg.store.neo4j.store import _schema_present, cypher_statements, schema_names
from testkit import write_text_report

pytestmark = pytest.mark.neo4j

SKIPPING = sorted(path.stem for path in resource_path("loaders", "neo4j").glob("*.cypher")
                  if "CYPHER replan=skip" in path.read_text(encoding="utf-8"))


def _params(pgs: list) -> dict[str, dict]:
    """Each statement file's parameters: a few rows of real reports."""
    pg = pgs[0]
    rows = {kind: [row for other in pgs for row in getattr(other, kind)][:3]
            for kind in ("statements", "entities", "mentions", "relations", "metrics")}
    return {"merge-report": {"report": vars(pg.report)},
            "create-statements": {"report": pg.report.iri, "rows": [vars(s) for s in rows["statements"]]},
            "merge-entities": {"report": pg.report.iri, "rows": [vars(e) for e in rows["entities"]]},
            "create-mentions": {"report": pg.report.iri, "rows": [vars(m) for m in rows["mentions"]]},
            "create-relations": {"report": pg.report.iri, "rows": [
                {"head": r.head, "type": r.type, "tail": r.tail, "props": properties(r)} for r in rows["relations"]]},
            "create-metrics": {"report": pg.report.iri, "rows": [
                {"subject": m.subject, "statement": m.statement, "props": properties(m)} for m in rows["metrics"]]}}


def _plan(store: Neo4jStore, name: str, params: dict) -> list[str]:
    """The operators of the statement's plan, planned now (replan=force), each with its details,
    sorted: which seeks and writes, not their order (two unique seeks may come either way)."""
    def operators(plan) -> list[str]:
        line = plan["operatorType"] + " " + str((plan.get("args") or {}).get("Details", ""))
        return [line, *(op for child in plan.get("children", []) for op in operators(child))]

    (statement,) = cypher_statements(name)
    text = statement.replace("CYPHER replan=skip", "CYPHER replan=force EXPLAIN", 1)
    with store._session() as session:
        return sorted(operators(session.run(text, params).consume().plan))


def test_the_statements_that_skip_replanning_plan_the_same_on_an_empty_and_a_loaded_database(
        tmp_path, store, sample_report, neo4j_store):
    extra = write_text_report(tmp_path / "in" / "second.txt")
    assert load_files([sample_report, extra], store).loaded
    params = _params([_rows(store, info) for info in store.reports()])
    assert SKIPPING == sorted(params), "every statement that skips replanning is compared, the push's all skip"
    assert all(p.get("rows", True) for p in params.values()), "each statement gets rows to plan with"
    neo4j_store.ensure_schema()
    empty = {name: _plan(neo4j_store, name, params[name]) for name in SKIPPING}
    assert push_store(store, neo4j_store).relationships > 100
    loaded = {name: _plan(neo4j_store, name, params[name]) for name in SKIPPING}
    assert loaded == empty
    for name, plan in empty.items():      # every node found by an index, never by a scan
        assert any("IndexSeek" in op for op in plan), name
        assert not any("Scan" in op for op in plan), (name, plan)


def _present(store: Neo4jStore) -> bool:
    with store._session() as session:
        return _schema_present(session)


def test_ensure_schema_skips_only_what_the_server_has_and_restores_what_it_lacks(neo4j_db):
    uri, user, password = neo4j_db
    with Neo4jStore(uri, user, password) as first:
        first.ensure_schema()
        themes = first.cypher("MATCH (t:Theme) RETURN count(t)", {}).rows[0][0]
        narrower = first.cypher("MATCH (:Theme)-[n:NARROWER]->(:Theme) RETURN count(n)", {}).rows[0][0]
        assert themes > 10 and narrower >= 1
        assert _present(first)
        first._driver.execute_query("DROP INDEX entity_name")
        assert not _present(first)
        first._driver.execute_query("DROP INDEX report_doc")      # an older schema's constraint of that name
        first._driver.execute_query("CREATE CONSTRAINT report_doc FOR (n:Report) REQUIRE n.doc IS UNIQUE")
        first._driver.execute_query("CREATE INDEX entity_name FOR (n:Entity) ON (n.name)")
        assert not _present(first), "a constraint schema.cypher drops is there"
        first._driver.execute_query("MATCH (t:Theme) WITH t LIMIT 1 SET t.name = 'changed'")
        first._driver.execute_query("MATCH (:Theme)-[n:NARROWER]->(:Theme) WITH n LIMIT 1 DELETE n")
    with Neo4jStore(uri, user, password) as again:
        again.ensure_schema()
        assert _present(again)
        constraints = {row[0] for row in again.cypher("SHOW CONSTRAINTS YIELD name", {}).rows}
        assert "report_doc" not in constraints and schema_names()[1] == {"report_doc"}
        assert again.cypher("MATCH (t:Theme {name: 'changed'}) RETURN count(t)", {}).rows[0][0] == 0
        assert again.cypher("MATCH (t:Theme) RETURN count(t)", {}).rows[0][0] == themes
        assert again.cypher("MATCH (:Theme)-[n:NARROWER]->(:Theme) RETURN count(n)", {}).rows[0][0] == narrower
