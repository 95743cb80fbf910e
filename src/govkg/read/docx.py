"""Word .docx: paragraphs and table rows in document order, one per line (a row's cells joined by
tabs), read from the document's XML: python-docx opens the package, but its paragraphs leave out
what Word keeps in content controls (``w:sdt``, as templates of official documents hold titles and
dates), tracked insertions (``w:ins``), simple fields and smart tags, and its rows repeat a merged
cell once per column it spans. Text boxes follow the paragraph that anchors them (the drawing, not
its VML fallback, so once), and so do the footnotes and endnotes it refers to (plans explain their
terms in them; python-docx does not read them); deleted text (``w:del``, ``w:moveFrom``) and field
codes are left out, and so are page headers and footers, which repeat the title or the issuer on
every page."""
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
        return "\n".join(_lines(document.element.body, _notes(document.part)))
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
_NOTE_REFERENCES = {f"{_W}footnoteReference", f"{_W}endnoteReference"}
_CONTAINERS = {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}txbxContent"}


Notes = dict[tuple[str, str], list[str]]     # (footnote or endnote, its id) -> its lines


def _notes(document_part) -> Notes:
    """The lines of each footnote and endnote, by the tag that refers to it and its id."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml

    notes: Notes = {}
    for reltype, kind in ((RT.FOOTNOTES, "footnote"), (RT.ENDNOTES, "endnote")):
        for rel in document_part.rels.values():
            if rel.reltype == reltype and not rel.is_external:
                for note in parse_xml(rel.target_part.blob).iterchildren(f"{_W}{kind}"):
                    notes[(f"{_W}{kind}Reference", note.get(f"{_W}id"))] = list(_lines(note, {}))
    return notes


def _lines(container, notes: Notes):
    """The lines of the paragraphs and tables in ``container``, in order, content controls opened."""
    for child in container:
        if child.tag == f"{_W}p":
            yield from _paragraph(child, notes)
        elif child.tag == f"{_W}tbl":
            yield from _table(child, notes)
        elif child.tag in _CONTAINERS:
            yield from _lines(child, notes)


def _paragraph(p, notes: Notes):
    """The paragraph's text, then the paragraphs of the text boxes anchored in it and of the notes
    it refers to, in the order they come."""
    parts: list[str] = []
    after: list = []
    _collect(p, parts, after)
    yield "".join(parts)
    for item in after:
        if isinstance(item, tuple):
            yield from notes.get(item, ())
        else:
            yield from _lines(item, notes)


def _collect(node, parts: list[str], after: list) -> None:
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
            after.append(child)
        elif tag in _NOTE_REFERENCES:
            after.append((tag, child.get(f"{_W}id")))
        else:
            _collect(child, parts, after)


def _table(tbl, notes: Notes):
    """A line per row, its cells joined by tabs (a cell's paragraphs by line breaks); a table in a
    cell follows its row."""
    for row in _rows(tbl):
        cells, nested = [], []
        for cell in _cells(row):
            lines, tables = [], []
            for child in _flattened(cell):
                if child.tag == f"{_W}p":
                    lines.extend(_paragraph(child, notes))
                elif child.tag == f"{_W}tbl":
                    tables.append(child)
            cells.append("\n".join(lines))
            nested.extend(tables)
        yield "\t".join(cells)
        for table in nested:
            yield from _table(table, notes)


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
