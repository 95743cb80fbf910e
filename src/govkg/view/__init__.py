"""Pictures of the graph: a self-contained interactive HTML page (vis-network, vendored in
``static/``) and a static PNG or SVG (networkx and matplotlib, the ``govkg[viz]`` extra).

``load_view`` reads the store once, ``select`` applies the filters, and ``write_html`` or
``write_picture`` draws the result. ``govkg serve`` reuses the page's script and data.
"""
from __future__ import annotations

from govkg.view.data import TYPE_COLOURS, ViewGraph, load_view, search, select
from govkg.view.html import render_html, write_html

__all__ = ["TYPE_COLOURS", "ViewGraph", "load_view", "render_html", "search", "select", "write_html",
           "write_picture"]


def write_picture(view, out, fmt=None, font=None):
    """A static PNG or SVG of ``view`` (needs matplotlib: ``pip install 'govkg[viz]'``)."""
    from govkg.view.picture import write_picture as write

    return write(view, out, fmt=fmt, font=font)
