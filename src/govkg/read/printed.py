"""Text placed on a page (PDF, OFD) back into lines: each character is placed by where it is
printed (its origin on the baseline), not by its order in the file, since a producer may write a
line's characters in any order (printed from Word, a quote mark set in a Latin font comes in a PDF's
stream before the line it stands in). A line's indent is kept as full-width spaces, one per
character of indent: the paragraph joining (``wrapped``) reads it.
"""
from __future__ import annotations

import math
import statistics
import unicodedata
from dataclasses import dataclass

__all__ = ["DRAWN", "SCANNED", "UNMAPPED", "PrintedChar", "indented", "latin", "page_list", "page_text", "scanned_note"]

INDENT = "\u3000"


@dataclass(frozen=True)
class PrintedChar:
    text: str
    x: float            # left end of the baseline
    y: float            # the baseline, upwards
    size: float         # font size
    generated: bool = False     # a space the reader put where it saw a gap (pdfium does)


def page_text(chars: list[PrintedChar]) -> str:
    """The page's lines, top to bottom, each indented by as many full-width spaces as characters
    it starts right of its column's leftmost line; a page set in two columns (a gazette's) is read
    column after column between the lines that run across both (a title)."""
    rows = []
    for block in _blocks(chars):
        lines = [(line, text) for line in _lines(block) if (text := "".join(ch.text for ch in line).strip())]
        starts = [next(ch for ch in line if not ch.text.isspace()) for line, _ in lines]
        left = min((start.x for start in starts), default=0.0)
        rows += [(start.x - left, start.size, text) for start, (_, text) in zip(starts, lines)]
    return indented(rows)


def indented(lines: list[tuple[float, float, str]]) -> str:
    """Lines given as (left end, character size, text), top to bottom, each indented by as many
    full-width spaces as characters it starts right of the leftmost."""
    if not lines:
        return ""
    left = min(x for x, _, _ in lines)
    return "\n".join(INDENT * int((x - left) / size + 0.25) + text for x, size, text in lines)


SCANNED = "an image and no text (scanned?)"
DRAWN = "drawings and no text (text turned into outlines?)"
UNMAPPED = "text without a character map (it copies as garbage)"


def scanned_note(pages: list[int], total: int, remedy: str = "run OCR to read them", holds: str = SCANNED) -> str:
    """The note for pages that hold an image and no text, or what ``holds`` says (1-based page numbers)."""
    return (f"{page_list(pages, total)} hold{'' if len(pages) > 1 else 's'} {holds} and "
            f"{'were' if len(pages) > 1 else 'was'} not read; {remedy}")


def page_list(pages: list[int], total: int) -> str:
    """page 2 of 4, pages 2-3, 5 of 6 (1-based page numbers)."""
    runs: list[list[int]] = []
    for n in pages:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    named = ", ".join(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs)
    return f"page{'s' if len(pages) > 1 else ''} {named} of {total}"


def _blocks(chars: list[PrintedChar]) -> list[list[PrintedChar]]:
    """The page's characters in reading order, as blocks of one column each: the whole page, or
    for a page in two columns, top to bottom, the left column, then the right, of each stretch
    between lines that cross the gutter, and those lines."""
    gutter = _gutter([ch for ch in chars if not ch.text.isspace()])
    if gutter is None:
        return [chars]
    low, high = gutter
    crossing = [line for line in _lines(chars) if any(low < ch.x < high and not ch.text.isspace() for ch in line)]
    crossing_ys = sorted({line[0].y for line in crossing}, reverse=True)
    crossed = {id(ch) for line in crossing for ch in line}
    blocks: list[list[PrintedChar]] = []
    for top, bottom in zip([math.inf] + crossing_ys, crossing_ys + [-math.inf]):
        between = [ch for ch in chars if bottom < ch.y < top and id(ch) not in crossed]
        blocks += [[ch for ch in between if ch.x < low], [ch for ch in between if ch.x >= low]]
        blocks.append([ch for line in crossing if line[0].y == bottom for ch in line])
    return [block for block in blocks if block]


