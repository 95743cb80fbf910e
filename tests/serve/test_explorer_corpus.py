"""The explorer over real reports of ../shared/corpus in headless Chromium: the overview is
readable (no two labels meet at the default zoom), a report filter keeps its author's relations,
an entity page shows its timeline, a report page its series and the diff with its neighbours.

The screenshots of docs/viz.md (overview, entity page, report page, diff) are taken here: into
docs/ when GOVKG_SCREENSHOTS=docs, into the folder it names when it names another, else into a
temporary folder (so a test run does not rewrite the checkout's pictures)."""
from __future__ import annotations

import os
import urllib.parse
from pathlib import Path

import pytest

from testkit import POVERTY_2018
from viewkit import new_page, overlapping_boxes, start, wait_page, wait_ready, wait_until

pytestmark = pytest.mark.browser

DOCS = Path(__file__).resolve().parents[2] / "docs"
REPORTS = ("gwr-national-2019.txt", "gwr-national-2023.txt", "gwr-guizhou-2026.txt", "gwr-zhejiang-2026.txt",
           "gwr-hailar-district-2015.txt", "gwr-hailar-district-2016.txt", "gwr-hailar-district-2018.txt",
           "summary-county-organization-2021.txt", "policy-national-2018-rural-revitalization-opinions.txt")
COUNTY = "summary-county-organization-2021.txt"
HAILAR = ("gwr-hailar-district-2015.txt", "gwr-hailar-district-2016.txt", "gwr-hailar-district-2018.txt")


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    """Where the screenshots go: GOVKG_SCREENSHOTS=docs (the docs/ folder) or a folder, else a temporary one."""
    wanted = os.environ.get("GOVKG_SCREENSHOTS", "")
    if not wanted:
        return tmp_path_factory.mktemp("screenshots")
    folder = DOCS if wanted == "docs" else Path(wanted)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


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
        running.store = db
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


def test_overview_labels_do_not_meet_at_the_default_zoom(page, corpus_server, shots):
    page.goto(corpus_server.url + "/")
    wait_ready(page)
    assert page.evaluate("govkgGraph.view.columns")
    drawn = page.evaluate("govkgGraph.drawnNodes()")
    assert drawn >= 20
    assert overlapping_boxes(page) == []
    font = page.evaluate("govkgGraph.view.network.getScale() * 16")
    assert font >= 9, f"labels drawn at {font:.1f} px"
    page.screenshot(path=str(shots / "explorer-overview.png"))
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


def test_entity_and_report_pages(page, corpus_server, shots):
    page.goto(corpus_server.url + "/entity?name=" + urllib.parse.quote("乡村振兴"))
    wait_page(page, "#entity-relations tbody tr")
    assert page.locator("#entity-view h1").inner_text().strip() == "乡村振兴"
    wait_page(page, "#entity-timeline tbody tr")
    page.screenshot(path=str(shots / "explorer-entity.png"))
    rows = page.evaluate("""() => [...document.querySelectorAll('#entity-relations tbody tr')].map(
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


def timeline_rows(page):
    return page.evaluate("""() => [...document.querySelectorAll('#entity-timeline tbody tr')].map(
        tr => [...tr.querySelectorAll('td')].map(td => td.textContent))""")


def test_entity_page_shows_its_timeline(page, corpus_server):
    from govkg.series import timeline

    page.goto(corpus_server.url + "/entity?name=" + urllib.parse.quote("脱贫攻坚"))
    wait_page(page, "#entity-timeline tbody tr")
    kind = page.locator("#entity-view .gk-facts dd").first.inner_text()
    expected = [[str(a.year), a.report, a.issuer, str(a.statements), a.entity, a.type, a.sentence]
                for a in timeline(corpus_server.store, "脱贫攻坚").appearances if a.type == kind]
    assert timeline_rows(page) == expected and len(expected) >= 3
    # read in gwr-hailar-district-2018.txt (testkit.POVERTY_2018): the first of its statements is this one
    hailar = next(r for r in expected if r[1] == HAILAR[2])
    assert hailar[:3] + hailar[4:] == ["2018", HAILAR[2], "海拉尔区人民政府", "脱贫攻坚", "Initiative", "脱贫攻坚扎实推进。"]
    assert int(hailar[3]) in POVERTY_2018
    # the years strip: Hailar's 2015 and 2016 reports do not name it (a gap), 2018's does
    years = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('#entity-timeline .gk-year')]
        .map(li => [li.querySelector('.gk-year-label').textContent, li.classList.contains('gk-absent')]))""")
    assert years["2015"] is True and years["2016"] is True and years["2018"] is False
    # keyboard: into the table, down to Hailar 2018's row, Enter opens its report
    row = [r[1] for r in expected].index(HAILAR[2])
    page.focus("#entity-timeline tbody tr:first-child")
    for _ in range(row):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    wait_page(page, "#report-view .gk-stmt")
    assert page.locator("#report-view h1").inner_text() == "2018年海拉尔区政府工作报告"
    # the evidence sentence of the timeline opens the report there, highlighted
    page.go_back()
    wait_page(page, "#entity-timeline tbody tr")
    page.locator("#entity-timeline tbody tr", has_text=HAILAR[2]).locator("td:last-child a").click()
    wait_page(page, "#report-view .gk-hit")
    assert page.locator(".gk-hit").inner_text() == "脱贫攻坚扎实推进。"


