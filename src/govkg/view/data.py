"""The graph a view shows: entities with their aliases, reports and themes, relations with their
evidence sentences, and the filters that cut it down (theme, report, type, an entity's
neighbourhood, a node limit).

``load_view(store)`` reads everything once; ``select(view, ...)`` filters it in memory, so the
explorer can answer many requests from one load. ``ViewGraph.to_json()`` is what the pages draw.
"""
from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, field, replace

from govkg import settings
from govkg.errors import UsageError
from govkg.export import to_networkx
from govkg.model import ENTITY_TYPES
from govkg.named_queries import internal_query
from govkg.store import GraphStore

__all__ = ["TYPE_COLOURS", "Edge", "Node", "ViewGraph", "load_view", "search", "select", "theme_tree"]

# Tableau 10: distinguishable, and readable under black or white labels.
TYPE_COLOURS = {"Organization": "#4e79a7", "Program": "#f28e2b", "Initiative": "#59a14f",
                "Document": "#e15759", "Place": "#76b7b2", "Person": "#b07aa1"}


@dataclass(frozen=True)
class Node:
    iri: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    reports: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Edge:
    head: str                                  # node IRIs
    tail: str
    type: str
    evidence: tuple[tuple[str, str], ...]      # (report, sentence), in report order


@dataclass(frozen=True)
class ViewGraph:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    themes: dict[str, tuple[str, str]] = field(default_factory=dict)   # id -> (label, broader id)
    reports: tuple[str, ...] = ()
    title: str = "govkg"
    total_nodes: int = 0                       # before the node limit
    authors: dict[str, str] = field(default_factory=dict)               # report -> author's IRI
    layout: str = ""                           # "columns": the overview (govkg.view.overview)

    def to_json(self) -> dict:
        """Plain data for the page: nodes and edges refer to each other by position."""
        index = {n.iri: i for i, n in enumerate(self.nodes)}
        degree: dict[str, int] = defaultdict(int)
        for e in self.edges:
            degree[e.head] += 1
            degree[e.tail] += 1
        return {
            "title": self.title,
            "types": [{"id": t, "colour": TYPE_COLOURS[t]} for t in ENTITY_TYPES],
            "themes": [{"id": k, "label": label, "broader": broader}
                       for k, (label, broader) in sorted(self.themes.items())],
            "reports": list(self.reports),
            "totalNodes": self.total_nodes or len(self.nodes),
            "layout": self.layout,
            "nodes": [{"id": i, "iri": n.iri, "name": n.name, "type": n.type, "aliases": list(n.aliases),
                       "reports": list(n.reports), "themes": list(n.themes), "degree": degree[n.iri]}
                      for i, n in enumerate(self.nodes)],
            "edges": [{"id": i, "from": index[e.head], "to": index[e.tail], "type": e.type,
                       "evidence": [{"report": r, "sentence": s} for r, s in e.evidence]}
                      for i, e in enumerate(self.edges)],
        }


def _grouped(store: GraphStore, query: str) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = defaultdict(list)
    for key, value in store.select(internal_query(query).text, {}).rows:
        found[key].append(value)
    return {k: tuple(sorted(set(v))) for k, v in found.items()}


def load_view(store: GraphStore) -> ViewGraph:
    """Every entity and relation of the store, with what the side panel shows about them."""
    graph = to_networkx(store)
    aliases, mentioned, themes, authored = (_grouped(store, q) for q in ("view-aliases", "view-reports", "view-themes", "view-authors"))
    evidence: dict[tuple[str, str, str], list[tuple[str, int, str]]] = defaultdict(list)
    # an entity belongs to a report that names it, that states one of its relations or that it wrote
    # (a report's author is often never named in it: "we" lead, the author body is meant)
    reports: dict[str, set[str]] = defaultdict(set)
    for head, tail, d in graph.edges(data=True):
        evidence[(head, tail, d["type"])].append((d["report"], d["start"], d["sentence"]))
        reports[head].add(d["report"])
        reports[tail].add(d["report"])
    for found in (mentioned, authored):
        for iri, docs in found.items():
            reports[iri].update(docs)
    nodes = tuple(Node(iri, d["name"], d["type"], aliases.get(iri, ()), tuple(sorted(reports.get(iri, ()))),
                       themes.get(iri, ())) for iri, d in graph.nodes(data=True))
    edges = tuple(Edge(h, t, ty, tuple(dict.fromkeys((r, s) for r, _, s in sorted(ev))))
                  for (h, t, ty), ev in evidence.items())
    tree = theme_tree(store)
    docs = tuple(r.doc for r in store.reports())
    authors = {doc: iri for iri, docs in authored.items() for doc in docs}
    return ViewGraph(nodes, edges, tree, docs, total_nodes=len(nodes), authors=authors)


def theme_tree(store: GraphStore) -> dict[str, tuple[str, str]]:
    """Theme id -> (its label, its broader theme's id or ""), from the scheme the store holds."""
    return {t: (label, broader or "") for t, label, broader in store.select(internal_query("view-theme-tree").text, {}).rows}


