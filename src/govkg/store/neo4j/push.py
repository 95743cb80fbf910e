"""``govkg push --neo4j``: copy the embedded store's reports into Neo4j.

The source is read as Oxigraph triples (``report_triples``), not rdflib graphs, and each report is
written as a handful of large UNWIND statements in one transaction (``Neo4jStore.put_graph``):
no round trip per row, and a report Neo4j does not have yet is written without the delete first.
Unchanged reports (same digest in Neo4j) are skipped. (Reading the next report in a second thread
while Neo4j writes gained nothing on the shared 2-core machine, so the push stays sequential.)
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable

from govkg.store import GraphStore, PushResult
from govkg.store.neo4j.mapping import property_graph
from govkg.store.neo4j.store import Neo4jStore

__all__ = ["Neo4jPushResult", "push_store"]


@dataclass
class Neo4jPushResult(PushResult):
    nodes: int = 0
    relationships: int = 0

    @property
    def nodes_per_second(self) -> float:
        return self.per_second(self.nodes)

    @property
    def relationships_per_second(self) -> float:
        return self.per_second(self.relationships)


def push_store(source: GraphStore, target: Neo4jStore, force: bool = False, prune: bool = False,
               progress: Callable[[str], None] | None = None) -> Neo4jPushResult:
    """Copy the embedded store's reports into Neo4j, one transaction per report.

    A report whose digest Neo4j already has is skipped (unless ``force``); with ``prune``, reports
    Neo4j has but the source does not are removed. ``progress(doc)`` is called after each report.
    """
    started = time.perf_counter()
    target.ensure_schema()
    result = Neo4jPushResult()
    wanted = source.reports()
    stored = {info.id: info.sha256 for info in target.reports()}
    present = target.report_iris()
    for info in wanted:
        if not force and stored.get(info.id) == info.sha256:
            result.unchanged.append(info.doc)
        else:
            pg = property_graph(source.report_triples(info.id))
            pg.report.key = info.id
            target.put_graph(pg, new=pg.report.iri not in present)
            result.pushed.append(info.doc)
            result.nodes += pg.node_count
            result.relationships += pg.relationship_count
        if progress:
            progress(info.doc)
    if prune:
        keep = {info.id for info in wanted}
        for info in target.reports():
            if info.id not in keep and target.remove(info.id):
                result.removed.append(info.doc)
    result.seconds = time.perf_counter() - started
    return result

