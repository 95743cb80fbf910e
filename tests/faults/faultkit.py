"""Builders of bad inputs for the fault suite: every broken file is made here, from scratch."""
from __future__ import annotations

import zipfile
from pathlib import Path

from testkit import GOOD_SENTENCES

ROOT_SHAPES = Path(__file__).resolve().parents[2] / "ontology" / "shapes.ttl"


def write_docx(path: Path, *sentences: str) -> Path:
    import docx

    path.parent.mkdir(parents=True, exist_ok=True)
    document = docx.Document()
    for sentence in sentences or GOOD_SENTENCES:
        document.add_paragraph(sentence)
    document.save(path)
    return path


def rewrite_docx_part(source: Path, target: Path, part: str, change) -> Path:
    """A copy of ``source`` with one zip member passed through ``change`` (bytes -> bytes)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            dst.writestr(item, change(data) if item.filename == part else data)
    return target


def flip_bytes(data: bytes, start: int = 200, count: int = 60) -> bytes:
    flipped = bytearray(data)
    for i in range(start, min(start + count, len(flipped))):
        flipped[i] ^= 0x5A
    return bytes(flipped)


def write_xlsx(path: Path) -> Path:
    """A minimal spreadsheet package (what a user gets renaming a .xlsx to .docx)."""
    ns = "http://schemas.openxmlformats.org/"
    parts = {
        "[Content_Types].xml": f'<?xml version="1.0"?><Types xmlns="{ns}package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.sheet.main+xml"/></Types>',
        "_rels/.rels": f'<?xml version="1.0"?><Relationships xmlns="{ns}package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{ns}officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0"?><workbook xmlns="{ns}spreadsheetml/2006/main">'
        '<sheets/></workbook>',
    }
    with zipfile.ZipFile(path, "w") as out:
        for name, text in parts.items():
            out.writestr(name, text)
    return path
