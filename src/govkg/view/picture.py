"""A static picture of a view (PNG or SVG) with networkx and matplotlib, in a CJK font.

The font is, in order: ``font`` (a font file or a family name), the ``GOVKG_FONT`` environment
variable, or the first installed family of ``CJK_FAMILIES``. Without one, Chinese would be drawn as
empty boxes, so ``find_cjk_font`` raises instead and names what to install.
"""
from __future__ import annotations

import os
from pathlib import Path

import networkx as nx

from govkg.errors import UsageError, optional_import
from govkg.view.data import TYPE_COLOURS, ViewGraph

__all__ = ["CJK_FAMILIES", "draw_columns", "find_cjk_font", "write_picture"]

CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
                "Noto Serif CJK SC", "AR PL UMing CN", "SimHei", "Microsoft YaHei", "PingFang SC",
                "Heiti SC", "Noto Sans CJK JP", "Noto Sans CJK TC")
INSTALL_HINT = ("install one (Debian/Ubuntu: apt-get install fonts-noto-cjk) or pass --font "
                "PATH_OR_FAMILY (env GOVKG_FONT)")
FORMATS = ("png", "svg")


def _matplotlib():
    matplotlib = optional_import("matplotlib", "viz", "a PNG or SVG picture")
    matplotlib.use("Agg")
    from matplotlib import font_manager

    return font_manager


def find_cjk_font(spec: str | None = None):
    """The FontProperties to draw Chinese with; raises UsageError when there is none."""
    font_manager = _matplotlib()
    spec = spec or os.environ.get("GOVKG_FONT") or None
    if spec and Path(spec).is_file():
        font_manager.fontManager.addfont(spec)
        return font_manager.FontProperties(fname=spec)
    family = _installed_family(font_manager, spec)
    if family is None and _add_new_fonts(font_manager):
        family = _installed_family(font_manager, spec)
    if family:
        return font_manager.FontProperties(family=family)
    if spec:
        raise UsageError(f"font '{spec}' is neither a font file nor an installed family; {INSTALL_HINT}")
    raise UsageError(f"no CJK font found to draw Chinese; {INSTALL_HINT}")


