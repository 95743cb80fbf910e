"""The explorer's API, its static files and the SPARQL endpoint, over HTTP on 127.0.0.1."""
from __future__ import annotations

import http.client
import json
import urllib.request
from urllib.error import HTTPError

import pytest

from govkg.serve import is_local
from viewkit import EVIL, LEADS_SENTENCE, start


def get(server, path, accept="application/json"):
    request = urllib.request.Request(server.url + path, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, dict(response.headers), response.read()


def raw_get(server, path):
    """A request whose path is sent exactly as written (no client-side ../ clean-up)."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.putrequest("GET", path, skip_accept_encoding=True)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


def test_page_and_security_headers(server):
    status, headers, body = get(server, "/", "text/html")
    assert status == 200 and b"/static/viz.js" in body
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_graph_search_and_evidence(server):
    data = json.loads(get(server, "/api/graph")[2])
    assert len(data["nodes"]) == 6 and len(data["edges"]) == 3
    hood = json.loads(get(server, "/api/graph?entity=%E5%8E%BF%E5%A7%94%E7%BB%84%E7%BB%87%E9%83%A8&hops=1")[2])
    assert sorted(n["name"] for n in hood["nodes"]) == ["县委组织部", "红色头雁工程"]
    assert hood["edges"][0]["evidence"][0]["sentence"] == LEADS_SENTENCE
    found = json.loads(get(server, "/api/search?q=" + urllib.request.quote("组织部"))[2])
    assert [n["name"] for n in found] == ["县委组织部"]
    with pytest.raises(HTTPError) as missing:
        get(server, "/api/graph?entity=nobody")
    assert missing.value.code == 404


def test_named_queries(server):
    listed = json.loads(get(server, "/api/queries")[2])
    hood = next(q for q in listed if q["name"] == "entity-neighbourhood")
    assert [p["name"] for p in hood["params"]] == ["name"]
    table = json.loads(get(server, "/api/query/entity-neighbourhood?name=" + urllib.request.quote(EVIL))[2])
    assert table["columns"][:3] == ["subject", "relation", "object"]
    assert table["rows"][0][:3] == [EVIL, "PARTICIPATES_IN", "红色头雁工程"]
    with pytest.raises(HTTPError) as bad:
        get(server, "/api/query/entity-neighbourhood")
    assert bad.value.code == 400 and "needs --param name" in json.loads(bad.value.read())["error"]


@pytest.mark.parametrize("path", [
    "/static/../../pyproject.toml", "/static/..%2F..%2Fpyproject.toml", "/static/%2e%2e/cli.py",
    "/static/..%5c..%5cpyproject.toml", "/static/%2Fetc%2Fpasswd", "/static//etc/passwd", "/static/viz.py",
])
def test_static_refuses_path_traversal(server, path):
    status, body = raw_get(server, path)
    assert status == 404 and b"[project]" not in body and b"root:" not in body


def test_static_serves_the_page_files(server):
    status, headers, body = get(server, "/static/vis-network.min.js", "*/*")
    assert status == 200 and headers["content-type"].startswith("text/javascript") and len(body) > 100_000


# ------------------------------------------------------------------ SPARQL
NAMES = "SELECT ?name WHERE { ?e a gk:Organization ; rdfs:label ?name } ORDER BY ?name"


def wrapper(url, query, fmt="json", method="GET"):
    from SPARQLWrapper import SPARQLWrapper

    client = SPARQLWrapper(url + "/sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setMethod(method)
    return client


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparql_select_with_sparqlwrapper(server, method):
    pytest.importorskip("SPARQLWrapper")
    result = wrapper(server.url, NAMES, method=method).queryAndConvert()
    assert [b["name"]["value"] for b in result["results"]["bindings"]] == sorted(["县委组织部", EVIL, "县人民政府"])


def test_sparql_ask_xml_csv_and_construct(server):
    pytest.importorskip("SPARQLWrapper")
    assert wrapper(server.url, "ASK { ?e rdfs:label '县委组织部' }").queryAndConvert()["boolean"] is True
    xml = wrapper(server.url, NAMES, fmt="xml").queryAndConvert()
    assert "县委组织部" in xml.toxml()
    csv = wrapper(server.url, NAMES, fmt="csv").queryAndConvert().decode()
    assert csv.splitlines()[0] == "name" and "县委组织部" in csv
    turtle = get(server, "/sparql?query=" + urllib.request.quote(
        "CONSTRUCT { ?e rdfs:label ?n } WHERE { ?e a gk:Place ; rdfs:label ?n }"), "text/turtle")
    assert turtle[1]["content-type"].startswith("text/turtle") and "测试县".encode() in turtle[2]


def test_rdflib_sparqlstore_can_query(server):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(server.url + "/sparql", returnFormat="json")
    rows = list(store.query("PREFIX gk: <https://w3id.org/govkg/ontology#> "
                            "SELECT ?e WHERE { ?e a gk:Document }"))
    assert len(rows) == 1


def test_sparql_updates_are_refused(server):
    pytest.importorskip("SPARQLWrapper")
    insert = "INSERT DATA { <urn:a> <urn:b> 'c' }"
    with pytest.raises(HTTPError) as refused:
        wrapper(server.url, insert, method="POST").query()
    assert refused.value.code == 403
    for attempt in (lambda: get(server, "/sparql?query=" + urllib.request.quote(insert)),
                    lambda: urllib.request.urlopen(urllib.request.Request(
                        server.url + "/sparql", data=insert.encode(), method="POST",
                        headers={"Content-Type": "application/sparql-update"}))):
        with pytest.raises(HTTPError) as refused:
            attempt()
        assert refused.value.code == 403
    assert "urn:a" not in get(server, "/sparql?query=" + urllib.request.quote("SELECT ?s WHERE { ?s ?p 'c' }"))[2].decode()


def test_sparql_syntax_errors_are_400(server):
    with pytest.raises(HTTPError) as bad:
        get(server, "/sparql?query=SELECT%20WHERE")
    assert bad.value.code == 400


def test_sparql_result_limit_and_timeout(served_store):
    everything = "SELECT * WHERE { ?a ?b ?c }"
    with start(served_store, timeout=10, limit=2) as small:
        status, headers, body = get(small, "/sparql?query=" + urllib.request.quote(everything),
                                    "application/sparql-results+json")
        assert headers["x-govkg-truncated"] == "true"
        assert len(json.loads(body)["results"]["bindings"]) == 2
    endless = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with start(served_store, timeout=0.5, limit=10**9) as slow:
        with pytest.raises(HTTPError) as timed_out:
            get(slow, "/sparql?query=" + urllib.request.quote(endless))
        assert timed_out.value.code == 503 and b"timed out" in timed_out.value.read()


@pytest.mark.parametrize("host, local", [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                         ("0.0.0.0", False), ("192.168.1.5", False), ("example.org", False)])
def test_only_loopback_counts_as_local(host, local):
    assert is_local(host) is local
