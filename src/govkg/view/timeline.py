"""A picture of an entity (or a theme) across years: PNG or SVG with matplotlib, or an HTML page.

One row per issuer that names the entity; a hollow ring marks each report of that issuer, a filled
disc (sized by the statements naming the entity, with their count) marks where it appears, so a
gap in a series shows the years it was left out. For a theme: statements per year, one line per
issuer. The HTML page holds the SVG and the table of evidence sentences, and needs no network.
"""
from __future__ import annotations

import html
import io
from pathlib import Path

from govkg.errors import UsageError

__all__ = ["draw_theme_trend", "draw_timeline", "write_timeline"]

_DISC = "#1f6fb2"
_RING = "#b8b8b8"


def _figure(width: float, height: float):
    from govkg.view.picture import _matplotlib

    _matplotlib()
    import matplotlib.pyplot as plt

    return plt, *plt.subplots(figsize=(width, height), dpi=150)


def draw_timeline(tl, reports, font=None):
    """The figure for a Timeline; ``reports`` (store.reports()) gives each issuer's series."""
    from govkg.view.picture import find_cjk_font

    if not tl.appearances:
        raise UsageError(f"'{tl.name}' is not named in any stored report (looked up: {', '.join(tl.names)})")
    prop = find_cjk_font(font)
    issuers = sorted({a.issuer for a in tl.appearances},
                     key=lambda i: (min(a.year or 0 for a in tl.appearances if a.issuer == i), i))
    years = sorted({a.year for a in tl.appearances if a.year}
                   | {r.year for r in reports if r.year and (r.issuer or "") in issuers})
    plt, fig, ax = _figure(max(6.0, 0.55 * len(years) + 3), 1.2 + 0.55 * len(issuers))
    biggest = max(a.statements for a in tl.appearances)
    for row, issuer in enumerate(issuers):
        stored = sorted({r.year for r in reports if r.year and (r.issuer or "") == issuer})
        ax.scatter(stored, [row] * len(stored), s=120, facecolors="none", edgecolors=_RING, linewidths=1.2, zorder=2)
        per_year: dict[int, int] = {}
        for a in tl.appearances:
            if a.issuer == issuer and a.year:
                per_year[a.year] = per_year.get(a.year, 0) + a.statements
        xs = sorted(per_year)
        ax.plot(xs, [row] * len(xs), color=_DISC, alpha=0.35, linewidth=2, zorder=1)
        ax.scatter(xs, [row] * len(xs), s=[60 + 500 * per_year[x] / biggest for x in xs], color=_DISC, zorder=3)
        for x in xs:
            ax.annotate(str(per_year[x]), (x, row), xytext=(0, 9 + 9 * per_year[x] / biggest), textcoords="offset points",
                        ha="center", fontsize=7, color="#333333")
    ax.set_yticks(range(len(issuers)))
    ax.set_yticklabels([i or "(issuer unknown)" for i in issuers], fontproperties=prop, fontsize=9)
    ax.set_ylim(len(issuers) - 0.4, -0.6)
    ax.set_xticks(years)
    ax.set_xticklabels([str(y) for y in years], rotation=90 if len(years) > 12 else 0, fontsize=8)
    ax.grid(axis="x", color="#eeeeee", zorder=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    first, last = tl.first_seen, tl.last_seen
    ax.set_title(f"{tl.appearances[0].entity}: {len(tl.appearances)} reports, first seen {first.year}, "
                 f"last seen {last.year}", fontproperties=prop, fontsize=11, loc="left")
    ax.set_xlabel("year (filled: statements naming it; ring: a report of the issuer)", fontsize=8)
    fig.tight_layout()
    return plt, fig


def draw_theme_trend(theme: str, trends: dict[str, dict[int, int]], font=None):
    """Statements touching ``theme`` per year, one line per issuer (``trends``: issuer -> {year: n})."""
    from govkg.view.picture import find_cjk_font

    if not any(trends.values()):
        raise UsageError(f"no stored statement has the theme '{theme}' in a report whose issuer is known")
    prop = find_cjk_font(font)
    plt, fig, ax = _figure(8.0, 4.0)
    for issuer, years in sorted(trends.items()):
        if years:
            ax.plot(list(years), list(years.values()), marker="o", label=issuer)
    ax.legend(prop=prop, fontsize=8, frameon=False)
    ax.set_title(f"{theme}: statements per year", fontproperties=prop, loc="left")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    return plt, fig


def write_timeline(fig_and_plt, out: Path, fmt: str, rows: list[tuple] | None = None, title: str = "") -> None:
    """Write the figure as PNG or SVG, or an HTML page with the SVG and a table of ``rows``
    (year, report, issuer, statements, sentence)."""
    plt, fig = fig_and_plt
    try:
        if fmt in ("png", "svg"):
            fig.savefig(out, format=fmt)
            return
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg")
        svg = buffer.getvalue()
        svg = svg[svg.index("<svg"):]
        body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c if c is not None else ''))}</td>" for c in row)
                       + "</tr>" for row in rows or [])
        Path(out).write_text(
            "<!doctype html><html lang=\"zh\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>body{{font-family:sans-serif;margin:2em}}"
            "table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:4px 8px;"
            "vertical-align:top;text-align:left}</style></head><body>"
            f"<h1>{html.escape(title)}</h1>{svg}<table><tr><th>year</th><th>report</th><th>issuer</th>"
            f"<th>statements</th><th>first sentence</th></tr>{body}</table></body></html>",
            encoding="utf-8")
    finally:
        plt.close(fig)
