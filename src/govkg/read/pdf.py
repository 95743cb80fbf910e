"""PDF: the text layer, page by page (pdfium through pypdfium2, BSD/Apache-licensed), each line as
it is printed, then joined back into paragraphs (``wrapped``).

Each character is placed by where it is printed (``printed``), not by its order in the page's
content stream: a reader in stream order (pypdf; pdfium's own text) moved the quote marks Word
sets in a Latin font to the start of their line, away from “菜篮子”. Of ../shared/corpus printed
from Word with a running title and page numbers, 98.9% of the statements read as in the text
against 82.0% with pypdf (`bench/pdf_paragraphs.py`), and pdfium reads four reports' PDFs in 0.4 s
where pypdf took 1.6 s and pdfplumber 2.6 s.
"""
from __future__ import annotations

import ctypes
from pathlib import Path

from govkg.errors import ReportError
from govkg.read import ocr
from govkg.read.printed import DRAWN, SCANNED, UNMAPPED, PrintedChar, page_text
from govkg.read.wrapped import join_wrapped

__all__ = ["read"]

_NOT_PRINTED = {0, 10, 13, 0xFFFE, 0xFFFF}      # pdfium's generated line ends and unknown codes
_DRAWN_SEGMENTS = 2000      # a few dozen characters drawn as outlines
_UNMAPPED_MIN_CHARS, _UNMAPPED_SHARE = 20, 0.05


def read(path: Path, data: bytes) -> tuple[str, tuple[str, ...]]:
    """The text, and notes on the pages that hold an image and no text (scanned pages), text
    turned into outlines (drawn, as some publishers print to PDF) or text whose fonts have no
    character map (it copies as garbage; its garbage is not kept): which were read by OCR
    (`--ocr`, ``ocr``, pdfium rendering the page), which were not and how to read them."""
    import pypdfium2
    import pypdfium2.raw as pdfium

    if not data.startswith(b"%PDF"):
        raise ReportError(path, "not a PDF file (no %PDF header)")
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as err:
        if getattr(err, "err_code", None) == pdfium.FPDF_ERR_PASSWORD:
            raise ReportError(path, "the PDF is locked by a password; save a copy without the password and "
                                    "load that") from None
        reason = " ".join(str(err).split())[:200]
        raise ReportError(path, f"not a readable PDF (truncated or corrupt: {reason})") from None
    try:
        pages: list[str] = []
        unmapped: list[int] = []
        for n in range(len(document)):          # a page's characters at a time: a long PDF holds millions
            chars = _chars(document[n])
            if _unmapped(chars):
                unmapped.append(n)
            pages.append("" if unmapped[-1:] == [n] else page_text(chars))
        scanned, drawn = _blank_pages(document, pages, unmapped)
        pages, notes = ocr.read_scanned(data, pages, {SCANNED: scanned, DRAWN: drawn, UNMAPPED: unmapped},
                                        lambda n: ocr.rendered(document[n]))
    except pypdfium2.PdfiumError as err:
        raise ReportError(path, f"not a readable PDF (a damaged page: {err})") from None
    finally:
        document.close()
    text = join_wrapped(pages)
    if not text.strip():
        raise ReportError(path, f"{_no_text(scanned, drawn, unmapped)}; {ocr.remedy('read it')}")
    return text, notes


def _blank_pages(document, pages: list[str], unmapped: list[int]) -> tuple[list[int], list[int]]:
    """The pages without text that hold an image (scanned) and those drawn as outlines, each page
    loaded once."""
    scanned, drawn = [], []
    for n, text in enumerate(pages):
        if text.strip() or n in unmapped:
            continue
        page = document[n]
        if _has_image(page):
            scanned.append(n)
        elif _is_drawn(page):
            drawn.append(n)
    return scanned, drawn


def _no_text(scanned: list[int], drawn: list[int], unmapped: list[int]) -> str:
    """Why the PDF gave no text, by what most of its pages hold (a tie: a scan)."""
    most = max((len(scanned), 2, SCANNED), (len(drawn), 1, DRAWN), (len(unmapped), 0, UNMAPPED))[2]
    return {SCANNED: "the PDF has no text layer (a scanned image?)",
            DRAWN: "the PDF has no text layer (its text is drawn as outlines?)",
            UNMAPPED: "the PDF's text has no character map (it copies as garbage)"}[most]


def _unmapped(chars: list[PrintedChar]) -> bool:
    """Whether the page's text came without a character map (ToUnicode): its fonts' glyph numbers
    read as control characters and stray Latin, or as private-use code points; real text has none."""
    shown = [ch.text for ch in chars if not ch.text.isspace()]
    odd = sum(1 for ch in shown if ord(ch) < 32 or 0xE000 <= ord(ch) <= 0xF8FF or ch == "\ufffd")
    return len(shown) >= _UNMAPPED_MIN_CHARS and odd >= _UNMAPPED_SHARE * len(shown)


def _has_image(page) -> bool:
    import pypdfium2.raw as pdfium

    return any(True for _ in page.get_objects(filter=[pdfium.FPDF_PAGEOBJ_IMAGE], max_depth=2))


def _is_drawn(page) -> bool:
    """Whether the page is drawn with enough strokes to be text turned into outlines (a page of
    it has tens of thousands of path segments; a frame or a rule has a handful)."""
    import pypdfium2.raw as pdfium

    segments = 0
    for path in page.get_objects(filter=[pdfium.FPDF_PAGEOBJ_PATH], max_depth=2):
        segments += pdfium.FPDFPath_CountSegments(path)
        if segments >= _DRAWN_SEGMENTS:
            return True
    return False


def _chars(page) -> list[PrintedChar]:
    import pypdfium2.raw as pdfium

    textpage = page.get_textpage()
    try:
        x, y = ctypes.c_double(), ctypes.c_double()
        chars = []
        for n in range(textpage.count_chars()):
            code = pdfium.FPDFText_GetUnicode(textpage, n)
            if code in _NOT_PRINTED:
                continue
            pdfium.FPDFText_GetCharOrigin(textpage, n, x, y)
            chars.append(PrintedChar(chr(code), x.value, y.value, pdfium.FPDFText_GetFontSize(textpage, n) or 10.0,
                                     pdfium.FPDFText_IsGenerated(textpage, n) == 1))
        return chars
    finally:
        textpage.close()
