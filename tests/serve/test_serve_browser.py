"""The served explorer in headless Chromium: graph, search, named queries, SPARQL box."""
from __future__ import annotations

import json
import urllib.request

import pytest

from viewkit import EVIL, LEADS_SENTENCE, click_node, new_page, wait_ready, wait_until

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser, server):
    page = new_page(browser)
    page.goto(server.url + "/")
    wait_ready(page)
    yield page
    page.close()


def test_graph_renders_and_click_shows_evidence(page, server, tmp_path):
    with urllib.request.urlopen(server.url + "/api/graph?limit=300") as response:
        expected = len(json.load(response)["nodes"])
    assert page.evaluate("govkgGraph.drawnNodes()") == expected == 6
    click_node(page, "县委组织部")
    assert LEADS_SENTENCE in page.locator("#govkg-panel").inner_text()
    page.screenshot(path=str(tmp_path / "explorer.png"))
    assert page.errors == []                      # nothing blocked by the Content-Security-Policy


def test_search_then_neighbourhood(page):
    page.fill("#govkg-search", "组织部")
    page.press("#govkg-search", "Enter")
    page.locator("#govkg-panel .gk-matches button").first.click()
    wait_until(page, "govkgGraph.ready && govkgGraph.nodeCount === 2")
    assert page.evaluate("govkgGraph.drawnNodes()") == 2
    click_node(page, "红色头雁工程")
    page.locator("#govkg-panel .gk-expand button", has_text="1 hop").click()
    wait_until(page, "govkgGraph.ready && govkgGraph.nodeCount === 3")


def test_script_entity_is_text(page):
    click_node(page, EVIL)
    assert page.locator("#govkg-panel h2").inner_text().strip() == EVIL
    assert page.errors == []


def test_named_query_form(page):
    page.click("a[data-tab=queries]")
    page.select_option("#query-name", "entity-neighbourhood")
    page.fill("#query-params input[name=name]", "县委组织部")
    page.click("#query-form button[type=submit]")
    page.wait_for_selector("#query-result td")
    assert LEADS_SENTENCE in page.locator("#query-result").inner_text()


def test_sparql_box(page):
    page.click("a[data-tab=sparql]")
    page.fill("#sparql-text", "SELECT ?name WHERE { ?e a gk:Organization ; rdfs:label ?name } ORDER BY ?name")
    page.click("#sparql-form button[type=submit]")
    page.wait_for_selector("#sparql-result td")
    assert EVIL in page.locator("#sparql-result").inner_text()
    assert page.locator("#sparql-result script").count() == 0
