"""``govkg push --neo4j``: copy the embedded store's reports into Neo4j.

The source is read as Oxigraph quads (``report_quads`` of the embedded store, else
``report_triples``), not rdflib graphs, and each report is written as a handful of large UNWIND
statements in one transaction (``Neo4jStore.put_graph``): no round trip per row, and a report Neo4j
does not have yet is written without the delete first. Unchanged reports (same digest in Neo4j)
are skipped. The next reports are read and mapped in a second thread while Neo4j sets up its
schema and then writes the current one: reading is Python and Oxigraph (holding the GIL), writing is mostly waiting for the
server (not holding it), so on two cores the two overlap.
"""
from __future__ import annotations

import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable

from govkg.store import GraphStore, PushResult, ReportInfo
from govkg.store.neo4j.mapping import READS, PropertyGraph, property_graph
from govkg.store.neo4j.store import Neo4jStore

__all__ = ["Neo4jPushResult", "push_store"]

_READ_AHEAD = 4     # reports read and mapped ahead of the one Neo4j writes (memory: a few reports)


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
    result = Neo4jPushResult()
    wanted = source.reports()
    stored = {info.id: info.sha256 for info in target.reports()}
    present = target.report_iris()
    changed = [info for info in wanted if force or stored.get(info.id) != info.sha256]
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="govkg-push-reader") as reader:
        ahead = deque(reader.submit(_rows, source, info) for info in changed[:_READ_AHEAD])
        to_read = iter(changed[_READ_AHEAD:])
        target.ensure_schema()          # the first reports are read meanwhile
        for info in wanted:
            if not force and stored.get(info.id) == info.sha256:
                result.unchanged.append(info.doc)
            else:
                pg = ahead.popleft().result()
                following = next(to_read, None)
                if following is not None:       # read while Neo4j writes this one
                    ahead.append(reader.submit(_rows, source, following))
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



def _rows(source: GraphStore, info: ReportInfo) -> PropertyGraph:
    """One report's property-graph rows, read from the source (quads when it gives them)."""
    quads = getattr(source, "report_quads", None)
    pg = property_graph(quads(info.id, predicates=READS) if quads else source.report_triples(info.id))
    pg.report.key = info.id
    return pg
