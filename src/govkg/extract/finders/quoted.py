"""Quoted names: “X” is an undertaking when its kind follows (“X”实践活动, “X”工程), when it ends
in a head noun itself (“产业链改造”), or when a verb of doing governs it (推进“五外联动”) — unless a
noun follows that the quote modifies (培育“三型”职业农民). Slogans (“四个意识”), plan periods
(“十四五”) and dates are not names. The ``QUOTED`` cascade of named rules decides."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from govkg.extract import lexicon
from govkg.extract.finders.rules import Cascade, Decision, record
from govkg.extract.finders.words import CJK, alternatives, head_of, pattern, words, words_in_order
from govkg.extract.tokens import Token, tokenize
from govkg.model import Mention

__all__ = ["QUOTED", "QuotedName", "find", "governed"]

_QUOTE = re.compile(r"[“\"]([^“”\"\n]{1,30})[”\"]")


@dataclass(frozen=True)
class QuotedName:
    """A quoted phrase, the text around it and what follows it."""
    name: str              # the phrase inside the quotes, stripped
    text: str              # the statement's text
    quote_at: int          # where the opening quote stands in the statement
    after: str             # up to 12 characters after the closing quote

    @cached_property
    def kind(self) -> str:
        """The kind word right after the quote (“X”实践活动), or ending the noun chunk there
        (“八七”扶贫攻坚计划 -> 计划); "" when there is none."""
        by_length = _kinds_by_length()
        found = next((k for k in by_length if self.after.startswith(k)), "")
        return found or _chunk_kind(self.after, by_length)

    @cached_property
    def head(self) -> tuple[str, str] | None:
        return head_of(self.name)

    @property
    def type(self) -> str:
        """The type the deciding rule gives the name."""
        if self.kind:
            return lexicon.undertaking_kinds()[self.kind]
        if ends_in_head(self):
            return self.head[1]
        return "Initiative"


QUOTED: Cascade[QuotedName] = Cascade("quoted", default=(False, "no_kind_head_or_verb"))


@QUOTED.reject
def no_words(c: QuotedName) -> bool:
    """“ ”, “A”: neither a Chinese character nor a digit."""
    return not CJK.search(c.name) and not re.search(r"\d", c.name)


@QUOTED.reject
def slogan(c: QuotedName) -> bool:
    """“四个意识”: a numbered slogan."""
    return bool(pattern("quoted.slogan").match(c.name))


@QUOTED.reject
def period_or_date(c: QuotedName) -> bool:
    """“十四五”, “七一”: a plan period or a date."""
    return bool(pattern("quoted.period_or_date").fullmatch(c.name))


@QUOTED.reject
def plan_name(c: QuotedName) -> bool:
    """“十四五”规划: a Document, the documents finder's."""
    return c.after[:2] in words("documents.quoted_plan_kinds")


@QUOTED.accept
def kind_follows(c: QuotedName) -> bool:
    """“我为群众办实事”实践活动, “八七”扶贫攻坚计划: the kind after the quote gives the type."""
    return bool(c.kind)


@QUOTED.accept
def ends_in_head(c: QuotedName) -> bool:
    """“学历提升工程”, “产业链改造”: the quoted name ends in an undertaking's head noun of its own."""
    return bool(c.head) and c.head[1] in ("Program", "Initiative") and len(c.name) > len(c.head[0])


@QUOTED.accept
def governed_by_verb(c: QuotedName) -> bool:
    """推进“五外联动”, 加大“走流程”推进力度: a verb of doing governs it, and no noun follows that
    the quote modifies (培育“三型”职业农民)."""
    return governed(c.text, c.quote_at) and not _modifies_next(c.after)


@QUOTED.accept
def governed_list_item(c: QuotedName) -> bool:
    """推进“一村一品”和“一县一业”: the first item of a list a verb of doing governs."""
    return c.after[:1] in words("quoted.list_joiners") and governed(c.text, c.quote_at, list_item=True)


@cache
def _kinds_by_length() -> list[str]:
    return sorted(lexicon.undertaking_kinds(), key=len, reverse=True)


def find(text: str, offset: int, tokens: list[Token]) -> list[Mention]:
    found = []
    for m in _QUOTE.finditer(text):
        candidate = QuotedName(m.group(1).strip(), text, m.start(), text[m.end():m.end() + 12])
        accepted, rule = QUOTED.decide(candidate)
        start, end = offset + m.start(1), offset + m.end(1)
        type_ = candidate.type if accepted else ""
        record(Decision(QUOTED.name, start, end, type_, candidate.name, accepted, rule))
        if accepted:
            found.append(Mention(start, end, type_, candidate.name, candidate.kind))
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
