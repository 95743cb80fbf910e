"""A real Apache Jena Fuseki for the tests of tests/fuseki (tests/fuseki_server.py), one per session.

Where java or mvn is missing (or Maven cannot fetch Fuseki) the tests skip and say why; with
GOVKG_REQUIRE_FUSEKI=1 (set by .ci/run) that is a failure instead. A server that does not start
once the jars are there always fails. Each test gets an emptied dataset (``fuseki_url``).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fuseki_server import FusekiServer, FusekiUnavailable, build_classpath  # noqa: E402


def _unavailable(reason: str):
    if os.environ.get("GOVKG_REQUIRE_FUSEKI") == "1":
        pytest.fail(f"GOVKG_REQUIRE_FUSEKI=1 but the test Fuseki is unavailable: {reason}", pytrace=False)
    pytest.skip(f"no test Fuseki: {reason}")


@pytest.fixture(scope="session")
def fuseki_server(tmp_path_factory):
    try:
        import httpx  # noqa: F401
    except ImportError:
        _unavailable("httpx is not installed (pip install 'govkg[sparql]')")
    try:
        build_classpath()        # java, mvn and the Maven fetch (cached in ~/.m2)
    except FusekiUnavailable as err:
        _unavailable(str(err).splitlines()[0])
    server = FusekiServer(tmp_path_factory.mktemp("fuseki"))
    try:
        server.start()
    except FusekiUnavailable as err:   # java and the jars are there: a crash is a failure
        pytest.fail(f"the test Fuseki did not start: {err}", pytrace=False)
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
