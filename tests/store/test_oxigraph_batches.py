"""The embedded store's batched writes (``put_many``, what ``govkg load`` uses): several reports
per bulk load and per commit, with each report still all-or-nothing, idempotent and in order."""
import json
import threading

import pyoxigraph as ox
import pytest

from govkg.errors import StoreError
from govkg.interchange import read_jsonl, to_record, write_jsonl
from govkg.iri import graph_iri
from govkg.pipeline import extract_files, load_extractions
from govkg.quads import entity_terms, report_terms
from govkg.store import open_store
from govkg.store.oxigraph import CATALOG_GRAPH, ENTITIES_GRAPH, SCHEMA_GRAPH
from testkit import run_cli

from test_oxigraph import CHANGED, OTHER, REPORT, labels, write  # noqa: E402  (tests/store)

THIRD = "zz市人民政府工作报告\n市发展改革委推进“数字乡村”建设。\n市财政局下达专项资金。\n"


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("in")
    paths = [write(folder, name, text) for name, text in
             (("a.txt", REPORT), ("b.txt", OTHER), ("c.txt", THIRD))]
    found = {p.name: ex for p, ex in zip(paths, extract_files(paths, model="rules"))}
    write(folder, "a.txt", CHANGED)         # a.txt edited: its next version
    found["a2"] = next(extract_files([paths[0]], model="rules"))
    return found


def stored(store) -> set:
    """Everything in the store but the schema, quad by quad."""
    return {q for q in store._store if q.graph_name != ox.NamedNode(str(SCHEMA_GRAPH))}


def leftovers(store) -> set:
    """Graphs that are neither a current report version nor a shared graph."""
    current = {g.value for g in store._current().values()} | {str(CATALOG_GRAPH), str(ENTITIES_GRAPH), str(SCHEMA_GRAPH)}
    return {g.value for g in store._store.named_graphs()} - current


def load_between(tmp_path, store, before, record: dict, after):
    """Load a JSONL whose bad ``record`` stands between two good extractions."""
    jsonl = tmp_path / "between.jsonl"
    lines = [json.dumps(to_record(before)), json.dumps(record), json.dumps(to_record(after))]
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load_extractions(read_jsonl(jsonl), store)


@pytest.mark.parametrize("batch_quads", [1, 60, 10**9])
def test_batches_store_what_one_report_at_a_time_stores(tmp_path, reports, batch_quads):
    one_by_one = open_store(tmp_path / "one")
    counts = [one_by_one.put(reports[name]) for name in ("a.txt", "b.txt", "c.txt")]
    batched = open_store(tmp_path / "batched")
    outcomes = list(batched.put_many([reports[name] for name in ("a.txt", "b.txt", "c.txt")], batch_quads))
    assert [(ex.report.doc, n) for ex, n in outcomes] == list(zip(("a.txt", "b.txt", "c.txt"), counts))
    assert stored(batched) == stored(one_by_one)
    assert batched.triple_count() == one_by_one.triple_count()
    batched.close()
    one_by_one.close()


def test_a_replaced_report_in_a_batch_leaves_no_trace_of_its_old_facts(tmp_path, reports):
    store = open_store(tmp_path / "s")
    list(store.put_many([reports["a.txt"], reports["b.txt"]]))
    assert "我为群众办实事" in labels(store)
    outcomes = list(store.put_many([reports["c.txt"], reports["a2"]]))
    assert all(isinstance(n, int) for _, n in outcomes)
    assert "我为群众办实事" not in labels(store) and "清化收" in labels(store)
    assert len(store.reports()) == 3 and not leftovers(store)
    fresh = open_store(tmp_path / "fresh")
    list(fresh.put_many([reports["b.txt"], reports["c.txt"], reports["a2"]]))
    assert labels(store) == labels(fresh) and store.triple_count() == fresh.triple_count()


