"""Every named query has a header, binds its parameters, and answers on a small graph."""
import pyoxigraph as ox
import pytest

from govkg import vocab
from govkg.errors import QueryError
from govkg.pipeline import load_files
from govkg.named_queries import internal_names, internal_query, list_queries, load_query
from govkg.user_sparql import run_sparql
from govkg.store.sparql import bind_values
from testkit import run_cli

REPORT = """xx县人民政府工作报告
一、2023年工作回顾
（一）抓党建促基层治理
全面完成村级换届工作。
县委组织部牵头开展“我为群众办实事”实践活动。
我们认真落实《中华人民共和国乡村振兴促进法》，县委组织部印发《xx县驻村第一书记和工作队管理办法》。
实施城镇老旧小区改造xx个，全年投入衔接资金1200万元。
"""

REQUIRED = {"initiatives-by-theme", "organizations-leading", "documents-implemented",
            "entity-neighbourhood", "report-summary", "metrics"}


@pytest.fixture
def loaded(store_with):
    return store_with(REPORT)


def test_the_library_has_the_required_queries_with_headers():
    queries = {q.name: q for q in list_queries("sparql")}
    assert REQUIRED <= set(queries)
    for q in queries.values():
        assert q.purpose and q.columns, f"{q.name} lacks a purpose or columns header"


@pytest.mark.parametrize("name", internal_names())
def test_each_internal_query_has_a_header_and_answers_with_its_columns(loaded, name):
    query = internal_query(name)
    assert query.purpose and query.columns, f"{name} lacks a purpose or columns header"
    assert not any(line.startswith("PREFIX") for line in query.path.read_text(encoding="utf-8").splitlines()), \
        "an internal query takes its prefixes from govkg.vocab"
    text, params = query.text, {p.name: loaded.reports()[0].doc for p in query.params}
    if name.startswith("server-"):      # for a SPARQL server's graphs: bound as SparqlStore binds them
        graph = ox.NamedNode(f"{vocab.ID}graph/_catalog")
        text, params = bind_values(text, {p.name: graph for p in query.params}), {}
    table = loaded.select(text, params)
    assert table.columns == query.columns
    if not name.startswith("server-") and name != "view-aliases":      # the small report has no aliases
        assert table.rows, f"{name} found nothing in a loaded store"


@pytest.mark.parametrize("name,params,column,expected", [
    ("initiatives-by-theme", {"theme": "village_governance"}, "initiative", "村级换届"),
    ("initiatives-by-theme", {"theme": "grassroots_governance"}, "initiative", "村级换届"),  # via skos:narrower
    ("organizations-leading", {}, "undertaking", "我为群众办实事"),
    ("organizations-leading", {"organization": "县委组织部"}, "undertaking", "我为群众办实事"),
    ("documents-implemented", {}, "document", "中华人民共和国乡村振兴促进法"),
    ("entity-neighbourhood", {"name": "县委组织部"}, "object", "xx县驻村第一书记和工作队管理办法"),
    ("report-summary", {}, "report", "xx县2023年政府工作报告.txt"),
    ("metrics", {}, "value", "1200"),
    ("metrics", {"entity": "城镇老旧小区改造"}, "value", "xx"),
    ("metrics", {"report": "xx县2023年政府工作报告.txt"}, "unit", "万元"),
])
def test_each_named_query_answers(loaded, name, params, column, expected):
    table = loaded.run_named(name, params)
    assert table.columns == load_query(name).columns
    values = [row[column] for row in table.as_dicts()]
    assert any(expected in str(v) for v in values), values


