"""Names hold whole brackets: a mention never keeps half of a （…） pair.

Both the rules and the tagger sometimes open a name on a bracket (（省教育厅 in （省教育厅负责）,
）突出深化改革 after a numbered heading) or stop before it closes (区域全面经济伙伴关系协定（RCEP).
The gold never writes half a bracket.
"""
from __future__ import annotations

from dataclasses import replace

from govkg.model import Mention

__all__ = ["whole_brackets", "with_whole_brackets"]

_PAIRS = {"（": "）", "(": ")"}
_OPENING = {close: open_ for open_, close in _PAIRS.items()}
_CLAUSE_BREAKS = "。；;，,、：:\n"
_BRACKETS = frozenset(_PAIRS) | frozenset(_OPENING)
_REACH = 12     # how far after a name its open bracket may close and still be taken in


def whole_brackets(text: str, lo: int, hi: int) -> tuple[int, int]:
    """Bounds within ``text`` whose span holds whole brackets: a bracket at an edge is dropped; one
    left open is closed where the text closes it before the clause ends, else the span ends
    before it; a span that starts inside a bracket starts after it."""
    if _BRACKETS.isdisjoint(text[lo:hi]):      # most names: no walk over their characters
        return lo, hi
    for _ in range(4):
        unpaired = _unpaired(text, lo, hi)
        if not unpaired:
            break
        at = unpaired[0]
        if at == lo:
            lo += 1
        elif at == hi - 1:
            hi -= 1
        elif text[at] in _OPENING:
            lo = at + 1
        else:
            close = _closed_soon(text, hi, _PAIRS[text[at]])
            hi = close + 1 if close is not None else at
    return lo, hi


def with_whole_brackets(mention: Mention, text: str, offset: int) -> Mention | None:
    """The mention (found in ``text``, which starts at ``offset``) with whole brackets, None when
    nothing is left. A mention whose name is not its span as written (quotes or a kind taken off)
    stays as it is."""
    lo, hi = mention.start - offset, mention.end - offset
    if text[lo:hi] != mention.name:
        return mention
    new_lo, new_hi = whole_brackets(text, lo, hi)
    if (new_lo, new_hi) == (lo, hi):
        return mention
    if new_hi - new_lo < 2:
        return None
    return replace(mention, start=offset + new_lo, end=offset + new_hi, name=text[new_lo:new_hi])


def _unpaired(text: str, lo: int, hi: int) -> list[int]:
    """Positions of the brackets in ``text[lo:hi]`` that the span does not pair, in order."""
    opened: list[int] = []
    closed_alone = []
    for i in range(lo, hi):
        if text[i] in _PAIRS:
            opened.append(i)
        elif text[i] in _OPENING:
            if opened and text[opened[-1]] == _OPENING[text[i]]:
                opened.pop()
            else:
                closed_alone.append(i)
    return sorted(closed_alone + opened)


def _closed_soon(text: str, hi: int, close: str) -> int | None:
    for i in range(hi, min(len(text), hi + _REACH)):
        if text[i] == close:
            return i
        if text[i] in _CLAUSE_BREAKS or text[i] in _PAIRS:
            return None
    return None
