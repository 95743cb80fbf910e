"""Metadata a user states for reports: ``--issuer/--kind/--year`` and a sidecar CSV for a folder.

A folder of reports may hold ``govkg-metadata.csv`` (or any CSV given with ``--metadata``)::

    file,issuer,kind,year,level,title
    policy-qingdao-2024-ai-industry-action-plan.txt,青岛市人民政府,政策文件,2024,city,

One row per report file name; empty cells keep what was detected. A row of the sidecar wins over
detection, and an option given on the command line wins over both.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

from govkg.errors import ReportError

__all__ = ["SIDECAR_NAME", "MetaOverride", "read_sidecar", "sidecar_for"]

SIDECAR_NAME = "govkg-metadata.csv"
_COLUMNS = ("file", "issuer", "kind", "year", "level", "title")


@dataclass(frozen=True)
class MetaOverride:
    """What the user says about a report; ``None`` fields keep what was detected."""
    issuer: str | None = None
    kind: str | None = None
    year: int | None = None
    level: str | None = None
    title: str | None = None
    sidecar: str | None = None     # a CSV to read besides the folder's own govkg-metadata.csv

    def merged_over(self, other: "MetaOverride | None") -> "MetaOverride":
        """These values where set, ``other``'s elsewhere."""
        if other is None:
            return self
        return MetaOverride(**{f.name: getattr(self, f.name) if getattr(self, f.name) is not None
                               else getattr(other, f.name) for f in fields(self)})

    def check(self, where: str) -> None:
        from govkg.read.metadata import KINDS, LEVELS

        if self.kind and self.kind not in KINDS:
            raise ReportError(where, f"unknown kind '{self.kind}' (one of {', '.join(KINDS)})")
        if self.level and self.level not in LEVELS:
            raise ReportError(where, f"unknown level '{self.level}' (one of {', '.join(LEVELS)})")
        if self.year is not None and not 1900 <= self.year <= 2100:
            raise ReportError(where, f"year {self.year} is not a year")


def sidecar_for(path: Path, given: str | None = None) -> MetaOverride | None:
    """The sidecar row for a report file: from ``given`` or else from its folder's sidecar."""
    for csv_path in ([Path(given)] if given else []) + [Path(path).parent / SIDECAR_NAME]:
        if csv_path.is_file():
            row = read_sidecar(csv_path.resolve()).get(Path(path).name)
            if row is not None:
                return row
    return None


@lru_cache(maxsize=32)
def read_sidecar(path: Path) -> dict[str, MetaOverride]:
    """File name -> its row; raises ReportError naming the CSV and the line for bad input."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            unknown = sorted(set(reader.fieldnames or ()) - set(_COLUMNS))
            if "file" not in (reader.fieldnames or ()) or unknown:
                raise ReportError(path, f"a metadata CSV needs a 'file' column and only {', '.join(_COLUMNS)}"
                                        + (f" (unknown: {', '.join(unknown)})" if unknown else ""))
            return {row["file"].strip(): _row(path, n, row) for n, row in enumerate(reader, start=2)
                    if (row.get("file") or "").strip()}
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise ReportError(path, f"cannot read the metadata CSV: {err}") from None


def _row(path: Path, line: int, row: dict) -> MetaOverride:
    cell = {k: (row.get(k) or "").strip() or None for k in _COLUMNS}
    try:
        year = int(cell["year"]) if cell["year"] else None
    except ValueError:
        raise ReportError(f"{path}:{line}", f"year '{cell['year']}' is not a number") from None
    found = MetaOverride(issuer=cell["issuer"], kind=cell["kind"], year=year, level=cell["level"],
                         title=cell["title"])
    found.check(f"{path}:{line}")
    return found
