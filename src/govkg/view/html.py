"""One self-contained HTML page for a view: vis-network, the page's script and style and the data
are all inlined, so the file opens from file:// with no network.

The data travels as JSON inside ``<script type="application/json">`` with ``<``, ``>`` and ``&``
written as ``\\u003c``... so no name or sentence can close the element; the page's script puts
text on screen with ``textContent`` only.
"""
from __future__ import annotations

import html
import json
from importlib.resources import files
from pathlib import Path
from string import Template

from govkg.view.data import ViewGraph

__all__ = ["render_html", "script_json", "static_file", "write_html"]

_HERE = files("govkg.view")
STATIC_FILES = ("vis-network.min.js", "viz.js", "viz.css", "results.js", "across.js", "explorer.js")


def static_file(name: str) -> str:
    """The text of one of the files in ``govkg/view/static`` (a fixed list: no paths from users)."""
    if name not in STATIC_FILES:
        raise KeyError(name)
    return _HERE.joinpath("static", name).read_text(encoding="utf-8")


def template(name: str) -> str:
    return _HERE.joinpath("templates", name).read_text(encoding="utf-8")


def script_json(data) -> str:
    """JSON that is safe inside a <script> element (and in any HTML text)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def _inline_script(source: str) -> str:
    # A script may not contain "</script" (it would end the element); "<\/" means the same in JS.
    return source.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")


def page_data(view: ViewGraph) -> dict:
    """The page's data; a graph too big to read whole also carries its overview, drawn first."""
    from govkg.view.overview import OVERVIEW_ABOVE, overview

    data = view.to_json()
    if len(view.nodes) > OVERVIEW_ABOVE and not view.layout:
        data["overview"] = overview(view).to_json()
    return data


def render_html(view: ViewGraph) -> str:
    return Template(template("viz.html")).substitute(
        title=html.escape(f"govkg: {view.title}"),
        style=static_file("viz.css"),
        data=script_json(page_data(view)),
        vis=_inline_script(static_file("vis-network.min.js")),
        app=_inline_script(static_file("viz.js")),
    )


def write_html(view: ViewGraph, out: Path) -> int:
    """Write the page; returns its size in bytes."""
    text = render_html(view)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))
