"""From an extraction straight to N-Quads text: the load path's builder.

The same triples as govkg.rdf_mapping (a test parses what this writes and compares it with the rdflib
mapping on the corpus: the same triples in the same order), built as N-Triples terms, plain
strings. Oxigraph then parses a whole batch of reports in Rust (``Store.bulk_load``): on the load
path, making a Python ``pyoxigraph.Quad`` costs more than Oxigraph's own write of it (about 6 µs
for a quad whose object is a literal, 70 times the string), and rdflib terms cost more again.
rdflib stays the API for parsing, export and SHACL (govkg.rdf_mapping).
"""
from __future__ import annotations

import bisect
from typing import Iterable

from rdflib import RDF, RDFS, XSD, Literal
from rdflib.namespace import PROV, SKOS

from govkg import iri, vocab
from govkg.rdf_mapping import SECTION_SEPARATOR, _decimal, _label, _unnamed_author, entity_node
from govkg.identity import label_form
from govkg.model import Entity, Extraction, Report, Statement

__all__ = ["Triple", "entity_terms", "nquads", "report_terms"]

Triple = tuple[str, str, str]     # subject, predicate, object as N-Triples terms: <iri>, "literal"


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
    if isinstance(_value, str) and _value.startswith("https://w3id.org/govkg/ontology#"):
        setattr(V, _name, _iri(_value))


class _Themes(dict):
    """theme name -> its concept's IRI, made once (rdflib's Namespace makes a new URIRef each time)."""

    def __missing__(self, name: str) -> str:
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


def entity_terms(ex: Extraction) -> list[Triple]:
    """govkg.rdf_mapping.entity_triples as N-Triples terms, in the same order."""
    out: list[Triple] = []
    unnamed = _unnamed_author(ex)
    for e in ex.entities:
        if e.id != unnamed:
            _entity(out, e, ex.report)
    return list(dict.fromkeys(out))


def report_terms(ex: Extraction) -> list[Triple]:
    """govkg.rdf_mapping.report_triples as N-Triples terms, in the same order."""
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
    label = _label(e)
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
    head, tail = nodes.get(rel.head), nodes.get(rel.tail)
    if tail is None:
        return
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
    statement = statements.containing(*m.span)
    if statement is None:
        return
    node = _iri(iri.hashed_iri(report.id, "metric", *m.span, m.value, m.unit))
    out += [(node, TYPE, V.Metric), (node, V.valueText, _text(m.value))]
    number = None if m.masked else _decimal(m.value)
    if number is not None:       # rdflib's lexical form of an xsd:decimal, as govkg.rdf_mapping writes it
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


def _touches(out: list, mentioned: list, statements: _Statements, ex: Extraction) -> None:
    themes = {statements[(s.start, s.end)]: s.themes for s in ex.statements if s.themes}
    for entity, statement in mentioned:
        for theme in themes.get(statement, ()):
            out.append((entity, V.touchesTheme, THEME[theme]))
