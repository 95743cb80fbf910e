"""From an extraction to RDF: the triples one report contributes, kept in that report's named graph.

Why a named graph per report plus reified relations: the named graph makes "replace this report"
and "remove this report" one atomic DROP of everything it said, while a shared entity node keeps the
facts of the other reports; the reification (a gk:RelationAssertion per relation, an rdf:Statement)
ties each fact to the sentence that proves it, which neither a named graph alone nor RDF-star
(unsupported by rdflib's parsers and by SHACL validators today) can do portably. The plain triple
(head gk:leads tail) is asserted too, so simple queries need no reification pattern.
"""
from __future__ import annotations

import bisect
from decimal import Decimal, InvalidOperation

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV, SKOS

from govkg import iri, vocab
from govkg.identity import identity_name, label_form
from govkg.model import Entity, Extraction, Report, Statement

__all__ = ["SECTION_SEPARATOR", "build_graph", "entity_label", "entity_node", "entity_triples", "report_triples"]

SECTION_SEPARATOR = " › "


def entity_node(entity: Entity, report: Report | None = None) -> URIRef:
    """One node per real thing: an abbreviation and its full name share the canonical name, and
    the spellings of one undertaking across years share its identity name (govkg.identity).
    A name scoped to its report (xx县) is scoped to the report's identity, not its base name."""
    scope = entity.scope
    if report is not None and scope == report.doc:
        scope = report.id
    return iri.entity_iri(entity.type, _label(entity), scope)


def entity_label(entity: Entity) -> str:
    """The name an entity's node is labelled with (rdfs:label)."""
    return _label(entity)


def _label(entity: Entity) -> str:
    name = identity_name(entity.name, entity.canonical) if not entity.scope else entity.canonical or entity.name
    return label_form(name)


def _unnamed_author(ex: Extraction) -> str:
    """The id of the author entity of a report that does not name its author, a placeholder the
    text never mentions, scoped to the report ("" otherwise): extraction keeps it for the
    interchange JSONL (spec §5), the graph makes no entity of it."""
    if ex.report.author:
        return ""
    return next((e.id for e in ex.entities if e.author and e.scope == ex.report.doc
                 and not any(end > start for start, end in e.mentions)), "")


class _Triples(list):
    """A plain list of rdflib triples with Graph's ``add``: building a report's
    triples this way costs a fraction of an indexed Graph, which matters on the load path."""

    def add(self, triple) -> None:
        self.append(triple)


def build_graph(ex: Extraction) -> Graph:
    """Everything one report says, entity descriptions included, as one rdflib Graph."""
    g = Graph()
    for triple in entity_triples(ex) + report_triples(ex):
        g.add(triple)
    return g


def entity_triples(ex: Extraction) -> list[tuple]:
    """What the report says an entity is (type, name, aliases): shared by every report that names
    it, so a store keeps them once rather than once per report."""
    g, unnamed = _Triples(), _unnamed_author(ex)
    for e in ex.entities:
        if e.id != unnamed:
            _entity(g, e, ex.report)
    return list(dict.fromkeys(g))


def report_triples(ex: Extraction) -> list[tuple]:
    """The report's own triples (statements, mentions, relations, metrics, themes), in a stable order."""
    g = _Triples()
    doc = ex.report.id
    report = _report(g, ex)
    statements = _Statements(((s.start, s.end), _statement(g, doc, report, s)) for s in ex.statements)
    unnamed = _unnamed_author(ex)
    nodes = {e.id: entity_node(e, ex.report) for e in ex.entities if e.id != unnamed}
    for e in ex.entities:
        if e.id == unnamed:
            continue
        if e.author:
            g.add((report, PROV.wasAttributedTo, nodes[e.id]))
            g.add((report, vocab.author, nodes[e.id]))
        for start, end in e.mentions:
            if end > start:
                _mention(g, doc, nodes[e.id], statements, start, end)
    for rel in ex.relations:
        _relation(g, doc, nodes, statements, rel)
    author = next((nodes[e.id] for e in ex.entities if e.author and e.id in nodes), None)
    for metric in ex.metrics:
        _metric(g, ex.report, nodes.get(metric.subject, author), statements, metric)
    _touches(g, statements, ex)
    return list(dict.fromkeys(g))


def _report(g, ex: Extraction) -> URIRef:
    r = ex.report
    node = iri.report_iri(r.id)
    g.add((node, RDF.type, vocab.Report))
    g.add((node, RDF.type, PROV.Entity))
    g.add((node, vocab.docName, Literal(r.doc)))
    g.add((node, vocab.issuerKnown, Literal(bool(r.author))))
    if r.kind:
        g.add((node, vocab.kind, Literal(r.kind)))
    if r.level:
        g.add((node, vocab.level, Literal(r.level)))
    if r.reported_year:
        g.add((node, vocab.reportedYear, Literal(r.reported_year, datatype=XSD.integer)))
    g.add((node, RDFS.label, Literal(r.title or r.doc)))
    g.add((node, vocab.title, Literal(r.title or r.doc)))
    g.add((node, vocab.sha256, Literal(r.sha256)))
    if r.format:
        g.add((node, vocab.format, Literal(r.format)))
    if r.year:
        g.add((node, vocab.year, Literal(r.year, datatype=XSD.integer)))
    return node


def _statement(g, doc: str, report: URIRef, s: Statement) -> URIRef:
    node = iri.statement_iri(doc, s.start, s.end)
    g.add((node, RDF.type, vocab.Statement))
    g.add((node, vocab.inReport, report))
    g.add((node, vocab.text, Literal(s.text)))
    g.add((node, vocab.start, Literal(s.start, datatype=XSD.integer)))
    g.add((node, vocab.end, Literal(s.end, datatype=XSD.integer)))
    g.add((node, vocab.isHeading, Literal(s.heading)))
    if s.section:
        g.add((node, vocab.sectionPath, Literal(SECTION_SEPARATOR.join(s.section))))
        g.add((node, vocab.inSection, _section(g, doc, report, s.section)))
    for theme in s.themes:
        g.add((node, vocab.hasTheme, vocab.THEME[theme]))
    return node


