"""A very large report in parts (govkg.parts): the parts cover the text at line ends, and the
statements of the parts are those of the whole report, section paths included."""
from __future__ import annotations

from dataclasses import replace

from govkg.parts import LARGE_REPORT, extract_parts, is_large, text_parts
from govkg.read import read_report


def test_parts_cover_the_text_end_to_end_and_end_at_line_ends():
    text = "".join(f"第{i}行，推进乡村振兴。\n" for i in range(500))
    parts = list(text_parts(text, size=1000))
    assert len(parts) > 5
    assert parts[0][0] == 0 and parts[-1][1] == len(text)
    assert all(end == next_start for (_, end), (next_start, _) in zip(parts, parts[1:]))
    assert all(end - start <= 1000 for start, end in parts)
    assert all(text[end - 1] == "\n" for _, end in parts)


def test_one_long_line_is_cut_where_a_statement_ends():
    text = "推进乡村振兴战略实施。" * 400          # one line of 4,400 characters
    parts = list(text_parts(text, size=1000))
    assert len(parts) > 4 and parts[-1][1] == len(text)
    assert all(text[end - 1] == "。" for _, end in parts)


def test_only_a_report_over_the_threshold_is_large(sample_report):
    report = read_report(sample_report)
    assert not is_large(report)
    assert is_large(replace(report, text="字" * (LARGE_REPORT + 1)))


def test_the_parts_of_a_report_give_the_statements_of_the_whole(sample_report):
    from govkg.extract import extract

    report = read_report(sample_report)
    whole = extract(report, "rules")
    parts = list(extract_parts(report, "rules", size=800))
    assert len(parts) > 3
    assert [s for part in parts for s in part.statements] == list(whole.statements)
    assert any(len(s.section) > 1 for part in parts[1:] for s in part.statements)   # headings carried over
