"""Title, year and author body of a report, from its first lines and its file name."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from govkg.resources import data_path

__all__ = ["ReportMeta", "describe", "is_debris", "structure_patterns"]

_HEAD_LINES = 40
_YEAR = re.compile(r"(19[4-9][0-9]|20[0-9]{2})")


@dataclass(frozen=True)
class ReportMeta:
    title: str
    year: int | None
    author: str


@cache
def structure_patterns() -> dict:
    with open(data_path("structure.toml"), "rb") as fh:
        return tomllib.load(fh)


@cache
def _debris() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in structure_patterns()["debris"]["lines"]))


def is_debris(line: str) -> bool:
    return bool(_debris().search(line.strip()))


def describe(text: str, file_name: str) -> ReportMeta:
    head = [ln.strip().replace("\u3000", "") for ln in text.split("\n")[:_HEAD_LINES]]
    head = [ln for ln in head if ln and not is_debris(ln)]
    title = _title(head, file_name)
    return ReportMeta(title=title, year=_year(title, head, file_name), author=_author(title, head))


def _title(head: list[str], file_name: str) -> str:
    pattern = re.compile(structure_patterns()["metadata"]["title"])
    for line in head[:8]:
        compact = line.replace(" ", "")
        if len(compact) <= 60 and pattern.search(compact) and not compact.endswith("。"):
            return compact
    return file_name.rsplit(".", 1)[0]


def _year(title: str, head: list[str], file_name: str) -> int | None:
    for source in (title, file_name, *head[:6]):
        found = _YEAR.search(source)
        if found:
            return int(found.group(1))
    return None


def _author(title: str, head: list[str]) -> str:
    meta = structure_patterns()["metadata"]
    lines = [title, *head]
    for pattern in meta["author"]:
        rx = re.compile(pattern)
        for line in lines:
            found = rx.search(line.replace(" ", ""))
            if found:
                name = found.group("author")
                if re.search("[省市县区旗州]$", name):
                    name += meta["government_suffix"]
                return name
    return ""
