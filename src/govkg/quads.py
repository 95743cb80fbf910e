"""From an extraction straight to Oxigraph terms: the load path's builder.

The same triples as govkg.rdf_mapping (a test compares both builders on the corpus: isomorphic graphs),
built without rdflib terms. On the load path rdflib's Literal (type checks, casts, lexical
normalisation) and the conversion of every term afterwards cost more than Oxigraph's own write;
here an IRI is made once per report and a literal directly. rdflib stays the API for parsing,
export and SHACL (govkg.rdf_mapping).
"""
from __future__ import annotations

import bisect

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, Literal
from rdflib.namespace import PROV, SKOS

from govkg import iri, vocab
from govkg.rdf_mapping import SECTION_SEPARATOR, _decimal, _label, _unnamed_author, entity_node
from govkg.identity import label_form
from govkg.model import Entity, Extraction, Report, Statement

__all__ = ["entity_quads", "report_quads"]

_N = {}


def _node(uri) -> ox.NamedNode:
    """The Oxigraph node of an IRI (rdflib URIRef or str), made once."""
    found = _N.get(uri)
    if found is None:
        found = _N[uri] = ox.NamedNode(str(uri))
    return found


TYPE, LABEL, ALT = _node(RDF.type), _node(RDFS.label), _node(SKOS.altLabel)
_INTEGER, _BOOLEAN = _node(XSD.integer), _node(XSD.boolean)
_TRUE, _FALSE = ox.Literal("true", datatype=_BOOLEAN), ox.Literal("false", datatype=_BOOLEAN)
V = type("V", (), {})()     # vocab terms as Oxigraph nodes: V.inReport, V.Statement ...
for _name in dir(vocab):
    _value = getattr(vocab, _name)
    if isinstance(_value, str) and _value.startswith("https://w3id.org/govkg/ontology#"):
        setattr(V, _name, _node(_value))


def _int(value: int) -> ox.Literal:
    return ox.Literal(str(int(value)), datatype=_INTEGER)


def _bool(value) -> ox.Literal:
    return _TRUE if value else _FALSE


def _text(value: str) -> ox.Literal:
    return ox.Literal(value)


def entity_quads(ex: Extraction, graph: ox.NamedNode) -> list[ox.Quad]:
    """govkg.rdf_mapping.entity_triples as quads in ``graph``."""
    out, unnamed = [], _unnamed_author(ex)
    for e in ex.entities:
        if e.id != unnamed:
            _entity(out, e, ex.report)
    return [ox.Quad(s, p, o, graph) for s, p, o in dict.fromkeys(out)]


def report_quads(ex: Extraction, graph: ox.NamedNode) -> list[ox.Quad]:
    """govkg.rdf_mapping.report_triples as quads in ``graph``, in the same order."""
    out: list[tuple] = []
    doc = ex.report.id
    report = _report(out, ex)
    statements = _Statements(((s.start, s.end), _statement(out, doc, report, s)) for s in ex.statements)
    unnamed = _unnamed_author(ex)
    nodes = {e.id: entity_node(e, ex.report) for e in ex.entities if e.id != unnamed}
    mentioned: list[tuple] = []
    for e in ex.entities:
        if e.id == unnamed:
            continue
        node = _node(nodes[e.id])
        if e.author:
            out.append((report, _node(PROV.wasAttributedTo), node))
            out.append((report, V.author, node))
        for start, end in e.mentions:
            if end > start:
                _mention(out, mentioned, doc, nodes[e.id], statements, start, end)
    for rel in ex.relations:
        _relation(out, doc, nodes, statements, rel)
    author = next((nodes[e.id] for e in ex.entities if e.author and e.id in nodes), None)
    for metric in ex.metrics:
        _metric(out, ex.report, nodes.get(metric.subject, author), statements, metric)
    _touches(out, mentioned, statements, ex)
    return [ox.Quad(s, p, o, graph) for s, p, o in dict.fromkeys(out)]


def _report(out: list, ex: Extraction) -> ox.NamedNode:
    r = ex.report
    node = _node(iri.report_iri(r.id))
    out += [(node, TYPE, V.Report), (node, TYPE, _node(PROV.Entity)), (node, V.docName, _text(r.doc)),
            (node, V.issuerKnown, _bool(r.author))]
    if r.kind:
        out.append((node, V.kind, _text(r.kind)))
    if r.level:
        out.append((node, V.level, _text(r.level)))
    if r.reported_year:
        out.append((node, V.reportedYear, _int(r.reported_year)))
    out += [(node, LABEL, _text(r.title or r.doc)), (node, V.title, _text(r.title or r.doc)),
            (node, V.sha256, _text(r.sha256))]
    if r.format:
        out.append((node, V.format, _text(r.format)))
    if r.year:
        out.append((node, V.year, _int(r.year)))
    return node


