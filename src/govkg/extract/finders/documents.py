"""Documents: titles in 《》, and a quoted name followed by 规划/纲要 (“十四五”规划)."""
from __future__ import annotations

import re
from functools import cache

from govkg.extract.finders.words import TITLE, alternatives, words_in_order
from govkg.extract.tokens import Token
from govkg.model import Mention

__all__ = ["find"]



@cache
def _quoted_plan() -> re.Pattern:
    return re.compile(r"“([^“”\n]{1,12})”(" + alternatives(words_in_order("documents.quoted_plan_kinds")) + ")")


def find(text: str, offset: int, tokens: list[Token]) -> list[Mention]:
    found = [Mention(offset + m.start(1), offset + m.end(1), "Document", m.group(1).strip())
             for m in TITLE.finditer(text) if m.group(1).strip()]
    for m in _quoted_plan().finditer(text):
        found.append(Mention(offset + m.start(1), offset + m.end(), "Document", text[m.start(1):m.end()]))
    return found
