"""Builders of bad inputs for the fault suite: every broken file is made here, from scratch."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

GOOD_SENTENCES = ("县委组织部牵头开展村级换届工作。", "县农业农村局负责实施高标准农田建设项目。",
                  "乡镇党委落实《乡村振兴促进法》，推进美丽乡村建设。")


def write_text_report(path: Path, *sentences: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(sentences or GOOD_SENTENCES) + "\n", encoding="utf-8")
    return path


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


def govkg(*args, timeout: float = 300, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    """The real command in a child process (real exit codes, real stderr, real worker processes)."""
    return subprocess.run([sys.executable, "-m", "govkg", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, "COLUMNS": "200", **(env or {})}, **kwargs)


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


@pytest.fixture
def stored_docs():
    """The report names stored in a store folder (read through the library, read-only)."""
    def docs(store: Path) -> list[str]:
        from govkg.store import open_store

        with open_store(store, read_only=True) as db:
            return sorted(r.doc for r in db.reports())
    return docs
