"""The files `govkg viz` writes: a self-contained, escaped HTML page and PNG/SVG pictures."""
from __future__ import annotations

import json
import re
import warnings

import pytest

from govkg.errors import GovKGError
from govkg.view import render_html, select
from govkg.view.html import script_json
from testkit import run_cli
from viewkit import EVIL


def test_script_json_cannot_close_the_script_element():
    data = {"name": EVIL + "</SCRIPT><!-- & \u2028"}
    text = script_json(data)
    assert not re.search(r"[<>&\u2028]", text)
    assert json.loads(text) == data


def test_page_is_self_contained_and_escaped(sample_view):
    page = render_html(sample_view)
    assert EVIL not in page and "alert(1)" in page           # present, but only as escaped JSON
    assert page.count("</script>") == 3                       # data, vis-network, viz.js
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", page, re.I)
    assert "vis-network" in page and "window.GovKG" in page
    assert not re.search(r"https?://[^\s\"')]*\.(js|css)\b", page)


def test_cli_writes_html(sample_store, tmp_path):
    out = tmp_path / "graph.html"
    result = run_cli("viz", "-o", out, "--store", sample_store, "--type", "Organization")
    assert result.exit_code == 0, result.output
    assert "wrote 3 entities" in result.output
    data = re.search(r'<script type="application/json" id="govkg-data">(.*?)</script>', out.read_text(), re.S)
    assert sorted(n["type"] for n in json.loads(data.group(1))["nodes"]) == ["Organization"] * 3


def test_cli_reports_bad_filters_in_one_line(sample_store, tmp_path):
    result = run_cli("viz", "-o", tmp_path / "g.html", "--store", sample_store, "--entity", "nobody")
    assert result.exit_code == 1 and "no entity named 'nobody'" in result.output


def _cjk_font_or_skip():
    from govkg.view.picture import find_cjk_font

    try:
        return find_cjk_font()
    except GovKGError as e:
        pytest.skip(str(e))


@pytest.mark.parametrize("suffix, magic", [("png", b"\x89PNG"), ("svg", b"<?xml")])
def test_picture_draws_chinese_without_missing_glyphs(sample_view, tmp_path, suffix, magic):
    pytest.importorskip("matplotlib")
    _cjk_font_or_skip()
    from govkg.view import write_picture

    out = tmp_path / f"graph.{suffix}"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert write_picture(select(sample_view), out) == 5     # the place has no relation: left out
    assert out.read_bytes().startswith(magic)
    assert not [w for w in caught if "missing from" in str(w.message)], [str(w.message) for w in caught]


def test_a_missing_font_is_one_line_naming_what_to_install(sample_store, tmp_path):
    pytest.importorskip("matplotlib")
    result = run_cli("viz", "-o", tmp_path / "g.png", "--store", sample_store, "--font", "No Such Font Family")
    assert result.exit_code == 1
    assert "apt-get install fonts-noto-cjk" in result.output and "--font" in result.output


def test_font_from_a_file(sample_view, tmp_path):
    font = _cjk_font_or_skip()
    from matplotlib import font_manager

    from govkg.view import write_picture

    path = font_manager.findfont(font, fallback_to_default=False)
    write_picture(select(sample_view), tmp_path / "g.png", font=path)
    assert (tmp_path / "g.png").stat().st_size > 10_000


def test_big_picture_is_the_overview_with_names_apart(tmp_path):
    pytest.importorskip("matplotlib")
    prop = _cjk_font_or_skip()
    from govkg.view import ViewGraph, write_picture
    from govkg.view.data import Edge, Node
    from govkg.view.overview import overview
    from govkg.view.picture import draw_columns

    bodies = [Node(f"urn:o{i}", f"第{i}个县人民政府办公室", "Organization", reports=("a.txt",)) for i in range(30)]
    works = [Node(f"urn:w{i}", f"第{i}项乡村振兴示范工程", "Initiative", reports=tuple(f"r{j}.txt" for j in range(i % 5 + 1)))
             for i in range(200)]
    edges = tuple(Edge(f"urn:o{i % 30}", f"urn:w{i}", "LEADS", (("a.txt", "句。"),)) for i in range(200))
    view = overview(ViewGraph(tuple(bodies + works), edges))
    assert len([n for n in view.nodes if n.type == "Initiative"]) == 20
    assert all(len(n.reports) == 5 for n in view.nodes if n.type == "Initiative")     # named by the most
    fig, names = draw_columns(view, prop)
    fig.canvas.draw()
    boxes = [t.get_bbox_patch().get_window_extent() for t in names]
    assert len(boxes) == len(view.nodes)
    assert not [(i, j) for i, a in enumerate(boxes) for j, b in enumerate(boxes[i + 1:], i + 1) if a.overlaps(b)]
    assert write_picture(view, tmp_path / "overview.png") == len(view.nodes)
    assert (tmp_path / "overview.png").stat().st_size > 20_000
