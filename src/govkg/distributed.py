"""Extraction past one machine: the per-report map runs on a Dask cluster.

Workers need the report files at the same paths (a shared file system or object-store mount) and
govkg installed (and Tesseract, for `--ocr`: the client's wish to read scanned pages goes with each
task). Each task returns one interchange record as a JSON line and the reader's notes (pages not
read), so what crosses the network is small, the output is byte-identical to a local run and the
notes are said as a local run says them; results are gathered in input order and streamed to the
JSONL file.
"""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Iterator

from govkg.errors import ReportError, UsageError, optional_import
from govkg.interchange import from_record, record_line
from govkg.model import Extraction

__all__ = ["extract_on_dask"]


def _extract_record(path: str, author: str | None, model: str | None = None,
                    ocr: bool = False) -> tuple[str, tuple[str, ...]]:
    """The report's interchange line (or its error as JSON) and the reader's notes."""
    from govkg.pipeline import extract_one
    from govkg.read import ocr as scanned

    with scanned.asked(ocr):
        item = extract_one(Path(path), author, model)
    if isinstance(item, ReportError):
        return json.dumps({"error": item.reason, "path": item.path}, ensure_ascii=False), ()
    return record_line(item), item.report.notes


def extract_on_dask(paths: list[Path], scheduler: str, author: str | None = None,
                    progress=None, batch: int = 64, model: str | None = None,
                    ocr: bool | None = None) -> Iterator[Extraction | ReportError]:
    """Extractions of ``paths`` computed on the Dask cluster at ``scheduler`` (or a Client);
    ``ocr``: read scanned pages by OCR on the workers (None: as this process would, `--ocr`)."""
    from govkg.read import ocr as scanned

    Client = optional_import("distributed", "dask", "the Dask path").Client
    wanted = scanned.wanted() if ocr is None else ocr
    client = scheduler if isinstance(scheduler, Client) else _connect(Client, scheduler)
    try:
        for start in range(0, len(paths), batch):
            chunk = [str(p.resolve()) for p in paths[start:start + batch]]
            futures = client.map(_extract_record, chunk, author=author, model=model, ocr=wanted, pure=False)
            for path, (line, notes) in zip(chunk, client.gather(futures)):
                if progress:
                    progress(Path(path).name)
                yield _decode(line, notes, path)
    finally:
        if client is not scheduler:
            client.close()


def _connect(client_class, address: str):
    try:
        return client_class(address, timeout="10s")
    except (OSError, TimeoutError) as err:
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {err}") from None


def _decode(line: str, notes: tuple[str, ...], path: str) -> Extraction | ReportError:
    row = json.loads(line)
    if "error" in row:
        return ReportError(row["path"], row["error"])
    item = from_record(row)
    return replace(item, report=replace(item.report, source=path, notes=tuple(notes)))
