"""A real Neo4j for the tests of tests/neo4j (tests/neo4j_server.py), started once per session.

Where java or mvn is missing (or Maven cannot fetch Neo4j) the tests skip and say why; with
GOVKG_REQUIRE_NEO4J=1 (set by .ci/run) that is a failure instead. A launcher that crashes on start
always fails. Each test gets an empty database (``neo4j_db``), not a new server.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from java_server import session_server  # noqa: E402
from neo4j_server import Neo4jServer, build_classpath  # noqa: E402


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory):
    """The running Neo4jServer (tests that stop or kill it must start it again)."""
    server = session_server("Neo4j", "GOVKG_REQUIRE_NEO4J", ("neo4j", "the neo4j driver (pip install 'govkg[neo4j]')"),
                            build_classpath, lambda: Neo4jServer(tmp_path_factory.mktemp("neo4j") / "data"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def neo4j_credentials(neo4j_server):
    """(uri, user, password) of the test server."""
    return neo4j_server.uri, neo4j_server.user, neo4j_server.password


def _ensure_running(server: Neo4jServer) -> None:
    if not server.running:   # a fault test that failed half-way
        server.start()


@pytest.fixture
def neo4j_db(neo4j_server, neo4j_credentials):
    """An empty database (schema kept), as (uri, user, password)."""
    import neo4j

    _ensure_running(neo4j_server)
    uri, user, password = neo4j_credentials
    with neo4j.GraphDatabase.driver(uri, auth=(user, password)) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")
    return neo4j_credentials


@pytest.fixture
def neo4j_store(neo4j_db):
    from govkg.store.neo4j import Neo4jStore

    uri, user, password = neo4j_db
    store = Neo4jStore(uri, user, password, retry_seconds=5)
    yield store
    store.close()
