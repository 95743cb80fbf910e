"""The one mapping from govkg's RDF model to a property graph (Neo4j, neo4j-admin CSV).

``property_graph(triples)`` takes the triples of ONE report and returns typed rows, the ``$rows``
that the Cypher files of ``loaders/neo4j/`` UNWIND. The triples may be Oxigraph triples or quads
(``OxigraphStore.report_triples``, or ``govkg.quads`` straight from an extraction: the fast
paths, no rdflib term is made) or an rdflib graph (``rdf_mapping.build_graph``). ``govkg load
--neo4j``, ``govkg push`` and ``govkg export --format neo4j-admin`` all go through it.

Nodes (key: ``iri``, the same IRI as in RDF)::

    (:Report    {iri, doc, title, name, sha256, format, year, reportedYear, kind, level, issuerKnown, key})
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
keeps the smallest as ``name`` and the others among its ``aliases``. An entity node is shared by
every report that names it; HAS_ENTITY records which reports do and the aliases each one gives, so
removing a report recomputes ``reports``/``aliases`` and deletes the entities no report names any
more. Relations carry their report and offsets, which is their key together with head, type and
tail. A metric is a node of its report (keyed by IRI, deleted with the report). Left out
(derivable): Section nodes (a statement keeps its ``sectionPath``), gk:touchesTheme (MENTIONED_IN
then HAS_THEME), Mention IRIs, and the assertions of a report that does not name its author whose
subject is that author (gk:byUnknownAuthor: no entity to start a relationship from;
``issuerKnown`` is false).

The rows' field names are the Neo4j property names (hence camelCase): a row's properties are what
``properties(row)`` gives, and the neo4j-admin CSV header is made from the fields' types. A field
with ``metadata={"property": False}`` is a link or a label, not a property.
"""
from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, Graph, Literal
from rdflib.namespace import SKOS

from govkg import iri, vocab
from govkg.errors import StoreError
from govkg.model import Extraction
from govkg.quads import entity_terms, nquads, report_terms

__all__ = ["READS", "EntityRow", "MentionRow", "MetricRow", "NarrowerRow", "PropertyGraph", "RelationRow", "ReportRow",
           "StatementRow", "ThemeRow", "extraction_rows", "properties", "property_fields", "property_graph",
           "theme_rows"]

_LINK = {"property": False}      # a field that links or labels the node, not one of its properties


@dataclass
class ReportRow:
    iri: str
    doc: str
    title: str
    name: str
    sha256: str | None
    format: str | None
    year: int | None
    reportedYear: int | None
    kind: str | None
    level: str | None
    issuerKnown: bool
    key: str = ""                # the store's identity of the report (its file's path)


@dataclass
class StatementRow:
    iri: str
    report: str                  # the report's doc name
    text: str | None
    start: int | None
    end: int | None
    sectionPath: str | None
    isHeading: bool
    themes: list[str] = field(default_factory=list, metadata=_LINK)     # theme ids: HAS_THEME


@dataclass
class EntityRow:
    iri: str
    name: str
    aliases: list[str]
    scope: str | None
    isAuthor: bool
    label: str = field(default="", metadata=_LINK)                      # the entity class
    reports: list[str] = field(default_factory=list)   # filled where reports are merged (admin import)


@dataclass
class MentionRow:
    entity: str
    statement: str
    start: int | None
    end: int | None


@dataclass
class RelationRow:
    iri: str
    head: str = field(metadata=_LINK)
    type: str = field(metadata=_LINK)
    tail: str = field(metadata=_LINK)
    report: str = ""
    start: int | None = None
    end: int | None = None
    statement: str | None = None
    sentence: str | None = None
    sectionPath: str | None = None


@dataclass
class MetricRow:
    iri: str
    report: str
    valueText: str | None
    value: float | None
    text: str | None
    unit: str | None
    counted: str | None
    year: int | None
    masked: bool
    start: int | None
    end: int | None
    subject: str | None = field(default=None, metadata=_LINK)        # METRIC_OF
    statement: str = field(default="", metadata=_LINK)               # EVIDENCE


