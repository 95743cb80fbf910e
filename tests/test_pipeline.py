"""The library API: extraction of the whole corpus, interchange round trip, loading from JSONL."""
import json

import pytest

from govkg.interchange import read_jsonl, to_record
from govkg.pipeline import expand_inputs, extract_files, extract_to_jsonl, load_extractions


def test_every_corpus_report_extracts_and_scores(tmp_path, corpus, gold):
    import subprocess
    import sys

    out = tmp_path / "x.jsonl"
    result = extract_to_jsonl(expand_inputs([corpus]), out)
    assert not result.failed
    docs = {json.loads(line)["doc"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert {p.name for p in corpus.glob("*.txt")} <= docs
    score = subprocess.run([sys.executable, str(corpus.parent / "tools" / "score.py"), "--gold", str(gold),
                            "--pred", str(out), "--json"], capture_output=True, text=True, check=True)
    figures = json.loads(score.stdout)
    assert figures["docs_missing_from_prediction"] == []


def test_interchange_round_trip_loads_the_same_graph(tmp_path, store, sample_report):
    from govkg.store import open_store

    out = tmp_path / "x.jsonl"
    extract_to_jsonl([sample_report], out)
    via_jsonl = open_store(tmp_path / "a")
    load_extractions(read_jsonl(out), via_jsonl)
    load_extractions(extract_files([sample_report]), store)
    assert via_jsonl.triple_count() == store.triple_count()
    via_jsonl.close()


def test_extraction_is_deterministic(sample_report):
    first = [to_record(x) for x in extract_files([sample_report])]
    second = [to_record(x) for x in extract_files([sample_report])]
    assert json.dumps(first, ensure_ascii=False) == json.dumps(second, ensure_ascii=False)


def test_a_failed_jsonl_run_leaves_no_file(tmp_path):
    out = tmp_path / "x.jsonl"
    result = extract_to_jsonl([tmp_path / "missing.txt"], out)
    assert result.failed and out.exists()          # a run with only bad inputs writes an empty file
    assert out.read_text(encoding="utf-8") == ""


def test_parallel_extraction_keeps_order_and_bytes(tmp_path, sample_report):
    other = tmp_path / "b.txt"
    other.write_text("yy县人民政府工作报告\n县委组织部组织开展党史学习教育。\n", encoding="utf-8")
    paths = [other, sample_report, tmp_path / "missing.txt", other.with_name("c.txt")]
    paths[-1].write_text("zz县工作总结\n全面完成村级换届。\n", encoding="utf-8")
    one, two = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    r1 = extract_to_jsonl(paths, one, jobs=1)
    r2 = extract_to_jsonl(paths, two, jobs=2)
    assert one.read_bytes() == two.read_bytes()
    assert r1.failed == r2.failed and len(r2.loaded) == 3


@pytest.mark.parametrize("step, said", [("read_report", "cannot read the file (ValueError: "),
                                        ("extract", "cannot extract it (OSError: ")])
def test_a_fault_says_which_step_it_came_from(monkeypatch, sample_report, step, said):
    # a reader library's surprise and a fault after reading (stop 48's EBADF in a Dask worker) are
    # one report's error each, not the run's; the reason says which it was
    import govkg.pipeline as pipeline
    from govkg.errors import ReportError

    def failing(*args, **kwargs):
        raise (ValueError if step == "read_report" else OSError)("bad\nthing")

    monkeypatch.setattr(pipeline, step, failing)
    item = pipeline.extract_one(sample_report)
    assert isinstance(item, ReportError) and item.reason == said + "bad thing)"



@pytest.mark.parametrize("step, said", [("read_report", "cannot read the file (ValueError: "),
                                        ("extract_parts", "cannot extract it (OSError: ")])
def test_a_large_reports_fault_says_which_step_and_stores_nothing(monkeypatch, store, sample_report, step, said):
    # a file the size of a very large report is read, then extracted part after part as the store
    # writes them (govkg.parts): its faults are worded as any other file's, the progress bar still
    # counts it, and no part of it is kept
    import govkg.pipeline as pipeline

    def failing_read(*args, **kwargs):
        raise ValueError("bad\nthing")

    def failing_parts(*args, **kwargs):
        raise OSError("bad\nthing")
        yield                                       # a generator, as extract_parts is

    monkeypatch.setattr(pipeline, "LARGE_REPORT", 0)        # the file counts as large
    monkeypatch.setattr(pipeline, "is_large", lambda report: True)
    monkeypatch.setattr(pipeline, step, {"read_report": failing_read, "extract_parts": failing_parts}[step])
    counted: list[str] = []
    result = pipeline.load_files([sample_report], store, progress=counted.append)
    assert result.failed == [(str(sample_report), said + "bad thing)")]
    assert counted == [sample_report.name]
    assert not result.loaded and store.triple_count() == 0
