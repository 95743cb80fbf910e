"""Persons: ``X同志``, a title and a name at the end of a statement (县长 王明), and the person of a
memorial (毛岸青纪念馆). A name must open with a common surname."""
from __future__ import annotations

import re
from functools import cache

from govkg.extract.finders.words import alternatives, pattern, words, words_in_order
from govkg.extract.tokens import Token
from govkg.model import Mention

__all__ = ["find"]


@cache
def _memorial() -> re.Pattern:
    """The name before a memorial hall, a former residence or a cemetery (毛岸青纪念馆)."""
    return re.compile(r"([\u4e00-\u9fa5]{2,3})(?:" + alternatives(words_in_order("persons.memorials")) + ")")


@cache
def _title() -> re.Pattern:
    """A title and a name at the end of a statement (县长 王明)."""
    return re.compile(r"(?:" + alternatives(words_in_order("persons.titles"))
                      + r")[ \u3000]*([\u4e00-\u9fa5][\u4e00-\u9fa5xX]{1,2})(?:同志)?$")


def find(text: str, offset: int, tokens: list[Token]) -> list[Mention]:
    found = []
    surnames = words("persons.surnames")
    for m in pattern("persons.before_comrade").finditer(text):
        name = m.group(1)
        start = m.start(1)
        if len(name) == 3 and (name[0] in words("persons.function_openers")
                               or (name[0] not in surnames and name[1] in surnames)):
            name, start = name[1:], start + 1      # 和王明同志, 书记张三同志
        if name[0] in surnames:
            found.append(Mention(offset + start, offset + start + len(name), "Person", name))
    for m in _memorial().finditer(text):
        name = m.group(1)
        if name[0] not in surnames:
            name = name[1:] if len(name) == 3 and name[1] in surnames else ""
        if len(name) >= 2:
            s = m.end(1) - len(name)
            found.append(Mention(offset + s, offset + m.end(1), "Person", name))
    m = _title().search(text)
    if m:
        found.append(Mention(offset + m.start(1), offset + m.end(1), "Person", m.group(1)))
    return found
