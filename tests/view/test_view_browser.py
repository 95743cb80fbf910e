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


def starburst(leaves=200):
    """A hub with ``leaves`` initiatives related to nothing else, and a ring of ten bodies."""
    nodes = [Node("urn:hub", "国务院", "Organization")]
    nodes += [Node(f"urn:i{i}", f"举措{i}", "Initiative") for i in range(leaves)]
    nodes += [Node(f"urn:o{i}", f"机构{i}", "Organization") for i in range(10)]
    edges = [Edge("urn:hub", f"urn:i{i}", "LEADS", (("r.txt", f"第{i}句。"),)) for i in range(leaves)]
    edges += [Edge(f"urn:o{i}", f"urn:o{(i + 1) % 10}", "COOPERATES_WITH", (("r.txt", "合作。"),)) for i in range(10)]
    edges += [Edge("urn:hub", "urn:o0", "LEADS", (("r.txt", "领导。"),))]
    return ViewGraph(tuple(nodes), tuple(edges), title="star")


def test_a_starburst_is_grouped_and_a_click_opens_the_group(page_of):
    page = page_of(starburst(), "star.html")
    page.click("#govkg-full")                                 # past the overview
    wait_ready(page)
    groups = page.evaluate("govkgGraph.groups()")
    assert len(groups) == 1
    assert page.evaluate("govkgGraph.view.network.body.nodeIndices.length") == 1 + 10 + 1
    assert page.evaluate("govkgGraph.drawnNodes()") == 211       # every entity is in the drawing
    point = page.evaluate("id => govkgGraph.view.network.canvasToDOM(govkgGraph.view.network.getPosition(id))",
                          groups[0])
    box = page.locator("#govkg-graph").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    assert page.evaluate("govkgGraph.groups()") == []
    assert page.evaluate("govkgGraph.view.network.body.nodeIndices.length") == 211


def test_edge_label_shows_on_hover(page_of, sample_view):
    page = page_of(select(sample_view))
    leads = page.evaluate("govkgGraph.view.data.edges.find(e => e.type === 'LEADS').id")
    assert page.evaluate(f"govkgGraph.view.edges.get({leads}).label") == ""
    ends = page.evaluate(f"""() => {{ const net = govkgGraph.view.network, e = govkgGraph.view.data.edges[{leads}];
        const a = net.canvasToDOM(net.getPosition(e.from)), b = net.canvasToDOM(net.getPosition(e.to));
        return {{x: (a.x + b.x) / 2, y: (a.y + b.y) / 2}}; }}""")
    box = page.locator("#govkg-graph").bounding_box()
    page.mouse.move(box["x"] + ends["x"], box["y"] + ends["y"])
    wait_until(page, f"govkgGraph.view.edges.get({leads}).label === 'LEADS'", timeout=5)
    page.mouse.move(box["x"] + 2, box["y"] + 2)
    wait_until(page, f"govkgGraph.view.edges.get({leads}).label === ''", timeout=5)


def test_theme_choice_refits_and_counts_the_legend(page_of, sample_view):
    page = page_of(select(sample_view))
    before = page.evaluate("govkgGraph.view.network.getViewPosition()")
    page.select_option("#govkg-theme", "village_governance")
    # the themed programme, the body that leads it and the one that takes part
    assert page.evaluate("govkgGraph.view.nodes.get({filter: n => !n.hidden}).length") == 3
    assert page.locator(".gk-count").all_inner_texts() == ["2", "1", "0", "0", "0", "0"]
    assert page.evaluate("govkgGraph.view.network.getViewPosition()") != before
