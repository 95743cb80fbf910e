"""Read a report file into a ``Report``: one module per format behind ``read_report``.

Text is decoded from the bytes, line endings normalised to ``\\n`` (spec §1) and nothing else
changed, so offsets point into exactly the text a user sees.
"""
from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path

from govkg.errors import ReportError
from govkg.model import Report
from govkg.read import docx, html, pdf, plain
from govkg.read.metadata import describe

__all__ = ["SUPPORTED_SUFFIXES", "normalise_newlines", "read_report", "read_text", "report_key"]

_READERS = {
    ".txt": plain.read, ".md": plain.read, ".markdown": plain.read, ".text": plain.read,
    ".docx": docx.read, ".pdf": pdf.read, ".html": html.read, ".htm": html.read,
}
SUPPORTED_SUFFIXES = tuple(sorted(_READERS))


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path) -> tuple[str, str]:
    """The report's normalised text and its format name; raises ReportError for bad input."""
    path = Path(path)
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise ReportError(path, f"unsupported file type '{path.suffix or '(none)'}' "
                                f"(supported: {', '.join(SUPPORTED_SUFFIXES)})")
    _regular_file(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ReportError(path, f"cannot read file: {err.strerror or err}") from None
    if not data.strip():
        raise ReportError(path, "empty file")
    text = normalise_newlines(reader(path, data))
    if not text.strip():
        raise ReportError(path, "no text found in the file")
    return text, path.suffix.lower().lstrip(".")


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


def read_report(path: Path, author: str | None = None) -> Report:
    """Read one report; ``author`` overrides the author body found in the text."""
    path = Path(path)
    text, fmt = read_text(path)
    meta = describe(text, path.name)
    return Report(
        doc=path.name, text=text, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        title=meta.title, year=meta.year, author=author or meta.author, source=str(path),
        format=fmt, key=report_key(path),
    )


def report_key(path: Path) -> str:
    """A report's identity: its file's absolute path with symlinks and ``..`` resolved, so the
    same file named two ways is one report, and the same base name in two folders is two."""
    return Path(os.path.realpath(path)).as_posix()      # never raises, even on a link loop