def _gutter(chars: list[PrintedChar]) -> tuple[float, float] | None:
    """The strip between two columns of text, as (left, right), or None. It lies in the middle
    fifth-to-four-fifths of the text's width, is one character wide or more, no more than half
    of the lines cross it, and the lines on each side of it fill their column often enough (a
    table's columns do not; nor do the ends of a page's short lines)."""
    if len(chars) < 40:
        return None
    size = statistics.median(ch.size for ch in chars)
    left, right = min(ch.x for ch in chars), max(ch.x + _width(ch) for ch in chars)
    step = size / 4
    covered = [0] * (int((right - left) / step) + 1)      # by how many lines
    lines = _lines(chars)
    for line in lines:
        bins = {n for ch in line for n in range(int((ch.x - left) / step),
                                                min(len(covered), int((ch.x + _width(ch) - left) / step) + 1))}
        for n in bins:
            covered[n] += 1
    middle = [n for n in range(len(covered)) if 0.2 <= n / len(covered) <= 0.8]
    least = min((covered[n] for n in middle), default=len(lines))
    if least > len(lines) // 2:         # lines across the gutter: a title, a table
        return None
    empty = [left + n * step for n in middle if covered[n] <= least + max(1, len(lines) // 20)]
    runs = _runs(empty, step)
    if not runs:
        return None
    low, high = max(runs, key=lambda run: run[1] - run[0])
    beside = [line for line in lines if not any(low < ch.x < high for ch in line)]      # not across it
    sides = ([[ch for ch in line if ch.x < low] for line in beside],
             [[ch for ch in line if ch.x >= high] for line in beside])
    if high - low < size or not (_fills_column(sides[0], left, low) and _fills_column(sides[1], high, right)):
        return None
    return low, high


def _fills_column(lines: list[list[PrintedChar]], left: float, right: float) -> bool:
    """Whether five lines or more lie in [left, right) and a quarter of them (three or more) reach
    across four fifths of it, as a column of text does (a page of short items included)."""
    lines = [line for line in lines if line]
    full = [line for line in lines if line[-1].x + _width(line[-1]) - line[0].x >= 0.8 * (right - left)]
    return len(lines) >= 5 and len(full) >= max(3, len(lines) / 4)


def _runs(points: list[float], step: float) -> list[tuple[float, float]]:
    """Consecutive points (``step`` apart) as (first, last + step) runs."""
    runs: list[tuple[float, float]] = []
    for x in points:
        if runs and x - runs[-1][1] < step / 2:
            runs[-1] = (runs[-1][0], x + step)
        else:
            runs.append((x, x + step))
    return runs


def _width(ch: PrintedChar) -> float:
    return ch.size if unicodedata.east_asian_width(ch.text[:1] or " ") in "WFA" else ch.size / 2


def _lines(chars: list[PrintedChar]) -> list[list[PrintedChar]]:
    """Characters on one baseline (within half a font size) form a line, read left to right."""
    lines: list[list[PrintedChar]] = []
    for ch in sorted(chars, key=lambda ch: -ch.y):
        if lines and abs(lines[-1][0].y - ch.y) <= ch.size / 2:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    return [_spaced(sorted(line, key=lambda ch: ch.x)) for line in lines]


def _spaced(line: list[PrintedChar]) -> list[PrintedChar]:
    """Without the spaces a reader generates for the gaps of a justified line of Chinese (they would
    split names), but with one between Latin words and between the cells of a table (a gap of two
    characters or more, whether or not the reader generated a space there)."""
    out: list[PrintedChar] = []
    gap: PrintedChar | None = None
    for ch in line:
        if ch.generated:
            gap = gap or ch
            continue
        previous = out[-1] if out else None
        wide = previous is not None and ch.x - previous.x > 3 * previous.size
        if previous and (gap and latin(previous.text) and latin(ch.text) or wide) and not previous.text.isspace():
            out.append(gap or PrintedChar(" ", previous.x + previous.size, previous.y, previous.size, True))
        out.append(ch)
        gap = None
    return out


def latin(text: str) -> bool:
    """A Latin letter or digit (between two of them, a gap is a space between words)."""
    return text.isascii() and text.isalnum()
