"""A real Apache Jena Fuseki for the tests of tests/fuseki (tests/fuseki_server.py), one per session.

Where java or mvn is missing (or Maven cannot fetch Fuseki) the tests skip and say why; with
GOVKG_REQUIRE_FUSEKI=1 (set by .ci/run) that is a failure instead. A server that does not start
once the jars are there always fails. Each test gets an emptied dataset (``fuseki_url``).
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fuseki_server import FusekiServer, build_classpath  # noqa: E402
from java_server import session_server  # noqa: E402


@pytest.fixture(scope="session")
def fuseki_server(tmp_path_factory):
    server = session_server("Fuseki", "GOVKG_REQUIRE_FUSEKI", ("httpx", "httpx (pip install 'govkg[sparql]')"),
                            build_classpath, lambda: FusekiServer(tmp_path_factory.mktemp("fuseki")))
    yield server
    server.stop()


@pytest.fixture
def fuseki_url(fuseki_server) -> str:
    """The dataset URL (query, update and Graph Store Protocol), emptied for this test."""
    from govkg.store.sparql import SparqlStore

    if not fuseki_server.running:
        fuseki_server.start()
    with SparqlStore(fuseki_server.url) as store:
        store.update("DROP ALL")
    return fuseki_server.url


@pytest.fixture
def fuseki(fuseki_url):
    from govkg.store.sparql import SparqlStore

    with SparqlStore(fuseki_url) as store:
        yield store
