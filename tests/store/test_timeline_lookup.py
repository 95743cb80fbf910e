"""The named query timeline on the embedded store, answered by index lookups report by report:
the same rows, in the same order, as the query's SPARQL text over the union of every report."""
import random

import pyoxigraph as ox
import pytest

from govkg.named_queries import load_query
from govkg.pipeline import load_files
from govkg.store import open_store
from govkg.store.oxigraph import OxigraphStore
from govkg.store.timeline_lookup import timeline_table

# The national reports of many years (国务院 in each), the Hailar district's, two provinces' of
# one year and a policy: entities across years, reports of one year, several issuers
PICKS = ("gwr-national-1988.txt", "gwr-national-2003.txt", "gwr-national-2016.txt", "gwr-national-2019.txt",
         "gwr-national-2025.txt", "gwr-hailar-district-2012.txt", "gwr-hailar-district-2015.txt",
         "gwr-beijing-2026.txt", "gwr-guangdong-2026.txt", "policy-national-2022-digital-government-opinions.txt")
NAMED = ("国务院", "脱贫攻坚", "乡村振兴", "“三农”", "村“两委”换届")
LABEL, ALT_LABEL = (ox.NamedNode(p) for p in ("http://www.w3.org/2000/01/rdf-schema#label",
                                              "http://www.w3.org/2004/02/skos/core#altLabel"))


@pytest.fixture(scope="module")
def corpus_view(corpus, tmp_path_factory):
    path = tmp_path_factory.mktemp("timeline") / "store"
    with open_store(path) as db:
        assert not load_files([corpus / name for name in PICKS if (corpus / name).exists()], db).failed
    with open_store(path, read_only=True) as view:
        yield view


def _as_the_query_answers(store: OxigraphStore, name: str) -> tuple:
    query = load_query("timeline", "sparql")
    return query.project(store.select(query.text, query.bind({"name": name}))).rows


def _names(store: OxigraphStore) -> list[str]:
    """Names to look up: those above, every name two entities share, and a fixed sample of the rest."""
    named: dict[str, set] = {}
    for predicate in (LABEL, ALT_LABEL):
        for quad in store._store.quads_for_pattern(None, predicate, None, None):
            named.setdefault(quad.object.value, set()).add(quad.subject)
    shared = sorted(n for n, entities in named.items() if len(entities) > 1)
    return [*NAMED, *shared, *random.Random(11).sample(sorted(named), 250)]


def test_the_lookups_give_the_rows_of_the_query_for_every_name(corpus_view):
    answered = 0
    for name in _names(corpus_view):
        expected = _as_the_query_answers(corpus_view, name)
        assert corpus_view.run_named("timeline", {"name": name}).rows == expected, name
        answered += bool(expected)
    assert answered > 100
    assert len(_as_the_query_answers(corpus_view, "国务院")) >= 5


@pytest.mark.parametrize("limit, offset", [(1, 0), (2, 1), (3, 2), (100, 0), (2, 50)])
def test_a_page_is_the_slice_of_the_query_s_answer(corpus_view, limit, offset):
    for name in ("国务院", "脱贫攻坚"):
        expected = _as_the_query_answers(corpus_view, name)[offset:offset + limit]
        assert corpus_view.run_named("timeline", {"name": name}, limit=limit, offset=offset).rows == expected


def test_a_page_asks_about_the_first_reports_in_order_only(corpus_view, monkeypatch):
    """A page of one row is filled from the first reports of the query's order, not from all."""
    import govkg.store.timeline_lookup as lookup

    asked: list[int] = []
    counts = lookup._counts
    monkeypatch.setattr(lookup, "_FEWEST_REPORTS", 2)
    monkeypatch.setattr(lookup, "_counts", lambda store, entity, graphs: asked.append(len(graphs)) or
                        counts(store, entity, graphs))
    assert timeline_table(corpus_view, "国务院", 1, 0).rows
    assert 0 < sum(asked) < len(corpus_view.reports())


def test_the_total_count_is_the_query_s(corpus_view):
    assert corpus_view.count_named("timeline", {"name": "国务院"}) == len(_as_the_query_answers(corpus_view, "国务院"))
