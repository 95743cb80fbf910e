"""What a report's layout looks like, in one place: the patterns of ``data/structure.toml``,
read once, and the tests of a line built on them.

``read.metadata`` uses them to say what a report is (title, issuer, kind, level, years);
``statements`` uses them to split it (heading levels, 一是/二是 items). Web-page debris lines are
never a title or a heading; files beside reports that are not reports (README, LICENSE) are
skipped when a folder is read.
"""
from __future__ import annotations

import re
import tomllib
from functools import cache

from govkg.resources import data_path

__all__ = ["KINDS", "heading_level", "is_debris", "item_marker", "kind_patterns", "not_a_report",
           "structure_patterns"]

_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s*")


@cache
def structure_patterns() -> dict:
    """``data/structure.toml`` as read (sections: debris, headings, metadata, kinds, levels, years,
    not_reports)."""
    with open(data_path("structure.toml"), "rb") as fh:
        return tomllib.load(fh)


KINDS = tuple(rule["kind"] for rule in structure_patterns()["kinds"])


def kind_patterns() -> list[tuple[str, re.Pattern]]:
    return [(rule["kind"], re.compile(rule["pattern"])) for rule in structure_patterns()["kinds"]]


@cache
def _debris() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in structure_patterns()["debris"]["lines"]))


def is_debris(line: str) -> bool:
    """A line left over from a web page (字号, 打印, 来源：...): never a title or a heading."""
    return bool(_debris().search(line.strip()))


def not_a_report(file_name: str) -> bool:
    """A README, a licence, a changelog: files that sit beside reports but are not reports."""
    return any(re.search(p, file_name, re.IGNORECASE) for p in structure_patterns()["not_reports"]["names"])


@cache
def _heading_levels() -> list[re.Pattern]:
    return [re.compile(p) for p in structure_patterns()["headings"]["levels"]]


@cache
def item_marker() -> re.Pattern:
    """一是/二是/其一是 at the start of a statement: an item that opens a sub-section."""
    return re.compile(structure_patterns()["headings"]["item"])


def heading_level(line: str) -> int | None:
    """The nesting level of a heading line (0 outermost), or None if the line is not a heading."""
    line = _MARKDOWN_HEADING.sub("", line)
    for level, pattern in enumerate(_heading_levels()):
        if pattern.match(line):
            return level
    return None
