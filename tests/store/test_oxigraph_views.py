"""Read-only views beside a writer: what a view sees, and a writer's compaction deleting files a
view listed when it opened but had not opened yet (RocksDB then says "No such file")."""
import os
from pathlib import Path

import pyoxigraph as ox
import pytest

from govkg.pipeline import extract_files
from govkg.store.oxigraph import OxigraphStore, _open_read_only

IN_FLIGHT = "https://example.org/in-flight/"
SUMMARY = "report-summary"


def _files(store: Path) -> set[str]:
    return {name for name in os.listdir(store) if name.endswith(".sst")}


def _in_flight_graphs(writer: OxigraphStore, store: Path, files: int = 60, graphs: int = 120) -> None:
    """Graphs no catalog names yet, as a load in flight (or a crash) leaves them, each flushed
    to files of its own until the store has ``files`` of them (RocksDB's compactions merge them
    meanwhile): more files per column family than a view opens when it opens (16)."""
    for k in range(graphs):
        graph = ox.NamedNode(f"{IN_FLIGHT}{k}")
        writer._store.extend([ox.Quad(ox.NamedNode(f"{IN_FLIGHT}{k}/{i}"), ox.NamedNode(f"{IN_FLIGHT}p"),
                                      ox.Literal(str(i)), graph) for i in range(2000)])
        writer._store.flush()
        if len(_files(store)) >= files:
            return


def _probe_fails(probe: ox.Store) -> bool:
    """Whether a plain read-only Oxigraph store meets a deleted file on the reads a view makes."""
    try:
        list(probe.named_graphs())     # (every query of a view asks for them first)
    except OSError as err:
        assert "No such file" in str(err), err
        return True
    return False


@pytest.fixture(scope="module")
def two_reports(report_files):
    return list(extract_files(report_files[:2]))


def test_a_view_whose_files_a_compaction_deleted_reopens_and_answers_the_store_as_it_is_now(tmp_path, two_reports):
    """The race of a view and a writer's compaction, made to happen: a plain read-only store
    opened beside the view fails on it (the view would have failed the same way), the view
    reopens once and answers what a view opened now answers: the writer's later load included."""
    first, later = two_reports
    for attempt in range(3):    # RocksDB's background compactions may merge files before the view opens
        path = tmp_path / f"s{attempt}"
        writer = OxigraphStore(path)
        writer.put(first)
        _in_flight_graphs(writer, path)
        view, probe = OxigraphStore(path, read_only=True), _open_read_only(path)
        writer._repair()               # the in-flight graphs go (as the next writer drops them) ...
        writer.put(later)              # ... a later load commits ...
        writer._store.optimize()       # ... and a compaction deletes the files they were in
        if _probe_fails(probe):
            break
        view.close()
        writer.close()
    else:
        pytest.fail("three tries did not make a compaction delete a file a view had not opened")
    with OxigraphStore(path, read_only=True) as now:
        expected = now.reports(), now.run_named(SUMMARY, {}).rows
        assert len(expected[0]) == 2
    answers = view.reports(), view.run_named(SUMMARY, {}).rows
    assert answers == expected
    assert view.reopened == 1
    assert {g.value for g in view._store.named_graphs()}.isdisjoint(f"{IN_FLIGHT}{k}" for k in range(120))
    view.close()
    writer.close()


def test_every_read_of_a_view_is_retried_through_one_place():
    """The store's public reads all go through the retry of a vanished file (``_one_read``)."""
    reads = ("select", "raw_query", "run_named", "count_named", "reports", "report_digest", "report_triples",
             "report_quads", "schema_triples", "dataset", "triple_count")
    assert all(getattr(getattr(OxigraphStore, name), "__wrapped__", None) for name in reads)


def test_a_view_whose_listed_files_went_reopens_before_it_reads(tmp_path, two_reports):
    """A compaction that deleted files of a view's state is noticed before the view reads, not
    only when a read meets a missing file (Oxigraph does not always say so: a query beside a
    writer that had just compacted was seen to grow to gigabytes)."""
    first, later = two_reports
    path = tmp_path / "s"
    with OxigraphStore(path) as writer:
        writer.put(first)
        writer.put(later)
        with OxigraphStore(path, read_only=True) as view:
            listed = _files(path)
            writer._store.optimize()        # merges every file into new ones: the listed ones go
            assert not listed <= _files(path) and view._files_gone()
            with OxigraphStore(path, read_only=True) as now:
                expected = now.run_named(SUMMARY, {}).rows
            assert view.run_named(SUMMARY, {}).rows == expected and len(expected) == 2
            assert view.reopened == 1 and not view._files_gone()
            assert view.run_named(SUMMARY, {}).rows == expected and view.reopened == 1


def test_a_view_beside_an_idle_writer_keeps_its_files_and_never_reopens(tmp_path, two_reports):
    with OxigraphStore(path := tmp_path / "s") as writer:
        writer.put(two_reports[0])
        writer._store.optimize()
        with OxigraphStore(path, read_only=True) as view:
            for _ in range(3):
                assert len(view.run_named(SUMMARY, {}).rows) == 1
            assert view.reopened == 0 and not view._files_gone()
