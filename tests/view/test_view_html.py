"""govkg.view.html: one self-contained page a view is drawn in: its data escaped so no name can
close the script element, every script inlined, a big graph's overview carried along."""
from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from govkg.view import ViewGraph, render_html, select, write_html
from govkg.view.data import Node
from govkg.view.html import _inline_script, page_data, script_json, static_file
from govkg.view.overview import OVERVIEW_ABOVE, overview
from viewkit import EVIL

DATA = re.compile(r'<script type="application/json" id="govkg-data">(.*?)</script>', re.S)


def test_script_json_cannot_close_the_script_element():
    data = {"name": EVIL + "</SCRIPT><!-- & \u2028"}
    text = script_json(data)
    assert not re.search(r"[<>&\u2028]", text)
    assert json.loads(text) == data


def test_an_inlined_script_cannot_end_its_element_early():
    assert _inline_script('s = "</script><b>"; t = "</SCRIPT>";') == 's = "<\\/script><b>"; t = "<\\/SCRIPT>";'


def test_page_is_self_contained_and_escaped(sample_view):
    page = render_html(sample_view)
    assert EVIL not in page and "alert(1)" in page           # present, but only as escaped JSON
    assert page.count("</script>") == 3                       # data, vis-network, viz.js
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", page, re.I)
    assert "vis-network" in page and "window.GovKG" in page
    assert not re.search(r"https?://[^\s\"')]*\.(js|css)\b", page)


def test_the_title_is_escaped_and_the_data_is_the_views(sample_view):
    chosen = select(sample_view, entity="县委组织部")
    page = render_html(replace(chosen, title=EVIL))
    assert f"<title>govkg: {EVIL}</title>" not in page and "<title>govkg: &lt;script&gt;" in page
    assert json.loads(DATA.search(page).group(1)) == chosen.to_json() | {"title": EVIL}


def _many(n: int) -> ViewGraph:
    return ViewGraph(tuple(Node(f"urn:i{i}", f"举措{i}", "Initiative", reports=("r.txt",)) for i in range(n)), ())


def test_a_big_graph_carries_its_overview_and_a_small_one_does_not():
    assert "overview" not in page_data(_many(OVERVIEW_ABOVE))
    big = page_data(_many(OVERVIEW_ABOVE + 1))
    assert big["overview"]["layout"] == "columns" and len(big["overview"]["nodes"]) == 20
    assert len(big["nodes"]) == OVERVIEW_ABOVE + 1
    assert "overview" not in page_data(overview(_many(OVERVIEW_ABOVE + 1)))     # already the overview


def test_write_html_makes_the_folder_and_counts_bytes(sample_view, tmp_path):
    out = tmp_path / "deep" / "er" / "graph.html"
    size = write_html(sample_view, out)
    assert size == out.stat().st_size > 100_000          # vis-network inlined
    assert out.read_text(encoding="utf-8") == render_html(sample_view)


@pytest.mark.parametrize("name", ["../data.py", "viz.html", "static/viz.js"])
def test_only_the_listed_static_files_are_served(name):
    with pytest.raises(KeyError):
        static_file(name)
    assert "vis" in static_file("vis-network.min.js")
