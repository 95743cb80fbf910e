"""Compacting the embedded store (``OxigraphStore.compact``, ``govkg compact``, and ``govkg load``
once the loads since the last compaction wrote many triples): the files of many bulk loads
merged, nothing stored or answered changed."""
from pathlib import Path

import pytest

from govkg import settings
from govkg.errors import StoreError
from govkg.pipeline import extract_files
from govkg.store import open_store
from testkit import HAILAR, run_cli

QUERIES = {"initiatives-by-theme": {"theme": "village_governance"}, "metrics": {}, "series": {"issuer": "海拉尔区人民政府"},
           "new-in-report": {"report": HAILAR[3], "previous": HAILAR[2]}}


def files(path: Path) -> int:
    return len(list(path.glob("*.sst")))


def answers(path: Path) -> dict:
    """Every quad but the count of triples written since the last compaction, and the named
    queries' rows, on a read-only view of the store."""
    with open_store(path, read_only=True) as view:
        quads = {q for q in view._store if not q.predicate.value.endswith("triplesSinceCompaction")}
        return {"quads": quads, **{name: view.run_named(name, params) for name, params in QUERIES.items()}}


def test_compaction_merges_the_files_of_many_bulk_loads_and_changes_no_answer(corpus, tmp_path):
    path = tmp_path / "store"
    with open_store(path) as store:    # one bulk load per report, as a large load writes batch after batch
        outcomes = list(store.put_many(extract_files([corpus / name for name in HAILAR], model="rules"), batch_quads=1))
        assert all(isinstance(n, int) for _, n in outcomes)
    before, written = answers(path), files(path)
    assert before["initiatives-by-theme"].rows and before["new-in-report"].rows and before["series"].rows
    with open_store(path) as store:
        store.compact()
    assert files(path) < written
    assert answers(path) == before


def test_a_read_only_view_does_not_compact(hailar_path):
    with open_store(hailar_path, read_only=True) as view, pytest.raises(StoreError, match="read-only"):
        view.compact()


def test_govkg_load_compacts_after_a_large_load_unless_told_not_to(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "COMPACT_AFTER", 1000)     # the corpus report is small; 1,000 triples is large here
    report = corpus / HAILAR[0]
    done = run_cli("load", report, "--store", tmp_path / "kept", "--no-compact")
    assert done.exit_code == 0, done.output
    assert "compacted" not in done.output
    done = run_cli("load", report, "--store", tmp_path / "compacted")
    assert done.exit_code == 0, done.output
    assert "compacted the store in" in done.output and "triples written" in done.output
    assert files(tmp_path / "compacted") < files(tmp_path / "kept")
    monkeypatch.setattr(settings, "COMPACT_AFTER", 10**9)
    done = run_cli("load", corpus / HAILAR[1], "--store", tmp_path / "small")
    assert done.exit_code == 0 and "compacted" not in done.output


def test_many_small_loads_add_up_to_a_compaction(corpus, tmp_path, monkeypatch):
    path = tmp_path / "store"
    with open_store(path) as store:
        assert store.count_written(0) == 0
    done = run_cli("load", corpus / HAILAR[0], "--store", path, "--no-compact")
    assert done.exit_code == 0, done.output
    with open_store(path) as store:
        first = store.count_written(0)
    assert first > 1000
    monkeypatch.setattr(settings, "COMPACT_AFTER", first + 1)      # the next load alone is below it
    done = run_cli("load", corpus / HAILAR[1], "--store", path)
    assert done.exit_code == 0, done.output
    assert "compacted the store in" in done.output and "by this and earlier loads" in done.output
    with open_store(path) as store:
        assert store.count_written(0) == 0                          # counted afresh after it
    done = run_cli("load", corpus / HAILAR[1], "--store", path)    # unchanged: nothing written, no compaction
    assert done.exit_code == 0 and "compacted" not in done.output


def test_govkg_compact(corpus, tmp_path):
    path = tmp_path / "store"
    assert run_cli("load", corpus / HAILAR[0], "--store", path, "--no-compact").exit_code == 0
    written, before = files(path), answers(path)
    done = run_cli("compact", "--store", path)
    assert done.exit_code == 0, done.output
    assert "compacted the store in" in done.output
    assert files(path) < written and answers(path) == before


def test_govkg_compact_names_a_missing_store_and_makes_none(tmp_path):
    done = run_cli("compact", "--store", tmp_path / "nothing")
    assert done.exit_code == 1
    assert "nothing: no store here" in done.output
    assert not (tmp_path / "nothing").exists()
