"""The embedded store: idempotent loads, replace, remove, atomicity and the busy lock."""
import subprocess
import sys
from pathlib import Path

import pytest

from govkg.errors import StoreBusyError, StoreError
from govkg.pipeline import extract_files, load_files
from govkg.store import open_store

REPORT = """xx县人民政府工作报告
一、2023年工作回顾
全面完成村级换届工作，选派驻村第一书记xx名。
扎实开展“我为群众办实事”实践活动。
县委组织部印发《xx县驻村第一书记和工作队管理办法》。
"""
CHANGED = REPORT.replace("扎实开展“我为群众办实事”实践活动。", "深入开展“清化收”专项行动。")
OTHER = "yy县人民政府工作报告\n县委组织部组织开展党史学习教育。\n"


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def labels(store) -> set[str]:
    q = "SELECT ?n WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?n ; a ?c . ?c <https://w3id.org/govkg/ontology#entityType> ?t }"
    return {row[0] for row in store.select(q, {}).rows}


def test_loading_twice_changes_nothing(tmp_path, store):
    path = write(tmp_path / "in", "a.txt", REPORT)
    first = load_files([path], store)
    count = store.triple_count()
    second = load_files([path], store)
    assert first.loaded == ["a.txt"] and second.unchanged == ["a.txt"]
    assert store.triple_count() == count
    store.put(next(extract_files([path])))
    assert store.triple_count() == count      # forcing a re-put is idempotent too


def test_a_changed_report_replaces_its_facts(tmp_path, store):
    path = write(tmp_path / "in", "a.txt", REPORT)
    load_files([path], store)
    assert "我为群众办实事" in labels(store)
    path.write_text(CHANGED, encoding="utf-8")
    result = load_files([path], store)
    assert result.loaded == ["a.txt"]
    assert "我为群众办实事" not in labels(store)
    assert "清化收" in labels(store)
    assert len(store.reports()) == 1


def test_remove_takes_away_one_report_and_nothing_else(tmp_path, store):
    a = write(tmp_path / "in", "a.txt", REPORT)
    b = write(tmp_path / "in", "b.txt", OTHER)
    load_files([b], store)
    only_b = store.triple_count()
    load_files([a], store)
    assert store.remove("a.txt") is True
    assert store.triple_count() == only_b
    assert "县委组织部" in labels(store)          # shared with b: stays
    assert "我为群众办实事" not in labels(store)
    assert store.remove("a.txt") is False


def metrics(store) -> list[tuple]:
    q = ("SELECT ?v ?g WHERE { GRAPH ?g { ?m a <https://w3id.org/govkg/ontology#Metric> ; "
         "<https://w3id.org/govkg/ontology#valueText> ?v } }")
    return sorted(store.select(q, {}).rows)


def test_metrics_go_with_their_report(tmp_path, store):
    a = write(tmp_path / "in", "a.txt", REPORT)
    b = write(tmp_path / "in", "b.txt", OTHER.replace("。", "，培训党员300人次。"))
    load_files([a, b], store)
    assert [v for v, _ in metrics(store)] == ["300", "xx"]
    assert len({g for _, g in metrics(store)}) == 2          # each in its report's graph
    a.write_text(REPORT.replace("xx名", "十二名"), encoding="utf-8")
    load_files([a], store)                                     # replaced, not added to
    assert [v for v, _ in metrics(store)] == ["12", "300"]
    assert store.remove("b.txt") is True
    assert [v for v, _ in metrics(store)] == ["12"]
    assert [r["report"] for r in store.run_named("metrics", {}).as_dicts()] == ["a.txt"]


def test_the_store_persists_on_disk(tmp_path, store_path):
    path = write(tmp_path / "in", "a.txt", REPORT)
    db = open_store(store_path)
    load_files([path], db)
    count = db.triple_count()
    db.close()
    again = open_store(store_path, read_only=True)
    assert again.triple_count() == count
    assert [r.doc for r in again.reports()] == ["a.txt"]
    again.close()


def test_a_second_writer_gets_store_is_busy(store_path):
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from govkg.store import open_store; s = open_store(sys.argv[1]); "
         "print('open', flush=True); time.sleep(30)", str(store_path)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreBusyError, match="store is busy"):
            open_store(store_path)
        reader = open_store(store_path, read_only=True)     # readers still work beside a writer
        reader.close()
    finally:
        holder.kill()
        holder.wait()


def test_reading_a_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no store here yet"):
        open_store(tmp_path / "nowhere", read_only=True)


class FailingCommit:
    """The real Oxigraph store, except that the write that commits a new version fails."""

    def __init__(self, real):
        self._real = real

    def add(self, *args, **kwargs):
        raise OSError("simulated crash before the commit")

    extend = add       # the commit: the version's aggregates and catalog entry in one transaction

    def __getattr__(self, name):
        return getattr(self._real, name)


def test_a_failed_write_leaves_the_earlier_version(tmp_path, store):
    path = write(tmp_path / "in", "a.txt", REPORT)
    load_files([path], store)
    before, digest = store.triple_count(), store.report_digest("a.txt")
    path.write_text(CHANGED, encoding="utf-8")
    real, store._store = store._store, FailingCommit(store._store)
    try:
        result = load_files([path], store)
    finally:
        store._store = real
    assert [reason for _, reason in result.failed] == [
        f"{store.path}: write failed, the stored version is unchanged: simulated crash before the commit"]
    assert store.triple_count() == before
    assert store.report_digest("a.txt") == digest
    assert "我为群众办实事" in labels(store) and "清化收" not in labels(store)


def test_readers_never_see_an_uncommitted_version(tmp_path, store_path):
    """A crash between writing a version and committing it: readers see the old version only,
    and the next writer cleans up."""
    import pyoxigraph as ox

    from govkg.rdf_mapping import build_graph
    from govkg.iri import graph_iri
    from govkg.store.oxigraph import to_ox

    path = write(tmp_path / "in", "a.txt", REPORT)
    db = open_store(store_path)
    load_files([path], db)
    before = sorted(labels(db))
    path.write_text(CHANGED, encoding="utf-8")
    orphan = ox.NamedNode(f"{graph_iri('a.txt')}/v2")
    db._store.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), orphan)
                     for s, p, o in build_graph(next(extract_files([path]))))
    db.close()
    reader = open_store(store_path, read_only=True)
    assert sorted(labels(reader)) == before
    reader.close()
    writer = open_store(store_path)
    assert orphan not in set(writer._store.named_graphs())
    writer.close()


def test_a_report_stored_in_parts_counts_what_it_stored(tmp_path, store):
    """The count of a report written in parts is its graph's size (the store-graph-size query)
    less the store's own tallies, plus its entities' triples: what a whole write counts."""
    from govkg.extract import extract
    from govkg.parts import extract_parts
    from govkg.read import read_report

    report = read_report(write(tmp_path / "in", "a.txt", REPORT + OTHER * 20))
    parts = list(extract_parts(report, "rules", size=200))
    assert len(parts) >= 3
    count = store.put_parts(parts)
    assert count == store.triple_count()
    with open_store(tmp_path / "whole") as whole:
        assert whole.put(extract(report, "rules")) == count == whole.triple_count()