def _section(g, doc: str, report: URIRef, path: tuple[str, ...]) -> URIRef:
    node = iri.section_iri(doc, path)
    g.add((node, RDF.type, vocab.Section))
    g.add((node, vocab.title, Literal(path[-1])))
    g.add((node, vocab.inReport, report))
    if len(path) > 1:
        g.add((node, vocab.parentSection, _section(g, doc, report, path[:-1])))
    return node


def _entity(g, e: Entity, report: Report | None = None) -> URIRef:
    node = entity_node(e, report)
    g.add((node, RDF.type, vocab.ENTITY_CLASSES[e.type]))
    label = _label(e)
    g.add((node, RDFS.label, Literal(label)))
    for alias in sorted({label_form(a) for a in (e.name, *e.aliases)} - {label}):
        g.add((node, SKOS.altLabel, Literal(alias)))
    if e.scope:
        g.add((node, vocab.scope, Literal(e.scope)))
    if e.author:
        g.add((node, vocab.isAuthor, Literal(True)))
    return node


class _Statements(dict):
    """(start, end) -> statement node, with a lookup of the statement that holds a span."""

    def containing(self, start: int, end: int) -> URIRef | None:
        if not hasattr(self, "spans"):
            self.spans = sorted(self)
        i = bisect.bisect_right(self.spans, (start, float("inf"))) - 1
        if i >= 0 and self.spans[i][0] <= start and end <= self.spans[i][1]:
            return self[self.spans[i]]
        return None


def _mention(g, doc: str, entity: URIRef, statements: dict, start: int, end: int) -> None:
    statement = statements.containing(start, end)
    if statement is None:
        return
    node = iri.hashed_iri(doc, "m", entity, start, end)
    g.add((node, RDF.type, vocab.Mention))
    g.add((node, vocab.mentionOf, entity))
    g.add((node, vocab.inStatement, statement))
    g.add((node, vocab.start, Literal(start, datatype=XSD.integer)))
    g.add((node, vocab.end, Literal(end, datatype=XSD.integer)))
    g.add((entity, vocab.mentionedIn, statement))


def _relation(g, doc: str, nodes: dict, statements: dict, rel) -> None:
    """A relation, reified with its evidence; one whose subject is an unnamed author stays on the
    report as an assertion without rdf:subject, marked gk:byUnknownAuthor."""
    head, tail = nodes.get(rel.head), nodes.get(rel.tail)
    if tail is None:
        return          # an unnamed author as the object: nothing to say of it
    prop = vocab.RELATION_PROPERTIES[rel.type]
    statement = statements.containing(*rel.evidence)
    node = iri.hashed_iri(doc, "r", head or "unknown-author", rel.type, tail, *rel.evidence)
    g.add((node, RDF.type, vocab.RelationAssertion))
    if head is None:
        g.add((node, vocab.byUnknownAuthor, Literal(True)))
    else:
        g.add((head, prop, tail))
        g.add((node, RDF.subject, head))
    g.add((node, RDF.predicate, prop))
    g.add((node, RDF.object, tail))
    g.add((node, vocab.start, Literal(rel.evidence[0], datatype=XSD.integer)))
    g.add((node, vocab.end, Literal(rel.evidence[1], datatype=XSD.integer)))
    if statement is not None:
        g.add((node, vocab.evidence, statement))


def _metric(g, report, subject: URIRef | None, statements, m) -> None:
    """A quantity with its evidence: the number as a typed literal when there is one (not when
    masked), the value and the span as written; linked to its undertaking (else the author)."""
    statement = statements.containing(*m.span)
    if statement is None:
        return
    node = iri.hashed_iri(report.id, "metric", *m.span, m.value, m.unit)
    g.add((node, RDF.type, vocab.Metric))
    g.add((node, vocab.valueText, Literal(m.value)))
    number = None if m.masked else _decimal(m.value)
    if number is not None:
        g.add((node, vocab.value, Literal(number, datatype=XSD.decimal)))
    g.add((node, vocab.text, Literal(report.text[m.span[0]:m.span[1]])))
    if m.unit:
        g.add((node, vocab.unit, Literal(m.unit)))
    if m.counted:
        g.add((node, vocab.counted, Literal(m.counted)))
    if m.year is not None:
        g.add((node, vocab.year, Literal(m.year, datatype=XSD.integer)))
    g.add((node, vocab.masked, Literal(m.masked)))
    if subject is not None:
        g.add((node, vocab.metricOf, subject))
    g.add((node, vocab.evidence, statement))
    g.add((node, vocab.start, Literal(m.span[0], datatype=XSD.integer)))
    g.add((node, vocab.end, Literal(m.span[1], datatype=XSD.integer)))


def _decimal(value: str) -> str | None:
    """The xsd:decimal lexical form of a value (no exponent), or None when it is not a number."""
    try:
        number = Decimal(value)
    except InvalidOperation:
        return None
    return format(number, "f") if number.is_finite() else None


def _touches(g, statements: dict, ex: Extraction) -> None:
    """An entity touches the themes of the statements that mention it (spec §4)."""
    themes = {statements[(s.start, s.end)]: s.themes for s in ex.statements if s.themes}
    mentioned = [(entity, statement) for entity, p, statement in g if p == vocab.mentionedIn]
    for entity, statement in mentioned:
        for theme in themes.get(statement, ()):
            g.add((entity, vocab.touchesTheme, vocab.THEME[theme]))
