"""The named query ``timeline`` on the embedded store, answered without joining through the union
of every report graph.

Oxigraph evaluates the query's text (queries/sparql/timeline.rq) over the union of all report
graphs: for a body named in most reports (国务院 in 1,925 reports of the 100 MB store) it counts
the statements of every report before the ORDER BY keeps the first page, 300-900 ms however small
the page. Here the entities are found first (the label index), the reports are taken in the
query's order (year, then file name; the list is kept until a read-only view is reopened), and
the next reports, as many as rows are still wanted, are asked about in one small query over
their graphs (``GRAPH ?g``, the entity bound): how many statements name it and where the first
starts; the first's text is then one lookup in its report's graph. The rows, their order and
their values are the query's: tests/store/test_timeline_lookup.py compares the two on the corpus.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, cast

import pyoxigraph as ox
from rdflib import RDF, RDFS
from rdflib.namespace import SKOS

from govkg import vocab
from govkg.store import Table

if TYPE_CHECKING:
    from govkg.store.oxigraph import OxigraphStore

__all__ = ["COLUMNS", "timeline_table"]

COLUMNS = ("name", "entity", "type", "year", "report", "issuer", "statements", "sentence")
_LABEL, _ALT_LABEL, _TYPE = (ox.NamedNode(str(t)) for t in (RDFS.label, SKOS.altLabel, RDF.type))
_MENTIONED_IN, _START, _TEXT, _DOC_NAME, _YEAR, _AUTHOR = (
    ox.NamedNode(str(t)) for t in (vocab.mentionedIn, vocab.start, vocab.text, vocab.docName,
                                   vocab.year, vocab.author))
_CLASSES = {ox.NamedNode(str(c)) for c in (vocab.Organization, vocab.Program, vocab.Initiative, vocab.Document,
                                            vocab.Place, vocab.Person)}


def timeline_table(store: OxigraphStore, name: str, limit: int | None = None, offset: int = 0) -> Table:
    """The query's rows for ``name`` (all of them, or ``limit`` after ``offset``), with its columns."""
    visible = _visible(store)
    entities = sorted(_entities(store, ox.Literal(name), visible), key=lambda e: e[0].value)
    want = None if limit is None else offset + limit
    groups = _reports_by_year(store) if entities else []
    rows: list[tuple] = []
    done = 0
    while done < len(groups) and (want is None or len(rows) < want):
        # the next reports in the query's order, as many as rows are still wanted (one row per
        # report naming the entity, at least), all of them for the whole answer
        batch = groups[done:] if want is None else groups[done:done + max(want - len(rows), _FEWEST_REPORTS)]
        done += len(batch)
        counted = {}
        for entity, label, type_ in entities:
            for graph, (statements, sentence) in _counts(store, entity, [g for _, reports in batch for g, _, _ in reports]).items():
                counted[entity, graph] = label, type_, statements, sentence
        for (year, doc), reports in batch:
            found = {(name, label, type_, year, doc, issuer, statements, sentence)
                     for graph, _, issuers in reports for entity, _, _ in entities
                     if (entity, graph) in counted
                     for label, type_, statements, sentence in [counted[entity, graph]] for issuer in issuers}
            rows += sorted(found, key=_order)
    return Table(COLUMNS, tuple(rows[offset:want]))


_FEWEST_REPORTS = 16      # reports asked about at once, at least
# Per report graph, how many statements name the entity and the start of the first: the count and
# the MIN are Oxigraph's, over encoded terms (no statement text is decoded but the first's). Every
# statement has exactly one start, one text and one report (ontology/shapes.ttl), which the
# query's join of the three then only confirms; so each statement naming the entity is one
# solution here, and COUNT needs no DISTINCT (a fifth faster).
_COUNTS = """PREFIX gk: <https://w3id.org/govkg/ontology#>
SELECT ?e ?g (COUNT(?s) AS ?statements) (MIN(?start) AS ?first) WHERE {
  GRAPH ?g { ?e gk:mentionedIn ?s . ?s gk:start ?start }
} GROUP BY ?e ?g"""


