"""The viz page in headless Chromium, opened from file:// with no network."""
from __future__ import annotations

import pytest

from govkg.view import ViewGraph, select, write_html
from govkg.view.data import Edge, Node
from viewkit import EVIL, LEADS_SENTENCE, click_node, new_page, wait_ready, wait_until

pytestmark = pytest.mark.browser


@pytest.fixture
def page_of(browser, tmp_path):
    """Writes a view to HTML and opens it; records every request the page makes."""
    pages = []

    def open_view(view, name="graph.html"):
        path = tmp_path / name
        write_html(view, path)
        page = new_page(browser)
        page.requests = []
        page.on("request", lambda r: page.requests.append(r.url))
        page.goto(path.as_uri())
        wait_ready(page)
        pages.append(page)
        return page

    yield open_view
    for page in pages:
        page.close()


def test_nodes_are_drawn_and_a_click_shows_the_evidence(page_of, sample_view, tmp_path):
    page = page_of(select(sample_view))
    assert page.evaluate("govkgGraph.nodeCount") == 6
    assert page.evaluate("govkgGraph.drawnNodes()") == 6
    assert page.evaluate("govkgGraph.drawnEdges()") == 3
    click_node(page, "县委组织部")
    panel = page.locator("#govkg-panel")
    assert panel.locator("h2").inner_text().strip() == "县委组织部"
    assert LEADS_SENTENCE in panel.inner_text()
    assert "组织部" in panel.locator("dl").inner_text()                  # the alias
    page.screenshot(path=str(tmp_path / "viz.png"))
    assert (tmp_path / "viz.png").stat().st_size > 5_000
    assert all(url.startswith(("file:", "data:", "blob:")) for url in page.requests), page.requests
    assert page.errors == []


def test_search_box_finds_by_alias_and_focuses(page_of, sample_view):
    page = page_of(select(sample_view))
    page.fill("#govkg-search", "组织")
    page.press("#govkg-search", "Enter")
    assert page.locator("#govkg-panel h2").inner_text().strip() == "县委组织部"
    page.fill("#govkg-search", "测试县")
    wait_until(page, "document.querySelectorAll('#govkg-panel .gk-matches li').length === 2")


def test_a_script_name_shows_as_text(page_of, sample_view):
    page = page_of(select(sample_view))
    click_node(page, EVIL)
    assert page.locator("#govkg-panel h2").inner_text().strip() == EVIL
    assert page.locator("#govkg-panel script").count() == 0
    assert page.evaluate("document.querySelectorAll('script').length") == 3
    assert page.errors == []                                              # and no alert() dialog


def test_type_and_theme_filters_hide_nodes(page_of, sample_view):
    page = page_of(select(sample_view))
    page.uncheck("input[data-type=Organization]")
    assert page.evaluate("govkgGraph.drawnNodes()") == 3
    page.check("input[data-type=Organization]")
    page.select_option("#govkg-theme", "rule_of_law")
    assert page.evaluate("govkgGraph.drawnNodes()") == 2


def test_two_thousand_nodes_are_laid_out(page_of):
    types = ("Organization", "Program", "Initiative", "Document", "Place", "Person")
    nodes = tuple(Node(f"urn:n{i}", f"实体{i}号", types[i % 6]) for i in range(2000))
    edges = tuple(Edge(f"urn:n{i}", f"urn:n{(i * 7 + 1) % 600}", "LEADS", (("r.txt", f"第{i}句。"),))
                  for i in range(0, 2000, 2))
    page = page_of(ViewGraph(nodes, edges, title="2000"), "big.html")
    assert page.evaluate("govkgGraph.view.columns")                    # a big graph opens on its overview
    page.click("#govkg-full")
    wait_ready(page)
    assert page.evaluate("govkgGraph.drawnNodes()") == 2000
    assert page.evaluate("govkgGraph.drawnEdges()") == 1000
