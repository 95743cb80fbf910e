"""The one mapping from govkg's RDF model to a property graph (Neo4j, neo4j-admin CSV).

``to_property_graph(graph)`` takes the triples of ONE report (``build_graph(extraction)``, or that
report's named graph read back from the embedded store) and returns the rows that the Cypher files
of ``loaders/neo4j/`` UNWIND. Both ``govkg load --neo4j`` and ``govkg push`` go through it, and so
does ``govkg export --format neo4j-admin``.

Nodes (key: ``iri``, the same IRI as in RDF)::

    (:Report    {iri, doc, title, name, sha256, format, year, reportedYear, kind, level, issuerKnown})
    (:Statement {iri, report, text, start, end, sectionPath, isHeading})     report = doc name
    (:Entity:Organization|Program|Initiative|Document|Place|Person
                {iri, name, aliases, reports, scope, isAuthor})
    (:Theme     {iri, id, name, nameEn})          loaded once from ontology/themes.ttl
    (:Metric    {iri, report, valueText, value, text, unit, counted, year, masked, start, end})
                                                  a gk:Metric (value: the number, null when masked)

Relationships::

    (:Statement)-[:IN_REPORT]->(:Report)                 gk:inReport
    (:Statement)-[:HAS_THEME]->(:Theme)                  gk:hasTheme
    (:Entity)-[:MENTIONED_IN {start, end}]->(:Statement) a gk:Mention (its span)
    (:Report)-[:HAS_ENTITY {aliases, isAuthor}]->(:Entity)   what this report says of the entity
    (:Report)-[:AUTHOR]->(:Entity)                       gk:author
    (:Entity)-[:LEADS|ISSUES|... {report, start, end, statement, sentence, sectionPath, iri}]->(:Entity)
                                                         a gk:RelationAssertion and its evidence
    (:Theme)-[:NARROWER]->(:Theme)                       skos:narrower (and inverse skos:broader)
    (:Metric)-[:METRIC_OF]->(:Entity)                    gk:metricOf
    (:Metric)-[:EVIDENCE]->(:Statement)                  gk:evidence

An entity with several rdfs:labels (spellings that normalise to one IRI, e.g. 互联网+ and 互联网＋)
keeps the smallest as ``name`` and the others among its ``aliases``. An entity node is shared by every report that names it; HAS_ENTITY records which reports do and
the aliases each one gives, so removing a report recomputes ``reports``/``aliases`` and deletes
the entities no report names any more. Relations carry their report and offsets, which is their
key together with head, type and tail. A metric is a node of its report (keyed by IRI, deleted
with the report). Left out (derivable): Section nodes (a statement keeps its
``sectionPath``), gk:touchesTheme (MENTIONED_IN then HAS_THEME), Mention IRIs, and the
assertions of a report that does not name its author whose subject is that author
(gk:byUnknownAuthor: no entity to start a relationship from; ``issuerKnown`` is false).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from govkg import vocab
from govkg.errors import StoreError

__all__ = ["PropertyGraph", "to_property_graph", "theme_rows"]

_LABEL_OF_CLASS = {cls: label for label, cls in vocab.ENTITY_CLASSES.items()}
_TYPE_OF_PROPERTY = {prop: name for name, prop in vocab.RELATION_PROPERTIES.items()}


@dataclass
class PropertyGraph:
    """One report as rows: each list is the ``$rows`` of one file of loaders/neo4j/."""
    report: dict
    statements: list[dict] = field(default_factory=list)   # + "themes": [theme ids]
    entities: list[dict] = field(default_factory=list)     # + "label": the entity class
    mentions: list[dict] = field(default_factory=list)     # entity, statement, start, end
    relations: list[dict] = field(default_factory=list)    # head, type, tail, report, start, end, ...
    metrics: list[dict] = field(default_factory=list)      # iri, subject, statement, props (the node's)

    @property
    def doc(self) -> str:
        return self.report["doc"]

    @property
    def node_count(self) -> int:
        return 1 + len(self.statements) + len(self.entities) + len(self.metrics)

    @property
    def relationship_count(self) -> int:
        """IN_REPORT + HAS_THEME + HAS_ENTITY + AUTHOR + MENTIONED_IN + relations + METRIC_OF + EVIDENCE."""
        return (len(self.statements) + sum(len(s["themes"]) for s in self.statements)
                + len(self.entities) + sum(1 for e in self.entities if e["isAuthor"])
                + len(self.mentions) + len(self.relations)
                + sum(1 for m in self.metrics if m["subject"]) + len(self.metrics))


def _str(g: Graph, s, p) -> str | None:
    value = g.value(s, p)
    return None if value is None else str(value)


def _int(g: Graph, s, p) -> int | None:
    value = g.value(s, p)
    return None if value is None else int(value.toPython())


def _theme_id(node: URIRef) -> str:
    return str(node)[len(str(vocab.THEME)):]


def to_property_graph(g: Graph) -> PropertyGraph:
    """The property-graph rows of one report's triples (see the module docstring for the model)."""
    reports = list(g.subjects(RDF.type, vocab.Report))
    if len(reports) != 1:
        raise StoreError(f"a report graph must hold exactly one gk:Report, found {len(reports)}")
    r = reports[0]
    doc = _str(g, r, vocab.docName)
    title = _str(g, r, vocab.title) or doc
    pg = PropertyGraph(report={"iri": str(r), "doc": doc, "title": title, "name": title,
                               "sha256": _str(g, r, vocab.sha256), "format": _str(g, r, vocab.format),
                               "year": _int(g, r, vocab.year), "reportedYear": _int(g, r, vocab.reportedYear),
                               "kind": _str(g, r, vocab.kind), "level": _str(g, r, vocab.level),
                               "issuerKnown": _str(g, r, vocab.issuerKnown) != "false"})
    sentences = {}
    for s in sorted(g.subjects(RDF.type, vocab.Statement)):
        row = {"iri": str(s), "report": doc, "text": _str(g, s, vocab.text),
               "start": _int(g, s, vocab.start), "end": _int(g, s, vocab.end),
               "sectionPath": _str(g, s, vocab.sectionPath),
               "isHeading": bool(getattr(g.value(s, vocab.isHeading), "toPython", lambda: False)()),
               "themes": sorted(_theme_id(t) for t in g.objects(s, vocab.hasTheme))}
        sentences[s] = row
        pg.statements.append(row)
    authors = set(g.objects(r, vocab.author))
    for cls, label in _LABEL_OF_CLASS.items():
        for e in sorted(g.subjects(RDF.type, cls)):
            names = sorted(str(n) for n in g.objects(e, RDFS.label))   # one, unless spellings differ
            aliases = {str(a) for a in g.objects(e, SKOS.altLabel)} | set(names[1:])
            pg.entities.append({"iri": str(e), "label": label, "name": names[0], "aliases": sorted(aliases),
                                "scope": _str(g, e, vocab.scope), "isAuthor": e in authors})
    for m in sorted(g.subjects(RDF.type, vocab.Mention)):
        pg.mentions.append({"entity": str(g.value(m, vocab.mentionOf)), "statement": str(g.value(m, vocab.inStatement)),
                            "start": _int(g, m, vocab.start), "end": _int(g, m, vocab.end)})
    for a in sorted(g.subjects(RDF.type, vocab.RelationAssertion)):
        if g.value(a, RDF.subject) is None:
            continue        # gk:byUnknownAuthor: stays on the report in RDF only
        rel_type = _TYPE_OF_PROPERTY.get(g.value(a, RDF.predicate))
        if rel_type is None:
            raise StoreError(f"{doc}: relation {g.value(a, RDF.predicate)} is not in the ontology")
        evidence = g.value(a, vocab.evidence)
        sentence = sentences.get(evidence, {})
        pg.relations.append({"iri": str(a), "head": str(g.value(a, RDF.subject)), "type": rel_type,
                             "tail": str(g.value(a, RDF.object)), "report": doc,
                             "start": _int(g, a, vocab.start), "end": _int(g, a, vocab.end),
                             "statement": None if evidence is None else str(evidence),
                             "sentence": sentence.get("text"), "sectionPath": sentence.get("sectionPath")})
    pg.metrics = _metric_rows(g, doc)
    return pg


