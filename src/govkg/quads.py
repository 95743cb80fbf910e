"""The RDF mapping of an extraction, written once: which field of a report becomes which triple.

``report_terms`` and ``entity_terms`` give a report's triples as N-Triples terms, plain strings
(``<iri>``, ``"literal"``); ``nquads`` writes them as N-Quads text for the load path, and
``ntriples`` as the N-Triples text a SPARQL server is sent and govkg.rdf_mapping reads into an
rdflib Graph. Strings, because Oxigraph then parses a whole batch of reports in Rust
(``Store.bulk_load``): on the load path, a Python ``pyoxigraph.Quad`` costs more than Oxigraph's
own write of it (about 6 µs for a quad whose object is a literal, 70 times the string), and
rdflib terms cost more again.

Why a named graph per report plus reified relations: the named graph makes "replace this report"
and "remove this report" one atomic DROP of everything it said, while a shared entity node keeps the
facts of the other reports; the reification (a gk:RelationAssertion per relation, an rdf:Statement)
ties each fact to the sentence that proves it, which neither a named graph alone nor RDF-star
(unsupported by rdflib's parsers and by SHACL validators today) can do portably. The plain triple
(head gk:leads tail) is asserted too, so simple queries need no reification pattern.
"""
from __future__ import annotations

import bisect
import re
from decimal import Decimal, InvalidOperation
from typing import Iterable

from rdflib import RDF, RDFS, XSD, Literal
from rdflib.namespace import PROV, SKOS

from govkg import iri, vocab
from govkg.errors import NotAnIri
from govkg.identity import entity_label, label_form
from govkg.iri import entity_node
from govkg.model import Entity, Extraction, Report, Statement

__all__ = ["SECTION_SEPARATOR", "Triple", "entity_terms", "nquads", "ntriples", "report_terms"]

Triple = tuple[str, str, str]     # subject, predicate, object as N-Triples terms: <iri>, "literal"
SECTION_SEPARATOR = " › "         # between the headings of gk:sectionPath


def _iri(value) -> str:
    return f"<{value}>"


TYPE, LABEL, ALT = _iri(RDF.type), _iri(RDFS.label), _iri(SKOS.altLabel)
ATTRIBUTED, RDF_SUBJECT, RDF_PREDICATE, RDF_OBJECT = (
    _iri(t) for t in (PROV.wasAttributedTo, RDF.subject, RDF.predicate, RDF.object))
PROV_ENTITY = _iri(PROV.Entity)
_INTEGER, _DECIMAL = _iri(XSD.integer), _iri(XSD.decimal)
_TRUE, _FALSE = f'"true"^^{_iri(XSD.boolean)}', f'"false"^^{_iri(XSD.boolean)}'
V = type("V", (), {})()     # vocab terms as N-Triples IRIs: V.inReport, V.Statement ...
for _name in dir(vocab):
    _value = getattr(vocab, _name)
    if isinstance(_value, str) and _value.startswith(str(vocab.GK)):
        setattr(V, _name, _iri(_value))


# What a theme name may hold to be an IRI segment as it is. Every other IRI of the mapping is
# escaped or hashed by govkg.iri, so the store loads these N-Quads without validating IRIs again.
_THEME_NAME = re.compile(r"[A-Za-z0-9_.~-]+")


class _Themes(dict):
    """theme name -> its concept's IRI, made once (rdflib's Namespace makes a new URIRef each time)."""

    def __missing__(self, name: str) -> str:     # report_terms has checked the name (_check_themes)
        found = self[name] = _iri(vocab.THEME[name])
        return found


THEME = _Themes()
ENTITY_CLASS = {name: _iri(cls) for name, cls in vocab.ENTITY_CLASSES.items()}
RELATION = {name: _iri(prop) for name, prop in vocab.RELATION_PROPERTIES.items()}
# N-Quads escapes only these four in a "..." literal; everything else is written as it is (UTF-8)
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _text(value: str) -> str:
    if '"' in value or "\\" in value or "\n" in value or "\r" in value:
        value = value.translate(_ESCAPES)
    return f'"{value}"'


def _int(value: int) -> str:
    return f'"{int(value)}"^^{_INTEGER}'


def _bool(value) -> str:
    return _TRUE if value else _FALSE


def nquads(triples: Iterable[Triple], graph: str) -> str:
    """The triples as N-Quads lines in the named graph ``graph`` (an IRI)."""
    g = _iri(graph)
    return "".join([f"{s} {p} {o} {g} .\n" for s, p, o in triples])


