"""PDF: the text layer, page by page (pdfium through pypdfium2, BSD/Apache-licensed), each line as
it is printed, then joined back into paragraphs (``wrapped``).

Each character is placed by where it is printed (its origin on the baseline), not by its order in
the page's content stream: printed from Word, a quote mark set in a Latin font comes in the stream
before the line it stands in, and a reader in stream order (pypdf; pdfium's own text) moved both
marks to the start of the line, away from “菜篮子”. Of ../shared/corpus printed from Word with a
running title and page numbers, 98.9% of the statements read as in the text against 82.0% with
pypdf (`bench/pdf_paragraphs.py`), and pdfium reads four reports' PDFs in 0.4 s where pypdf
took 1.6 s and pdfplumber 2.6 s. A line's indent is kept as full-width spaces, one per character
of indent: the paragraph joining reads it.
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass
from pathlib import Path

from govkg.errors import ReportError
from govkg.read.wrapped import join_wrapped

__all__ = ["read"]

INDENT = "\u3000"
_NOT_PRINTED = {0, 10, 13, 0xFFFE, 0xFFFF}      # pdfium's generated line ends and unknown codes


@dataclass(frozen=True)
class _Char:
    text: str
    x: float            # left end of the baseline
    y: float            # the baseline, upwards
    size: float         # font size
    generated: bool = False     # a space pdfium put where it saw a gap


def read(path: Path, data: bytes) -> tuple[str, tuple[str, ...]]:
    """The text, and a note naming the pages that hold an image and no text (scanned pages, which
    only OCR can read): the rest of the report is read without them."""
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
        pages = [_page_text(document[n]) for n in range(len(document))]
        scanned = [n + 1 for n, text in enumerate(pages) if not text.strip() and _has_image(document[n])]
    except pypdfium2.PdfiumError as err:
        raise ReportError(path, f"not a readable PDF (a damaged page: {err})") from None
    finally:
        document.close()
    text = join_wrapped(pages)
    if not text.strip():
        raise ReportError(path, "the PDF has no text layer (a scanned image?); run OCR first")
    return text, (_scanned_note(scanned, len(pages)),) if scanned else ()


def _has_image(page) -> bool:
    import pypdfium2.raw as pdfium

    return any(True for _ in page.get_objects(filter=[pdfium.FPDF_PAGEOBJ_IMAGE], max_depth=2))


def _scanned_note(pages: list[int], total: int) -> str:
    runs: list[list[int]] = []
    for n in pages:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    named = ", ".join(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs)
    return (f"page{'s' if len(pages) > 1 else ''} {named} of {total} hold{'' if len(pages) > 1 else 's'} an image "
            f"and no text (scanned?) and {'were' if len(pages) > 1 else 'was'} not read; run OCR to read them")


def _page_text(page) -> str:
    """The page's lines, top to bottom, each indented by as many full-width spaces as characters
    it starts right of the page's leftmost line."""
    lines = [(line, text) for line in _lines(_chars(page)) if (text := "".join(ch.text for ch in line).strip())]
    if not lines:
        return ""
    starts = [next(ch for ch in line if not ch.text.isspace()) for line, _ in lines]
    left = min(ch.x for ch in starts)
    return "\n".join(INDENT * int((start.x - left) / start.size + 0.25) + text
                      for start, (_, text) in zip(starts, lines))


def _chars(page) -> list[_Char]:
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
            chars.append(_Char(chr(code), x.value, y.value, pdfium.FPDFText_GetFontSize(textpage, n) or 10.0,
                               pdfium.FPDFText_IsGenerated(textpage, n) == 1))
        return chars
    finally:
        textpage.close()


def _lines(chars: list[_Char]) -> list[list[_Char]]:
    """Characters on one baseline (within half a font size) form a line, read left to right."""
    lines: list[list[_Char]] = []
    for ch in sorted(chars, key=lambda ch: -ch.y):
        if lines and abs(lines[-1][0].y - ch.y) <= ch.size / 2:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    return [_without_gap_spaces(sorted(line, key=lambda ch: ch.x)) for line in lines]


def _without_gap_spaces(line: list[_Char]) -> list[_Char]:
    """Without the spaces pdfium generates for the gaps of a justified line of Chinese (they would
    split names), but with one between Latin words and between the cells of a table (a gap of two
    characters or more)."""
    out: list[_Char] = []
    gap: _Char | None = None
    for ch in line:
        if ch.generated:
            gap = gap or ch
            continue
        previous = out[-1] if out else None
        if gap and previous and (_latin(previous) and _latin(ch) or ch.x - previous.x > 3 * previous.size):
            out.append(gap)
        out.append(ch)
        gap = None
    return out


def _latin(ch: _Char | None) -> bool:
    return ch is not None and ch.text.isascii() and ch.text.isalnum()