def test_metrics_of_an_undertaking_or_a_report(loaded):
    doc = "xx县2023年政府工作报告.txt"
    sentence = "实施城镇老旧小区改造xx个，全年投入衔接资金1200万元。"
    rows = loaded.run_named("metrics", {"report": doc}).as_dicts()
    assert [(r["entity"], r["value"], r["unit"], r["year"], r["masked"], r["sentence"]) for r in rows] \
        == [("城镇老旧小区改造", "xx", "个", 2023, True, sentence),
            ("xx县人民政府", "1200", "万元", 2023, False, sentence)]
    assert all(r["counted"] and r["counted"] in sentence for r in rows)   # (what extraction makes of it)
    undertaking = loaded.run_named("metrics", {"entity": "城镇老旧小区改造", "report": doc}).as_dicts()
    assert [r["value"] for r in undertaking] == ["xx"]
    assert loaded.run_named("metrics", {"report": "other.txt"}).rows == ()
    assert loaded.run_named("metrics", {"entity": "城镇老旧小区改造\" } #"}).rows == ()


def test_evidence_sentences_come_with_the_answers(loaded):
    rows = loaded.run_named("initiatives-by-theme", {"theme": "village_governance"}).as_dicts()
    assert rows and all(row["initiative"] in row["sentence"] or row["type"] for row in rows)
    assert all(row["sentence"] in REPORT for row in rows)


def test_parameters_are_bound_not_pasted(loaded):
    hostile = '县委组织部" } UNION { ?s ?p ?o } #'
    assert loaded.run_named("organizations-leading", {"organization": hostile}).rows == ()


def test_missing_and_unknown_parameters_are_errors(loaded):
    with pytest.raises(QueryError, match="needs --param theme"):
        loaded.run_named("initiatives-by-theme", {})
    with pytest.raises(QueryError, match="has no parameter colour"):
        loaded.run_named("report-summary", {"colour": "red"})
    with pytest.raises(QueryError, match="no sparql query named"):
        loaded.run_named("no-such-query", {})


def test_an_unknown_theme_is_an_error_not_an_empty_answer(loaded):
    with pytest.raises(QueryError, match="unknown theme 'village'.*village_governance"):
        loaded.run_named("initiatives-by-theme", {"theme": "village"})


def test_pages_put_together_are_the_whole_answer(loaded):
    from govkg.named_queries import list_queries, run_page

    doc = loaded.reports()[0].doc
    params = {"initiatives-by-theme": {"theme": "village_governance"},
              "entity-neighbourhood": {"name": "县委组织部"}, "timeline": {"name": "县委组织部"},
              "series": {"issuer": "xx县人民政府"},
              **{name: {"report": doc, "previous": doc}
                 for name in ("new-in-report", "dropped-in-report", "continued-in-report")}}
    for query in list_queries("sparql"):
        whole = loaded.run_named(query.name, params.get(query.name, {}))
        pages, offset = [], 0
        while True:
            page = run_page(loaded, query.name, params.get(query.name, {}), limit=7, offset=offset)
            assert len(page.rows) <= 7 and page.columns == whole.columns
            pages += page.rows
            if len(page.rows) < 7:
                break
            offset += 7
        assert pages == list(whole.rows), query.name
        counted = run_page(loaded, query.name, params.get(query.name, {}), limit=3, total=True)
        assert counted.total == len(whole.rows) and len(counted.rows) == min(3, len(whole.rows))


def test_a_bad_page_is_an_error(loaded):
    from govkg.named_queries import run_page

    with pytest.raises(QueryError, match="whole number"):
        run_page(loaded, "report-summary", {}, limit=-1)


def test_the_cli_shows_a_page_and_says_how_to_get_the_next(tmp_path):
    import json

    from govkg.store import open_store

    path = tmp_path / "xx县2023年政府工作报告.txt"
    path.write_text(REPORT, encoding="utf-8")
    with open_store(tmp_path / "store") as store:      # closed before the CLI reads it
        assert load_files([path], store).loaded
    args = ["query", "metrics", "--store", str(tmp_path / "store"), "-f", "json"]
    first = run_cli(*args, "--limit", "0")
    assert first.exit_code == 0, first.output
    whole = json.loads(first.stdout)
    assert len(whole) >= 2
    result = run_cli(*args, "--limit", "1", "--offset", "1", "--total")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == whole[1:2]
    assert f"rows 2-2 of {len(whole)}" in result.stderr


