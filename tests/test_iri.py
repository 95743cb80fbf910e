"""Stable IRIs (govkg.iri): readable keys, a report known by its file, one node per real thing."""
from __future__ import annotations

from govkg import iri
from govkg.iri import entity_node
from govkg.model import Entity, Report


def test_iri_keys_are_readable_and_safe():
    assert iri.key("“县委 党校”") == "县委党校"
    assert " " not in iri.key("a b<c>") and "<" not in iri.key("a b<c>")
    assert iri.key("ＡＢＣ") == iri.key("abc") == "abc"       # NFKC and lower case: one key


def test_a_report_known_by_its_path_is_not_its_base_name_alone():
    a, b = iri.report_iri("/x/a/report.txt"), iri.report_iri("/x/b/report.txt")
    assert a != b
    assert str(a).rsplit("/", 1)[1].startswith("report.txt~") and str(b).rsplit("/", 1)[1].startswith("report.txt~")
    assert str(iri.report_iri("report.txt")).endswith("/report/report.txt")
    assert iri.report_iri("/x/a/report.txt") == a                       # the same path, the same IRI


def test_a_statement_and_a_section_hang_under_their_report():
    report = str(iri.report_iri("a.txt"))
    assert str(iri.statement_iri("a.txt", 3, 9)) == f"{report}/s/3-9"
    assert str(iri.section_iri("a.txt", ("一、", "（一）"))).startswith(f"{report}/section/")
    assert iri.section_iri("a.txt", ("一、", "（一）")) != iri.section_iri("a.txt", ("一、（一）",))


def test_one_body_is_one_node_in_every_report():
    body = Entity("e1", "Organization", "县委党校", ((0, 4),))
    first = Report(doc="a.txt", text="", sha256="")
    second = Report(doc="b.txt", text="", sha256="", key="/x/b.txt")
    assert entity_node(body, first) == entity_node(body, second) == iri.entity_iri("Organization", "县委党校")


def test_a_masked_name_is_scoped_to_its_reports_file():
    """xx县 of one report need not be xx县 of another: scoped to the report's id (its path)."""
    report = Report(doc="report.txt", text="", sha256="", key="/x/a/report.txt")
    masked = Entity("e1", "Place", "xx县", ((0, 3),), scope="report.txt")
    assert entity_node(masked, report) == iri.entity_iri("Place", "xx县", "/x/a/report.txt")
    other = Report(doc="report.txt", text="", sha256="", key="/x/b/report.txt")
    assert entity_node(masked, report) != entity_node(masked, other)
