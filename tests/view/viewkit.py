"""What the view and serve tests share: a small store whose facts are known (including an entity
named like an XSS attack), headless Chromium through Playwright, and a server in a thread."""
from __future__ import annotations

import atexit
import hashlib
import os
import threading
import time
from pathlib import Path

import pytest

from local_ports import free_port

from govkg.model import Entity, Extraction, Relation, Report, Statement

CHROMIUM = Path(os.environ.get("GOVKG_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
EVIL = "<script>alert(1)</script>"
DOC = "测试县2024年政府工作报告.txt"
SENTENCES = (
    "县委组织部牵头实施“红色头雁”工程，推进乡村振兴。",
    EVIL + "参与“红色头雁”工程。",
    "县人民政府出台《测试县乡村振兴促进办法》。",
    "测试县位于北方。",
)
LEADS_SENTENCE = SENTENCES[0]


def _span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def sample_extraction() -> Extraction:
    text = "\n".join(SENTENCES) + "\n"
    starts = [text.index(s) for s in SENTENCES]
    statements = tuple(Statement(start, start + len(s), s, themes=themes) for start, s, themes in zip(
        starts, SENTENCES, (("rural_revitalization",), ("village_governance",), ("rule_of_law",), ())))
    entities = (
        Entity("e1", "Organization", "县委组织部", (_span(text, "县委组织部"),), aliases=("组织部",)),
        Entity("e2", "Program", "红色头雁工程", (_span(text, "红色头雁"), _span(text, "红色头雁", starts[1]))),
        Entity("e3", "Organization", EVIL, (_span(text, EVIL),)),
        Entity("e4", "Organization", "县人民政府", (_span(text, "县人民政府"),), author=True),
        Entity("e5", "Document", "测试县乡村振兴促进办法", (_span(text, "测试县乡村振兴促进办法"),)),
        Entity("e6", "Place", "测试县", (_span(text, "测试县", starts[3]),)),
    )
    relations = (
        Relation("e1", "LEADS", "e2", (starts[0], starts[0] + len(SENTENCES[0]))),
        Relation("e3", "PARTICIPATES_IN", "e2", (starts[1], starts[1] + len(SENTENCES[1]))),
        Relation("e4", "ISSUES", "e5", (starts[2], starts[2] + len(SENTENCES[2]))),
    )
    report = Report(DOC, text, hashlib.sha256(text.encode()).hexdigest(), title="测试县2024年政府工作报告",
                    year=2024)
    return Extraction(report, statements, entities, relations)


def build_store(path: Path) -> Path:
    from govkg.store import open_store

    db = open_store(path)
    try:
        db.put(sample_extraction())
    finally:
        db.close()
    return path


_BROWSER: list = []


def browser_or_skip():
    """One Playwright Chromium for the whole run (closed at exit); skips, or fails under
    GOVKG_REQUIRE_BROWSER=1, when there is none."""
    required = os.environ.get("GOVKG_REQUIRE_BROWSER") == "1"
    reason = None
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is absent (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "playwright is not installed (pip install 'govkg[test]')"
    if reason:
        if required:
            pytest.fail(f"GOVKG_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    if not _BROWSER:
        from playwright.sync_api import sync_playwright

        manager = sync_playwright().start()
        browser = manager.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        _BROWSER.append(browser)
        atexit.register(lambda: (browser.close(), manager.stop()))
    return _BROWSER[0]


def cjk_font_or_skip():
    """The CJK font pictures are drawn with (govkg.view.picture.find_cjk_font); skips where
    matplotlib or such a font is missing."""
    pytest.importorskip("matplotlib")
    from govkg.errors import GovKGError
    from govkg.view.picture import find_cjk_font

    try:
        return find_cjk_font()
    except GovKGError as e:
        pytest.skip(str(e))


def new_page(browser):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("dialog", lambda d: (page.errors.append("dialog: " + d.message), d.dismiss()))
    return page


def wait_until(page, expression: str, timeout: float = 60.0) -> None:
    """Poll a JS expression from Python (page.wait_for_function evaluates text, which the
    explorer's Content-Security-Policy forbids)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {expression}")
        time.sleep(0.1)


def wait_ready(page, timeout: float = 60.0) -> None:
    wait_until(page, "!!(window.govkgGraph && window.govkgGraph.ready)", timeout)


def click_node(page, name: str) -> None:
    """Click where the node is drawn, as a user would."""
    node_id = page.evaluate("name => govkgGraph.nodeIdByName(name)", name)
    assert node_id is not None, name
    point = page.evaluate("id => govkgGraph.position(id)", node_id)
    box = page.locator("#govkg-graph").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


class ServerThread:
    """uvicorn serving ``app`` on a free 127.0.0.1 port in a background thread."""

    def __init__(self, app):
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self):
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(timeout=20)


def start(db, **limits) -> ServerThread:
    """The explorer over ``db`` in a ServerThread (use as a context manager)."""
    from govkg.serve import create_app

    return ServerThread(create_app(db, **limits))


def overlapping_boxes(page) -> list:
    """Pairs of drawn nodes whose boxes (shape and label, vis-network's getBoundingBox) meet."""
    boxes = page.evaluate("""() => {
      const net = govkgGraph.view.network;
      return net.body.nodeIndices.map(id => [govkgGraph.view.data.nodes[id].name, net.getBoundingBox(id)]);
    }""")
    found = []
    for i, (a, p) in enumerate(boxes):
        for b, q in boxes[i + 1:]:
            if p["left"] < q["right"] and q["left"] < p["right"] and p["top"] < q["bottom"] and q["top"] < p["bottom"]:
                found.append((a, b))
    return found


def wait_page(page, selector: str, timeout: float = 30.0) -> None:
    """Wait for an element of an explorer page (the pages other than the graph)."""
    page.wait_for_selector(selector, timeout=timeout * 1000)
