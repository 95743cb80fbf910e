"""The library API behind ``govkg load`` and ``govkg extract``: files in, extractions or a store out.

A bad file never stops the run: it is reported (path and reason) and the good files go on.
"""
from __future__ import annotations

import hashlib
import itertools
import os
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator

from govkg.errors import GovKGError, ReportError
from govkg.extract import extract
from govkg.identity import entity_label
from govkg.interchange import write_jsonl
from govkg.model import Extraction, Report
from govkg.parts import LARGE_REPORT, extract_parts, is_large, merge_parts
from govkg.read import SUPPORTED_SUFFIXES, office, other_format, read_noted, read_report, report_key
from govkg.read.metadata import not_a_report
from govkg.read.sidecar import SIDECAR_NAME, MetaOverride, sidecar_for
from govkg.store import GraphStore

__all__ = ["LoadResult", "atomic_output", "expand_inputs", "extract_files", "extract_one", "extract_to_jsonl",
           "load_extractions", "load_files", "skip_reason", "ReportParts", "write_atomically"]

Progress = Callable[[str], None]


@dataclass
class LoadResult:
    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)     # (file, what was not read of it)
    statements: int = 0
    entities: int = 0
    relations: int = 0
    triples: int = 0
    seconds: float = 0.0

    def note(self, report: Report) -> None:
        """Keep what the reader could not read of ``report``."""
        self.notes.extend((report.source or report.doc, note) for note in report.notes)

    def merge(self, other: "LoadResult") -> "LoadResult":
        """Both runs' outcomes in one (``load --from-jsonl X files...``)."""
        for name in ("loaded", "unchanged", "failed", "notes"):
            getattr(self, name).extend(getattr(other, name))
        for name in ("statements", "entities", "relations", "triples", "seconds"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self

    def count(self, ex: Extraction) -> None:
        self.statements += len(ex.statements)
        self.entities += len(ex.entities)
        self.relations += len(ex.relations)


def expand_inputs(inputs: Iterable[str | Path], skipped: list[Path] | None = None) -> list[Path]:
    """Files as given, and the report files under each folder (recursively, sorted).

    Inside a folder, hidden files, files of other types (a SOURCES.tsv, an image) and files that
    are not reports by their name (a README.md, a LICENSE) are left out and listed in ``skipped``
    (``skip_reason`` says why), and so is a graph store in it (``govkg load .`` makes
    ./govkg-data), as one folder. A file named explicitly is always kept, so a wrong type given by
    hand is reported as an error.
    """
    found: list[Path] = []
    for item in inputs:
        path = Path(item)
        if not _is_dir(path):
            found.append(path)      # whatever it is, the reader names the problem
            continue
        stores: list[Path] = []
        for p in sorted(path.rglob("*")):
            if any(part.startswith(".") for part in p.relative_to(path).parts) or \
                    any(store in p.parents for store in stores):
                continue
            if _is_dir(p):
                if is_store(p):
                    stores.append(p)
                    if skipped is not None:
                        skipped.append(p)
                continue
            # a report-named pipe, socket, broken link or link loop is kept: the reader names it
            if p.suffix.lower() in SUPPORTED_SUFFIXES and not not_a_report(p.name) and _readable_here(p):
                found.append(p)
            elif skipped is not None:
                skipped.append(p)
    return list(dict.fromkeys(found))


def _readable_here(path: Path) -> bool:
    """False for a .doc (.odt, .rtf, .wps) in a folder when no LibreOffice is there to read it: it
    is skipped, saying so, rather than failing the load."""
    return path.suffix.lower() not in office.SUFFIXES or office.soffice() is not None


def is_store(folder: Path) -> bool:
    """Whether a folder holds an embedded store (RocksDB's files: CURRENT and a MANIFEST)."""
    return (folder / "CURRENT").is_file() and any(folder.glob("MANIFEST-*"))


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:                 # e.g. a folder we may not look into: read it as a file
        return False


def skip_reason(path: Path) -> str:
    """Why ``expand_inputs`` left a file of a folder out."""
    if path.name == SIDECAR_NAME:
        return "the folder's report metadata (used, not loaded)"
    if _is_dir(path) and is_store(path):
        return "a graph store, not reports"
    if path.suffix.lower() in SUPPORTED_SUFFIXES and not_a_report(path.name):
        return "not a report (a README, licence or similar)"
    if path.suffix.lower() in office.SUFFIXES:
        return office.missing(path.suffix.lower())
    return other_format(path.suffix.lower()) or "not a report file type"


def extract_one(path: Path, author: str | MetaOverride | None = None, model: str | None = None) -> Extraction | ReportError:
    """One file's extraction, or the ReportError that says why it could not be read or extracted.

    ``model`` names the extractor (``govkg.extract.resolve_model``): None the shipped model,
    ``"rules"`` the rules alone, else a model folder written by ``govkg train``."""
    report = _read_one(path, author)
    return report if isinstance(report, ReportError) else _extract_read(path, report, model)


def _extract_read(path: Path, report: Report, model: str | None) -> Extraction | ReportError:
    try:
        if is_large(report):        # bounded working memory; one extraction of the whole report
            return merge_parts(report, extract_parts(report, model))
        return extract(report, model)
    except ReportError as err:
        return _fresh(err)
    except Exception as err:  # noqa: BLE001 - one report's fault must not stop the run
        # not "cannot read the file": the file was read, so the fault is elsewhere (stop 48's EBADF)
        return ReportError(path, f"cannot extract it ({_said(err)})")


def _read_one(path: Path, author: str | MetaOverride | None) -> Report | ReportError:
    try:
        return read_report(path, author=author)
    except ReportError as err:
        return _fresh(err)
    except RecursionError:
        return ReportError(path, "too deeply nested to read")
    except Exception as err:  # noqa: BLE001 - a reader library's surprise must not stop the run
        return ReportError(path, f"cannot read the file ({_said(err)})")


def _fresh(err: ReportError) -> ReportError:
    # no traceback or context to pickle on the way back from a worker process
    return ReportError(err.path, err.reason)


def _said(err: Exception) -> str:
    # a plain string crosses process boundaries (lxml's error objects cannot be pickled)
    return f"{type(err).__name__}: {' '.join(str(err).split())[:200]}"


def extract_files(paths: list[Path], author: str | MetaOverride | None = None, progress: Progress | None = None,
                  jobs: int = 1, model: str | None = None) -> Iterator[Extraction | ReportError]:
    """Each file's extraction in input order; with ``jobs`` > 1, extracted in worker processes."""
    if jobs > 1 and len(paths) > 1:
        yield from _extract_parallel(paths, author, progress, jobs, model)
        return
    for path in paths:
        item = extract_one(path, author, model)
        if progress:
            progress(Path(path).name)
        yield item


def _extract_parallel(paths, author, progress, jobs, model=None) -> Iterator[Extraction | ReportError]:
    """Processes, not threads: extraction is pure Python. Results come back in input order,
    at most ``2 * jobs`` ahead of the consumer, so memory stays flat on any corpus size."""
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque = deque()
        for path in paths:
            pending.append((path, pool.submit(extract_one, path, author, model)))
            if len(pending) >= 2 * jobs:
                yield _next_done(pending, progress)
        while pending:
            yield _next_done(pending, progress)


def _next_done(pending, progress):
    path, future = pending.popleft()
    item = future.result()
    if progress:
        progress(Path(path).name)
    return item


def extract_to_jsonl(paths: list[Path], out: Path, author: str | MetaOverride | None = None,
                     progress: Progress | None = None, jobs: int = 1,
                     items: Iterable[Extraction | ReportError] | None = None,
                     model: str | None = None) -> LoadResult:
    """Write the interchange JSONL (atomically: a failed run leaves no half-written file)."""
    result, started = LoadResult(), time.perf_counter()
    with atomic_output(out) as fh:
        for item in items if items is not None else extract_files(paths, author, progress, jobs, model):
            if isinstance(item, ReportError):
                result.failed.append((item.path, item.reason))
                continue
            write_jsonl([item], fh)
            result.loaded.append(item.report.doc)
            result.note(item.report)
            result.count(item)
    result.seconds = time.perf_counter() - started
    return result


@contextmanager
def atomic_output(out: Path) -> Iterator[IO[str]]:
    """A UTF-8 text file that appears at ``out`` whole when the block ends, and not at all (an
    earlier ``out`` untouched) when it raises."""
    with _atomic(out, "w", encoding="utf-8", newline="\n") as fh:
        yield fh


def write_atomically(out: Path, text: str) -> None:
    with atomic_output(out) as fh:
        fh.write(text)


def write_bytes_atomically(out: Path, data: bytes) -> None:
    """``data`` at ``out`` whole, or nothing (an earlier ``out`` untouched)."""
    with _atomic(out, "wb") as fh:
        fh.write(data)


@contextmanager
def _atomic(out: Path, mode: str, **options) -> Iterator[IO]:
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(fd, mode, **options) as fh:
            yield fh
        os.chmod(tmp, 0o666 & ~_umask())      # mkstemp makes 0600; the output is an ordinary file
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def load_files(paths: list[Path], store: GraphStore, author: str | MetaOverride | None = None,
               progress: Progress | None = None, jobs: int = 1, model: str | None = None) -> LoadResult:
    """Read, extract and store each report: one transaction per report. A report whose text has
    the hash of its stored version is recognised before extraction and skipped."""
    started = time.perf_counter()
    stated = isinstance(author, str) and bool(author) or isinstance(author, MetaOverride) and any(
        v is not None for v in (author.issuer, author.kind, author.year, author.level, author.title, author.sidecar))
    # metadata stated by the user (options or a sidecar row) may differ from what is stored:
    # those reports are extracted, and load_extractions compares their metadata too
    unchanged: dict[Path, tuple[str, ...]] = {}
    for path in paths:
        if not stated and sidecar_for(Path(path)) is None and (notes := _unchanged_notes(Path(path), store)) is not None:
            unchanged[path] = notes
    todo = [path for path in paths if path not in unchanged]
    for path in unchanged:
        if progress:
            progress(Path(path).name)
    # a file that may hold a very large report is read here and, if it does, extracted and
    # written part after part (govkg.parts), never whole and never through a worker's pipe
    big = [path for path in todo if _file_size(Path(path)) > LARGE_REPORT]
    small = [path for path in todo if path not in set(big)]
    items = itertools.chain(extract_files(small, author, progress, jobs, model),
                            (_extract_large(Path(path), author, progress, model) for path in big))
    result = load_extractions(items, store)
    result.unchanged[:0] = [Path(path).name for path in unchanged]
    result.notes[:0] = [(str(path), note) for path, notes in unchanged.items() for note in notes]
    result.seconds = time.perf_counter() - started
    return result


@dataclass
class ReportParts:
    """A very large report's extraction as consecutive parts (``govkg.parts``), produced as the
    store writes them."""
    report: Report
    parts: Iterator[Extraction]


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size if path.is_file() else 0
    except OSError:
        return 0


def _extract_large(path: Path, author: str | MetaOverride | None, progress: Progress | None, model: str | None) -> Extraction | ReportParts | ReportError:
    """A file of the size of a very large report: its parts when its text is one, else as usual."""
    report = _read_one(path, author)
    item: Extraction | ReportParts | ReportError
    if isinstance(report, ReportError):
        item = report
    elif not is_large(report):
        item = _extract_read(path, report, model)
    else:
        item = ReportParts(report, _guarded(path, extract_parts(report, model)))
    if progress:
        progress(path.name)
    return item


def _guarded(path: Path, parts: Iterator[Extraction]) -> Iterator[Extraction]:
    """The parts, with an extraction failure in any of them as the report's ReportError."""
    try:
        yield from parts
    except RecursionError:
        raise ReportError(path, "too deeply nested to read") from None
    except GovKGError:
        raise
    except Exception as err:  # noqa: BLE001
        raise ReportError(path, f"cannot extract it ({_said(err)})") from None


def _unchanged_notes(path: Path, store: GraphStore) -> tuple[str, ...] | None:
    """When ``store`` holds this file's report with the hash of its text today, what the reader
    notes of the file (scanned pages: said again on each load, as they are still unread); else None."""
    probe = Report(doc=path.name, text="", sha256="", key=report_key(path))
    stored = store.report_digest(store.report_key(probe))
    if stored is None:
        return None
    try:
        text, _, notes = read_noted(path)
    except ReportError:
        return None                 # extraction reports it
    return notes if hashlib.sha256(text.encode("utf-8")).hexdigest() == stored else None


def load_extractions(items: Iterable[Extraction | ReportError | ReportParts], store: GraphStore) -> LoadResult:
    """Store each extraction (skipping a report whose stored version says the same). A store with
    ``put_many`` (the embedded one) writes them a batch at a time; others one at a time."""
    result, started = LoadResult(), time.perf_counter()
    todo = _to_store(items, store, result)
    if hasattr(store, "put_many"):
        outcomes = store.put_many(todo)
    else:
        outcomes = ((ex, _put_or_error(store, ex)) for ex in todo if ex is not None)
    for ex, outcome in outcomes:
        _record(result, ex, outcome)
    result.seconds = time.perf_counter() - started
    return result


def _to_store(items: Iterable[Extraction | ReportError | ReportParts], store: GraphStore,
              result: LoadResult) -> Iterator[Extraction | None]:
    """The extractions to write, in order. Failures are recorded, unchanged reports skipped, a
    large report's parts written here (on their own). ``None`` asks the store to write what it
    holds first: before a report is compared with a version written earlier in this run, and
    before a large report."""
    stored: dict | None = None          # doc -> ReportInfo, read once, when a digest matches
    seen: set[str] = set()
    for item in items:
        if isinstance(item, ReportError):
            result.failed.append((item.path, item.reason))
            continue
        if isinstance(item, ReportParts):
            yield None
            item = _first_and_rest(item, result)
            if item is None:
                continue
        result.note(item.report)
        key = store.report_key(item.report)
        if key in seen:
            yield None
            stored = None
        seen.add(key)
        if item.report.sha256 and store.report_digest(key) == item.report.sha256:
            stored = stored if stored is not None else {r.id: r for r in store.reports()}
            if _same_metadata(stored.get(key), item):
                result.unchanged.append(item.report.doc)
                continue
        if isinstance(item, _Streamed):
            _record(result, item, _put_or_error(store, item))
        else:
            yield item


def _put_or_error(store: GraphStore, item: Extraction) -> int | GovKGError:
    try:
        return _put(store, item)
    except GovKGError as err:       # a ReportError among them: the report's own problem
        return err


def _record(result: LoadResult, ex: Extraction, outcome: int | GovKGError) -> None:
    doc = ex.report.doc
    if isinstance(outcome, ReportError):
        result.failed.append((outcome.path, outcome.reason))
    elif isinstance(outcome, GovKGError):
        result.failed.append((ex.report.source or doc, str(outcome)))
    else:
        result.triples += outcome
        result.loaded.append(doc)
        if not isinstance(ex, _Streamed):
            result.count(ex)


class _Streamed(Extraction):
    """A large report's first part standing for the report in the load loop; ``rest`` are the
    other parts, counted into ``result`` as the store takes them."""
    rest: Iterator[Extraction]


def _first_and_rest(item: ReportParts, result: LoadResult):
    """The first part (which says what the report's metadata and author are) and the others,
    counted as they go by; None when even the first part fails (the failure is recorded)."""
    try:
        first = next(item.parts)
    except StopIteration:
        first = Extraction(item.report, (), (), ())
    except ReportError as err:
        result.failed.append((err.path, err.reason))
        return None

    def counted():
        for part in itertools.chain([first], item.parts):
            result.count(part)
            yield part
    streamed = _Streamed(first.report, first.statements, first.entities, first.relations, first.metrics)
    object.__setattr__(streamed, "rest", counted())
    return streamed


def _put(store: GraphStore, item: Extraction) -> int:
    """Store one extraction; a large report's parts one after another (a store without
    ``put_parts`` gets them merged into one extraction)."""
    if not isinstance(item, _Streamed):
        return store.put(item)
    if hasattr(store, "put_parts"):
        return store.put_parts(item.rest)
    return store.put(merge_parts(item.report, item.rest))


def _same_metadata(info, ex: Extraction) -> bool:
    """Whether the stored version says what this one says of the report (same text, but maybe a
    new --issuer, --kind, --year or sidecar row: then the report is stored again)."""
    if info is None:
        return True
    r = ex.report
    author = next((e for e in ex.entities if e.author), None)
    issuer = entity_label(author) if r.author and author is not None else ""
    return (info.title, info.year, info.kind, info.level, info.reported_year, info.issuer) == \
        (r.title or r.doc, r.year, r.kind, r.level, r.reported_year, issuer)