def test_a_jsonl_with_a_report_twice_stores_it_once(tmp_path, reports, store):
    jsonl = tmp_path / "twice.jsonl"
    with jsonl.open("w", encoding="utf-8") as fh:
        write_jsonl([reports["a.txt"], reports["b.txt"], reports["a.txt"]], fh)
    result = load_extractions(read_jsonl(jsonl), store)
    assert result.loaded == ["a.txt", "b.txt"] and result.unchanged == ["a.txt"]
    once = open_store(tmp_path / "once")
    load_extractions([reports["a.txt"], reports["b.txt"]], once)
    assert store.triple_count() == once.triple_count() and not leftovers(store)


def test_a_later_version_in_the_same_run_wins(tmp_path, reports, store):
    result = load_extractions([reports["a.txt"], reports["b.txt"], reports["a2"]], store)
    assert result.loaded == ["a.txt", "b.txt", "a.txt"]
    assert "清化收" in labels(store) and "我为群众办实事" not in labels(store)
    assert len(store.reports()) == 2 and not leftovers(store)


def test_a_report_that_cannot_be_stored_fails_alone(tmp_path, reports, store):
    """A JSONL line whose text holds a lone surrogate (valid JSON, not Unicode): that report is
    named as failed, the earlier version of it stays, the reports around it are stored."""
    load_extractions([reports["a.txt"]], store)
    before = labels(store)
    record = to_record(reports["a2"])
    record["statements"][0]["text"] += "\ud800"
    result = load_between(tmp_path, store, reports["b.txt"], record, reports["c.txt"])
    assert result.loaded == ["b.txt", "c.txt"]
    assert len(result.failed) == 1 and "a.txt" in result.failed[0][0] and "cannot be stored" in result.failed[0][1]
    assert labels(store) >= before and "清化收" not in labels(store)
    assert sorted(r.doc for r in store.reports()) == ["a.txt", "b.txt", "c.txt"]
    assert not leftovers(store)


class FailingBulkLoad:
    """The real Oxigraph store, except that a bulk load holding one report's graph fails."""

    def __init__(self, real, graph: str):
        self._real, self._graph = real, f"<{graph}/".encode()

    def bulk_load(self, data, *args, **kwargs):
        if self._graph in data:
            raise OSError("simulated disk error")
        return self._real.bulk_load(data, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._real, name)


def test_a_failed_batch_is_written_again_report_by_report(tmp_path, reports, store):
    real = store._store
    store._store = FailingBulkLoad(real, str(graph_iri(reports["b.txt"].report.id)))
    try:
        outcomes = list(store.put_many([reports["a.txt"], reports["b.txt"], reports["c.txt"]]))
    finally:
        store._store = real
    assert [ex.report.doc for ex, _ in outcomes] == ["a.txt", "b.txt", "c.txt"]
    assert isinstance(outcomes[0][1], int) and isinstance(outcomes[2][1], int)
    assert isinstance(outcomes[1][1], StoreError) and "simulated disk error" in str(outcomes[1][1])
    assert sorted(r.doc for r in store.reports()) == ["a.txt", "c.txt"] and not leftovers(store)
    alone = open_store(tmp_path / "alone")
    list(alone.put_many([reports["a.txt"], reports["c.txt"]]))
    assert stored(store) == stored(alone)      # nothing of b.txt, not even its entities


def test_loading_a_jsonl_from_the_command_line_twice_changes_nothing(tmp_path, reports):
    jsonl = tmp_path / "all.jsonl"
    with jsonl.open("w", encoding="utf-8") as fh:
        write_jsonl([reports[name] for name in ("a.txt", "b.txt", "c.txt")], fh)
    store_path = tmp_path / "store"
    first = run_cli("load", "--from-jsonl", jsonl, "--store", store_path)
    assert first.exit_code == 0, first.output
    db = open_store(store_path)
    before = stored(db)
    db.close()
    second = run_cli("load", "--from-jsonl", jsonl, "--store", store_path)
    assert second.exit_code == 0 and "3 unchanged" in second.output.replace("\n", " "), second.output
    db = open_store(store_path)
    assert stored(db) == before
    db.close()


