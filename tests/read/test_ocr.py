"""govkg.read.ocr: the scanned pages of a PDF read by a real Tesseract when OCR is asked for
(`--ocr`, GOVKG_OCR=1), kept in the cache, and named in a note saying how to read them when it is
not. The scans are pages LibreOffice printed, rendered to images by pdfium and put in a PDF with
no text layer; the same pages with their text turned into outlines by Ghostscript are read so too."""
import difflib
import os
import re
import sys
from pathlib import Path

import pytest

from govkg.read import ocr, read_noted
from testkit import govkg, outlined_pdf, refusal, save_as, scanned_pdf, unmapped_pdf

TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def _tsv(*lines: tuple[int, list[str]]) -> str:
    """Tesseract's TSV of these lines (left end, words), 40 pixels high, 60 apart."""
    rows = [TSV_HEADER]
    for number, (left, words) in enumerate(lines, 1):
        top = 60 * number
        rows.append(f"4\t1\t1\t1\t{number}\t0\t{left}\t{top}\t1000\t40\t-1\t")
        rows += [f"5\t1\t1\t1\t{number}\t{n}\t{left + 900 - 40 * n}\t{top}\t40\t40\t95\t{word}"
                 for n, word in enumerate(words, 1)]      # boxes out of order: the words' order stands
    return "\n".join(rows)


@pytest.mark.parametrize("lines, text", [
    ([(100, ["各位", "代表", ":"])], "各位代表："),
    ([(100, ["增长", "12.1", "%", ";"]), (180, ["现在", ",", "我"])], "增长12.1%；\n　　现在，我"),
    ([(100, ["GDP", "2015", "年"])], "GDP 2015年"),
    ([(100, ["(", "一", ")", "总体", "要求", "(2020", "年", ")"])], "（一）总体要求（2020年）"),
    ([(100, ["1,000", "(A)"])], "1,000(A)"),                  # no Chinese beside: as read
])
def test_a_page_is_rebuilt_from_tesseract_lines_in_their_words_order(lines, text):
    assert ocr._page_text(_tsv(*lines)) == text


def _scanned(soffice: str, source: Path, keep_text_on: tuple[int, ...] = ()) -> tuple[Path, list[str]]:
    """The first two pages of the text printed by LibreOffice, as a PDF whose pages are images
    (but those in ``keep_text_on``, kept as printed); and each page's text layer as printed."""
    path = source.with_suffix(".scan.pdf")
    return path, scanned_pdf(save_as(soffice, source, "pdf"), path, keep_text_on, pages=2)


def _squeezed(text: str) -> str:
    return re.sub(r"\s", "", text)


def test_scanned_pages_are_read_by_ocr_when_asked_and_from_the_cache_after(tesseract, soffice, sample_report,
                                                                          tmp_path, ocr_cache, monkeypatch):
    source = tmp_path / "report.txt"
    source.write_bytes(sample_report.read_bytes())
    path, printed = _scanned(soffice, source)
    monkeypatch.setenv("GOVKG_OCR", "1")
    text, _, notes = read_noted(path)
    assert notes == ("pages 1-2 of 2 were read by OCR (Tesseract, chi_sim): names and numbers in them may be "
                     "misread",)
    likeness = difflib.SequenceMatcher(None, _squeezed(text), _squeezed("".join(printed)), autojunk=False).ratio()
    assert likeness >= 0.95, likeness
    assert "各位代表：" in text                                  # full-width punctuation after Chinese
    assert len(list(ocr_cache.glob("ocr/*.tsv"))) == 2
    monkeypatch.delenv("GOVKG_OCR")
    assert read_noted(path)[0] == text                          # read from the cache without --ocr


def test_without_ocr_the_note_says_how_to_read_the_scanned_pages(tesseract, soffice, sample_report, tmp_path,
                                                                 ocr_cache):
    source = tmp_path / "report.txt"
    source.write_bytes(sample_report.read_bytes())
    path, printed = _scanned(soffice, source, keep_text_on=(0,))
    text, _, notes = read_noted(path)
    assert _squeezed(text) == _squeezed(printed[0])
    assert notes == ("page 2 of 2 holds an image and no text (scanned?) and was not read; load with --ocr to read "
                     "it by OCR",)
    whole_source = tmp_path / "whole.txt"
    whole_source.write_bytes(sample_report.read_bytes())
    whole, _ = _scanned(soffice, whole_source)
    assert "the PDF has no text layer (a scanned image?); load with --ocr to read it by OCR" in refusal(whole)


def test_govkg_load_with_ocr_reads_a_mixed_pdf_and_reloads_it_unchanged(tesseract, soffice, sample_report, tmp_path,
                                                                       ocr_cache):
    source = tmp_path / "xx县2023年政府工作报告.txt"
    source.write_bytes(sample_report.read_bytes())
    path, _ = _scanned(soffice, source, keep_text_on=(0,))
    store = tmp_path / "store"
    done = govkg("load", "--ocr", str(path), "--store", str(store))
    assert done.returncode == 0, done.stderr
    assert f"note: {path}: page 2 of 2 was read by OCR" in " ".join(done.stderr.split())
    again = govkg("load", str(path), "--store", str(store))          # no --ocr: the cache reads page 2
    assert again.returncode == 0 and "unchanged" in again.stderr, again.stderr


@pytest.mark.parametrize("alter, holds, refused", [
    ("outlined", "drawings and no text (text turned into outlines?)",
     "the PDF has no text layer (its text is drawn as outlines?)"),
    ("unmapped", "text without a character map (it copies as garbage)",
     "the PDF's text has no character map (it copies as garbage)"),
])
def test_pages_whose_text_cannot_be_taken_are_read_by_ocr_and_noted_without_it(
        tesseract, soffice, sample_report, tmp_path, ocr_cache, monkeypatch, request, alter, holds, refused):
    import pypdfium2

    if alter == "outlined":
        request.getfixturevalue("ghostscript")
    make = outlined_pdf if alter == "outlined" else unmapped_pdf
    source = tmp_path / "report.txt"
    source.write_bytes(sample_report.read_bytes())
    printed = save_as(soffice, source, "pdf")
    texts = [page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(printed)]
    mixed, altered = tmp_path / "mixed.pdf", tmp_path / "altered.pdf"
    make(printed, mixed, keep_text_on=(0,))
    pages = make(printed, altered)
    assert pages >= 3
    text, _, notes = read_noted(mixed)
    assert _squeezed(text) == _squeezed(texts[0])                # the other pages' garbage is not kept
    assert notes == (f"pages 2-{pages} of {pages} hold {holds} and were not read; load with --ocr to read them by "
                     "OCR",)
    assert f"{refused}; load with --ocr" in refusal(altered)
    monkeypatch.setenv("GOVKG_OCR", "1")
    text, _, notes = read_noted(altered)
    assert notes == (f"pages 1-{pages} of {pages} were read by OCR (Tesseract, chi_sim): names and numbers in them "
                     "may be misread",)
    likeness = difflib.SequenceMatcher(None, _squeezed(text), _squeezed("".join(texts)), autojunk=False).ratio()
    assert likeness >= 0.95, likeness


def test_ocr_asked_for_where_tesseract_is_missing_is_a_usage_error(tmp_path, sample_report):
    bin_dir = Path(sys.executable).parent
    done = govkg("load", "--ocr", str(sample_report), "--store", str(tmp_path / "store"),
                 env={"PATH": str(bin_dir)})
    assert done.returncode == 1
    assert "error: --ocr: tesseract is not installed: apt-get install tesseract-ocr tesseract-ocr-chi-sim" in done.stderr
    assert not (tmp_path / "store").exists()
