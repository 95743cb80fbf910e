"""Quoted names: “X” is an undertaking when its kind follows (“X”实践活动, “X”工程), when it ends
in a head noun itself (“产业链改造”), or when a verb of doing governs it (推进“五外联动”) — unless a
noun follows that the quote modifies (培育“三型”职业农民). Slogans (“四个意识”), plan periods
(“十四五”) and dates are not names."""
from __future__ import annotations

import re
from functools import cache

from govkg.extract import lexicon
from govkg.extract.finders.words import CJK, alternatives, head_of, pattern, words, words_in_order
from govkg.extract.tokens import Token, tokenize
from govkg.model import Mention

__all__ = ["find", "governed"]

_QUOTE = re.compile(r"[“\"]([^“”\"\n]{1,30})[”\"]")


def find(text: str, offset: int, tokens: list[Token]) -> list[Mention]:
    kinds = lexicon.undertaking_kinds()
    by_length = sorted(kinds, key=len, reverse=True)
    found = []
    for m in _QUOTE.finditer(text):
        name = m.group(1).strip()
        if not CJK.search(name) and not re.search(r"\d", name) or pattern("quoted.slogan").match(name):
            continue
        if pattern("quoted.period_or_date").fullmatch(name):
            continue          # “十四五”, “七一”: a plan period or a date, not a name
        after = text[m.end():m.end() + 12]
        if after[:2] in words("documents.quoted_plan_kinds"):
            continue          # “十四五”规划: the documents finder's
        kind = next((k for k in by_length if after.startswith(k)), "")
        if not kind:
            kind = _chunk_kind(after, by_length)
        type_ = kinds.get(kind, "")
        head = head_of(name)
        if not type_ and head and head[1] in ("Program", "Initiative") and len(name) > len(head[0]):
            type_ = head[1]
        if not type_ and governed(text, m.start()) and not _modifies_next(after):
            type_ = "Initiative"
        if not type_ and after[:1] in words("quoted.list_joiners") and governed(text, m.start(), list_item=True):
            type_ = "Initiative"
        if type_:
            found.append(Mention(offset + m.start(1), offset + m.end(1), type_, name, kind))
    return found


def _modifies_next(after: str) -> bool:
    """A noun follows the quote, which the quoted phrase modifies (培育“三型”职业农民, 解决好“三农”问题):
    the quote names a kind of that noun, not an undertaking (a verb after it does not count:
    加大“走流程”推进力度)."""
    found = tokenize(after[:8]) if after[:1] and CJK.match(after[:1]) else []
    return bool(found) and found[0].tag.startswith("n") and found[0].tag != "nr" and len(found[0].text) >= 2


def _chunk_kind(after: str, kinds: list[str]) -> str:
    """The kind that ends the short noun chunk right after a quote (“八七”扶贫攻坚计划 -> 计划)."""
    chunk = re.match(r"[\u4e00-\u9fa5]{1,8}", after)
    if not chunk:
        return ""
    chunk_text = chunk.group()
    for end in range(len(chunk_text), 1, -1):
        part = chunk_text[:end]
        if any(b in part for b in words_in_order("quoted.chunk_breakers")):
            continue
        kind = next((k for k in kinds if part.endswith(k) and len(k) >= 2), "")
        if kind:
            return kind
    return ""


@cache
def _governing() -> re.Pattern:
    """A verb of doing (and a word after it) that ends the text before a quote."""
    return re.compile("(" + alternatives(words_in_order("quoted.governing_verbs")) + ")"
                      "(" + alternatives(words_in_order("quoted.governing_suffixes")) + ")?$")


def governed(text: str, quote_at: int, list_item: bool = False) -> bool:
    """A verb of doing stands right before the quote (or before the list it opens)."""
    before = text[max(0, quote_at - 12):quote_at]
    if list_item:
        return bool(_governing().search(before))
    before = re.sub(r"[“”\"]", "", before)
    return bool(_governing().search(before))
