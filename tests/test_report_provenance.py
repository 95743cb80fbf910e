"""A report's metadata in the graph: typed values, PROV-O attribution, and no placeholder entity
for an author the text does not name (its implicit-subject facts stay on the report)."""
from __future__ import annotations

from rdflib import RDF, RDFS, Literal
from rdflib.namespace import PROV

from govkg import iri, vocab
from govkg.rdf_mapping import build_graph
from govkg.model import Entity, Extraction, Relation, Report, Statement
from govkg.store.neo4j.mapping import property_graph

TEXT = "开展驻村帮扶工作。"


def _extraction(author: str) -> Extraction:
    report = Report(doc="r.txt", text=TEXT, sha256="0" * 64, title="t", year=2019, author=author,
                    kind="政府工作报告", level="county", reported_year=2018)
    author_entity = Entity("e0", "Organization", author or "作者（r.txt）", ((0, 0),), author=True,
                           scope="" if author else "r.txt")
    initiative = Entity("e1", "Initiative", "驻村帮扶", ((2, 6),))
    return Extraction(report, (Statement(0, len(TEXT), TEXT),), (author_entity, initiative),
                      (Relation("e0", "LEADS", "e1", (0, len(TEXT))),))


def test_metadata_is_typed_and_attributed():
    g = build_graph(_extraction("海拉尔区人民政府"))
    report = iri.report_iri("r.txt")
    issuer = iri.entity_iri("Organization", "海拉尔区人民政府")
    assert (report, RDF.type, PROV.Entity) in g
    assert (report, PROV.wasAttributedTo, issuer) in g and (report, vocab.author, issuer) in g
    assert g.value(report, vocab.kind) == Literal("政府工作报告")
    assert g.value(report, vocab.level) == Literal("county")
    assert g.value(report, vocab.reportedYear).toPython() == 2018
    assert g.value(report, vocab.issuerKnown).toPython() is True


def test_an_unnamed_author_is_no_entity():
    g = build_graph(_extraction(""))
    report = iri.report_iri("r.txt")
    labels = {str(o) for o in g.objects(None, RDFS.label)}
    assert not any(label.startswith("作者") for label in labels)
    assert g.value(report, vocab.author) is None and g.value(report, PROV.wasAttributedTo) is None
    assert g.value(report, vocab.issuerKnown).toPython() is False
    (assertion,) = g.subjects(RDF.type, vocab.RelationAssertion)
    assert g.value(assertion, vocab.byUnknownAuthor).toPython() is True
    assert g.value(assertion, RDF.subject) is None
    assert g.value(assertion, RDF.object) == iri.entity_iri("Initiative", "驻村帮扶")
    pg = property_graph(g)
    assert pg.report.issuerKnown is False
    assert [e.name for e in pg.entities] == ["驻村帮扶"] and pg.relations == []


def test_no_placeholder_author_in_a_corpus_store(corpus, tmp_path):
    from govkg.pipeline import expand_inputs, load_files
    from govkg.store import open_store

    names = ["policy-qingdao-2024-ai-industry-action-plan.txt", "gwr-hailar-district-2016.txt"]
    with open_store(tmp_path / "s") as db:
        load_files([corpus / n for n in names], db)
        rows = db.select("SELECT ?l WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l "
                         "FILTER (STRSTARTS(?l, '作者')) }", {}).rows
        infos = {r.doc: r for r in db.reports()}
    assert rows == ()
    assert infos[names[0]].issuer == "" and infos[names[1]].issuer == "海拉尔区人民政府"
    skipped = []
    expand_inputs([corpus], skipped)
    assert corpus / "README.md" in skipped
