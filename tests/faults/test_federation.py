"""Case 4: SERVICE (federated queries) sends no request anywhere unless allowed. A local listener
counts the requests it gets; the CLI and the server refuse SERVICE with a clear error, and only an
explicit --allow-service lets a query reach the endpoint named."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from testkit import error_lines, govkg

EMPTY = json.dumps({"head": {"vars": ["s"]}, "results": {"bindings": []}}).encode()


@pytest.fixture
def listener():
    """A loopback HTTP server that answers any request with empty SPARQL results and counts them."""
    hits: list[str] = []

    class Counting(BaseHTTPRequestHandler):
        def _answer(self):
            hits.append(self.path)
            length = int(self.headers.get("content-length") or 0)
            self.rfile.read(length)
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(EMPTY)))
            self.end_headers()
            self.wfile.write(EMPTY)

        do_GET = do_POST = _answer

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Counting)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.hits = hits
    yield server
    server.shutdown()
    server.server_close()


def service_queries(url: str) -> list[str]:
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
        f"PREFIX remote: <{url.rsplit('/', 1)[0]}/> SELECT * WHERE {{ SERVICE remote:sparql {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ BIND(<{url}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?x a gk:Report OPTIONAL {{ SELECT ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
        f"ASK {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    ]


def test_cli_refuses_service_without_sending_anything(listener, small_store):
    for query in service_queries(listener.url):
        result = govkg("query", "--sparql", query, "--store", small_store)
        assert result.returncode == 1, (query, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
        errors = error_lines(result.stderr)
        assert len(errors) == 1 and "SERVICE" in errors[0] and "--allow-service" in errors[0], result.stderr
    assert listener.hits == []


def test_service_in_a_string_or_a_name_is_not_federation(small_store):
    query = ('SELECT ?service WHERE { BIND("SERVICE <http://127.0.0.1:9/> { }" AS ?service) '
             '# SERVICE <http://127.0.0.1:9/> in a comment\n}')
    result = govkg("query", "--sparql", query, "--store", small_store, "--format", "json")
    assert result.returncode == 0, result.stderr


def test_cli_allow_list_reaches_only_the_allowed_endpoint(listener, small_store):
    allowed = govkg("query", "--sparql", service_queries(listener.url)[0], "--store", small_store,
                    "--allow-service", listener.url)
    assert allowed.returncode == 0, allowed.stderr
    assert len(listener.hits) >= 1
    seen = len(listener.hits)
    other = listener.url.replace("/sparql", "/other")
    refused = govkg("query", "--sparql", service_queries(other)[0], "--store", small_store,
                    "--allow-service", listener.url)
    assert refused.returncode == 1 and "SERVICE" in refused.stderr
    assert len(listener.hits) == seen


def test_server_refuses_service_without_sending_anything(listener, small_store, serve_store):
    server = serve_store(small_store)
    for query in service_queries(listener.url):
        status, body = server.sparql(query)
        assert status == 403, (query, status, body)
        assert b"SERVICE" in body
    assert listener.hits == []
    status, _ = server.sparql("ASK { ?s ?p ?o }")
    assert status == 200


def test_server_allow_list(listener, small_store, serve_store):
    server = serve_store(small_store, "--allow-service", listener.url)
    status, body = server.sparql(service_queries(listener.url)[0])
    assert status == 200, body
    assert len(listener.hits) >= 1