def _theme_closure(view: ViewGraph, theme: str) -> set[str]:
    if theme not in view.themes:
        raise UsageError(f"unknown theme '{theme}' (themes: {', '.join(sorted(view.themes))})")
    found, grew = {theme}, True
    while grew:
        more = {t for t, (_, broader) in view.themes.items() if broader in found} - found
        found |= more
        grew = bool(more)
    return found


UNDERTAKINGS = ("Initiative", "Program")
CONTEXT_TYPES = ("Organization", "Document")


def _with_context(chosen: list[Node], nodes: list[Node], edges: list[Edge]) -> list[Node]:
    """``chosen`` and the bodies and documents related to its undertakings: a theme names the
    initiatives, rarely the bodies that lead them, and a view without them has no relations."""
    by_iri = {n.iri: n for n in nodes}
    undertakings = {n.iri for n in chosen if n.type in UNDERTAKINGS}
    kept = {n.iri for n in chosen}
    for e in edges:
        for near, far in ((e.head, e.tail), (e.tail, e.head)):
            if far in undertakings and near not in kept and near in by_iri and by_iri[near].type in CONTEXT_TYPES:
                kept.add(near)
    return [n for n in nodes if n.iri in kept]


def _named(nodes, name: str) -> list[Node]:
    return [n for n in nodes if n.name == name or name in n.aliases]


def _neighbourhood(nodes, edges, seeds: list[Node], hops: int) -> dict[str, int]:
    """Distance of each node within ``hops`` of a seed, ignoring edge direction."""
    adjacent: dict[str, set[str]] = defaultdict(set)
    for e in edges:
        adjacent[e.head].add(e.tail)
        adjacent[e.tail].add(e.head)
    distance = {n.iri: 0 for n in seeds}
    queue = deque(distance)
    while queue:
        here = queue.popleft()
        if distance[here] < hops:
            for there in adjacent[here]:
                if there not in distance:
                    distance[there] = distance[here] + 1
                    queue.append(there)
    return distance


def select(view: ViewGraph, *, theme: str | None = None, report: str | None = None,
           types: list[str] | tuple[str, ...] = (), entity: str | None = None, hops: int = 1,
           limit: int | None = settings.HTML_NODE_LIMIT) -> ViewGraph:
    """The part of ``view`` that passes every filter given, at most ``limit`` nodes.

    When nodes must be dropped, those nearest the ``entity`` and then the most connected stay.
    """
    nodes, edges = list(view.nodes), list(view.edges)
    bad = sorted(set(types) - set(ENTITY_TYPES))
    if bad:
        raise UsageError(f"unknown type {', '.join(bad)} (types: {', '.join(ENTITY_TYPES)})")
    if theme:
        wanted = _theme_closure(view, theme)
        nodes = _with_context([n for n in nodes if wanted & set(n.themes)], nodes, edges)
    if report:
        if report not in view.reports:
            raise UsageError(f"report '{report}' is not in the store (see `govkg reports`)")
        edges = [replace(e, evidence=tuple(ev for ev in e.evidence if ev[0] == report)) for e in edges]
        edges = [e for e in edges if e.evidence]
        nodes = [n for n in nodes if report in n.reports]
    if types:
        nodes = [n for n in nodes if n.type in types]
    kept = {n.iri for n in nodes}
    edges = [e for e in edges if e.head in kept and e.tail in kept]
    distance: dict[str, int] = {}
    if entity:
        seeds = _named(nodes, entity)
        if not seeds:
            near = [n.name for n in nodes if entity in n.name][:5]
            hint = f"; did you mean {', '.join(near)}?" if near else ""
            raise UsageError(f"no entity named '{entity}' in the selected graph{hint}")
        distance = _neighbourhood(nodes, edges, seeds, max(hops, 0))
        nodes = [n for n in nodes if n.iri in distance]
    degree: dict[str, int] = defaultdict(int)
    for e in edges:
        degree[e.head] += 1
        degree[e.tail] += 1
    total = len(nodes)
    if limit is not None and len(nodes) > limit:
        nodes = sorted(nodes, key=lambda n: (distance.get(n.iri, 0), -degree[n.iri], n.name))[:max(limit, 0)]
    kept = {n.iri for n in nodes}
    edges = [e for e in edges if e.head in kept and e.tail in kept]
    title = " · ".join(x for x in (entity and f"{entity} ±{hops}", report, theme and view.themes[theme][0],
                                    "/".join(types)) if x) or "govkg"
    return replace(view, nodes=tuple(nodes), edges=tuple(edges), title=title, total_nodes=total)


def search(view: ViewGraph, text: str, limit: int = 50) -> list[Node]:
    """Entities whose name or an alias contains ``text``: exact matches first, then the shortest."""
    text = text.strip()
    if not text:
        return []
    found = [n for n in view.nodes if text in n.name or any(text in a for a in n.aliases)]
    found.sort(key=lambda n: (n.name != text and text not in n.aliases, not n.name.startswith(text),
                              len(n.name), n.name))
    return found[:limit]
