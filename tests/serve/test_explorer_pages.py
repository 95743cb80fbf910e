"""The explorer's pages in headless Chromium: answers you can sort, download and follow (entity
pages, the report at the evidence sentence), shareable URLs, keyboard, nothing off the machine."""
from __future__ import annotations

import urllib.parse

import pytest

from viewkit import DOC, EVIL, LEADS_SENTENCE, click_node, new_page, wait_page, wait_ready, wait_until

pytestmark = pytest.mark.browser


@pytest.fixture
def open_page(browser, server):
    pages = []

    def opened(path, graph=False):
        page = new_page(browser)
        page.requests = []
        page.on("request", lambda r: page.requests.append(r.url))
        page.goto(path if path.startswith("http") else server.url + path)
        if graph:
            wait_ready(page)
        pages.append(page)
        return page

    yield opened
    for page in pages:
        assert all(url.startswith(server.url) for url in page.requests), page.requests   # nothing leaves
        assert page.errors == []
        page.close()


def column(page, i):
    return page.locator(f"#query-result tbody tr td:nth-child({i})").all_inner_texts()


def test_results_sort_by_a_clicked_header(open_page):
    page = open_page("/query/entity-neighbourhood?name=" + urllib.parse.quote("红色头雁工程"))
    wait_page(page, "#query-result tbody tr")
    assert column(page, 1) == ["县委组织部", EVIL]                       # the query's own order
    page.click("#query-result th:nth-child(1) button")
    assert column(page, 1) == sorted(["县委组织部", EVIL])
    assert page.get_attribute("#query-result th:nth-child(1)", "aria-sort") == "ascending"
    page.click("#query-result th:nth-child(1) button")
    assert column(page, 1) == sorted(["县委组织部", EVIL], reverse=True)
    assert page.get_attribute("#query-result th:nth-child(1)", "aria-sort") == "descending"


def test_csv_download_has_bom_and_the_rows(open_page, tmp_path):
    page = open_page("/query/organizations-leading")
    wait_page(page, "#query-result tbody tr")
    with page.expect_download() as download:
        page.click("#download-csv")
    path = tmp_path / "rows.csv"
    download.value.save_as(path)
    assert download.value.suggested_filename == "organizations-leading.csv"
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines() == [
        "organization,undertaking,type,report,sentence", f"县委组织部,红色头雁工程,Program,{DOC},{LEADS_SENTENCE}"]


def test_entity_page_json_download_follows_the_sort(open_page, tmp_path):
    page = open_page("/entity?name=" + urllib.parse.quote("红色头雁工程"))
    wait_page(page, "#entity-relations tbody tr")
    page.click("#entity-relations th:nth-child(3) button")               # by entity, descending next
    page.click("#entity-relations th:nth-child(3) button")
    with page.expect_download() as download:
        page.click("#entity-relations .gk-download:text-is('JSON')")
    path = tmp_path / "rows.json"
    download.value.save_as(path)
    import json

    rows = json.loads(path.read_text(encoding="utf-8"))
    assert [r["entity"] for r in rows] == sorted(["县委组织部", EVIL], reverse=True)
    assert {r["sentence"] for r in rows} == {LEADS_SENTENCE, EVIL + "参与“红色头雁”工程。"}


def test_entity_cell_opens_the_entity_page(open_page, server):
    page = open_page("/query/organizations-leading")
    wait_page(page, "#query-result tbody tr")
    page.click("#query-result tbody a:text-is('县委组织部')")
    wait_page(page, "#entity-view h1")
    assert page.locator("#entity-view h1").inner_text().strip() == "县委组织部"
    assert urllib.parse.unquote(page.url) == server.url + "/entity?name=县委组织部"
    assert "组织部" in page.locator("#entity-view dl").inner_text()           # its alias
    assert LEADS_SENTENCE in page.locator("#entity-relations table").inner_text()
    page.go_back()                                                          # history works
    wait_page(page, "#tab-queries.active #query-result tbody tr")


