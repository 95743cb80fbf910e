"""Named strategies and campaigns without a head noun (健康中国, 简政放权): the entries of
``named_initiatives.txt``, the longest at a place. A kind word after an entry joins the name
(健康中国行动); an entry followed by 要求/理念/队 ... modifies a longer noun; an entry in a list of
fields (…、高标准农田建设等领域) is a field."""
from __future__ import annotations

import re
from functools import cache

from govkg.extract import lexicon
from govkg.extract.finders.words import setting, words, words_in_order
from govkg.extract.tokens import Token
from govkg.model import Mention

__all__ = ["find"]


@cache
def _automaton():
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for name, type_ in lexicon.named_initiatives().items():
        automaton.add_word(name, (name, type_))
    automaton.make_automaton()
    return automaton


@cache
def _kinds() -> tuple[str, ...]:
    """Kind words that a named strategy takes into its name (战略, 行动, 改革 ...), longest first."""
    return tuple(k for k in sorted(lexicon.undertaking_kinds(), key=lambda k: (-len(k), k))
                 if len(k) >= 2 and k not in words("named.kinds_not_taken"))


def find(text: str, offset: int, tokens: list[Token]) -> list[Mention]:
    automaton = _automaton()
    if not len(automaton):
        return []
    hits = sorted(((end - len(name) + 1, end + 1, name, type_) for end, (name, type_) in automaton.iter(text)),
                  key=lambda h: (h[0], -(h[1] - h[0])))
    found, taken = [], -1
    for start, end, name, type_ in hits:
        if start < taken:
            continue
        taken = end
        kind = next((k for k in _kinds() if text.startswith(k, end)), "")
        if kind:          # 藏粮于地、藏粮于技战略, 健康中国行动: the name runs over its kind
            end, type_, name = end + len(kind), lexicon.undertaking_kinds()[kind], name + kind
            taken = end
        elif text[end:end + 3].startswith(words_in_order("named.modifier_followers")) or text[start - 1:start] == "”":
            continue      # 全面从严治党要求, 乡村振兴中: a modifier; “…”主题教育: the kind of a quote
        clause = re.split(r"[，。；：]", text[end:], maxsplit=1)[0]
        if setting("named.field_list_marker") in clause and ("、" in text[start - 1:start] or clause.startswith("、")):
            continue      # 校园餐、高标准农田建设等领域: a field in a list of fields
        found.append(Mention(offset + start, offset + end, type_, name))
    return found