@dataclass
class ThemeRow:
    iri: str
    id: str
    name: str | None
    nameEn: str | None


@dataclass
class NarrowerRow:
    broader: str
    narrower: str


def property_fields(cls: type) -> list[dataclasses.Field]:
    """The fields of a row class that are properties of its node (not links or labels)."""
    return [f for f in dataclasses.fields(cls) if f.metadata.get("property", True)]


def properties(row: Any) -> dict[str, Any]:
    """The node properties of a row."""
    return {f.name: getattr(row, f.name) for f in property_fields(type(row))}


@dataclass
class PropertyGraph:
    """One report as typed rows: each list is the ``$rows`` of one file of loaders/neo4j/."""
    report: ReportRow
    statements: list[StatementRow] = field(default_factory=list)
    entities: list[EntityRow] = field(default_factory=list)
    mentions: list[MentionRow] = field(default_factory=list)
    relations: list[RelationRow] = field(default_factory=list)
    metrics: list[MetricRow] = field(default_factory=list)

    @property
    def doc(self) -> str:
        return self.report.doc

    @property
    def node_count(self) -> int:
        return 1 + len(self.statements) + len(self.entities) + len(self.metrics)

    @property
    def relationship_count(self) -> int:
        """IN_REPORT + HAS_THEME + HAS_ENTITY + AUTHOR + MENTIONED_IN + relations + METRIC_OF + EVIDENCE."""
        return (len(self.statements) + sum(len(s.themes) for s in self.statements)
                + len(self.entities) + sum(1 for e in self.entities if e.isAuthor)
                + len(self.mentions) + len(self.relations)
                + sum(1 for m in self.metrics if m.subject) + len(self.metrics))


# ------------------------------------------------------------------ reading triples
_INTEGERS = {str(XSD[t]) for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger",
                                  "gYear")}
_NUMBERS = {str(XSD[t]) for t in ("decimal", "double", "float")}
_BOOLEAN = str(XSD.boolean)


def _typed(lexical: str, datatype: str | None):
    if datatype in _INTEGERS:
        return int(lexical)
    if datatype in _NUMBERS:
        return float(lexical)
    if datatype == _BOOLEAN:
        return lexical in ("true", "1")
    return lexical


def _plain(term) -> Any:
    """An IRI as its string, a literal as its Python value (int, float, bool or str)."""
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.Literal):
        return _typed(term.value, term.datatype.value)
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, ox.Triple):
        raise StoreError(f"an RDF-star triple term is not part of govkg's model: {term}")
    if isinstance(term, Literal):
        return _typed(str(term), None if term.datatype is None else str(term.datatype))
    return str(term)


class _Index:
    """One report's triples, by subject and predicate, and the subjects of each class."""

    def __init__(self, triples: Iterable):
        self.values: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        self.of_class: dict[str, list[str]] = defaultdict(list)
        values, of_class, named = self.values, self.of_class, ox.NamedNode
        for t in triples:     # subjects and predicates as strings now, objects when asked for
            s: str
            if isinstance(t, (ox.Triple, ox.Quad)):
                subject, p, o = t.subject, t.predicate.value, t.object
                s = subject.value if type(subject) is named else str(_plain(subject))
            else:
                s, p, o = str(t[0]), str(t[1]), t[2]
            if p == _TYPE:
                of_class[_plain(o)].append(s)
            else:
                values[s][p].append(o)

    def one(self, s: str, p: str):
        found = self.values.get(s, {}).get(p)
        return _plain(found[0]) if found else None

    def all(self, s: str, p: str) -> list:
        return [_plain(o) for o in self.values.get(s, {}).get(p, ())]

    def subjects(self, cls: str) -> list[str]:
        return sorted(set(self.of_class.get(cls, ())))