def fits(page, selector):
    """The element is drawn inside the 1280×800 window, and the page does not scroll sideways."""
    box = page.locator(selector).bounding_box()
    wide = page.evaluate("document.documentElement.scrollWidth")
    return box and box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= 1280 \
        and box["y"] + box["height"] <= 800 and wide <= 1280


def test_report_page_links_its_series_and_the_diff(page, corpus_server, shots):
    from govkg.series import diff

    page.goto(corpus_server.url + "/report?doc=gwr-national-2019.txt")
    wait_page(page, "#report-next")
    assert page.locator("#report-previous").count() == 0                  # the first 国务院 report stored
    assert urllib.parse.unquote(page.get_attribute("#report-next", "href")) == "/report?doc=gwr-national-2023.txt"

    sentence = "脱贫攻坚取得决定性进展。"   # not in this report: a miss is said, not hidden
    page.goto(corpus_server.url + "/report?" + urllib.parse.urlencode({"doc": HAILAR[1], "sentence": sentence}))
    wait_page(page, "#report-next")
    assert "not found" in page.locator("#report-status").inner_text()
    page.locator("#report-view .gk-stmt", has_text="三严三实").first.click()
    assert page.locator("#report-status").inner_text() == ""
    page.goto(page.url)                                                   # the clicked sentence's address
    wait_page(page, "#report-view .gk-hit")
    assert "三严三实" in page.locator(".gk-hit").inner_text()
    assert page.locator("#report-series strong").inner_text() == "2016"
    assert [a.split("=")[-1] for a in page.locator("#report-series > a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")] == [HAILAR[0], HAILAR[2]]
    for link in ("#report-previous", "#report-diff-previous", "#report-diff-next", "#report-next"):
        assert fits(page, link), link
    page.screenshot(path=str(shots / "explorer-report.png"))

    page.focus("#report-diff-next")                                       # keyboard: Enter follows the link
    page.keyboard.press("Enter")
    wait_page(page, "#diff-table tbody tr")
    assert urllib.parse.unquote(page.url).startswith(
        corpus_server.url + f"/diff?before={HAILAR[1]}&after={HAILAR[2]}")
    expected = diff(corpus_server.store, HAILAR[1], HAILAR[2])
    counts = page.locator("#diff-view .gk-switch button").all_inner_texts()
    assert counts == [f"新增 new ({len(expected.new)})", f"不再提及 dropped ({len(expected.dropped)})",
                      f"延续 continued ({len(expected.continued)})"]
    rows = page.evaluate("""() => [...document.querySelectorAll('#diff-table tbody tr')].map(
        tr => [...tr.querySelectorAll('td')].map(td => td.textContent))""")
    assert sorted(map(tuple, rows)) == sorted((c.name, c.type, str(c.statements), c.report, c.sentence)
                                              for c in expected.new)
    assert [int(r[2]) for r in rows] == sorted((int(r[2]) for r in rows), reverse=True)   # most named first
    assert [n for n in ("三大攻坚战", "乡村振兴", "脱贫攻坚") if n not in [r[0] for r in rows]] == []
    assert fits(page, "#diff-continued")
    page.screenshot(path=str(shots / "explorer-diff.png"))

    page.focus("#diff-dropped")                                            # keyboard: the buttons
    page.keyboard.press("Enter")
    assert page.get_attribute("#diff-dropped", "aria-pressed") == "true"
    dropped = page.locator("#diff-table tbody td:first-child").all_inner_texts()
    assert "三严三实" in dropped and len(dropped) == len(expected.dropped)
    shared = page.url                                                     # the list chosen is in the address
    assert shared.endswith("&show=dropped")
    page.goto(corpus_server.url + "/")
    page.goto(shared)
    wait_page(page, "#diff-table tbody tr")
    assert page.get_attribute("#diff-dropped", "aria-pressed") == "true"
    assert page.locator("#diff-table tbody td:first-child").all_inner_texts() == dropped
    # the evidence of a dropped undertaking is in the earlier report
    page.locator("#diff-table tbody tr", has_text="三严三实").first.locator("td:last-child a").click()
    wait_page(page, "#report-view .gk-hit")
    assert page.locator("#report-view h1").inner_text() == "2016年海拉尔区政府工作报告"
    assert "三严三实" in page.locator(".gk-hit").inner_text()
    page.go_back()
    wait_page(page, "#diff-table tbody tr")
    page.click("#diff-earlier")                                           # along the series
    wait_page(page, "#diff-table tbody tr")
    assert urllib.parse.unquote(page.url).startswith(corpus_server.url + f"/diff?before={HAILAR[0]}&after={HAILAR[1]}")
    assert page.locator("#diff-later").count() == 1
    page.goto(corpus_server.url + "/diff?after=" + HAILAR[2])             # one report: against its previous
    wait_page(page, "#diff-table tbody tr")
    assert page.locator("#diff-view h1").inner_text() == "2016年海拉尔区政府工作报告 → 2018年海拉尔区政府工作报告"
    page.goto(corpus_server.url + "/diff?after=" + HAILAR[0])             # the first of its series: said so
    wait_until(page, "document.getElementById('diff-status').textContent.includes('no earlier report')")


