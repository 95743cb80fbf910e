"""The Dask path: the per-report map on a real (local) Dask cluster gives the same JSONL."""
import pytest

from govkg.pipeline import extract_to_jsonl

distributed = pytest.importorskip("distributed", reason="pip install 'govkg[dask]' for the Dask path")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, host="127.0.0.1") as local:
        yield local


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
    assert remote.read_bytes() == local.read_bytes()
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
