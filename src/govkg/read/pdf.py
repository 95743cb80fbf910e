"""PDF: the text layer, page by page (pypdf, BSD-licensed), its lines joined back into paragraphs
(``wrapped``)."""
from __future__ import annotations

import io
import logging
from pathlib import Path

from govkg.errors import ReportError
from govkg.read.wrapped import join_wrapped

__all__ = ["read"]


def read(path: Path, data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError, PdfStreamError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    if not data.startswith(b"%PDF"):
        raise ReportError(path, "not a PDF file (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, PdfStreamError, ValueError, KeyError, OSError) as err:
        raise ReportError(path, f"not a readable PDF (truncated or corrupt: {err})") from None
    text = join_wrapped(pages)
    if not text.strip():
        raise ReportError(path, "the PDF has no text layer (a scanned image?); run OCR first")
    return text