def test_evidence_opens_the_report_at_the_sentence(open_page, server):
    page = open_page("/", graph=True)
    click_node(page, "县委组织部")
    page.click("#govkg-panel a.gk-sentence")
    wait_page(page, "#report-view .gk-hit")
    assert page.locator("#report-view .gk-hit").inner_text() == LEADS_SENTENCE
    assert page.locator("#report-view .gk-hit").count() == 1
    assert page.locator("#report-view h1").inner_text() == "测试县2024年政府工作报告"
    assert "章节 section" in page.locator("#report-section").inner_text()
    assert page.url.startswith(server.url + "/report?doc=")
    visible = page.evaluate("""() => { const r = document.querySelector('.gk-hit').getBoundingClientRect();
                                       return r.top >= 0 && r.bottom <= innerHeight; }""")
    assert visible


def test_a_shared_url_reopens_the_same_view(open_page, browser, server):
    page = open_page("/query/initiatives-by-theme?theme=village_governance")
    wait_page(page, "#query-result tbody tr")
    shared = page.url
    again = open_page(shared)
    wait_page(again, "#query-result tbody tr")
    assert again.input_value("#query-params select[name=theme]") == "village_governance"
    assert "村级治理" in again.locator("#query-params select[name=theme] option:checked").inner_text()
    assert again.locator("#query-result").inner_text() == page.locator("#query-result").inner_text()
    # a sentence of a report, chosen by a click, is in the URL
    report = open_page("/report?doc=" + urllib.parse.quote(DOC))
    wait_page(report, "#report-view .gk-stmt")
    report.locator("#report-view .gk-stmt", has_text="出台").click()
    at = open_page(report.url)
    wait_page(at, "#report-view .gk-hit")
    assert at.locator(".gk-hit").inner_text() == "县人民政府出台《测试县乡村振兴促进办法》。"


def test_themed_graph_keeps_the_leading_body_and_its_url(open_page, server):
    page = open_page("/?theme=village_governance", graph=True)
    assert page.evaluate("govkgGraph.drawnNodes()") == 3
    assert page.evaluate("govkgGraph.nodeIdByName('县委组织部')") is not None      # leads the themed programme
    assert page.input_value("#govkg-theme") == "village_governance"
    page.select_option("#govkg-theme", "rule_of_law")
    wait_until(page, "govkgGraph.ready && govkgGraph.nodeCount === 2")
    assert urllib.parse.unquote(page.url) == server.url + "/?theme=rule_of_law"
    counts = page.locator(".gk-count").all_inner_texts()
    assert counts == ["1", "0", "0", "1", "0", "0"]                          # the legend counts what is shown


def test_theme_menu_and_error_in_the_form(open_page):
    page = open_page("/queries")
    wait_page(page, "#query-params label")
    page.select_option("#query-name", "initiatives-by-theme")
    labels = page.locator("#query-params select[name=theme] option").all_inner_texts()
    assert "村级治理（village_governance）" in labels and len(labels) == 20
    page.click("#query-form button[type=submit]")
    wait_until(page, "document.getElementById('query-status').textContent.includes('needed')")
    assert page.locator("#query-status").inner_text() == "“theme” is needed: choose a theme from the menu"


def test_keyboard_moves_through_rows_and_opens_one(open_page):
    page = open_page("/query/entity-neighbourhood?name=" + urllib.parse.quote("红色头雁工程"))
    wait_page(page, "#query-result tbody tr")
    page.focus("#query-result tbody tr:first-child")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.rowIndex") == 2                # header row is 0
    page.keyboard.press("Enter")
    wait_page(page, "#entity-view h1")
    assert page.locator("#entity-view h1").inner_text().strip() == EVIL


def test_reports_by_themes_drills_into_the_graph(open_page, server):
    page = open_page("/themes")
    wait_page(page, "#themes-view tbody tr")
    headers = page.locator("#themes-view th").all_inner_texts()
    assert headers[:2] == ["report", "year"] and "村级治理" in headers and len(headers) == 2 + 19
    row = page.locator("#themes-view tbody tr").first
    cells = row.locator("td").all_inner_texts()
    counts = dict(zip(headers, cells))
    assert (counts["report"], counts["year"], counts["法治建设"], counts["村级治理"], counts["党的建设"]) == (
        DOC, "2024", "1", "1", "0")
    row.locator("td:nth-child(%d) a" % (headers.index("村级治理") + 1)).click()
    wait_ready(page)
    assert urllib.parse.unquote(page.url) == server.url + f"/?report={DOC}&theme=village_governance"
    assert page.evaluate("govkgGraph.drawnNodes()") == 3
