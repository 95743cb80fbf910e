"""govkg.serve.pages: what the explorer's pages show, as data: an entity with its relations either
way, a report as its statements, a query's parameters checked in the words of a form, answers as
CSV for Excel or JSON, and the reports × themes matrix."""
from __future__ import annotations

import csv
import io
import json

import pytest

from govkg.named_queries import load_query
from govkg.serve.pages import PageError, check_params, entity_page, report_page, table_csv, table_json, theme_matrix
from govkg.view import load_view
from viewkit import DOC, EVIL, SENTENCES


@pytest.fixture(scope="module")
def view(served_store):
    return load_view(served_store)


def test_an_entity_page_has_its_relations_both_ways_and_what_it_wrote(view):
    programme = entity_page(view, "红色头雁工程")
    assert sorted((r["relation"], r["direction"], r["other"]) for r in programme["relations"]) == \
        [("LEADS", "in", "县委组织部"), ("PARTICIPATES_IN", "in", EVIL)]
    government = entity_page(view, "县人民政府", "Organization")
    assert government["authorOf"] == [DOC] and government["others"] == []
    assert [r["sentence"] for r in government["relations"]] == [SENTENCES[2]]
    label = view.themes["rural_revitalization"][0]                 # the scheme's label, not the id
    assert entity_page(view, "组织部")["themes"] == [{"id": "rural_revitalization", "label": label}] and label


@pytest.mark.parametrize("name,type_,message", [
    ("nobody", "", "no entity named “nobody”"),
    ("县委组织部", "Place", "no entity named “县委组织部” of type Place"),
])
def test_an_entity_that_is_not_there_is_a_page_error(view, name, type_, message):
    with pytest.raises(PageError, match=message):
        entity_page(view, name, type_)


def test_a_report_page_is_its_statements_in_order(served_store):
    page = report_page(served_store, DOC)
    assert (page["title"], page["year"], page["author"]) == ("测试县2024年政府工作报告", 2024, "县人民政府")
    assert [s["text"] for s in page["statements"]] == list(SENTENCES)
    assert all(s["end"] - s["start"] == len(s["text"]) and s["heading"] is False for s in page["statements"])
    with pytest.raises(PageError, match="no report “other.txt” in the store"):
        report_page(served_store, "other.txt")


@pytest.mark.parametrize("given,message", [
    ({"colour": "red"}, "this query has no field “colour” (its fields: theme)"),
    ({"theme": "  "}, "“theme” is needed: choose a theme from the menu"),
    ({"theme": "nope"}, "“nope” is not a theme: choose one from the menu"),
])
def test_a_forms_fields_are_checked_in_its_words(view, given, message):
    with pytest.raises(PageError) as info:
        check_params(load_query("initiatives-by-theme"), given, view.themes)
    assert str(info.value) == message


def test_good_fields_are_trimmed_and_empty_ones_dropped(view):
    given = {"theme": " village_governance "}
    assert check_params(load_query("initiatives-by-theme"), given, view.themes) == {"theme": "village_governance"}
    given = {"report": f" {DOC} ", "entity": " "}                      # both optional
    assert check_params(load_query("metrics"), given, view.themes) == {"report": DOC}


def test_csv_opens_in_excel_and_json_is_one_object_a_row():
    columns, rows = ("name", "n"), [("县委组织部", 2), ("a,b\n“c”", None)]
    data = table_csv(columns, rows)
    assert data.startswith("\ufeff".encode()) and b"\r\n" in data
    assert list(csv.reader(io.StringIO(data.decode("utf-8-sig")))) == [["name", "n"], ["县委组织部", "2"], ["a,b\n“c”", ""]]
    assert json.loads(table_json(columns, rows)) == [{"name": "县委组织部", "n": 2}, {"name": "a,b\n“c”", "n": None}]


def test_the_theme_matrix_counts_each_reports_statements_per_theme(served_store, view):
    matrix = theme_matrix(served_store, view.themes)
    ids = [t["id"] for t in matrix["themes"]]
    assert ids == sorted(view.themes)
    (report,) = matrix["reports"]
    counts = dict(zip(ids, report["counts"]))
    assert (report["doc"], report["year"]) == (DOC, 2024)
    assert {t: n for t, n in counts.items() if n} == {"rural_revitalization": 1, "village_governance": 1,
                                                       "rule_of_law": 1}
    assert counts["grassroots_governance"] == 0           # a theme's own statements, not its narrower ones'
