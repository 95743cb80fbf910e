"""Word 97-2003 .doc, WPS .wps, RTF and OpenDocument .odt: converted to .docx by LibreOffice, then
read as a .docx.

Government reports are often published in these formats and no well-kept Python library reads
them all; LibreOffice does, headless. It is found as $GOVKG_SOFFICE, else `soffice` or
`libreoffice` on the PATH. Each conversion runs in a temporary folder with its own LibreOffice
profile, so worker processes convert side by side. A conversion takes a second or two, so the
.docx it makes is kept in a cache by the file's hash ($GOVKG_CACHE_DIR, else $XDG_CACHE_HOME/govkg or
~/.cache/govkg, under office/): loading a folder again finds its unchanged reports without
LibreOffice.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from govkg.errors import ReportError
from govkg.read import cache, docx

__all__ = ["SUFFIXES", "looks_like_a_document", "missing", "read", "soffice"]

SUFFIXES = (".doc", ".odt", ".rtf", ".wps")
TIMEOUT_SECONDS = 300


def soffice() -> str | None:
    """The LibreOffice program that converts, or None when there is none."""
    named = os.environ.get("GOVKG_SOFFICE")
    if named:
        return shutil.which(named)
    return shutil.which("soffice") or shutil.which("libreoffice")


def missing(suffix: str) -> str:
    """What to do with a file of one of these formats when LibreOffice is not there."""
    return (f"{suffix} files are read through LibreOffice, which was not found: install it (soffice on "
            f"the PATH, or GOVKG_SOFFICE=/path/to/soffice), or save the file as .docx")


def read(path: Path, data: bytes) -> str:
    if not looks_like_a_document(data):
        raise ReportError(path, f"not a {path.suffix.lower()} file: it does not open as a Word, WPS, RTF, "
                                f"OpenDocument or Word-HTML document")
    cached = _cache_file(data)
    try:
        return docx.read(path, cached.read_bytes())
    except (OSError, ReportError):      # not converted yet, or a cache entry damaged: convert again
        pass
    program = soffice()
    if program is None:
        raise ReportError(path, missing(path.suffix.lower()))
    with tempfile.TemporaryDirectory(prefix="govkg-office-") as tmp:
        # a plain name: LibreOffice takes a name opening with '-' for an option
        source = Path(tmp) / f"report{path.suffix.lower()}"
        source.write_bytes(data)
        converted = _convert(path, program, source, Path(tmp)).read_bytes()
    text = docx.read(path, converted)
    cache.keep(cached, converted)
    return text


def _cache_file(data: bytes) -> Path:
    """LibreOffice's .docx of the file (not its text, so that a later govkg reads it its own way)."""
    return cache.folder("office") / f"{hashlib.sha256(data).hexdigest()}.docx"


def looks_like_a_document(data: bytes) -> bool:
    """Whether the bytes open as one of the documents these files are: LibreOffice would read
    anything else as plain text and make a report of noise."""
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" or data[:4] == b"PK\x03\x04":    # OLE2 (.doc, .wps), zip (.odt)
        return True
    head = data[:1024].lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n\x00").lower()
    # RTF, and the HTML, MHT and Word 2003 XML that Word itself saves under .doc
    return head.startswith((b"{\\rtf", b"<!doctype", b"<?xml", b"mime-version")) or b"<html" in head


def _convert(path: Path, program: str, source: Path, tmp: Path) -> Path:
    command = [program, "--headless", "--norestore", f"-env:UserInstallation={(tmp / 'profile').as_uri()}",
               "--convert-to", "docx", "--outdir", str(tmp / "out"), str(source)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise ReportError(path, f"LibreOffice did not convert it within {TIMEOUT_SECONDS} s") from None
    except OSError as err:
        raise ReportError(path, f"cannot run LibreOffice ({program}): {err.strerror or err}") from None
    converted = tmp / "out" / f"{source.stem}.docx"
    if not converted.is_file():
        said = [line for line in (done.stderr + done.stdout).splitlines() if line.strip() and "javaldx" not in line]
        raise ReportError(path, f"LibreOffice could not convert it (not a {path.suffix.lower()} file, or damaged)"
                                + (f": {said[-1].strip()[:200]}" if said else ""))
    return converted