_TYPE, _LABEL, _ALT = str(RDF.type), str(RDFS.label), str(SKOS.altLabel)
_SUBJECT, _PREDICATE, _OBJECT = str(RDF.subject), str(RDF.predicate), str(RDF.object)
_V = {name: str(getattr(vocab, name)) for name in (
    "Report", "Statement", "Mention", "RelationAssertion", "Metric", "docName", "title", "sha256", "format",
    "year", "reportedYear", "kind", "level", "issuerKnown", "text", "start", "end", "sectionPath", "isHeading",
    "hasTheme", "author", "scope", "mentionOf", "inStatement", "evidence", "metricOf", "value", "valueText",
    "unit", "counted", "masked")}
_LABEL_OF_CLASS = {str(cls): label for label, cls in vocab.ENTITY_CLASSES.items()}
# Every predicate property_graph reads: a reader may leave the others out (e.g. gk:inReport,
# gk:touchesTheme, gk:inSection, gk:mentionedIn, the plain relation triples: a fifth of a report's
# quads, all derivable), as the push does (OxigraphStore.report_quads(..., predicates=READS)).
READS = frozenset({_TYPE, _LABEL, _ALT, _SUBJECT, _PREDICATE, _OBJECT, *_V.values()} - {
    _V[name] for name in ("Report", "Statement", "Mention", "RelationAssertion", "Metric")})
_TYPE_OF_PROPERTY = {str(prop): name for name, prop in vocab.RELATION_PROPERTIES.items()}
_THEME = str(vocab.THEME)


def _str(value) -> str | None:
    return None if value is None else str(value)


def _int(value) -> int | None:
    return None if value is None else int(value)


def property_graph(triples: Iterable | Graph) -> PropertyGraph:
    """The property-graph rows of one report's triples (see the module docstring for the model)."""
    g, v = _Index(triples), _V
    reports = g.subjects(v["Report"])
    if len(reports) != 1:
        raise StoreError(f"a report graph must hold exactly one gk:Report, found {len(reports)}")
    r = reports[0]
    doc = _str(g.one(r, v["docName"])) or ""
    title = _str(g.one(r, v["title"])) or doc
    pg = PropertyGraph(ReportRow(
        iri=r, doc=doc, title=title, name=title, sha256=_str(g.one(r, v["sha256"])),
        format=_str(g.one(r, v["format"])), year=_int(g.one(r, v["year"])),
        reportedYear=_int(g.one(r, v["reportedYear"])), kind=_str(g.one(r, v["kind"])),
        level=_str(g.one(r, v["level"])), issuerKnown=g.one(r, v["issuerKnown"]) is not False))
    sentences: dict[str, StatementRow] = {}
    for s in g.subjects(v["Statement"]):
        row = StatementRow(iri=s, report=doc, text=_str(g.one(s, v["text"])), start=_int(g.one(s, v["start"])),
                           end=_int(g.one(s, v["end"])), sectionPath=_str(g.one(s, v["sectionPath"])),
                           isHeading=bool(g.one(s, v["isHeading"])),
                           themes=sorted(t[len(_THEME):] for t in set(g.all(s, v["hasTheme"]))))
        sentences[s] = row
        pg.statements.append(row)
    authors = set(g.all(r, v["author"]))
    for cls, label in _LABEL_OF_CLASS.items():
        for e in g.subjects(cls):
            names = sorted(set(map(str, g.all(e, _LABEL))))    # one, unless spellings differ
            aliases = set(map(str, g.all(e, _ALT))) | set(names[1:])
            pg.entities.append(EntityRow(iri=e, label=label, name=names[0], aliases=sorted(aliases),
                                         scope=_str(g.one(e, v["scope"])), isAuthor=e in authors))
    mentions = (MentionRow(entity=g.one(m, v["mentionOf"]), statement=g.one(m, v["inStatement"]),
                           start=_int(g.one(m, v["start"])), end=_int(g.one(m, v["end"])))
                for m in g.subjects(v["Mention"]))
    pg.mentions = list({(m.entity, m.statement, m.start, m.end): m for m in mentions}.values())
    pg.relations = _relation_rows(g, doc, sentences)
    pg.metrics = _metric_rows(g, doc)
    return pg


