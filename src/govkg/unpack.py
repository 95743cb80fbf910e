"""A table of reports (CSV, TSV or Excel: one report a row, its text in one column, as datasets of
government work reports and policies come) written as a folder of report files that `govkg load`
reads: a UTF-8 .txt per row, and the rows' titles, issuers, years, kinds and levels in the
folder's ``govkg-metadata.csv`` (``read.sidecar``).

Columns are found by their names (``data/table_columns.toml``), the text column else by its long
cells; values govkg does not know as a kind or a level are left to detection and counted in a
note. Unpacking again writes nothing that is already there; a file of that name with other text is
an error unless ``force``, and nothing is written before every row has been checked. A .zip
archive of report files is unpacked too (``archive``).
"""
from __future__ import annotations

import csv
import io
import re
import sys
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from govkg.errors import ReportError, UsageError, optional_import
from govkg.pipeline import write_atomically, write_bytes_atomically
from govkg.read.metadata import KINDS, LEVELS
from govkg.read.plain import decode
from govkg.read.sidecar import SIDECAR_NAME, read_sidecar

__all__ = ["Columns", "Unpacked", "unpack", "write_files", "TABLE_SUFFIXES"]

TABLE_SUFFIXES = (".csv", ".tsv", ".xlsx")
_FIELDS = ("text", "title", "issuer", "year", "kind", "level")
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


@dataclass(frozen=True)
class Columns:
    """The column of each field, by name; None: found by its name, the text by its long cells."""
    text: str | None = None
    title: str | None = None
    issuer: str | None = None
    year: str | None = None
    kind: str | None = None
    level: str | None = None


@dataclass
class Unpacked:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    empty_rows: list[int] = field(default_factory=list)        # spreadsheet row numbers without text
    columns: dict[str, str] = field(default_factory=dict)     # field -> the column read for it
    notes: list[str] = field(default_factory=list)
    metadata: Path | None = None


@dataclass(frozen=True)
class _Report:
    row: int
    name: str
    text: str
    meta: dict[str, str]


def unpack(table: Path, folder: Path, columns: Columns = Columns(), force: bool = False,
           sheet: str | None = None) -> Unpacked:
    """Write each row of ``table`` that has text as a report file in ``folder`` (see the module);
    a .zip archive's report files are taken out instead (``archive``)."""
    table = Path(table)
    if table.suffix.lower() == ".zip":
        from govkg.archive import unpack_archive

        return unpack_archive(table, folder, force)
    header, rows = _read_table(table, sheet)
    chosen = _choose_columns(table, header, rows, columns)
    result = Unpacked(columns={name: header[at] for name, at in chosen.items()})
    reports = _reports(table, header, rows, chosen, result)
    if not reports:
        raise ReportError(table, f"no row has text in column '{header[chosen['text']]}'")
    write_files(folder, [(r.name, r.text.encode("utf-8"), f"row {r.row} of the table") for r in reports],
                force, result)
    result.metadata = _write_metadata(folder, reports)
    return result


def write_files(folder: Path, files: list[tuple[str, bytes, str]], force: bool, result: Unpacked) -> None:
    """Write each (path in ``folder``, content, where it comes from) that is not there already; a
    file of that path with other content is an error before anything is written, unless ``force``."""
    if not force:
        for name, data, origin in files:
            path = folder / name
            if path.exists() and (not path.is_file() or path.read_bytes() != data):
                raise ReportError(path, f"already exists with other content ({origin} would replace it); "
                                        "unpack into another folder, or give --force")
    for name, data, _ in files:
        path = folder / name
        if path.is_file() and path.read_bytes() == data:
            result.unchanged.append(path)
        else:
            write_bytes_atomically(path, data)
            result.written.append(path)


