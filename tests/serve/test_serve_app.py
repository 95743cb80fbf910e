"""The explorer's API, its static files and the SPARQL endpoint, over HTTP on 127.0.0.1."""
from __future__ import annotations

import http.client
import json
import urllib.request
from urllib.error import HTTPError

import pytest

from govkg.serve import is_local
from viewkit import DOC, EVIL, LEADS_SENTENCE, start


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
    assert bad.value.code == 400 and "“name” is needed" in json.loads(bad.value.read())["error"]


@pytest.mark.parametrize("path, message", [
    ("/api/query/initiatives-by-theme", "“theme” is needed: choose a theme from the menu"),
    ("/api/query/initiatives-by-theme?theme=nope", "“nope” is not a theme: choose one from the menu"),
    ("/api/query/report-summary?colour=red", "this query has no field “colour”"),
])
def test_query_errors_speak_of_the_form(server, path, message):
    with pytest.raises(HTTPError) as bad:
        get(server, path)
    error = json.loads(bad.value.read())["error"]
    assert bad.value.code == 400 and error.startswith(message) and "--param" not in error


def test_query_pickers_know_themes_and_reports(server):
    theme = next(q for q in json.loads(get(server, "/api/queries")[2]) if q["name"] == "initiatives-by-theme")
    assert theme["params"][0]["kind"] == "theme" and theme["kinds"][:1] == ["entity"]
    themes = {t["id"]: t["label"] for t in json.loads(get(server, "/api/themes")[2])}
    assert themes["village_governance"] == "村级治理" and len(themes) == 19
    assert [r["doc"] for r in json.loads(get(server, "/api/reports")[2])] == [DOC]


def test_query_downloads_csv_with_bom_and_json(server):
    path = "/api/query/entity-neighbourhood?name=" + urllib.request.quote("县委组织部")
    status, headers, body = get(server, path + "&format=csv", "*/*")
    assert headers["content-type"].startswith("text/csv") and "attachment" in headers["content-disposition"]
    assert body.startswith(b"\xef\xbb\xbf")
    lines = body.decode("utf-8-sig").splitlines()
    assert lines[0] == "subject,relation,object,report,sentence"
    assert lines[1] == f"县委组织部,LEADS,红色头雁工程,{DOC},{LEADS_SENTENCE}"
    rows = json.loads(get(server, path + "&format=json", "*/*")[2])
    assert rows == [{"subject": "县委组织部", "relation": "LEADS", "object": "红色头雁工程", "report": DOC,
                     "sentence": LEADS_SENTENCE}]


def test_entity_and_report_pages_data(server):
    entity = json.loads(get(server, "/api/entity?name=" + urllib.request.quote("组织部"))[2])
    assert (entity["name"], entity["type"], entity["reports"]) == ("县委组织部", "Organization", [DOC])
    assert entity["relations"] == [{"relation": "LEADS", "direction": "out", "other": "红色头雁工程",
                                    "otherType": "Program", "report": DOC, "sentence": LEADS_SENTENCE}]
    report = json.loads(get(server, "/api/report?doc=" + urllib.request.quote(DOC))[2])
    assert report["title"] == "测试县2024年政府工作报告" and report["author"] == "县人民政府"
    assert [s["text"] for s in report["statements"]][:2] == [LEADS_SENTENCE, EVIL + "参与“红色头雁”工程。"]
    for path in ("/api/entity?name=nobody", "/api/report?doc=other.txt"):
        with pytest.raises(HTTPError) as missing:
            get(server, path)
        assert missing.value.code == 404


def test_pages_have_their_own_urls(server):
    for path in ("/entity?name=x", "/report?doc=x", "/queries", "/query/report-summary?report=x"):
        status, _, body = get(server, path, "text/html")
        assert status == 200 and b"/static/explorer.js" in body


def test_graph_api_theme_keeps_leading_bodies_and_overview_on_request(server):
    themed = json.loads(get(server, "/api/graph?view=auto&theme=village_governance")[2])
    assert sorted(n["name"] for n in themed["nodes"]) == sorted([EVIL, "红色头雁工程", "县委组织部"])
    assert themed["layout"] == ""                                        # small: the node-link view
    over = json.loads(get(server, "/api/graph?view=overview")[2])
    assert over["layout"] == "columns"
    assert sorted(n["name"] for n in over["nodes"]) == ["县委组织部", "红色头雁工程"]


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


def test_across_years_api(server):
    from urllib.parse import quote

    tl = json.loads(get(server, "/api/timeline?name=" + quote("红色头雁工程"))[2])
    assert [(a["year"], a["report"], a["issuer"], a["statements"]) for a in tl["appearances"]] == [
        (2024, DOC, "县人民政府", 2)]
    assert tl["appearances"][0]["sentence"] == LEADS_SENTENCE
    assert tl["years"] == [{"year": 2024, "statements": 2, "reports": 1, "stored": 1}]
    assert tl["firstSeen"] == tl["lastSeen"] == {"year": 2024, "report": DOC, "issuer": "县人民政府"}
    other_type = json.loads(get(server, "/api/timeline?type=Place&name=" + quote("红色头雁工程"))[2])
    assert other_type["appearances"] == [] and other_type["firstSeen"] is None
    chain = json.loads(get(server, "/api/series?doc=" + quote(DOC))[2])
    assert (chain["issuer"], chain["previous"], chain["next"]) == ("县人民政府", None, None)
    assert [r["doc"] for r in chain["series"]] == [DOC]
    for path, message in (("/api/diff?after=" + quote(DOC), "no earlier report"),
                          ("/api/diff?before=" + quote(DOC) + "&after=nope.txt", "not in the store: nope.txt"),
                          ("/api/diff?before=" + quote(DOC), "give the later report"),
                          ("/api/series?doc=nope.txt", "not in the store: nope.txt"),
                          ("/api/timeline?name=", "give the name")):
        with pytest.raises(HTTPError) as missing:
            get(server, path)
        assert missing.value.code == 404 and message in json.loads(missing.value.read())["error"], path
    same = json.loads(get(server, f"/api/diff?before={quote(DOC)}&after={quote(DOC)}")[2])
    assert same["new"] == same["dropped"] == []
    assert {c["name"] for c in same["continued"]} >= {"红色头雁工程", "县委组织部"}
    assert same["earlier"] is None and same["later"] is None


def test_named_queries_and_themes_answer_without_loading_the_whole_graph(served_store, monkeypatch):
    """/api/query, /api/themes and /api/matrix need the theme tree, not every entity and relation
    (which takes minutes on a large store): they answer with the graph view never loaded."""
    import govkg.serve.app as app_module

    def whole_graph(store):
        raise AssertionError("the whole graph was loaded")

    monkeypatch.setattr(app_module, "load_view", whole_graph)
    with start(served_store, timeout=10, limit=1000) as fresh:
        table = json.loads(get(fresh, "/api/query/initiatives-by-theme?theme=village_governance")[2])
        assert table["rows"] and table["limit"] == 100
        themes = json.loads(get(fresh, "/api/themes")[2])
        assert {"id": "village_governance"}.items() <= next(t for t in themes if t["id"] == "village_governance").items()
        assert json.loads(get(fresh, "/api/matrix")[2])
        with pytest.raises(HTTPError) as wrong:
            get(fresh, "/api/query/initiatives-by-theme?theme=nope")
        assert wrong.value.code == 400