def test_a_named_query_shows_a_page_and_links_the_next(page, corpus_server):
    """/api/query without a limit answers a page (100 rows, like govkg query), not every row up to
    the server's limit; the next page is a link with an address, and a download still has them all."""
    import json

    from govkg import settings

    whole = corpus_server.store.run_named("metrics", {}).rows
    assert len(whole) > settings.QUERY_PAGE + 1
    page.goto(corpus_server.url + "/query/metrics")
    wait_page(page, "#query-result tbody tr")
    assert page.locator("#query-result tbody tr").count() == settings.QUERY_PAGE
    assert page.locator("#query-status").inner_text().startswith(f"rows 1–{settings.QUERY_PAGE}")
    page.click("#query-status a.next-page")
    wait_until(page, "location.search.includes('offset=')")
    wait_page(page, "#query-result tbody tr")
    assert urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query)["offset"] == [str(settings.QUERY_PAGE)]
    wait_until(page, f"document.getElementById('query-status').textContent.startsWith('rows {settings.QUERY_PAGE + 1}')")
    shown = page.evaluate("[...document.querySelectorAll('#query-result tbody tr:first-child td')].map(td => td.textContent)")
    assert shown[1] == str(whole[settings.QUERY_PAGE][1])           # the value column of the 101st row
    download = page.evaluate("fetch('/api/query/metrics?format=json').then(r => r.text())")
    assert len(json.loads(download)) == min(len(whole), 1000)
