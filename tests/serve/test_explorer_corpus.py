"""The explorer over real reports of ../shared/corpus in headless Chromium: the overview is
readable (no two labels meet at the default zoom), a report filter keeps its author's relations,
and the screenshots of docs/viz.md (overview, entity page, report page) are taken here."""
from __future__ import annotations

import urllib.parse
from pathlib import Path

import pytest

from viewkit import new_page, overlapping_boxes, start, wait_page, wait_ready

pytestmark = pytest.mark.browser

DOCS = Path(__file__).resolve().parents[2] / "docs"
REPORTS = ("gwr-national-2019.txt", "gwr-national-2023.txt", "gwr-guizhou-2026.txt", "gwr-zhejiang-2026.txt",
           "gwr-hailar-district-2016.txt", "summary-county-organization-2021.txt",
           "policy-national-2018-rural-revitalization-opinions.txt")
COUNTY = "summary-county-organization-2021.txt"


@pytest.fixture(scope="module")
def corpus_server(corpus, tmp_path_factory, browser):
    from govkg.pipeline import load_files
    from govkg.store import open_store

    path = tmp_path_factory.mktemp("corpusstore") / "store"
    db = open_store(path)
    try:
        load_files([corpus / name for name in REPORTS], db)
    finally:
        db.close()
    db = open_store(path, read_only=True)
    with start(db, timeout=10, limit=1000) as running:
        yield running
    db.close()


@pytest.fixture
def page(browser, corpus_server):
    page = new_page(browser)
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    yield page
    assert all(url.startswith(corpus_server.url) for url in page.requests)
    assert page.errors == []
    page.close()


def test_overview_labels_do_not_meet_at_the_default_zoom(page, corpus_server):
    page.goto(corpus_server.url + "/")
    wait_ready(page)
    assert page.evaluate("govkgGraph.view.columns")
    drawn = page.evaluate("govkgGraph.drawnNodes()")
    assert drawn >= 20
    assert overlapping_boxes(page) == []
    font = page.evaluate("govkgGraph.view.network.getScale() * 16")
    assert font >= 9, f"labels drawn at {font:.1f} px"
    page.screenshot(path=str(DOCS / "explorer-overview.png"))
    page.click("#govkg-full")                                          # drilling in: the node-link view
    wait_ready(page)
    assert not page.evaluate("govkgGraph.view.columns") and page.evaluate("govkgGraph.drawnNodes()") == 300


def test_report_filter_keeps_its_author(page, corpus_server):
    page.goto(corpus_server.url + "/?report=" + urllib.parse.quote(COUNTY))
    wait_ready(page)
    data = page.evaluate("govkgGraph.view.data")
    author = next(n for n in data["nodes"] if n["name"] == "县委组织部")   # its issuer, found in the text
    leads = [e for e in data["edges"] if e["from"] == author["id"] and e["type"] == "LEADS"]
    assert len(leads) >= 10
    assert page.input_value("#govkg-report") == COUNTY


def test_entity_and_report_pages(page, corpus_server):
    page.goto(corpus_server.url + "/entity?name=" + urllib.parse.quote("乡村振兴"))
    wait_page(page, "#entity-view tbody tr")
    assert page.locator("#entity-view h1").inner_text().strip() == "乡村振兴"
    page.screenshot(path=str(DOCS / "explorer-entity.png"))
    rows = page.evaluate("""() => [...document.querySelectorAll('#entity-view tbody tr')].map(
        tr => [...tr.querySelectorAll('td')].map(td => td.textContent))""")
    assert rows
    page.goto(corpus_server.url + "/report?" + urllib.parse.urlencode({"doc": COUNTY}))
    wait_page(page, "#report-view .gk-stmt")
    sentence = page.evaluate("""() => [...document.querySelectorAll('#report-view .gk-stmt')]
        .find(s => s.dataset.section.includes('›') && s.textContent.length > 30).textContent""")
    page.goto(corpus_server.url + "/report?" + urllib.parse.urlencode({"doc": COUNTY, "sentence": sentence}))
    wait_page(page, "#report-view .gk-hit")
    assert page.locator(".gk-hit").inner_text() == sentence
    section = page.locator("#report-section").inner_text()
    assert "›" in section and section == "章节 section: " + page.get_attribute(".gk-hit", "data-section")
    page.screenshot(path=str(DOCS / "explorer-report.png"))