def test_put_many_keeps_order_across_batches(reports, store):
    names = ["a.txt", "b.txt", "c.txt"] * 2
    outcomes = list(store.put_many([reports[n] for n in names], batch_quads=30))
    assert [ex.report.doc for ex, _ in outcomes] == names
    assert len(store.reports()) == 3 and not leftovers(store)


def test_a_theme_name_that_cannot_be_an_iri_fails_its_report_alone(tmp_path, reports, store):
    """The load writes its N-Quads without Oxigraph validating IRIs again (they are escaped or
    hashed by govkg.iri), so a hand-edited JSONL whose theme name could not be an IRI segment is
    refused by the builder: that report named as failed, the others stored."""
    record = to_record(reports["b.txt"])
    record["statements"][0]["themes"] = ["economy", "not a theme>"]
    result = load_between(tmp_path, store, reports["a.txt"], record, reports["c.txt"])
    assert result.loaded == ["a.txt", "c.txt"]
    assert len(result.failed) == 1 and "b.txt" in result.failed[0][0] and "not a theme>" in result.failed[0][1]
    assert sorted(r.doc for r in store.reports()) == ["a.txt", "c.txt"] and not leftovers(store)


def test_put_many_writes_while_the_caller_builds(tmp_path, reports):
    """A batch goes to the writer thread and the next one is built meanwhile; the outcomes still
    come in input order, each once its batch is committed, and a report given again waits for
    the batch in flight that holds its earlier version."""
    store = open_store(tmp_path / "s")
    names = ["a.txt", "b.txt", "c.txt", "a2", "b.txt"]
    seen = []
    for ex, outcome in store.put_many([reports[n] for n in names], batch_quads=1):
        assert isinstance(outcome, int)
        assert store.report_digest(ex.report.id) == ex.report.sha256    # committed when handed back
        seen.append(ex)
    assert [ex.report.doc for ex in seen] == ["a.txt", "b.txt", "c.txt", "a.txt", "b.txt"]
    assert "清化收" in labels(store) and len(store.reports()) == 3 and not leftovers(store)
    store.close()


def test_a_failure_of_the_input_still_reports_the_batch_in_flight(tmp_path, reports):
    """The extractions feeding put_many fail (a worker died, Ctrl-C) while a batch is being
    written: that batch is committed, so its outcomes are handed back before the failure."""
    store = open_store(tmp_path / "s")

    def feed():
        yield reports["a.txt"]
        yield reports["b.txt"]
        raise RuntimeError("the extraction stopped")

    seen = []
    with pytest.raises(RuntimeError, match="extraction stopped"):
        for ex, outcome in store.put_many(feed(), batch_quads=1):
            seen.append((ex.report.doc, isinstance(outcome, int)))
    assert seen == [("a.txt", True), ("b.txt", True)]
    assert sorted(r.doc for r in store.reports()) == ["a.txt", "b.txt"] and not leftovers(store)
    store.close()


class Watched:
    """The real Oxigraph store, with its bulk loads and commits watched: the bulk load holding
    ``first``'s graph waits until another one has started; each commit's catalog entries noted."""

    def __init__(self, real, first: str):
        self._real, self._first = real, f"<{first}/".encode()
        self.other_started, self.commits = threading.Event(), []

    def bulk_load(self, data, *args, **kwargs):
        if self._first in data:
            assert self.other_started.wait(timeout=20), "no other batch was loaded beside the first"
        else:
            self.other_started.set()
        return self._real.bulk_load(data, *args, **kwargs)

    def extend(self, quads):
        quads = list(quads)
        self.commits.append([q.object.value for q in quads if q.predicate.value.endswith("versionOf")])
        return self._real.extend(quads)

    def __getattr__(self, name):
        return getattr(self._real, name)