OLD_REPORT_SUMMARY = """
SELECT ?report ?title ?year ?author ?statements ?entities ?relations WHERE {
  ?r a gk:Report ; gk:docName ?report ; gk:title ?title .
  OPTIONAL { ?r gk:year ?year }
  OPTIONAL { ?r gk:author/rdfs:label ?author }
  { SELECT ?r (COUNT(DISTINCT ?s) AS ?statements) WHERE { ?s gk:inReport ?r ; a gk:Statement } GROUP BY ?r }
  OPTIONAL { SELECT ?r (COUNT(DISTINCT ?e) AS ?named) WHERE {
      ?s gk:inReport ?r ; a gk:Statement . ?m gk:inStatement ?s ; gk:mentionOf ?e } GROUP BY ?r }
  OPTIONAL { SELECT ?r (COUNT(DISTINCT ?a) AS ?related) WHERE {
      ?a a gk:RelationAssertion ; gk:evidence/gk:inReport ?r ; rdf:subject [] } GROUP BY ?r }
  BIND (COALESCE(?named, 0) AS ?entities)
  BIND (COALESCE(?related, 0) AS ?relations)
} ORDER BY ?report"""


def _corpus_store(tmp_path, corpus):
    from govkg.pipeline import expand_inputs
    from govkg.store import open_store

    store = open_store(tmp_path / "corpus-store")
    assert load_files(expand_inputs([corpus])[:8], store).loaded
    return store


OLD_THEME_TREND = """
SELECT ?issuer ?level ?year ?report ?theme ?statements WHERE {
  ?r gk:author ?a ; gk:level ?level ; gk:docName ?report .
  ?a rdfs:label ?issuer .
  OPTIONAL { ?r gk:year ?year }
  LATERAL {
    SELECT ?r ?theme (COUNT(DISTINCT ?statement) AS ?statements) WHERE {
      ?statement gk:inReport ?r ; gk:hasTheme ?concept .
      ?concept skos:notation ?theme .
    } GROUP BY ?r ?theme
  }
} ORDER BY ?issuer ?year ?report ?theme"""


def test_report_summary_reads_the_stored_counts_and_they_are_what_counting_gives(tmp_path, corpus):
    """The counts written at load time equal the ones the queries used to count over the whole store."""
    store = _corpus_store(tmp_path, corpus)
    try:
        assert store.run_named("report-summary", {}).rows == run_sparql(store, OLD_REPORT_SUMMARY, {}).rows
        trend = store.run_named("theme-trend", {}).rows
        assert trend and trend == run_sparql(store, OLD_THEME_TREND, {}).rows
    finally:
        store.close()


def test_a_store_written_before_the_counts_gets_them_when_opened_for_writing(tmp_path):
    from govkg.store import open_store

    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    with open_store(tmp_path / "old") as store:
        load_files([path], store)
        before = [store.run_named(name, {}).rows for name in ("report-summary", "theme-trend")]
        store.update("PREFIX gks: <https://w3id.org/govkg/store#> DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { "
                     "GRAPH ?g { ?s ?p ?o } VALUES ?p { gks:statements gks:entities gks:relations gks:countOf "
                     "gks:theme gks:themesCounted gks:relationsOf gks:relationsCounted } }")
        assert all(before) and store.run_named("report-summary", {}).rows == ()
        assert store.run_named("theme-trend", {}).rows == ()
    with open_store(tmp_path / "old") as reopened:
        assert [reopened.run_named(name, {}).rows for name in ("report-summary", "theme-trend")] == before


