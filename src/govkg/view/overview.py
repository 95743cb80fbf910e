"""The picture of a big graph a person can read: the undertakings (initiatives and programmes)
named by the most reports, and the bodies that lead them, drawn in two columns by vis-network's
hierarchical layout (bodies left, undertakings right). The node-link view is one click further.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from govkg.view.data import UNDERTAKINGS, ViewGraph

__all__ = ["OVERVIEW_ABOVE", "overview"]

OVERVIEW_ABOVE = 150          # graphs with more entities than this open on the overview
_LEADING = ("LEADS",)


def overview(view: ViewGraph, undertakings: int = 20, bodies: int = 20) -> ViewGraph:
    """The ``undertakings`` named by the most reports, the (at most ``bodies``) bodies that lead
    the most of them, and those LEADS relations."""
    chosen = sorted((n for n in view.nodes if n.type in UNDERTAKINGS),
                    key=lambda n: (-len(n.reports), n.name))[:undertakings]
    kept = {n.iri for n in chosen}
    by_iri = {n.iri: n for n in view.nodes}
    leads = [e for e in view.edges if e.type in _LEADING and e.tail in kept
             and by_iri.get(e.head) is not None and by_iri[e.head].type == "Organization"]
    ranked = Counter(e.head for e in leads)
    leaders = {iri for iri, _ in sorted(ranked.items(), key=lambda kv: (-kv[1], by_iri[kv[0]].name))[:bodies]}
    edges = tuple(e for e in leads if e.head in leaders)
    nodes = tuple(sorted((by_iri[i] for i in leaders), key=lambda n: (-ranked[n.iri], n.name))) + tuple(chosen)
    title = f"{view.title} · overview" if view.title != "govkg" else "overview"
    return replace(view, nodes=nodes, edges=edges, title=title, total_nodes=len(view.nodes), layout="columns")