def _counts(store: OxigraphStore, entity: ox.NamedNode, graphs: list) -> dict:
    """graph -> (statements naming the entity, the text of the first of them) for the graphs where
    the entity is named."""
    answer = store._store.query(_COUNTS, substitutions={ox.Variable("e"): entity}, named_graphs=graphs)
    found = {}
    for solution in cast(ox.QuerySolutions, answer):
        graph, first = solution["g"], cast(ox.Literal, solution["first"])
        found[graph] = int(cast(ox.Literal, solution["statements"]).value), _first_text(store, entity, first, graph)
    return found


def _first_text(store: OxigraphStore, entity: ox.NamedNode, start: ox.Literal, graph) -> str:
    """The smallest text of the entity's statements in the graph that start at ``start``."""
    return min(cast(ox.Literal, text.object).value
               for statement in store._store.quads_for_pattern(None, _START, start, graph)
               if ox.Quad(entity, _MENTIONED_IN, statement.subject, graph) in store._store
               for text in store._store.quads_for_pattern(statement.subject, _TEXT, None, graph))


def _order(row: tuple) -> tuple:
    """SPARQL's ORDER BY ?year ?report ?entity ?type ?issuer ?statements ?sentence: unbound first."""
    return tuple((row[i] is not None, row[i] if row[i] is not None else "") for i in (3, 4, 1, 2, 5, 6, 7))


def _entities(store: OxigraphStore, name: ox.Literal, visible) -> Iterator[tuple[ox.NamedNode, str, str]]:
    """(entity, its smallest label, its type) of each entity with this label or alias and one of
    the query's classes (an entity of two of them: the first in the store's order, where the
    query's SAMPLE may take either; govkg gives an entity one)."""
    named = {q.subject for predicate in (_LABEL, _ALT_LABEL)
             for q in store._store.quads_for_pattern(None, predicate, name, None) if visible(q.graph_name)}
    for entity in named:
        labels = [cast(ox.Literal, q.object).value for q in store._store.quads_for_pattern(entity, _LABEL, None, None)
                  if visible(q.graph_name)]
        classes = [q.object for q in store._store.quads_for_pattern(entity, _TYPE, None, None)
                   if visible(q.graph_name) and q.object in _CLASSES]
        if labels and classes and isinstance(entity, ox.NamedNode):
            yield entity, min(labels), cast(ox.NamedNode, classes[0]).value.rsplit("#", 1)[-1]


def _reports_by_year(store: OxigraphStore) -> list[tuple[tuple, list[tuple[ox.NamedNode, ox.NamedNode, list]]]]:
    """(year, file name) -> the (graph, report, issuer labels) of the current reports with them, in
    the query's order (no year first); a report without an issuer label has the issuer None."""
    return store._kept("timeline_reports", lambda: _compute_reports_by_year(store))


def _visible(store: OxigraphStore):
    """Whether a graph is one the store's queries read (its current reports and shared graphs)."""
    dataset = store._visible_graphs()
    if dataset.get("use_default_graph_as_union"):
        return lambda graph: True
    graphs = set(dataset["default_graph"])
    return graphs.__contains__


def _compute_reports_by_year(store: OxigraphStore):
    current, visible = set(store._current().values()), _visible(store)
    keyed: dict[tuple, list] = {}
    for quad in store._store.quads_for_pattern(None, _DOC_NAME, None, None):
        graph, report = quad.graph_name, quad.subject
        if graph not in current or not isinstance(report, ox.NamedNode):
            continue
        years: list[int | None] = [int(cast(ox.Literal, q.object).value)
                                   for q in store._store.quads_for_pattern(report, _YEAR, None, graph)]
        issuers = [
            cast(ox.Literal, label.object).value
            for author in store._store.quads_for_pattern(report, _AUTHOR, None, graph)
            for label in store._store.quads_for_pattern(cast(ox.NamedNode, author.object), _LABEL, None, None)
            if visible(label.graph_name)]
        for year in years or [None]:
            keyed.setdefault((year, cast(ox.Literal, quad.object).value), []).append(
                (graph, report, tuple(sorted(set(issuers))) or (None,)))
    return sorted(keyed.items(), key=lambda item: (item[0][0] is not None, item[0][0] or 0, item[0][1]))