@pytest.mark.parametrize("tried", [64, 3, 1])
def test_pages_filled_report_by_report_are_slices_of_the_whole_answer(tmp_path, corpus, monkeypatch, tried):
    """Queries ordered by report first fill a page from one report's graph at a time (or, past
    the first reports tried, run whole): either way a page is the same slice of the same answer."""
    import govkg.store.oxigraph as oxigraph_store
    from govkg.named_queries import load_query

    monkeypatch.setattr(oxigraph_store, "_REPORTS_TRIED", tried)
    store = _corpus_store(tmp_path, corpus)
    try:
        busiest = store.run_named("organizations-leading", {}).rows[0][0]
        cases = [("entity-neighbourhood", {"name": busiest}), ("documents-implemented", {}), ("report-summary", {}),
                 ("initiatives-by-theme", {"theme": "economy"}), ("metrics", {}),
                 ("organizations-leading", {"organization": busiest})]
        for name, params in cases:
            assert load_query(name).ordered_by_report(params), name
            whole = store.run_named(name, params).rows
            assert len(whole) > 7, (name, "too few rows to page")
            for limit, offset in [(5, 2), (100, 0), (3, len(whole) - 2), (10, len(whole) + 5)]:
                assert store.run_named(name, params, limit=limit, offset=offset).rows == whole[offset:offset + limit], \
                    (name, limit, offset)
        assert not load_query("organizations-leading").ordered_by_report({})
    finally:
        store.close()


COUNTED_RELATION_TYPES = """
SELECT DISTINCT ?report ?kind WHERE {
  ?a a gk:RelationAssertion ; rdf:subject [] ; rdf:predicate ?kind ; gk:evidence/gk:inReport/gk:docName ?report .
} ORDER BY ?report ?kind"""

MARKED_RELATION_TYPES = """
PREFIX gks: <https://w3id.org/govkg/store#>
SELECT DISTINCT ?report ?kind WHERE { ?r gks:relationsOf ?kind ; gk:docName ?report } ORDER BY ?report ?kind"""


def _aggregates_are_what_counting_gives(store) -> None:
    assert store.run_named("report-summary", {}).rows == run_sparql(store, OLD_REPORT_SUMMARY, {}).rows
    assert store.run_named("theme-trend", {}).rows == run_sparql(store, OLD_THEME_TREND, {}).rows
    marked = run_sparql(store, MARKED_RELATION_TYPES, {}).rows
    assert marked and marked == run_sparql(store, COUNTED_RELATION_TYPES, {}).rows


