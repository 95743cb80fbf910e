"""Items of a list that share one head: ``A、B等工程/项目/专项行动`` gives each item the shared head's
type. An item that opens with a quantity (31.2公里农村公路) is a measure, and a short item that
ends in no facility word (机器人、新能源汽车等项目) a field, not a name."""
from __future__ import annotations

import re
from functools import cache

from govkg.extract.finders.words import (CJK, alternatives, generic, pattern, setting, verbs, words,
                                         words_in_order)
from govkg.extract.tokens import Token
from govkg.model import Mention

__all__ = ["find"]


@cache
def _list_pattern() -> re.Pattern:
    return re.compile(r"((?:[^，。；：、,;:\s]{2,24}、)+[^，。；：、,;:\s]{2,24})等(?:[xX0-9一二三四五六七八九十两多]+[个项大条])?"
                      r"(重点)?(" + alternatives(words_in_order("listed.kinds_in_order")) + ")")


def find(text: str, offset: int, tokens: list[Token]) -> list[Mention]:
    found = []
    for m in _list_pattern().finditer(text):
        type_ = "Initiative" if m.group(3) in words("listed.initiative_kinds") else "Program"
        items = m.group(1).split("、")
        at = m.start(1)
        for n, item in enumerate(items):
            s = at
            at += len(item) + 1
            if n == 0:          # the first item starts after the verb that governs the list
                cut = _first_item_start(item)
                s, item = s + cut, item[cut:]
            if len(item) < 3 or pattern("specific.counted").match(item) or pattern("listed.quantity").match(item) \
                    or item in generic() or not CJK.search(item):
                continue
            if len(item) < setting("listed.short_item") and not pattern("listed.facility").search(item):
                continue      # 机器人、新能源汽车等项目: fields, not named works
            if pattern("listed.area_opening").search(item) and not pattern("listed.area_named").search(item[2:4]):
                continue      # 城区、农村 ...: kinds of area, unless a township or village is named
            found.append(Mention(offset + s, offset + s + len(item), type_, item))
    return found


def _first_item_start(item: str) -> int:
    best = 0
    for verb in verbs():
        k = item.rfind(verb)
        if k >= 0 and k + len(verb) > best and k + len(verb) < len(item) - 1:
            best = k + len(verb)
    while best < len(item) and item[best] in words("listed.aspect_particles"):
        best += 1
    return best
