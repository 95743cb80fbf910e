"""Word .docx: paragraphs and table rows in document order, one per line (a row's cells joined by
tabs), read from the document's XML: python-docx opens the package, but its paragraphs leave out
what Word keeps in content controls (``w:sdt``, as templates of official documents hold titles and
dates), tracked insertions (``w:ins``), simple fields and smart tags, and its rows repeat a merged
cell once per column it spans. Text boxes follow the paragraph that anchors them (the drawing, not
its VML fallback, so once); deleted text (``w:del``, ``w:moveFrom``) and field codes are left out."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from govkg.errors import ReportError

__all__ = ["read"]


def read(path: Path, data: bytes) -> str:
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import LxmlError

    try:
        document = docx.Document(io.BytesIO(data))
        return "\n".join(_lines(document.element.body))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, LxmlError, EOFError) as err:
        # str(err) only: lxml's error objects carry an error log that cannot be pickled to a worker
        raise ReportError(path, f"not a readable .docx (truncated or corrupt: {_one_line(err)})") from None


def _one_line(err: Exception) -> str:
    text = " ".join(str(err).split())
    text = re.sub(r"^file '<_io\.BytesIO object at \w+>' ", "", text)   # python-docx names a buffer
    return text[:200]


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIPPED = {f"{_W}del", f"{_W}moveFrom", f"{_W}pPr", f"{_W}rPr", f"{_W}sectPr", f"{_W}instrText", _FALLBACK}
_CONTAINERS = {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}txbxContent"}


def _lines(container):
    """The lines of the paragraphs and tables in ``container``, in order, content controls opened."""
    for child in container:
        if child.tag == f"{_W}p":
            yield from _paragraph(child)
        elif child.tag == f"{_W}tbl":
            yield from _table(child)
        elif child.tag in _CONTAINERS:
            yield from _lines(child)


def _paragraph(p):
    """The paragraph's text, then the paragraphs of the text boxes anchored in it."""
    parts: list[str] = []
    boxes: list = []
    _collect(p, parts, boxes)
    yield "".join(parts)
    for box in boxes:
        yield from _lines(box)


def _collect(node, parts: list[str], boxes: list) -> None:
    for child in node:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag == f"{_W}t":
            parts.append(child.text or "")
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
        elif tag == f"{_W}txbxContent":
            boxes.append(child)
        else:
            _collect(child, parts, boxes)


def _table(tbl):
    """A line per row, its cells joined by tabs (a cell's paragraphs by line breaks); a table in a
    cell follows its row."""
    for row in _rows(tbl):
        cells, nested = [], []
        for cell in _cells(row):
            lines, tables = [], []
            for child in _flattened(cell):
                if child.tag == f"{_W}p":
                    lines.extend(_paragraph(child))
                elif child.tag == f"{_W}tbl":
                    tables.append(child)
            cells.append("\n".join(lines))
            nested.extend(tables)
        yield "\t".join(cells)
        for table in nested:
            yield from _table(table)


def _rows(tbl):
    return [child for child in _flattened(tbl) if child.tag == f"{_W}tr"]


def _cells(row):
    return [child for child in _flattened(row) if child.tag == f"{_W}tc"]


def _flattened(node):
    """The children of ``node``, with content controls and custom XML opened in place."""
    for child in node:
        if child.tag in _CONTAINERS and child.tag != f"{_W}txbxContent":
            yield from _flattened(child)
        else:
            yield child
