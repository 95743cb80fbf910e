"""The same input gives byte-identical interchange output."""
import io

from govkg.extract import extract
from govkg.interchange import write_jsonl
from govkg.read import read_report


def _jsonl(paths) -> str:
    buffer = io.StringIO()
    write_jsonl((extract(read_report(p)) for p in paths), buffer)
    return buffer.getvalue()


def test_sample_report_twice_is_identical(sample_report):
    assert _jsonl([sample_report]) == _jsonl([sample_report])


def test_corpus_report_twice_is_identical(corpus):
    paths = sorted(corpus.glob("*.txt"))[:3]
    assert _jsonl(paths) == _jsonl(paths)