def _installed_family(font_manager, spec: str | None) -> str | None:
    """``spec`` if it is a family matplotlib knows, else (no spec) the first known CJK family."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((family for family in ([spec] if spec else CJK_FAMILIES) if family in installed), None)


def _add_new_fonts(font_manager) -> bool:
    """Add the system's fonts matplotlib does not list: it keeps its font list in a cache made
    when first used, so a font installed since (apt-get install fonts-noto-cjk) is otherwise
    never seen. Whether any was added."""
    known = {f.fname for f in font_manager.fontManager.ttflist}
    added = False
    for path in font_manager.findSystemFonts():
        if path not in known:
            try:
                font_manager.fontManager.addfont(path)
                added = True
            except (OSError, RuntimeError, ValueError):      # a file matplotlib cannot read: not a font for us
                pass
    return added


def _component_layout(graph: nx.Graph) -> dict:
    if len(graph) <= 2:
        return {n: (i - (len(graph) - 1) / 2, 0.0) for i, n in enumerate(graph)}
    if len(graph) < 500:      # networkx's spring layout needs scipy beyond; forceatlas2 does not
        pos = nx.spring_layout(graph, seed=7, iterations=100)
    else:
        pos = nx.forceatlas2_layout(graph, max_iter=60, seed=7, scaling_ratio=3.0)
    return dict(zip(pos, nx.rescale_layout(__import__("numpy").array(list(pos.values())))))


def _layout(graph: nx.Graph) -> dict:
    """Each connected component laid out alone, in a square sized to it, the squares packed in rows."""
    parts = sorted((graph.subgraph(c) for c in nx.connected_components(graph)), key=len, reverse=True)
    sides = [len(p) ** 0.5 + 1.0 for p in parts]
    width = max(max(sides, default=1.0), 1.3 * sum(s * s for s in sides) ** 0.5)
    pos, x, y, row = {}, 0.0, 0.0, 0.0
    for part, side in zip(parts, sides):
        if x + side > width and x > 0:
            x, y, row = 0.0, y - row, 0.0
        for node, (px, py) in _component_layout(part).items():
            pos[node] = (x + side / 2 + px * side * 0.42, y - side / 2 + py * side * 0.42)
        x, row = x + side, max(row, side)
    return pos


def draw_columns(view: ViewGraph, prop):
    """The overview (govkg.view.overview) as a figure: bodies in the left column, undertakings in the
    right, a line for each LEADS, every name written, one per row, so no two names meet. Returns the
    figure and the name artists."""
    import matplotlib.pyplot as plt

    graph = nx.DiGraph()
    left = [n.iri for n in view.nodes if n.type == "Organization"]
    for n in view.nodes:
        graph.add_node(n.iri, name=n.name, type=n.type)
    graph.add_edges_from((e.head, e.tail) for e in view.edges)
    right = [n.iri for n in view.nodes if n.type != "Organization"]
    rows = max(len(left), len(right), 1)
    # each column in the overview's order (most reports, most led first), top to bottom
    pos = {iri: (x, 1 - 2 * (i + (rows - len(column)) / 2) / max(rows - 1, 1))
           for x, column in ((-1.0, left), (1.0, right)) for i, iri in enumerate(column)}
    fig, ax = plt.subplots(figsize=(11, max(4.0, 0.34 * rows + 1.2)), dpi=150)
    ax.set_axis_off()
    for head, tail in graph.edges:
        (x1, y1), (x2, y2) = pos[head], pos[tail]
        ax.plot([x1, x2], [y1, y2], color="#9aa0a6", linewidth=0.8, alpha=0.8, zorder=1)
    names = []
    for node, (x, y) in pos.items():
        data = graph.nodes[node]
        names.append(ax.text(x, y, data["name"], ha="right" if node in left else "left", va="center", zorder=2,
                             fontproperties=prop, fontsize=10, color="white",
                             bbox={"boxstyle": "round,pad=0.3", "fc": TYPE_COLOURS[data["type"]], "ec": "none"}))
    ax.set_xlim(-2.2, 2.2)
    ax.set_ylim(min((y for _, y in pos.values()), default=-1) - 0.05, max((y for _, y in pos.values()), default=1) + 0.05)
    ax.set_title(f"{view.title}: the undertakings named by the most reports (right) and the bodies leading "
                 f"them (left), of {view.total_nodes} entities", fontproperties=prop, fontsize=12)
    return fig, names


def write_picture(view: ViewGraph, out: Path, fmt: str | None = None, font: str | None = None,
                  labels: int = 80) -> int:
    """Draw ``view`` to ``out``: nodes coloured by type and sized by degree, the ``labels`` most
    connected entities named, relation types on the edges when there are few. Entities without a
    relation are left out when some have one (the HTML page shows them). Returns the node count."""
    out = Path(out)
    fmt = (fmt or out.suffix.lstrip(".") or "png").lower()
    if fmt not in FORMATS:
        raise UsageError(f"unknown picture format '{fmt}' (png or svg; html is the default format)")
    prop = find_cjk_font(font)
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    if view.layout == "columns":
        fig, _ = draw_columns(view, prop)
        out.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(out, format=fmt, bbox_inches="tight", facecolor="white")
        plt.close(fig)
        return len(view.nodes)

    linked = {e.head for e in view.edges} | {e.tail for e in view.edges}
    nodes = [n for n in view.nodes if n.iri in linked] or list(view.nodes)
    graph = nx.MultiDiGraph()
    for n in nodes:
        graph.add_node(n.iri, name=n.name, type=n.type)
    for e in view.edges:
        graph.add_edge(e.head, e.tail, type=e.type)
    simple = nx.Graph(graph)
    pos = _layout(simple)
    degree = dict(simple.degree())
    size = 14 if len(graph) > 600 else 10
    sizes = [40 + 60 * degree[n] ** 0.5 for n in graph]
    fig, ax = plt.subplots(figsize=(size * 1.4, size), dpi=150)
    ax.set_axis_off()
    nx.draw_networkx_edges(graph, pos, ax=ax, edge_color="#9aa0a6", width=0.7, alpha=0.8, arrows=True,
                           arrowsize=7, node_size=sizes)
    nx.draw_networkx_nodes(graph, pos, ax=ax, node_color=[TYPE_COLOURS[graph.nodes[n]["type"]] for n in graph],
                           node_size=sizes, linewidths=0.5, edgecolors="white")
    named = sorted(graph, key=lambda n: (-degree[n], graph.nodes[n]["name"]))[:labels]
    for n in named:
        x, y = pos[n]
        ax.annotate(graph.nodes[n]["name"], (x, y), xytext=(0, 6), textcoords="offset points", ha="center",
                    fontproperties=prop, fontsize=8 if degree[n] < 3 else 10, color="#222",
                    bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7})
    if graph.number_of_edges() <= 60:
        edge_labels = {(h, t): d["type"] for h, t, d in graph.edges(data=True)}
        nx.draw_networkx_edge_labels(nx.DiGraph(graph), pos, edge_labels=edge_labels, ax=ax, font_size=6,
                                     font_color="#555", bbox={"fc": "white", "ec": "none", "alpha": 0.6})
    present = [t for t in TYPE_COLOURS if any(n.type == t for n in nodes)]
    handles = [Line2D([], [], marker="o", ls="", color=TYPE_COLOURS[t], markersize=8,
                      label=f"{t} ({sum(n.type == t for n in nodes)})") for t in present]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, prop=prop)
    left_out = len(view.nodes) - len(nodes)
    ax.set_title(f"{view.title}: {len(nodes)} entities, {len(view.edges)} relations"
                 + (f" ({left_out} entities without relations not drawn)" if left_out else ""),
                 fontproperties=prop, fontsize=13)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, format=fmt, bbox_inches="tight", facecolor="white")
    plt.close(fig)
    return len(nodes)
