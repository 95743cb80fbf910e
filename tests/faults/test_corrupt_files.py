"""Case 1: a corrupt .docx is one line naming it; the good files of the same run still load; exit 1.
The same with worker processes (--jobs 2), where an error must cross a process boundary."""
from __future__ import annotations

import pytest

from faultkit import flip_bytes, rewrite_docx_part, write_docx, write_xlsx
from testkit import error_lines, govkg, write_text_report


def corrupt_docx_folder(tmp_path):
    folder = tmp_path / "reports"
    good = write_docx(folder / "a-good.docx")
    rewrite_docx_part(good, folder / "b-flipped.docx", "word/document.xml", flip_bytes)
    rewrite_docx_part(good, folder / "c-cut.docx", "word/document.xml", lambda xml: xml[: len(xml) // 2])
    write_xlsx(folder / "d-spreadsheet.docx")
    write_text_report(folder / "e-good.txt")
    return folder


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_corrupt_docx_is_one_line_and_the_good_files_load(tmp_path, stored_docs, jobs):
    folder = corrupt_docx_folder(tmp_path)
    store = tmp_path / "store"
    result = govkg("load", folder, "--store", store, "--jobs", jobs)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    errors = error_lines(result.stderr)
    assert len(errors) == 3, result.stderr
    for name in ("b-flipped.docx", "c-cut.docx", "d-spreadsheet.docx"):
        assert sum(name in line for line in errors) == 1, result.stderr
    assert stored_docs(store) == ["a-good.docx", "e-good.txt"]


def test_corrupt_docx_in_extract_keeps_the_good_records(tmp_path):
    folder = corrupt_docx_folder(tmp_path)
    out = tmp_path / "x.jsonl"
    result = govkg("extract", folder, "-o", out, "--jobs", "2")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert len(error_lines(result.stderr)) == 3
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_a_reader_crash_becomes_a_report_error_in_the_library(tmp_path):
    """Whatever a reader library raises, the pipeline hands back a plain, picklable ReportError."""
    import pickle

    from govkg.errors import ReportError
    from govkg.pipeline import extract_one

    good = write_docx(tmp_path / "good.docx")
    bad = rewrite_docx_part(good, tmp_path / "bad.docx", "word/document.xml", flip_bytes)
    item = extract_one(bad)
    assert isinstance(item, ReportError) and item.path == str(bad)
    assert "corrupt" in item.reason
    assert pickle.loads(pickle.dumps(item)).reason == item.reason
