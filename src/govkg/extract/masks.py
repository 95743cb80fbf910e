"""Masked names (某某大学, ××县, XX市) read as the corpus writes them (xx大学): the rules and the
model learned masks from lowercase x's only, and read another spelling as ordinary characters
(某某大学 was no name at all). ``read_masks`` maps each masking character to one x, so every
offset holds; ``as_written`` takes a name found in that reading back to the report's characters.
"""
from __future__ import annotations

import re
from functools import cache

from govkg.extract import lexicon

__all__ = ["as_written", "read_masks"]


@cache
def _masks() -> re.Pattern:
    table = lexicon.rules("masks")["masks"]
    runs = "".join(re.escape(ch) for ch in table["run"])
    return re.compile(f"[{runs}]{{2,}}|{re.escape(table['single'])}(?=(?:{table['single_before']}))")


def read_masks(text: str) -> str:
    """``text`` with each masking character as x (the same length: offsets are kept); ``text``
    itself when it holds no mask."""
    if not _masks().search(text):
        return text
    return _masks().sub(lambda found: "x" * len(found.group()), text)


def as_written(name: str, read: str, written: str) -> str:
    """``name``, found in ``read`` (a span of ``read_masks``'s text), in the characters of
    ``written`` (the same span as the report writes it). A name need not be its span: quotes or a
    kind may have been left out, so its characters are matched in order; a name that is not made
    of the span's characters stays as it is."""
    if read == written or "x" not in name:
        return name
    out, at = [], 0
    for ch in name:
        at = read.find(ch, at)
        if at < 0:
            return name
        out.append(written[at])
        at += 1
    return "".join(out)
