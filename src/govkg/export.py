"""Export the stored graph: Turtle, N-Quads, JSON-LD (rdflib) and GraphML (networkx, for Gephi/yEd)."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
from rdflib import Graph

from govkg import vocab
from govkg.errors import UsageError
from govkg.named_queries import internal_query
from govkg.store import GraphStore

__all__ = ["FORMATS", "export_store", "to_networkx"]

FORMATS = ("ttl", "nq", "jsonld", "graphml", "neo4j-admin")


def to_networkx(store: GraphStore) -> nx.MultiDiGraph:
    """Entities as nodes (type, name), relations as edges (type, sentence, report, offsets)."""
    graph = nx.MultiDiGraph()
    for iri, name, cls in store.select(internal_query("export-entities").text, {}).rows:
        graph.add_node(iri, name=name, type=cls.rsplit("#", 1)[-1])
    for head, type_, tail, sentence, report, start, end in store.select(internal_query("export-relations").text, {}).rows:
        graph.add_edge(head, tail, type=type_, sentence=sentence, report=report, start=start, end=end)
    return graph


def export_store(store: GraphStore, fmt: str, out: Path, with_schema: bool = False) -> int:
    """Write the store to ``out`` in ``fmt``; returns the number of triples (or nodes+edges).

    With ``with_schema`` (the CLI's default) the ontology and themes are included: the SHACL shapes need
    the class hierarchy to validate an export. N-Quads lines are sorted (Turtle's serialiser sorts
    its subjects), so the same stored graph always gives the same bytes."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format '{fmt}' (choose from {', '.join(FORMATS)})")
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "neo4j-admin":   # a folder of CSVs for `neo4j-admin database import`
        from govkg.store.neo4j.admin_import import write_admin_import

        return write_admin_import(store, out)
    if fmt == "graphml":
        graph = to_networkx(store)
        nx.write_graphml(graph, out)
        return graph.number_of_nodes() + graph.number_of_edges()
    dataset = store.dataset(include_schema=with_schema)
    if fmt == "nq":
        lines = sorted(set(dataset.serialize(format="nquads", encoding="utf-8").splitlines(keepends=True)))
        out.write_bytes(b"".join(line for line in lines if line.strip()))
        return sum(1 for _ in dataset.quads())
    merged = Graph()
    for prefix, ns in (("gk", vocab.GK), ("gkt", vocab.THEME), ("gkid", vocab.ID)):
        merged.bind(prefix, ns)
    for s, p, o, _ in dataset.quads():
        merged.add((s, p, o))
    merged.serialize(destination=out, format="turtle" if fmt == "ttl" else "json-ld", encoding="utf-8")
    return len(merged)