def extraction_rows(ex: Extraction) -> PropertyGraph:
    """The rows of one extraction, from the load path's builder (``govkg.quads``: the triples as
    N-Quads text, parsed by Oxigraph), no rdflib term made."""
    text = nquads(report_terms(ex) + entity_terms(ex), str(iri.graph_iri(ex.report.id)))
    pg = property_graph(ox.parse(text, format=ox.RdfFormat.N_QUADS))
    pg.report.key = ex.report.id
    return pg


def _relation_rows(g: _Index, doc: str, sentences: dict[str, StatementRow]) -> list[RelationRow]:
    """The assertions with a subject entity, one per key (head, type, tail, report, start, end)."""
    rows: dict[tuple, RelationRow] = {}
    for a in g.subjects(_V["RelationAssertion"]):
        head = g.one(a, _SUBJECT)
        if head is None:
            continue        # gk:byUnknownAuthor: stays on the report in RDF only
        predicate = g.one(a, _PREDICATE)
        rel_type = _TYPE_OF_PROPERTY.get(predicate)
        if rel_type is None:
            raise StoreError(f"{doc}: relation {predicate} is not in the ontology")
        evidence = _str(g.one(a, _V["evidence"]))
        sentence = sentences.get(evidence) if evidence else None
        row = RelationRow(iri=a, head=head, type=rel_type, tail=g.one(a, _OBJECT), report=doc,
                          start=_int(g.one(a, _V["start"])), end=_int(g.one(a, _V["end"])), statement=evidence,
                          sentence=sentence.text if sentence else None,
                          sectionPath=sentence.sectionPath if sentence else None)
        rows[(row.head, row.type, row.tail, row.start, row.end)] = row
    return list(rows.values())


def _metric_rows(g: _Index, doc: str) -> list[MetricRow]:
    """A gk:Metric with its evidence: the number as a float (Neo4j has no decimal)."""
    rows = []
    for m in g.subjects(_V["Metric"]):
        evidence, value = g.one(m, _V["evidence"]), g.one(m, _V["value"])
        if evidence is None:
            continue
        rows.append(MetricRow(iri=m, report=doc, valueText=_str(g.one(m, _V["valueText"])),
                              value=None if value is None else float(value), text=_str(g.one(m, _V["text"])),
                              unit=_str(g.one(m, _V["unit"])), counted=_str(g.one(m, _V["counted"])),
                              year=_int(g.one(m, _V["year"])), masked=bool(g.one(m, _V["masked"])),
                              start=_int(g.one(m, _V["start"])), end=_int(g.one(m, _V["end"])),
                              subject=g.one(m, _V["metricOf"]), statement=evidence))
    return rows


def theme_rows(themes: Graph) -> tuple[list[ThemeRow], list[NarrowerRow]]:
    """Theme nodes and NARROWER pairs from ontology/themes.ttl (skos:narrower or inverse skos:broader)."""
    nodes = []
    for concept in sorted(themes.subjects(SKOS.notation, None), key=str):
        labels = {getattr(lit, "language", None): str(lit) for lit in themes.objects(concept, SKOS.prefLabel)}
        nodes.append(ThemeRow(iri=str(concept), id=str(themes.value(concept, SKOS.notation)),
                              name=labels.get("zh") or labels.get("en"), nameEn=labels.get("en")))
    pairs = set(themes.subject_objects(SKOS.narrower))
    pairs |= {(broad, narrow) for narrow, broad in themes.subject_objects(SKOS.broader)}
    return nodes, [NarrowerRow(broader=str(b), narrower=str(n)) for b, n in sorted(pairs)]