def ntriples(triples: Iterable[Triple]) -> str:
    """The triples as N-Triples lines (no graph)."""
    return "".join([f"{s} {p} {o} .\n" for s, p, o in triples])


def _check_themes(ex: Extraction) -> None:
    """NotAnIri naming the report when one of its theme names could not be an IRI segment as it is."""
    for s in ex.statements:
        for name in s.themes:
            if name not in THEME and not _THEME_NAME.fullmatch(name):
                raise NotAnIri(ex.report.source or ex.report.id,
                               f"theme {name!r} is not a theme name (letters, digits and _ . ~ - only)")


def _unnamed_author(ex: Extraction) -> str:
    """The id of the author entity of a report that does not name its author, a placeholder the
    text never mentions, scoped to the report ("" otherwise): extraction keeps it for the
    interchange JSONL (spec §5), the graph makes no entity of it."""
    if ex.report.author:
        return ""
    return next((e.id for e in ex.entities if e.author and e.scope == ex.report.doc
                 and not any(end > start for start, end in e.mentions)), "")


def entity_terms(ex: Extraction) -> list[Triple]:
    """What the report says an entity is (type, name, aliases): shared by every report that names
    it, so a store keeps them once rather than once per report."""
    out: list[Triple] = []
    unnamed = _unnamed_author(ex)
    for e in ex.entities:
        if e.id != unnamed:
            _entity(out, e, ex.report)
    return list(dict.fromkeys(out))


def report_terms(ex: Extraction) -> list[Triple]:
    """The report's own triples (statements, mentions, relations, metrics, themes), in a stable order."""
    _check_themes(ex)
    out: list[Triple] = []
    doc = ex.report.id
    report = _report(out, ex)
    sections: dict[tuple[str, ...], str] = {}
    statements = _Statements(((s.start, s.end), _statement(out, report, sections, doc, s)) for s in ex.statements)
    unnamed = _unnamed_author(ex)
    nodes = {e.id: entity_node(e, ex.report) for e in ex.entities if e.id != unnamed}
    mentioned: list[tuple[str, str]] = []
    for e in ex.entities:
        if e.id == unnamed:
            continue
        node = _iri(nodes[e.id])
        if e.author:
            out.append((report, ATTRIBUTED, node))
            out.append((report, V.author, node))
        for start, end in e.mentions:
            if end > start:
                _mention(out, mentioned, doc, nodes[e.id], node, statements, start, end)
    for rel in ex.relations:
        _relation(out, doc, nodes, statements, rel)
    author = next((nodes[e.id] for e in ex.entities if e.author and e.id in nodes), None)
    for metric in ex.metrics:
        _metric(out, ex.report, nodes.get(metric.subject, author), statements, metric)
    _touches(out, mentioned, statements, ex)
    return list(dict.fromkeys(out))


