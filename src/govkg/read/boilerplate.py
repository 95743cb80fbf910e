"""A web page's report without the site around it: the navigation, breadcrumbs, search box,
"previous / next" and related links, share and print buttons and the footer (主办单位, 版权所有,
ICP备案号) that a government site wraps around every page.

trafilatura finds the page's main content; of the page's own lines (``html.text_of``, a line per
block), those it does not hold are left out. Lines stay as ``text_of`` makes them, so sentences are
never cut where trafilatura would cut them. Nothing that reads as prose is ever left out: when a
line it leaves out has some length, a comma and a sentence's end, or it finds nothing, the whole
page is kept (a site's lines are labels, links and addresses: 欢迎访问…！ has no comma).
"""
from __future__ import annotations

import re

__all__ = ["main_content"]

_SQUASH = re.compile(r"[\s|]+")          # trafilatura writes a table row as | a | b |
_TABLE_RULE = re.compile(r"^[\s|:-]*-[\s|:-]*$")   # and a rule |---|---| under the first
_SENTENCE_END = re.compile(r"[。！？；]")
_PROSE_LENGTH = 30                       # a line this long with a comma and a sentence's end is the report's
_SHORT = 6                               # a line shorter than this could be found anywhere
_GAP = 8                                 # what the content may hold between two of the page's lines


def main_content(markup: str, text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` (the page's lines) without those outside its main content, and a note of what was
    left out (none when nothing was)."""
    main = _extract(markup)
    if not main:
        return text, ()
    kept, left = _split(text.split("\n"), _squash("\n".join(line for line in main.split("\n")
                                                               if not _TABLE_RULE.match(line))))
    if not kept or not left or any(_prose(line) for line in left):
        return text, ()
    return "\n".join(kept), (f"{len(left)} lines of the site around the report left out "
                             f"(navigation, links, footer), the first: {left[0][:40]}",)


def _split(lines: list[str], held: str) -> tuple[list[str], list[str]]:
    """The lines ``held`` holds, in order, and the others. A short line (首页, 大 中 小) counts only
    where the main content goes on from the line before, as it would match anywhere."""
    kept, left, at = [], [], 0
    for line in lines:
        squashed = _squash(line)
        found = held.find(squashed, at)
        if found >= 0 and (len(squashed) >= _SHORT or found - at <= _GAP):
            kept.append(line)
            at = found + len(squashed)
        elif len(squashed) >= _SHORT and squashed in held:     # out of order: kept, where the text goes on
            kept.append(line)
        else:
            left.append(line)
    return kept, left


def _extract(markup: str) -> str:
    import trafilatura

    return trafilatura.extract(markup, include_tables=True, include_comments=False, favor_recall=True,
                               deduplicate=False) or ""


def _squash(line: str) -> str:
    return _SQUASH.sub("", line)


def _prose(line: str) -> bool:
    return len(line) >= _PROSE_LENGTH and "，" in line and bool(_SENTENCE_END.search(line))