def _metric_rows(g: Graph, doc: str) -> list[dict]:
    """A gk:Metric with its evidence: the number as a float (Neo4j has no decimal)."""
    rows = []
    for m in sorted(g.subjects(RDF.type, vocab.Metric)):
        evidence, subject, value = g.value(m, vocab.evidence), g.value(m, vocab.metricOf), g.value(m, vocab.value)
        if evidence is None:
            continue
        props = {"iri": str(m), "report": doc, "valueText": _str(g, m, vocab.valueText),
                 "value": None if value is None else float(value.toPython()), "text": _str(g, m, vocab.text),
                 "unit": _str(g, m, vocab.unit), "counted": _str(g, m, vocab.counted),
                 "year": _int(g, m, vocab.year), "masked": bool(getattr(g.value(m, vocab.masked), "toPython", lambda: False)()),
                 "start": _int(g, m, vocab.start), "end": _int(g, m, vocab.end)}
        rows.append({"iri": str(m), "subject": None if subject is None else str(subject),
                     "statement": str(evidence), "props": props})
    return rows


def theme_rows(themes: Graph) -> tuple[list[dict], list[dict]]:
    """Theme nodes and NARROWER pairs from ontology/themes.ttl (skos:narrower or inverse skos:broader)."""
    nodes = []
    for concept in sorted(themes.subjects(SKOS.notation, None)):
        labels = {lit.language: str(lit) for lit in themes.objects(concept, SKOS.prefLabel)}
        nodes.append({"iri": str(concept), "id": str(themes.value(concept, SKOS.notation)),
                      "name": labels.get("zh") or labels.get("en"), "nameEn": labels.get("en")})
    pairs = set(themes.subject_objects(SKOS.narrower))
    pairs |= {(broad, narrow) for narrow, broad in themes.subject_objects(SKOS.broader)}
    narrower = [{"broader": str(b), "narrower": str(n)} for b, n in sorted(pairs)]
    return nodes, narrower
