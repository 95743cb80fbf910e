"""The view's graph: what load_view reads from the store, and each filter of select."""
from __future__ import annotations

from dataclasses import replace

import pytest

from govkg.errors import GovKGError
from govkg.view import search, select
from viewkit import DOC, EVIL, LEADS_SENTENCE


def names(view):
    return sorted(n.name for n in view.nodes)


def test_load_reads_entities_relations_and_their_evidence(sample_view):
    assert names(sample_view) == sorted(["县委组织部", "红色头雁工程", EVIL, "县人民政府", "测试县乡村振兴促进办法", "测试县"])
    org = next(n for n in sample_view.nodes if n.name == "县委组织部")
    assert (org.type, org.aliases, org.reports, org.themes) == ("Organization", ("组织部",), (DOC,),
                                                                ("rural_revitalization",))
    leads = next(e for e in sample_view.edges if e.type == "LEADS")
    assert leads.evidence == ((DOC, LEADS_SENTENCE),)
    assert sorted(e.type for e in sample_view.edges) == ["ISSUES", "LEADS", "PARTICIPATES_IN"]


@pytest.mark.parametrize("filters, expected", [
    ({"types": ["Organization"]}, ["县人民政府", "县委组织部", EVIL]),
    ({"types": ["Document", "Place"]}, ["测试县", "测试县乡村振兴促进办法"]),
    ({"theme": "rule_of_law"}, ["县人民政府", "测试县乡村振兴促进办法"]),
    ({"entity": "县委组织部", "hops": 1}, ["县委组织部", "红色头雁工程"]),
    ({"entity": "组织部", "hops": 2}, ["县委组织部", "红色头雁工程", EVIL]),
    ({"entity": "县委组织部", "hops": 0}, ["县委组织部"]),
    ({"report": DOC, "types": ["Program"]}, ["红色头雁工程"]),
])
def test_filters(sample_view, filters, expected):
    chosen = select(sample_view, **filters)
    assert names(chosen) == sorted(expected)
    kept = {n.iri for n in chosen.nodes}
    assert all(e.head in kept and e.tail in kept for e in chosen.edges)


def test_theme_takes_narrower_themes(sample_view):
    assert "village_governance" in sample_view.themes
    broader = sample_view.themes["village_governance"][1]
    assert broader == "grassroots_governance"
    assert names(select(sample_view, theme=broader)) == sorted([EVIL, "红色头雁工程", "县委组织部"])


def test_theme_keeps_the_bodies_leading_its_undertakings(sample_view):
    # 县委组织部 is not themed village_governance, but it leads the programme that is
    chosen = select(sample_view, theme="village_governance")
    assert names(chosen) == sorted([EVIL, "红色头雁工程", "县委组织部"])
    assert sorted(e.type for e in chosen.edges) == ["LEADS", "PARTICIPATES_IN"]
    assert names(select(sample_view, theme="village_governance", types=["Organization"])) == sorted(
        [EVIL, "县委组织部"])


def test_report_keeps_its_unnamed_author_and_the_relations_it_states(tmp_path):
    from govkg.model import Entity, Extraction, Relation, Report
    from govkg.store import open_store
    from govkg.view import load_view
    from viewkit import sample_extraction

    text = "我们牵头推进“清风行动”。\n"
    start = text.index("清风行动")
    other = Extraction(Report("author-unnamed.txt", text, "0" * 64, title="某局工作总结", year=2023),
                       (replace(sample_extraction().statements[0], start=0, end=len(text) - 1,
                                text=text[:-1], themes=("conduct_integrity",)),),
                       (Entity("a", "Organization", "某局", (), author=True),
                        Entity("b", "Initiative", "清风行动", ((start, start + 4),))),
                       (Relation("a", "LEADS", "b", (0, len(text) - 1)),))
    db = open_store(tmp_path / "store")
    try:
        db.put(sample_extraction())
        db.put(other)
        view = load_view(db)
    finally:
        db.close()
    chosen = select(view, report="author-unnamed.txt")
    assert names(chosen) == ["某局", "清风行动"]
    assert [(e.type, e.evidence[0][0]) for e in chosen.edges] == [("LEADS", "author-unnamed.txt")]
    assert view.authors["author-unnamed.txt"] == next(n.iri for n in view.nodes if n.name == "某局")


def test_limit_keeps_the_most_connected(sample_view):
    chosen = select(sample_view, limit=1)
    assert names(chosen) == ["红色头雁工程"] and chosen.total_nodes == 6 and chosen.edges == ()


@pytest.mark.parametrize("filters, message", [
    ({"theme": "nope"}, "unknown theme 'nope'"),
    ({"types": ["Thing"]}, "unknown type Thing"),
    ({"report": "other.txt"}, "not in the store"),
    ({"entity": "组织"}, "did you mean 县委组织部"),
])
def test_bad_filters_say_what_is_wrong(sample_view, filters, message):
    with pytest.raises(GovKGError, match=message):
        select(sample_view, **filters)


def test_json_refers_by_position_and_counts_degree(sample_view):
    data = sample_view.to_json()
    assert len(data["nodes"]) == 6 and len(data["edges"]) == 3
    project = next(n for n in data["nodes"] if n["name"] == "红色头雁工程")
    assert project["degree"] == 2
    assert {t["id"] for t in data["types"]} >= {"Organization", "Place"}


def test_search_finds_names_and_aliases_exact_first(sample_view):
    assert [n.name for n in search(sample_view, "测试县")] == ["测试县", "测试县乡村振兴促进办法"]
    assert [n.name for n in search(sample_view, "组织部")] == ["县委组织部"]
    assert search(sample_view, "  ") == []
