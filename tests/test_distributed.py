"""The Dask path: the per-report map on a real (local) Dask cluster gives the same JSONL, and the
reader's notes (scanned pages) and the wish for OCR cross to and from the workers."""
import os

import pytest

from govkg.pipeline import extract_one, extract_to_jsonl
from govkg.read import ocr
from testkit import govkg, with_scanned_pages

distributed = pytest.importorskip("distributed", reason="pip install 'govkg[dask]' for the Dask path")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, sample_report):
    saved = {name: os.environ.get(name) for name in ("GOVKG_CACHE_DIR", "GOVKG_OCR")}
    os.environ["GOVKG_CACHE_DIR"] = str(tmp_path_factory.mktemp("worker-cache"))   # the workers inherit it
    os.environ.pop("GOVKG_OCR", None)
    try:
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      dashboard_address=None, host="127.0.0.1") as local:
            yield local
    finally:
        for name, value in saved.items():
            os.environ.pop(name, None) if value is None else os.environ.__setitem__(name, value)


def test_dask_output_is_byte_identical_to_a_local_run(tmp_path, cluster, sample_report):
    from govkg.distributed import extract_on_dask

    other = tmp_path / "b.txt"
    other.write_text("yy县人民政府工作报告\n县委组织部组织开展党史学习教育。\n", encoding="utf-8")
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    paths = [sample_report, other, bad]
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    extract_to_jsonl(paths, local)
    result = extract_to_jsonl(paths, remote, items=extract_on_dask(paths, cluster.scheduler_address))
    assert remote.read_bytes() == local.read_bytes(), result.failed
    assert [p for p, _ in result.failed] == [str(bad.resolve())]


def test_the_jsonl_loads_into_the_store(tmp_path, cluster, sample_report, store):
    from govkg.distributed import extract_on_dask
    from govkg.interchange import read_jsonl
    from govkg.pipeline import load_extractions

    out = tmp_path / "dask.jsonl"
    extract_to_jsonl([sample_report], out, items=extract_on_dask([sample_report], cluster.scheduler_address))
    assert load_extractions(read_jsonl(out), store).loaded == [sample_report.name]
    assert store.run_named("initiatives-by-theme", {"theme": "village_governance"}).rows


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path, sample_report):
    from govkg.distributed import extract_on_dask
    from govkg.errors import UsageError

    with pytest.raises(UsageError, match="cannot reach the Dask scheduler"):
        list(extract_on_dask([sample_report], "tcp://127.0.0.1:9"))


@pytest.mark.parametrize("wanted", [False, True])
def test_the_notes_of_scanned_pages_come_back_as_a_local_run_gives_them(tmp_path, cluster, monkeypatch, wanted):
    from govkg.distributed import extract_on_dask

    monkeypatch.setenv("GOVKG_CACHE_DIR", str(tmp_path / "cache"))
    path = with_scanned_pages(tmp_path / f"mixed-{wanted}.pdf", [["Work Report 2023."], [f"OCR {wanted}."]], [1])
    with ocr.asked(wanted):
        here = extract_one(path).report.notes
    (there,) = extract_on_dask([path], cluster.scheduler_address, ocr=wanted)
    assert there.report.notes == here and there.report.source == str(path.resolve())
    assert here[0].startswith("page 2 of 3 holds an image and no text (scanned?) and was not read; ")
    assert ("load with --ocr" in here[0]) is not wanted     # with OCR: what it could not do, not "load with --ocr"


def test_govkg_extract_dask_ocr_asks_the_workers_and_prints_their_notes(tmp_path, cluster):
    path = with_scanned_pages(tmp_path / "mixed.pdf", [["Work Report 2023."], ["More work."]], [1])
    done = govkg("extract", "--dask", cluster.scheduler_address, "--ocr", str(path), "-o", str(tmp_path / "x.jsonl"),
                 env={"GOVKG_CACHE_DIR": str(tmp_path / "client-cache")})
    assert done.returncode == 0, done.stderr
    said = " ".join(done.stderr.split())
    assert f"note: {path.resolve()}: page 2 of 3 holds an image and no text (scanned?) and was not read" in said
    assert "load with --ocr" not in said
