"""Read a report file into a ``Report``: one module per format behind ``read_report``.

Text is decoded from the bytes, line endings normalised to ``\\n`` (spec §1) and nothing else
changed, so offsets point into exactly the text a user sees.
"""
from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

from govkg.errors import ReportError
from govkg.model import Report
from govkg.read import docx, html, markdown, ofd, office, pdf, plain
from govkg.read.metadata import describe, override
from govkg.read.sidecar import MetaOverride, sidecar_for

__all__ = ["SUPPORTED_SUFFIXES", "normalise_newlines", "read_noted", "read_report", "read_text", "other_format", "report_key"]

Reader = Callable[[Path, bytes], tuple[str, tuple[str, ...]]]     # the text, and notes of what it could not read


def _without_notes(read: Callable[[Path, bytes], str]) -> Reader:
    return lambda path, data: (read(path, data), ())


_READERS: dict[str, Reader] = {
    **dict.fromkeys((".txt", ".text"), _without_notes(plain.read)),
    **dict.fromkeys((".md", ".markdown"), _without_notes(markdown.read)),
    ".docx": _without_notes(docx.read), ".html": html.read, ".htm": html.read,
    ".pdf": pdf.read, ".ofd": ofd.read,
    **dict.fromkeys(office.SUFFIXES, _without_notes(office.read)),        # through LibreOffice
}
SUPPORTED_SUFFIXES = tuple(sorted(_READERS))
# Formats that government reports come in and nothing here reads, with what to do instead.
_NOT_READ = {".ceb": "a CEB file (.ceb, Founder Apabi) is not read: save it as .pdf or .ofd (Apabi Reader's Save As "
                     "or Print)",
             **dict.fromkeys((".csv", ".tsv", ".xlsx"), "a table, not a report: if its rows hold reports, "
                             "`govkg unpack FILE -o DIR` writes each as a report file to load"),
             ".xls": "an Excel 97-2003 table, not a report: if its rows hold reports, save it as .xlsx or .csv and "
                     "`govkg unpack` that",
             ".zip": "an archive: `govkg unpack FILE -o DIR` takes its reports out to load",
             **dict.fromkeys((".rar", ".7z"), "an archive govkg does not open: extract it (or save it as .zip) and "
                                              "load the folder")}


def other_format(suffix: str) -> str:
    """What to do with a file of a common format govkg does not read ("" for any other)."""
    return _NOT_READ.get(suffix, "")


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path) -> tuple[str, str]:
    """The report's normalised text and its format name; raises ReportError for bad input."""
    text, fmt, _ = read_noted(path)
    return text, fmt


def read_noted(path: Path) -> tuple[str, str, tuple[str, ...]]:
    """``read_text`` and what the reader has to say of the file (pages a PDF holds only as
    images); raises ReportError for bad input."""
    path = Path(path)
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise ReportError(path, other_format(path.suffix.lower()) or f"unsupported file type "
                                f"'{path.suffix or '(none)'}' (supported: {', '.join(SUPPORTED_SUFFIXES)})")
    _regular_file(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ReportError(path, f"cannot read file: {err.strerror or err}") from None
    if not data.strip():
        raise ReportError(path, "empty file")
    text, notes = reader(path, data)
    text = normalise_newlines(text)
    if not text.strip():
        raise ReportError(path, "no text found in the file")
    return text, path.suffix.lower().lstrip("."), notes


def _regular_file(path: Path) -> None:
    """Refuse what is not a plain file before opening it: reading a FIFO would wait forever."""
    try:
        info = path.stat()
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise ReportError(path, "symbolic link loop") from None
        if err.errno == errno.ENOENT and path.is_symlink():
            raise ReportError(path, f"broken symbolic link (to {os.readlink(path)})") from None
        if err.errno == errno.ENOENT:
            raise ReportError(path, "no such file") from None
        raise ReportError(path, f"cannot read file: {err.strerror or err}") from None
    if not stat.S_ISREG(info.st_mode):
        raise ReportError(path, "not a regular file (a pipe, socket or device)")


def read_report(path: Path, author: str | MetaOverride | None = None) -> Report:
    """Read one report. ``author`` overrides what was detected: an issuer name, or a MetaOverride
    (issuer, kind, year, level, title; options given by the user); a sidecar CSV beside the file
    (govkg-metadata.csv) or named by the MetaOverride fills what the options leave open."""
    path = Path(path)
    stated = MetaOverride(issuer=author) if isinstance(author, str) else (author or MetaOverride())
    stated = stated.merged_over(sidecar_for(path, stated.sidecar))
    stated.check(str(path))
    text, fmt, notes = read_noted(path)
    meta = override(describe(text, path.name), issuer=stated.issuer, kind=stated.kind,
                    year=stated.year, level=stated.level, title=stated.title)
    return Report(
        doc=path.name, text=text, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        title=meta.title, year=meta.year, author=meta.author, source=str(path), format=fmt,
        key=report_key(path), kind=meta.kind, level=meta.level, reported_year=meta.reported_year, notes=notes,
    )


def report_key(path: Path) -> str:
    """A report's identity: its file's absolute path with symlinks and ``..`` resolved, so the
    same file named two ways is one report, and the same base name in two folders is two."""
    return Path(os.path.realpath(path)).as_posix()      # never raises, even on a link loop
