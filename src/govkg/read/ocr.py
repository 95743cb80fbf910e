"""OCR of scanned pages (pages of a PDF or OFD that hold an image and no text), by Tesseract with its
Simplified Chinese model (Debian: tesseract-ocr tesseract-ocr-chi-sim), asked for by `--ocr`
(``GOVKG_OCR=1`` for a whole run, worker processes included).

A PDF's page is rendered at 300 dpi by pdfium, an OFD page's image is taken as the package holds
it, and each is read by the `tesseract` program, one process per core, each on one thread
(Tesseract's own threads made a page take 28 s instead of 5 s on 2 cores). Its lines (TSV) are
indented by where they start, as a PDF's text layer is, and joined into paragraphs the same way
(``printed``, ``wrapped``). What Tesseract made of a page is kept in a cache by the file's hash
and the page (``cache``): a page read by OCR once is read from the cache from then on, with or
without `--ocr`, so loading again neither waits for OCR nor loses the page.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache as memoised
from pathlib import Path

from govkg.read import cache
from govkg.read.printed import indented, latin, page_list, scanned_note

__all__ = ["asked", "missing", "page_texts", "read_scanned", "remedy", "rendered", "wanted"]

LANGUAGE = "chi_sim"
DPI = 300
TIMEOUT_SECONDS = 300
_FULL_WIDTH = str.maketrans(",;:!?()", "，；：！？（）")
_BESIDE_HAN = re.compile(r"(?<=[\u3400-\u9fff%”）])[,;:!?()]|[,;:!?()](?=[\u3400-\u9fff“（])")


# what a task asked for, over the environment: a Dask worker serves runs with and without --ocr
_ASKED: ContextVar[bool | None] = ContextVar("govkg_ocr_asked", default=None)


def wanted() -> bool:
    """Whether this run reads scanned pages by OCR (`--ocr`, ``GOVKG_OCR=1``, or ``asked``)."""
    if (flag := _ASKED.get()) is not None:
        return flag
    return os.environ.get("GOVKG_OCR", "").strip().lower() in {"1", "true", "yes", "on"}


@contextmanager
def asked(flag: bool) -> Iterator[None]:
    """OCR wanted (or not) for what runs inside, in this thread only, whatever the environment says."""
    token = _ASKED.set(flag)
    try:
        yield
    finally:
        _ASKED.reset(token)


def missing() -> str:
    """What is missing for OCR here ("" when Tesseract and its Chinese model are installed)."""
    found = _tesseract()
    if found is None:
        return "tesseract is not installed: apt-get install tesseract-ocr tesseract-ocr-chi-sim"
    if LANGUAGE not in found[2]:
        return f"tesseract has no {LANGUAGE} model: apt-get install tesseract-ocr-chi-sim"
    return ""


def read_scanned(data: bytes, pages: list[str], unread_by: Mapping[str, Sequence[int]],
                 image_of: Callable[[int], bytes | None], dpi: int | None = DPI) -> tuple[list[str], tuple[str, ...]]:
    """The pages' texts with the pages (0-based) that ``unread_by`` lists by what they hold (``printed``:
    SCANNED, DRAWN, UNMAPPED) read where they can be (``page_texts``), and the notes that say which
    were read by OCR and which were not, and how to read those."""
    todo = sorted({n for which in unread_by.values() for n in which})
    read_by_ocr = page_texts(data, todo, image_of, dpi) if todo else {}
    pages = [read_by_ocr.get(n, text) for n, text in enumerate(pages)]
    notes = []
    for holds, which in unread_by.items():
        if unread := [n + 1 for n in which if not pages[n].strip()]:
            notes.append(scanned_note(unread, len(pages), remedy("read them" if len(unread) > 1 else "read it"), holds))
    read = [n + 1 for n in todo if pages[n].strip()]
    if read:
        notes.append(f"{page_list(read, len(pages))} {'were' if len(read) > 1 else 'was'} read by OCR (Tesseract, "
                     f"{LANGUAGE}): names and numbers in {'them' if len(read) > 1 else 'it'} may be misread")
    return pages, tuple(notes)


def remedy(action: str) -> str:
    """What to do for pages only OCR can read, given what this run and this machine can do."""
    if not wanted():
        return f"load with --ocr to {action} by OCR" + (f" ({missing()})" if missing() else "")
    return f"OCR cannot {action} here: {missing()}" if missing() else f"OCR could not {action}"


def page_texts(data: bytes, pages: list[int], image_of: Callable[[int], bytes | None],
               dpi: int | None = DPI) -> dict[int, str]:
    """The text of each of ``pages`` (0-based) of the file whose bytes are ``data``, its lines
    indented as ``printed.page_text`` gives a text layer's: from the cache, and by OCR of
    ``image_of(page)`` (at ``dpi``; None: as the image says) when it is wanted and installed; a
    page that was not read is left out."""
    digest = hashlib.sha256(data).hexdigest()
    found = {n: tsv for n in pages if (tsv := _cached(digest, n, dpi)) is not None}
    todo = [n for n in pages if n not in found] if wanted() and not missing() else []
    workers = max(1, min(len(todo), os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for at in range(0, len(todo), workers):     # a few pages' images at a time (9 MB each)
            batch = todo[at:at + workers]
            images = [image_of(n) for n in batch]       # pdfium is not thread-safe: rendered here
            for n, tsv in zip(batch, pool.map(lambda image: _tesseract_tsv(image, dpi), images)):
                if tsv is not None:
                    cache.keep(_cache_file(digest, n, dpi), tsv.encode("utf-8"))
                    found[n] = tsv
    return {n: _page_text(tsv) for n, tsv in found.items()}


def rendered(page) -> bytes:
    """A PDF page rendered in grey at ``DPI`` as a PGM image (what Tesseract reads; no image
    library needed)."""
    pixels = page.render(scale=DPI / 72, grayscale=True).to_numpy()
    pixels = pixels.reshape(pixels.shape[0], pixels.shape[1], -1)[:, :, 0]
    return b"P5\n%d %d\n255\n" % (pixels.shape[1], pixels.shape[0]) + pixels.tobytes()


@memoised
def _tesseract() -> tuple[str, str, frozenset[str]] | None:
    """The program, its version and its languages, or None."""
    program = shutil.which("tesseract")
    if program is None:
        return None
    try:
        version = subprocess.run([program, "--version"], capture_output=True, text=True, timeout=60).stdout
        listed = subprocess.run([program, "--list-langs"], capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    languages = frozenset(line.strip() for line in listed.splitlines()[1:])     # after "List of available ..."
    return program, (version.split("\n")[0] or "tesseract").strip(), languages


def _cache_file(digest: str, page: int, dpi: int | None) -> Path:
    found = _tesseract()
    version = found[1] if found else ""
    key = hashlib.sha256(f"{digest} {page} {dpi} {LANGUAGE} {version}".encode()).hexdigest()
    return cache.folder("ocr") / f"{key}.tsv"


def _cached(digest: str, page: int, dpi: int | None) -> str | None:
    """The page's TSV as this Tesseract made it, if it did."""
    try:
        return _cache_file(digest, page, dpi).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _tesseract_tsv(image: bytes | None, dpi: int | None) -> str | None:
    """Tesseract's words of the image with their boxes (TSV), or None when it failed."""
    found = _tesseract()
    if found is None or not image:
        return None
    resolution = ["--dpi", str(dpi)] if dpi else []
    try:
        done = subprocess.run([found[0], "stdin", "stdout", "-l", LANGUAGE, *resolution, "tsv"], input=image,
                              capture_output=True, timeout=TIMEOUT_SECONDS, env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else None


def _page_text(tsv: str) -> str:
    """The page's lines in Tesseract's order, each line's words in its order (their boxes overlap
    too often to be sorted by place), a space only between Latin words and numbers; indented by
    where each line starts, with the line's height as the character's size."""
    lines: dict[tuple[str, ...], tuple[float, float, list[str]]] = {}
    for row in tsv.split("\n")[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or not cells[0].isdigit():
            continue
        level, line, word = int(cells[0]), tuple(cells[1:5]), cells[11].strip()
        if level == 4:
            lines[line] = (float(cells[6]), float(cells[9]) or 1.0, [])
        elif level == 5 and word and line in lines:
            lines[line][2].append(word)
    return indented([(left, size, _joined(words)) for left, size, words in lines.values() if words])


def _joined(words: list[str]) -> str:
    """The words of a line; Tesseract's Chinese model gives half-width punctuation (, ; : ! ? and
    brackets), which beside a Chinese character (or after 12.1%) is the full-width mark the report
    printed."""
    out = words[0]
    for word in words[1:]:
        out += (" " if latin(out[-1]) and latin(word[0]) else "") + word
    return _BESIDE_HAN.sub(lambda m: m.group(0).translate(_FULL_WIDTH), out)