def test_the_aggregates_stay_right_when_a_report_is_replaced_or_removed(tmp_path, corpus):
    """Counts, theme counts and relation marks go with a report version: a changed report's new
    version brings its own, a removed report takes its own away."""
    from govkg.pipeline import expand_inputs
    from govkg.store import open_store

    folder = tmp_path / "reports"
    folder.mkdir()
    for source in expand_inputs([corpus])[:5]:
        (folder / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    files = sorted(folder.iterdir())
    with open_store(tmp_path / "store") as store:
        assert load_files(files, store).loaded
        _aggregates_are_what_counting_gives(store)
        before = {row[0]: row for row in store.run_named("report-summary", {}).rows}
        text = files[0].read_text(encoding="utf-8")
        files[0].write_text(text[: len(text) // 3], encoding="utf-8")      # a shorter new version
        assert load_files([files[0]], store).loaded
        assert store.remove(files[1].name)
        _aggregates_are_what_counting_gives(store)
        after = {row[0]: row for row in store.run_named("report-summary", {}).rows}
        assert files[1].name not in after and after[files[0].name][4] < before[files[0].name][4]
        assert all(after[name] == before[name] for name in after if name != files[0].name)


def test_pages_by_issuer_are_slices_of_the_whole_answer(tmp_path, corpus):
    """theme-trend's pages are filled report by report in the order issuer, year, report (its
    ORDER BY): the same rows as the whole answer, with or without the issuer and level parameters,
    on a writable store and on a read-only view (which keeps the report order it read once)."""
    from govkg.store import open_store

    store = _corpus_store(tmp_path, corpus)
    whole = store.run_named("theme-trend", {}).rows
    store.close()
    issuer, level = whole[len(whole) // 2][0], whole[len(whole) // 2][1]
    for opened in (open_store(tmp_path / "corpus-store"), open_store(tmp_path / "corpus-store", read_only=True)):
        with opened as db:
            assert load_query("theme-trend").by_issuer
            for params in ({}, {"issuer": issuer}, {"level": level}, {"issuer": issuer, "level": level}):
                answer = db.run_named("theme-trend", params).rows
                assert answer and len({row[3] for row in answer}) >= (1 if params else 5)
                for limit, offset in [(5, 2), (100, 0), (7, len(answer) - 3), (10, len(answer) + 5)]:
                    assert db.run_named("theme-trend", params, limit=limit, offset=offset).rows == \
                        answer[offset:offset + limit], (params, limit, offset)
            assert db.run_named("theme-trend", {"issuer": "没有这个机关"}, limit=10).rows == ()


def test_queries_of_one_report_run_whole_and_page_the_same(tmp_path, corpus):
    """Given a report, documents-implemented, metrics and report-summary do not walk report by
    report (one report answers); a page is still a slice of the answer."""
    store = _corpus_store(tmp_path, corpus)
    try:
        implemented = [row[2] for row in store.run_named("documents-implemented", {}).rows]
        doc = max(set(implemented), key=implemented.count)      # a report with rows in all three
        for name in ("documents-implemented", "metrics", "report-summary"):
            assert load_query(name).ordered_by_report({}) and not load_query(name).ordered_by_report({"report": doc})
            answer = store.run_named(name, {"report": doc}).rows
            assert answer and {row[load_query(name).columns.index("report")] for row in answer} == {doc}
            assert store.run_named(name, {"report": doc}, limit=3, offset=1).rows == answer[1:4]
    finally:
        store.close()


def test_a_read_only_view_keeps_its_snapshot_and_a_new_view_sees_later_loads(tmp_path, corpus):
    """A read-only view is the store as it was when opened (Oxigraph's read-only open), and what
    it reads of the catalog once holds, unless a writer's compaction deleted files of that state:
    then it reopened (``reopened``) and answers the store as it is now, the later load included,
    never a mix of the two (tests/store/test_oxigraph_views.py makes that happen). A
    view opened after a load sees the load."""
    from govkg.pipeline import expand_inputs
    from govkg.store import open_store

    reports = expand_inputs([corpus])[:3]
    with open_store(tmp_path / "s") as writer:
        load_files(reports[:2], writer)
        with open_store(tmp_path / "s", read_only=True) as old_view:
            seen = old_view.run_named("report-summary", {}, limit=10).rows
            reopened = old_view.reopened        # (the writer's compaction after its load may reopen it)
            load_files(reports[2:], writer)
            now = writer.run_named("report-summary", {}, limit=10).rows     # the writer reads afresh
            assert len(now) == 3 and len(seen) == 2
            assert old_view.run_named("report-summary", {}, limit=10).rows == (seen if old_view.reopened == reopened else now)
            with open_store(tmp_path / "s", read_only=True) as new_view:
                assert len(new_view.run_named("report-summary", {}, limit=10).rows) == 3


def test_a_page_of_reports_with_rows_is_filled_report_by_report(tmp_path, corpus, monkeypatch):
    """Reports that bring rows do not count against the reports tried before the whole query
    runs: report-summary (one row per report) fills a page of more reports than that limit from
    their graphs alone, never running the query over the union of every report."""
    import govkg.store.oxigraph as oxigraph_store

    monkeypatch.setattr(oxigraph_store, "_REPORTS_TRIED", 2)
    store = _corpus_store(tmp_path, corpus)
    whole = store.run_named("report-summary", {}).rows
    over_the_union: list[str] = []
    select = oxigraph_store.OxigraphStore.select

    def watched(self, text, params=None, prefixes=None, graphs=None):
        if graphs is None:
            over_the_union.append(text)
        return select(self, text, params, prefixes, graphs)

    monkeypatch.setattr(oxigraph_store.OxigraphStore, "select", watched)
    try:
        assert store.run_named("report-summary", {}, limit=6, offset=1).rows == whole[1:7]
        assert over_the_union == []
    finally:
        store.close()
