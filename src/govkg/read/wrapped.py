"""A PDF's lines back into paragraphs.

A PDF's text layer holds the lines of each page, so a paragraph of a report arrives cut wherever
the page was full, mid-sentence and mid-name: read line by line, only 43% of the statements of
../shared/corpus printed to PDF were those of the text (`bench/pdf_paragraphs.py`). A line that
fills the text width and does not end its sentence goes on in the next one, unless that one is
indented or opens a heading. A line that only numbers its page is dropped, and so is the running
header or footer that repeats on most pages; the space a PDF may put where the font changes
between a Chinese character and a digit or Latin letter (2021 年) is taken out. The patterns are
data (``structure.toml`` [pdf]).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache

from govkg.structure import heading_level, structure_patterns

__all__ = ["join_wrapped", "width"]

_INDENT = ("\u3000", "  ", "\t")
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_FONT_CHANGE = re.compile(f"(?<=[{_CJK}]) (?=[0-9A-Za-z])|(?<=[0-9A-Za-z%]) (?=[{_CJK}])")


@cache
def _settings() -> tuple[int, re.Pattern, re.Pattern]:
    pdf = structure_patterns()["pdf"]
    return pdf["full_width_slack"], re.compile(pdf["paragraph_end"]), re.compile(pdf["page_number"])


def width(line: str) -> int:
    """The printed width of a line in half-width characters: a Chinese character counts 2, and so do
    the quote marks, dashes and ellipses whose width depends on the font (a Chinese font prints
    them wide)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in line)


def join_wrapped(pages: list[str]) -> str:
    """The text of a PDF's pages with each paragraph on one line."""
    paged = _without_running_heads([_without_page_numbers(page.split("\n")) for page in pages])
    lines = [_FONT_CHANGE.sub("", line.rstrip()) for page in paged for line in page]
    full = _full_width(lines)
    out: list[str] = []
    for previous, line in zip([""] + lines, lines):
        if out and full and _goes_on(previous, line, full):
            out[-1] += (" " if _latin(out[-1][-1]) and _latin(line.lstrip()[0]) else "") + line.lstrip()
        else:
            out.append(line)
    return "\n".join(out)


def _without_page_numbers(lines: list[str]) -> list[str]:
    number = _settings()[2]
    while lines and (not lines[-1].strip() or number.match(lines[-1])):
        lines = lines[:-1]
    while lines and (not lines[0].strip() or number.match(lines[0])):
        lines = lines[1:]
    return lines


def _without_running_heads(pages: list[list[str]]) -> list[list[str]]:
    """Without the line that heads or foots most pages after the first: the report's title as Word
    prints it at the top of each page (the first page keeps that one, as the title) or a footer
    line (dropped from every page)."""
    for at in (0, -1):
        repeated = Counter(page[at].strip() for page in pages[1:] if page)
        if not repeated:
            continue
        line, count = repeated.most_common(1)[0]
        if count >= max(2, (len(pages) - 1) / 2):
            kept = pages[:1] if at == 0 else []
            pages = kept + [_without_line(page, at, line) for page in pages[len(kept):]]
    return pages


def _without_line(page: list[str], at: int, line: str) -> list[str]:
    if not page or page[at].strip() != line:
        return page
    return page[1:] if at == 0 else page[:-1]


def _full_width(lines: list[str]) -> int:
    """The width of a full line: the most common width among the longer half of the lines (0, no
    joining, when there are too few lines to tell)."""
    widths = sorted(width(line) for line in lines if line.strip())
    if len(widths) < 5:
        return 0
    counts = Counter(widths[len(widths) // 2:])      # paragraph ends and headings are the shorter half
    return max(counts, key=lambda w: (counts[w], w))


def _goes_on(previous: str, line: str, full: int) -> bool:
    slack, paragraph_end, _ = _settings()
    stripped = line.strip()
    return (bool(stripped) and width(previous) >= full - slack - _latin_slack(previous, stripped)
            and (not paragraph_end.search(previous) or _decimal_point_split(previous, stripped))
            and not line.startswith(_INDENT) and heading_level(stripped) is None)


def _decimal_point_split(previous: str, line: str) -> bool:
    """A line ending in a number's decimal point whose digits open the next line (增长5. / 3%)."""
    return previous.rstrip()[-2:-1].isdigit() and previous.rstrip().endswith(".") and line[:1].isdigit()


def _latin_slack(previous: str, line: str) -> float:
    """How much shorter digits and Latin letters may make a full line: their printed widths vary
    (a quarter of a half-width each, on average), and a number or word that did not fit ends the
    line early by its own width."""
    leading = len(line) - len(line.lstrip("0123456789.%abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    return sum(ch.isascii() for ch in previous) / 4 + leading


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()
