"""The interchange JSONL (govkg.interchange, spec §5): what is written reads back as the same
extraction, and a bad line is one error naming the file and the line."""
from __future__ import annotations

import json

import pytest

from govkg.errors import ReportError
from govkg.interchange import read_jsonl, read_records, read_rows, record_line, to_record, write_jsonl
from govkg.pipeline import extract_one


@pytest.fixture(scope="module")
def sample_extraction(sample_report):
    return extract_one(sample_report)


def test_what_is_written_reads_back_as_the_same_extraction(tmp_path, sample_extraction):
    """The same record, statements, entities, relations and metrics (the report's text is not in
    the JSONL: the statements carry theirs)."""
    path = tmp_path / "x.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        assert write_jsonl([sample_extraction, sample_extraction], out) == 2
    read = list(read_jsonl(path))
    assert [to_record(ex) for ex in read] == [to_record(sample_extraction)] * 2
    for part in ("statements", "entities", "relations", "metrics"):
        assert getattr(read[0], part) == getattr(sample_extraction, part), part
    assert [row["doc"] for row in read_records(path)] == [sample_extraction.report.doc] * 2


def test_a_record_is_one_line_of_utf8_as_written(sample_extraction):
    line = record_line(sample_extraction)
    assert "\n" not in line and "\\u" not in line
    assert json.loads(line) == to_record(sample_extraction)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in line)


def test_a_bad_line_names_the_file_and_the_line(tmp_path, sample_extraction):
    path = tmp_path / "bad.jsonl"
    path.write_text(record_line(sample_extraction) + "\n\n{not json\n", encoding="utf-8")
    with pytest.raises(ReportError, match=r"bad\.jsonl:3: not an interchange record \(Expecting"):
        list(read_jsonl(path))
    path.write_text("[1, 2]\n", encoding="utf-8")
    with pytest.raises(ReportError, match=r"bad\.jsonl:1: not gold \(a JSON list\)"):
        list(read_rows(path, "gold"))
    path.write_text('{"statements": []}\n', encoding="utf-8")        # no doc
    with pytest.raises(ReportError, match=r"bad\.jsonl:1: not an interchange record"):
        list(read_jsonl(path))
