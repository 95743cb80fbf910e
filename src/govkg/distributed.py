"""Extraction past one machine: the per-report map runs on a Dask cluster.

Workers need the report files at the same paths (a shared file system or object-store mount) and
govkg installed. Each task returns one interchange record as a JSON line, so what crosses the
network is small and the output is byte-identical to a local run; results are gathered in input
order and streamed to the JSONL file.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from govkg.errors import ReportError, UsageError, optional_import
from govkg.interchange import from_record, record_line
from govkg.model import Extraction

__all__ = ["extract_on_dask"]


def _extract_record(path: str, author: str | None, model: str | None = None) -> str:
    from govkg.pipeline import extract_one

    item = extract_one(Path(path), author, model)
    if isinstance(item, ReportError):
        return json.dumps({"error": item.reason, "path": item.path}, ensure_ascii=False)
    return record_line(item)


def extract_on_dask(paths: list[Path], scheduler: str, author: str | None = None,
                    progress=None, batch: int = 64, model: str | None = None) -> Iterator[Extraction | ReportError]:
    """Extractions of ``paths`` computed on the Dask cluster at ``scheduler`` (or a Client)."""
    Client = optional_import("distributed", "dask", "the Dask path").Client
    client = scheduler if isinstance(scheduler, Client) else _connect(Client, scheduler)
    try:
        for start in range(0, len(paths), batch):
            chunk = [str(p.resolve()) for p in paths[start:start + batch]]
            futures = client.map(_extract_record, chunk, author=author, model=model, pure=False)
            for path, line in zip(chunk, client.gather(futures)):
                if progress:
                    progress(Path(path).name)
                yield _decode(line)
    finally:
        if client is not scheduler:
            client.close()


def _connect(client_class, address: str):
    try:
        return client_class(address, timeout="10s")
    except (OSError, TimeoutError) as err:
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {err}") from None


def _decode(line: str) -> Extraction | ReportError:
    row = json.loads(line)
    if "error" in row:
        return ReportError(row["path"], row["error"])
    return from_record(row)