def test_two_batches_load_at_once_and_commit_in_input_order(tmp_path, reports):
    """The bulk load of a batch runs while the one of the batch before it has not finished (two
    writer threads: Oxigraph sorts in Rust, on a core each); the commits, and so what readers
    see, still come one batch at a time in input order, and the store holds what one report
    at a time stores."""
    names = ["a.txt", "b.txt", "c.txt"]
    store = open_store(tmp_path / "s")
    watched = store._store = Watched(store._store, str(graph_iri(reports["a.txt"].report.id)))
    outcomes = list(store.put_many([reports[n] for n in names], batch_quads=1))
    store._store = watched._real
    assert [ex.report.doc for ex, n in outcomes if isinstance(n, int)] == names
    assert watched.commits == [[reports[n].report.id] for n in names]
    one_by_one = open_store(tmp_path / "one")
    for name in names:
        one_by_one.put(reports[name])
    assert stored(store) == stored(one_by_one) and not leftovers(store)
    store.close()
    one_by_one.close()


def test_an_idle_writer_is_sent_a_smaller_batch_at_once(tmp_path, reports, monkeypatch):
    """The writer starts on the first report as soon as it holds ``early_quads`` (it has nothing
    else to do), not once a whole batch is built; the store holds the same in the end."""
    store = open_store(tmp_path / "s")
    batches = []
    write_all = store._write_all
    monkeypatch.setattr(store, "_write_all",
                        lambda batch, *args, **kwargs: batches.append([b.doc for b in batch]) or write_all(batch, *args, **kwargs))
    first = len(report_terms(reports["a.txt"])) + len(entity_terms(reports["a.txt"]))
    names = ["a.txt", "b.txt", "c.txt"]
    outcomes = list(store.put_many([reports[n] for n in names], batch_quads=100 * first, early_quads=first))
    assert batches[0] == [reports["a.txt"].report.id]
    assert [ex.report.doc for ex, _ in outcomes] == names and sum(batches, []) == [reports[n].report.id for n in names]
    assert sorted(r.doc for r in store.reports()) == names and not leftovers(store)
    store.close()


def test_what_a_replaced_version_named_stays_described_while_a_report_written_beside_it_names_it(tmp_path, reports):
    """The descriptions of the entities a retired version named are dropped only if no report
    names them, checked once no bulk load is in flight: here another report of the same run,
    written beside the new version, names one of them."""
    names_it = next(extract_files([write(tmp_path / "in", "d.txt", "dd县人民政府工作报告\n扎实开展“我为群众办实事”实践活动。\n")],
                                  model="rules"))
    store = open_store(tmp_path / "s")
    list(store.put_many([reports["a.txt"]]))
    outcomes = list(store.put_many([reports["a2"], names_it], batch_quads=1))
    assert all(isinstance(n, int) for _, n in outcomes)
    assert "我为群众办实事" in labels(store) and "清化收" in labels(store) and not leftovers(store)
    fresh = open_store(tmp_path / "fresh")
    list(fresh.put_many([reports["a2"], names_it]))
    assert labels(store) == labels(fresh) and store.triple_count() == fresh.triple_count()
    store.close()
    fresh.close()


class RaisingBulkLoad(FailingBulkLoad):
    """A bulk load holding one report's graph raises something that is not a write error."""

    def bulk_load(self, data, *args, **kwargs):
        if self._graph in data:
            raise RuntimeError("a surprise in the writer")
        return self._real.bulk_load(data, *args, **kwargs)


def test_after_a_batch_that_raised_the_batches_loaded_beside_it_are_undone(tmp_path, reports):
    """A surprise in the writer goes to the caller; the batch sent after it, loading on the other
    thread, is not committed either, so the store holds just what was handed back."""
    store = open_store(tmp_path / "s")
    real = store._store
    store._store = RaisingBulkLoad(real, str(graph_iri(reports["b.txt"].report.id)))
    seen = []
    with pytest.raises(RuntimeError, match="surprise"):
        for ex, outcome in store.put_many([reports[n] for n in ("a.txt", "b.txt", "c.txt")], batch_quads=1):
            seen.append(ex.report.doc)
    store._store = real
    assert seen == ["a.txt"] and [r.doc for r in store.reports()] == ["a.txt"] and not leftovers(store)
    alone = open_store(tmp_path / "alone")
    list(alone.put_many([reports["a.txt"]]))
    assert stored(store) == stored(alone)
    store.close()
    alone.close()