def _report(out: list, ex: Extraction) -> str:
    r = ex.report
    node = _iri(iri.report_iri(r.id))
    out += [(node, TYPE, V.Report), (node, TYPE, PROV_ENTITY), (node, V.docName, _text(r.doc)),
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


def _statement(out: list, report: str, sections: dict, doc: str, s: Statement) -> str:
    node = f"{report[:-1]}/s/{s.start}-{s.end}>"      # iri.statement_iri
    out += [(node, TYPE, V.Statement), (node, V.inReport, report), (node, V.text, _text(s.text)),
            (node, V.start, _int(s.start)), (node, V.end, _int(s.end)), (node, V.isHeading, _bool(s.heading))]
    if s.section:
        out.append((node, V.sectionPath, _text(SECTION_SEPARATOR.join(s.section))))
        out.append((node, V.inSection, _section(out, report, sections, doc, s.section)))
    for theme in s.themes:
        out.append((node, V.hasTheme, THEME[theme]))
    return node


def _section(out: list, report: str, sections: dict, doc: str, path: tuple[str, ...]) -> str:
    """A section's triples the first time the report names it (later ones would be duplicates)."""
    node = sections.get(path)
    if node is not None:
        return node
    node = sections[path] = _iri(iri.section_iri(doc, path))
    out += [(node, TYPE, V.Section), (node, V.title, _text(path[-1])), (node, V.inReport, report)]
    if len(path) > 1:
        out.append((node, V.parentSection, _section(out, report, sections, doc, path[:-1])))
    return node


def _entity(out: list, e: Entity, report: Report | None = None) -> None:
    node = _iri(entity_node(e, report))
    label = entity_label(e)
    out += [(node, TYPE, ENTITY_CLASS[e.type]), (node, LABEL, _text(label))]
    out += [(node, ALT, _text(alias)) for alias in sorted({label_form(a) for a in (e.name, *e.aliases)} - {label})]
    if e.scope:
        out.append((node, V.scope, _text(e.scope)))
    if e.author:
        out.append((node, V.isAuthor, _TRUE))


class _Statements(dict):
    """(start, end) -> statement node, with a lookup of the statement that holds a span."""

    def containing(self, start: int, end: int) -> str | None:
        if not hasattr(self, "spans"):
            self.spans = sorted(self)
        i = bisect.bisect_right(self.spans, (start, float("inf"))) - 1
        if i >= 0 and self.spans[i][0] <= start and end <= self.spans[i][1]:
            return self[self.spans[i]]
        return None


def _mention(out: list, mentioned: list, doc: str, entity, subject: str, statements: _Statements,
             start: int, end: int) -> None:
    statement = statements.containing(start, end)
    if statement is None:
        return
    node = _iri(iri.hashed_iri(doc, "m", entity, start, end))
    out += [(node, TYPE, V.Mention), (node, V.mentionOf, subject), (node, V.inStatement, statement),
            (node, V.start, _int(start)), (node, V.end, _int(end)), (subject, V.mentionedIn, statement)]
    mentioned.append((subject, statement))


def _relation(out: list, doc: str, nodes: dict, statements: _Statements, rel) -> None:
    """A relation, reified with its evidence; one whose subject is an unnamed author stays on the
    report as an assertion without rdf:subject, marked gk:byUnknownAuthor."""
    head, tail = nodes.get(rel.head), nodes.get(rel.tail)
    if tail is None:
        return          # an unnamed author as the object: nothing to say of it
    prop = RELATION[rel.type]
    statement = statements.containing(*rel.evidence)
    node = _iri(iri.hashed_iri(doc, "r", head or "unknown-author", rel.type, tail, *rel.evidence))
    out.append((node, TYPE, V.RelationAssertion))
    if head is None:
        out.append((node, V.byUnknownAuthor, _TRUE))
    else:
        out += [(_iri(head), prop, _iri(tail)), (node, RDF_SUBJECT, _iri(head))]
    out += [(node, RDF_PREDICATE, prop), (node, RDF_OBJECT, _iri(tail)),
            (node, V.start, _int(rel.evidence[0])), (node, V.end, _int(rel.evidence[1]))]
    if statement is not None:
        out.append((node, V.evidence, statement))


def _metric(out: list, report: Report, subject, statements: _Statements, m) -> None:
    """A quantity with its evidence: the number as a typed literal when there is one (not when
    masked), the value and the span as written; linked to its undertaking (else the author)."""
    statement = statements.containing(*m.span)
    if statement is None:
        return
    node = _iri(iri.hashed_iri(report.id, "metric", *m.span, m.value, m.unit))
    out += [(node, TYPE, V.Metric), (node, V.valueText, _text(m.value))]
    number = None if m.masked else _decimal(m.value)
    if number is not None:       # rdflib's lexical form of an xsd:decimal
        out.append((node, V.value, f'"{Literal(number, datatype=XSD.decimal)}"^^{_DECIMAL}'))
    out.append((node, V.text, _text(report.text[m.span[0]:m.span[1]])))
    if m.unit:
        out.append((node, V.unit, _text(m.unit)))
    if m.counted:
        out.append((node, V.counted, _text(m.counted)))
    if m.year is not None:
        out.append((node, V.year, _int(m.year)))
    out.append((node, V.masked, _bool(m.masked)))
    if subject is not None:
        out.append((node, V.metricOf, _iri(subject)))
    out += [(node, V.evidence, statement), (node, V.start, _int(m.span[0])), (node, V.end, _int(m.span[1]))]


def _decimal(value: str) -> str | None:
    """The xsd:decimal lexical form of a value (no exponent), or None when it is not a number."""
    try:
        number = Decimal(value)
    except InvalidOperation:
        return None
    return format(number, "f") if number.is_finite() else None


def _touches(out: list, mentioned: list, statements: _Statements, ex: Extraction) -> None:
    """An entity touches the themes of the statements that mention it (spec §4)."""
    themes = {statements[(s.start, s.end)]: s.themes for s in ex.statements if s.themes}
    for entity, statement in mentioned:
        for theme in themes.get(statement, ()):
            out.append((entity, V.touchesTheme, THEME[theme]))
