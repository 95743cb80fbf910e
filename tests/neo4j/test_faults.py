"""Faults against the real server: down, wrong password, stopped in the middle of a push."""
from __future__ import annotations

import dataclasses
import threading

import pytest

from govkg.errors import StoreError
from govkg.store.neo4j import Neo4jStore, push_store
from testkit import run_cli

pytestmark = pytest.mark.neo4j

SECRET = "not-the-password-0123"


def _cli(args: list[str], password: str):
    result = run_cli(*args, env={"NEO4J_PASSWORD": password})
    return result.exit_code, result.output


def _assert_one_clean_line(code: int, output: str, password: str) -> None:
    lines = [line for line in output.splitlines() if line.strip()]
    assert code == 1, output
    assert len(lines) == 1 and lines[0].startswith("error:"), output
    assert "Traceback" not in output and password not in output


def test_server_down_is_one_line(embedded_path):
    from local_ports import free_port

    code, output = _cli(["push", "--neo4j", f"bolt://127.0.0.1:{free_port()}", "--store", str(embedded_path)], SECRET)
    _assert_one_clean_line(code, output, SECRET)
    assert "cannot connect" in output


def test_wrong_password_is_one_line_without_the_password(neo4j_db, embedded_path):
    uri, user, _ = neo4j_db
    code, output = _cli(["push", "--neo4j", uri, "--store", str(embedded_path)], SECRET)
    _assert_one_clean_line(code, output, SECRET)
    assert "refused user 'neo4j'" in output


@pytest.fixture
def copies(tmp_path, extractions):
    """An embedded store with six reports (copies of the sample under other names)."""
    from govkg.pipeline import load_extractions
    from govkg.store import open_store

    ex = extractions[0]
    items = [dataclasses.replace(ex, report=dataclasses.replace(ex.report, doc=f"copy-{i}.txt", key=""))
             for i in range(6)]
    store = open_store(tmp_path / "copies")
    load_extractions(items, store)
    store.close()
    store = open_store(tmp_path / "copies", read_only=True)
    yield store
    store.close()


def _partial_reports(store: Neo4jStore, docs: list[str]) -> int:
    return store.cypher("MATCH (n) WHERE n.report IN $docs OR n.doc IN $docs "
                        "OR any(d IN coalesce(n.reports, []) WHERE d IN $docs) RETURN count(n)",
                        {"docs": docs}).rows[0][0]


def test_server_killed_mid_push_rolls_back_the_report_and_a_rerun_completes(neo4j_server, neo4j_db, copies):
    uri, user, password = neo4j_db
    store = Neo4jStore(uri, user, password, retry_seconds=3)
    push_store(copies, store)
    clean = store.counts()
    store._write(lambda tx: tx.run("MATCH (n) WHERE NOT n:Theme DETACH DELETE n").consume())

    committed, failure = threading.Event(), []

    def first_commit(doc: str) -> None:
        committed.set()

    def pushing() -> None:
        try:
            push_store(copies, store, progress=first_commit)
        except StoreError as err:
            failure.append(err)

    thread = threading.Thread(target=pushing)
    thread.start()
    assert committed.wait(60)
    neo4j_server.kill()
    thread.join(120)
    store.close()
    assert failure, "the push should have failed"
    message = str(failure[0])
    assert "\n" not in message and password not in message
    assert "connection lost, the write was rolled back" in message, message

    neo4j_server.start()
    store = Neo4jStore(uri, user, password, retry_seconds=5)
    try:
        done = [r.doc for r in store.reports()]
        assert done and done == sorted(done) and done[0] == "copy-0.txt"
        missing = [f"copy-{i}.txt" for i in range(6) if f"copy-{i}.txt" not in done]
        assert missing and _partial_reports(store, missing) == 0
        rerun = push_store(copies, store)
        assert sorted(rerun.pushed) == missing and sorted(rerun.unchanged) == done
        assert store.counts() == clean
    finally:
        store.close()
