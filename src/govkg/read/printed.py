"""Text placed on a page (PDF, OFD) back into lines: each character is placed by where it is
printed (its origin on the baseline), not by its order in the file, since a producer may write a
line's characters in any order (printed from Word, a quote mark set in a Latin font comes in a PDF's
stream before the line it stands in). A line's indent is kept as full-width spaces, one per
character of indent: the paragraph joining (``wrapped``) reads it.
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["PrintedChar", "indented", "page_list", "page_text", "scanned_note"]

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
    it starts right of the page's leftmost line."""
    lines = [(line, text) for line in _lines(chars) if (text := "".join(ch.text for ch in line).strip())]
    starts = [next(ch for ch in line if not ch.text.isspace()) for line, _ in lines]
    return indented([(start.x, start.size, text) for start, (_, text) in zip(starts, lines)])


def indented(lines: list[tuple[float, float, str]]) -> str:
    """Lines given as (left end, character size, text), top to bottom, each indented by as many
    full-width spaces as characters it starts right of the leftmost."""
    if not lines:
        return ""
    left = min(x for x, _, _ in lines)
    return "\n".join(INDENT * int((x - left) / size + 0.25) + text for x, size, text in lines)


def scanned_note(pages: list[int], total: int, remedy: str = "run OCR to read them") -> str:
    """The note for pages that hold an image and no text (1-based page numbers)."""
    return (f"{page_list(pages, total)} hold{'' if len(pages) > 1 else 's'} an image and no text (scanned?) and "
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
        if previous and (gap and _latin(previous) and _latin(ch) or wide) and not previous.text.isspace():
            out.append(gap or PrintedChar(" ", previous.x + previous.size, previous.y, previous.size, True))
        out.append(ch)
        gap = None
    return out


def _latin(ch: PrintedChar | None) -> bool:
    return ch is not None and ch.text.isascii() and ch.text.isalnum()