def _read_table(table: Path, sheet: str | None) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and each record under it with its row number (the header's row is 1 when it is
    the table's first; a spreadsheet's row numbers, a CSV's records)."""
    suffix = table.suffix.lower()
    if suffix == ".xls":
        raise ReportError(table, "an Excel 97-2003 file: save it as .xlsx or .csv and unpack that")
    if suffix not in TABLE_SUFFIXES:
        raise ReportError(table, f"not a table of reports ({', '.join(TABLE_SUFFIXES)})")
    try:
        grid = _excel(table, sheet) if suffix == ".xlsx" else _delimited(table)
    except OSError as err:
        raise ReportError(table, f"cannot read the table: {err.strerror or err}") from None
    filled = [n for n, row in enumerate(grid) if any(cell.strip() for cell in row)]
    if len(filled) < 2:
        raise ReportError(table, "the table has no rows under its header")
    header = [cell.strip() or f"column {n + 1}" for n, cell in enumerate(grid[filled[0]])]
    width = len(header)
    return header, [(n + 1, (row + [""] * width)[:width]) for n, row in enumerate(grid) if n > filled[0]]


def _delimited(table: Path) -> list[list[str]]:
    text = decode(table.read_bytes(), table)
    csv.field_size_limit(sys.maxsize)       # a report is longer than csv's 128 kB cell limit
    first = text.split("\n", 1)[0]
    delimiter = "\t" if table.suffix.lower() == ".tsv" else max(",;\t", key=lambda d: (first.count(d), d == ","))
    try:
        return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as err:
        raise ReportError(table, f"not a readable table: {err}") from None


def _excel(table: Path, sheet: str | None) -> list[list[str]]:
    openpyxl = optional_import("openpyxl", "tables", "reading Excel tables of reports")
    try:
        book = openpyxl.load_workbook(table, read_only=True, data_only=True)
    except Exception as err:  # noqa: BLE001 - openpyxl raises zip, XML and its own errors alike
        raise ReportError(table, f"not a readable Excel file ({type(err).__name__}: {err})") from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise ReportError(table, f"no sheet '{sheet}' (sheets: {', '.join(book.sheetnames)})")
        rows = book[sheet] if sheet else book.worksheets[0]
        return [["" if cell is None else str(cell) for cell in row] for row in rows.iter_rows(values_only=True)]
    finally:
        book.close()


def _choose_columns(table: Path, header: list[str], rows: list[tuple[int, list[str]]],
                    given: Columns) -> dict[str, int]:
    known = _known_names()
    chosen: dict[str, int] = {}
    for name in _FIELDS:
        stated = getattr(given, name)
        if stated is not None:
            if stated not in header:
                raise UsageError(f"{table}: no column '{stated}' (columns: {', '.join(header)})")
            chosen[name] = header.index(stated)
            continue
        found = next((n for n, column in enumerate(header) if _key(column) in known[name] and n not in chosen.values()),
                     None)
        if found is not None:
            chosen[name] = found
    if "text" not in chosen:
        chosen["text"] = max(range(len(header)), key=lambda n: (sum(len(row[n]) for _, row in rows), -n))
    return chosen


def _known_names() -> dict[str, set[str]]:
    data = tomllib.loads(resources.files("govkg.data").joinpath("table_columns.toml").read_text(encoding="utf-8"))
    return {name: {_key(value) for value in data.get(name, [])} for name in _FIELDS}


def _key(column: str) -> str:
    return re.sub(r"[\s_\-]+", "", column).lower()


def _reports(table: Path, header: list[str], rows: list[tuple[int, list[str]]], chosen: dict[str, int],
             result: Unpacked) -> list[_Report]:
    reports: list[_Report] = []
    names: set[str] = set()
    unknown: dict[str, list[str]] = {"kind": [], "level": []}
    for number, row in rows:
        text = row[chosen["text"]].replace("\r\n", "\n").replace("\r", "\n").strip("\n")
        if not text.strip():
            if any(cell.strip() for cell in row):      # a blank row is no report left out
                result.empty_rows.append(number)
            continue
        meta = _meta(row, chosen, unknown)
        name = _file_name(meta.get("title", ""), table.stem, number, names)
        names.add(name)
        reports.append(_Report(number, name, text + "\n", meta))
    for name, values in unknown.items():
        if values:
            known = KINDS if name == "kind" else LEVELS
            result.notes.append(f"{len(values)} values of column '{header[chosen[name]]}' are not a govkg {name} "
                                f"(e.g. '{values[0]}'; one of {', '.join(known)}): left to detection")
    return reports


def _meta(row: list[str], chosen: dict[str, int], unknown: dict[str, list[str]]) -> dict[str, str]:
    meta: dict[str, str] = {}
    for name in ("title", "issuer", "year", "kind", "level"):
        value = " ".join(row[chosen[name]].split()) if name in chosen else ""
        if name == "year":
            match = _YEAR.search(value)
            value = match.group(1) if match else ""
        elif name in unknown and value and value not in (KINDS if name == "kind" else LEVELS):
            unknown[name].append(value)
            value = ""
        if value:
            meta[name] = value
    return meta


def _file_name(title: str, stem: str, row: int, taken: set[str]) -> str:
    """The title made a file name (or the table's name and the row), unique in the folder."""
    base = _UNSAFE.sub(" ", title).strip(" .")[:80] or f"{stem}-{row}"
    name = f"{base}.txt"
    return name if name not in taken else f"{base}-{row}.txt"


def _write_metadata(folder: Path, reports: list[_Report]) -> Path:
    """The folder's sidecar with a row per report written (rows for other files kept)."""
    path = folder / SIDECAR_NAME
    ours = {report.name for report in reports}
    kept: list[dict[str, str]] = []
    if path.is_file():
        with open(path, encoding="utf-8-sig", newline="") as fh:
            kept = [row for row in csv.DictReader(fh) if (row.get("file") or "").strip() not in ours]
    out = io.StringIO()
    writer = csv.DictWriter(out, ["file", "issuer", "kind", "year", "level", "title"], extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    writer.writerows(kept)
    writer.writerows({"file": report.name, **report.meta} for report in reports)
    write_atomically(path, out.getvalue())
    read_sidecar.cache_clear()      # a load in this process reads the new rows
    return path
