"""Make docs/screenshot.png: `govkg viz` of the sample report in headless Chromium, with the most
connected entity clicked so the side panel shows its evidence.

Usage: python scripts/screenshot.py [OUT.png]   (needs chromium and playwright: see docs/viz.md)
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from govkg.pipeline import load_files
from govkg.store import open_store
from govkg.view import load_view, select, write_html

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "xx县2023年政府工作报告.txt"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = open_store(Path(tmp) / "store")
        try:
            load_files([SAMPLE], db)
            view = select(load_view(db))
        finally:
            db.close()
        page_file = Path(tmp) / "graph.html"
        write_html(view, page_file)
        hub = max(view.to_json()["nodes"], key=lambda n: n["degree"])
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 860}, device_scale_factor=1)
            page.goto(page_file.as_uri())
            while not page.evaluate("!!(window.govkgGraph && govkgGraph.ready)"):
                time.sleep(0.1)
            page.evaluate("id => govkgGraph.view.focus(id)", hub["id"])
            page.evaluate("() => govkgGraph.zoom(0.85)")     # near enough for the labels to show
            page.screenshot(path=str(out))
            browser.close()
    print(f"wrote {out}: {len(view.nodes)} entities, {len(view.edges)} relations; panel: {hub['name']}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshot.png")
