"""govkg.view.picture: a PNG or SVG of a view in a CJK font (no missing glyphs), the overview in two
columns with no two names meeting, and a font or format that cannot be used named in one line."""
from __future__ import annotations

import warnings

import pytest

from govkg.errors import UsageError
from govkg.view import ViewGraph, select, write_picture
from govkg.view.data import Edge, Node
from govkg.view.overview import overview
from viewkit import cjk_font_or_skip


@pytest.mark.parametrize("suffix, magic", [("png", b"\x89PNG"), ("svg", b"<?xml")])
def test_picture_draws_chinese_without_missing_glyphs(sample_view, tmp_path, suffix, magic):
    cjk_font_or_skip()
    out = tmp_path / f"graph.{suffix}"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert write_picture(select(sample_view), out) == 5     # the place has no relation: left out
    assert out.read_bytes().startswith(magic)
    assert not [w for w in caught if "missing from" in str(w.message)], [str(w.message) for w in caught]


def test_the_svg_names_the_entities_and_counts_the_types(sample_view, tmp_path):
    cjk_font_or_skip()
    out = tmp_path / "graph.svg"
    write_picture(select(sample_view), out, fmt="SVG")
    svg = out.read_text(encoding="utf-8")
    assert "Organization (3)" in svg and "Program (1)" in svg and "Place" not in svg
    assert "1 entities without relations not drawn" in svg


def test_a_view_without_relations_draws_its_entities(tmp_path):
    cjk_font_or_skip()
    view = ViewGraph(tuple(Node(f"urn:p{i}", f"地名{i}", "Place") for i in range(3)), (), title="places")
    assert write_picture(view, tmp_path / "places.png") == 3


def test_font_from_a_file(sample_view, tmp_path):
    font = cjk_font_or_skip()
    from matplotlib import font_manager

    path = font_manager.findfont(font, fallback_to_default=False)
    write_picture(select(sample_view), tmp_path / "g.png", font=path)
    assert (tmp_path / "g.png").stat().st_size > 10_000


def test_font_from_the_environment_and_by_family(monkeypatch):
    font = cjk_font_or_skip()
    from govkg.view.picture import find_cjk_font

    family = font.get_family()[0]
    monkeypatch.setenv("GOVKG_FONT", family)
    assert find_cjk_font().get_family() == [family]
    monkeypatch.setenv("GOVKG_FONT", "No Such Font Family")
    with pytest.raises(UsageError, match="font 'No Such Font Family' is neither a font file nor an installed family"):
        find_cjk_font()


def test_an_unknown_format_is_refused_before_drawing(sample_view, tmp_path):
    with pytest.raises(UsageError, match="unknown picture format 'jpg'"):
        write_picture(sample_view, tmp_path / "graph.jpg")
    assert not (tmp_path / "graph.jpg").exists()


def test_big_picture_is_the_overview_with_names_apart(tmp_path):
    prop = cjk_font_or_skip()
    from govkg.view.picture import draw_columns

    bodies = [Node(f"urn:o{i}", f"第{i}个县人民政府办公室", "Organization", reports=("a.txt",)) for i in range(30)]
    works = [Node(f"urn:w{i}", f"第{i}项乡村振兴示范工程", "Initiative", reports=tuple(f"r{j}.txt" for j in range(i % 5 + 1)))
             for i in range(200)]
    edges = tuple(Edge(f"urn:o{i % 30}", f"urn:w{i}", "LEADS", (("a.txt", "句。"),)) for i in range(200))
    view = overview(ViewGraph(tuple(bodies + works), edges))
    fig, names = draw_columns(view, prop)
    fig.canvas.draw()
    boxes = [t.get_bbox_patch().get_window_extent() for t in names]
    assert len(boxes) == len(view.nodes)
    assert not [(i, j) for i, a in enumerate(boxes) for j, b in enumerate(boxes[i + 1:], i + 1) if a.overlaps(b)]
    left = {t.get_text() for t in names if t.get_position()[0] < 0}
    assert left == {n.name for n in view.nodes if n.type == "Organization"}
    assert write_picture(view, tmp_path / "overview.png") == len(view.nodes)
    assert (tmp_path / "overview.png").stat().st_size > 20_000


def test_a_cjk_font_installed_after_matplotlib_cached_its_font_list_is_found(monkeypatch):
    """matplotlib reads its font list from a cache made when it was first used; a CJK font
    installed since is still found (here: the installed ones hidden from that list)."""
    font = cjk_font_or_skip()
    from matplotlib import font_manager

    from govkg.view.picture import CJK_FAMILIES, find_cjk_font

    cjk_files = {f.fname for f in font_manager.fontManager.ttflist if f.name in CJK_FAMILIES}
    cached = [f for f in font_manager.fontManager.ttflist if f.fname not in cjk_files]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", cached)
    assert find_cjk_font().get_family() == font.get_family()
    assert any(f.name in CJK_FAMILIES for f in font_manager.fontManager.ttflist)