def _statement(out: list, doc: str, report: ox.NamedNode, s: Statement) -> ox.NamedNode:
    node = ox.NamedNode(str(iri.statement_iri(doc, s.start, s.end)))
    out += [(node, TYPE, V.Statement), (node, V.inReport, report), (node, V.text, _text(s.text)),
            (node, V.start, _int(s.start)), (node, V.end, _int(s.end)), (node, V.isHeading, _bool(s.heading))]
    if s.section:
        out.append((node, V.sectionPath, _text(SECTION_SEPARATOR.join(s.section))))
        out.append((node, V.inSection, _section(out, doc, report, s.section)))
    for theme in s.themes:
        out.append((node, V.hasTheme, _node(vocab.THEME[theme])))
    return node


def _section(out: list, doc: str, report: ox.NamedNode, path: tuple[str, ...]) -> ox.NamedNode:
    node = _node(iri.section_iri(doc, path))
    out += [(node, TYPE, V.Section), (node, V.title, _text(path[-1])), (node, V.inReport, report)]
    if len(path) > 1:
        out.append((node, V.parentSection, _section(out, doc, report, path[:-1])))
    return node


def _entity(out: list, e: Entity, report: Report | None = None) -> None:
    node = _node(entity_node(e, report))
    label = _label(e)
    out += [(node, TYPE, _node(vocab.ENTITY_CLASSES[e.type])), (node, LABEL, _text(label))]
    out += [(node, ALT, _text(alias)) for alias in sorted({label_form(a) for a in (e.name, *e.aliases)} - {label})]
    if e.scope:
        out.append((node, V.scope, _text(e.scope)))
    if e.author:
        out.append((node, V.isAuthor, _TRUE))


class _Statements(dict):
    """(start, end) -> statement node, with a lookup of the statement that holds a span."""

    def containing(self, start: int, end: int) -> ox.NamedNode | None:
        if not hasattr(self, "spans"):
            self.spans = sorted(self)
        i = bisect.bisect_right(self.spans, (start, float("inf"))) - 1
        if i >= 0 and self.spans[i][0] <= start and end <= self.spans[i][1]:
            return self[self.spans[i]]
        return None


def _mention(out: list, mentioned: list, doc: str, entity, statements: _Statements, start: int, end: int) -> None:
    statement = statements.containing(start, end)
    if statement is None:
        return
    node, subject = ox.NamedNode(str(iri.hashed_iri(doc, "m", entity, start, end))), _node(entity)
    out += [(node, TYPE, V.Mention), (node, V.mentionOf, subject), (node, V.inStatement, statement),
            (node, V.start, _int(start)), (node, V.end, _int(end)), (subject, V.mentionedIn, statement)]
    mentioned.append((subject, statement))


def _relation(out: list, doc: str, nodes: dict, statements: _Statements, rel) -> None:
    head, tail = nodes.get(rel.head), nodes.get(rel.tail)
    if tail is None:
        return
    prop = _node(vocab.RELATION_PROPERTIES[rel.type])
    statement = statements.containing(*rel.evidence)
    node = ox.NamedNode(str(iri.hashed_iri(doc, "r", head or "unknown-author", rel.type, tail, *rel.evidence)))
    out.append((node, TYPE, V.RelationAssertion))
    if head is None:
        out.append((node, V.byUnknownAuthor, _TRUE))
    else:
        out += [(_node(head), prop, _node(tail)), (node, _node(RDF.subject), _node(head))]
    out += [(node, _node(RDF.predicate), prop), (node, _node(RDF.object), _node(tail)),
            (node, V.start, _int(rel.evidence[0])), (node, V.end, _int(rel.evidence[1]))]
    if statement is not None:
        out.append((node, V.evidence, statement))


def _metric(out: list, report: Report, subject, statements: _Statements, m) -> None:
    statement = statements.containing(*m.span)
    if statement is None:
        return
    node = ox.NamedNode(str(iri.hashed_iri(report.id, "metric", *m.span, m.value, m.unit)))
    out += [(node, TYPE, V.Metric), (node, V.valueText, _text(m.value))]
    number = None if m.masked else _decimal(m.value)
    if number is not None:       # rdflib's lexical form of an xsd:decimal, as govkg.rdf_mapping writes it
        decimal = Literal(number, datatype=XSD.decimal)
        out.append((node, V.value, ox.Literal(str(decimal), datatype=_node(XSD.decimal))))
    out.append((node, V.text, _text(report.text[m.span[0]:m.span[1]])))
    if m.unit:
        out.append((node, V.unit, _text(m.unit)))
    if m.counted:
        out.append((node, V.counted, _text(m.counted)))
    if m.year is not None:
        out.append((node, V.year, _int(m.year)))
    out.append((node, V.masked, _bool(m.masked)))
    if subject is not None:
        out.append((node, V.metricOf, _node(subject)))
    out += [(node, V.evidence, statement), (node, V.start, _int(m.span[0])), (node, V.end, _int(m.span[1]))]


def _touches(out: list, mentioned: list, statements: _Statements, ex: Extraction) -> None:
    themes = {statements[(s.start, s.end)]: s.themes for s in ex.statements if s.themes}
    for entity, statement in mentioned:
        for theme in themes.get(statement, ()):
            out.append((entity, V.touchesTheme, _node(vocab.THEME[theme])))
