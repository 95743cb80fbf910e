"""Names found as they are written, by words any reader of government prose knows, and added after
the tagger where it found nothing, the documents and campaigns also in place of the tagger's
mentions inside them (``learn.model.written_names_win``). They are not tagger features: trained
with them, the tagger gained nothing on cross-validation and lost on the blind statements, while
added after it they lift Document and Organization:

- documents without 《》 between a verb of issuing and a kind of document (研究制定农村集体经济组织法,
  出台管理办法; after a verb of applying only laws and regulations: 贯彻落实…条例), and those known
  by a short name (``known_documents.txt``: 宪法, 民法典) where a word starts;
- campaigns named by a campaign word and a province, a city or 中国 (平安北京, 法治浙江: Initiatives);
- bodies of three characters or more wherever written (jieba cuts 市政协提案 as 市 / 政协提案;
  ``known_bodies.txt`` and ``written_bodies.txt``: 发展改革委, 二十国集团), the longest where two
  overlap, with a level written just before one as a word of its own (省 发展改革委).
"""
from __future__ import annotations

import re
from functools import cache

from govkg.extract import lexicon
from govkg.extract.finders.words import TITLE, alternatives, words, words_in_order
from govkg.extract.tokens import Token
from govkg.model import Mention

__all__ = ["find"]

# what a document's name written without 《》 may hold: no clause break, quote mark or bracket
_NAME = r"[^\s，。；：、,.;:！？!?（）()《》“”\"]{1,28}?"


def find(text: str, offset: int, tokens: list[Token]) -> list[Mention]:
    titled = [(m.start(), m.end()) for m in TITLE.finditer(text)]
    documents = [m for m in _unquoted_documents(text, offset) + _known_documents(text, offset, tokens)
                 + _campaigns(text, offset)
                 if all(m.end - offset <= lo or hi <= m.start - offset for lo, hi in titled)]
    return documents + _bodies(text, offset, tokens)


@cache
def _unquoted() -> tuple[re.Pattern, ...]:
    fillers = alternatives(words_in_order("written.issuing_fillers"))
    return tuple(
        re.compile(f"(?:{alternatives(words_in_order(verbs))})(?:{fillers})?"
                   f"({_NAME}(?:{alternatives(words_in_order(kinds))}))"
                   r"(?=$|[\s，。；：、,.;:！？!?（）()和与及等])")
        for verbs, kinds in (("written.issuing_verbs", "written.issued_kinds"),
                             ("written.applying_verbs", "written.applied_kinds")))


def _unquoted_documents(text: str, offset: int) -> list[Mention]:
    not_laws = words("written.not_laws")
    dropped, generic = words_in_order("written.openers_dropped"), words_in_order("written.generic_openers")
    out = []
    for pattern in _unquoted():
        for m in pattern.finditer(text):
            start, name = m.start(1), m.group(1)
            while opener := next((w for w in dropped if name.startswith(w) and len(name) > len(w) + 2), None):
                start, name = start + len(opener), name[len(opener):]
            if name.startswith(generic) or name.endswith("法") and (len(name) < 3 or name[-2:] in not_laws):
                continue
            out.append(Mention(offset + start, offset + m.end(1), "Document", name))
    return out


@cache
def _campaign() -> re.Pattern:
    places = lexicon.places()
    levels = ("province", "city")
    named = {"中国"} | {name for name, (kind, parent) in places.items()
                       if kind in levels or kind == "alias" and places.get(parent, ("", ""))[0] in levels}
    return re.compile(f"(?:{alternatives(words_in_order('written.campaign_words'))})"
                      f"(?:{alternatives(sorted(named, key=lambda n: (-len(n), n)))})")


def _campaigns(text: str, offset: int) -> list[Mention]:
    return [Mention(offset + m.start(), offset + m.end(), "Initiative", m.group()) for m in _campaign().finditer(text)]


@cache
def _known() -> re.Pattern | None:
    known = lexicon.words("known_documents")
    return re.compile(alternatives(known)) if known else None


def _known_documents(text: str, offset: int, tokens: list[Token]) -> list[Mention]:
    """Where a word starts (not 党章 in 中国共产党章程; jieba may join the end to what follows:
    文件精神)."""
    known = _known()
    if known is None:
        return []
    starts = {t.start - offset for t in tokens}
    return [Mention(offset + m.start(), offset + m.end(), "Document", m.group())
            for m in known.finditer(text) if m.start() in starts]


@cache
def _bodies_automaton():
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for body in (*lexicon.words("known_bodies"), *lexicon.words("written_bodies")):
        if len(body) >= 3:
            automaton.add_word(body, len(body))
    automaton.make_automaton()
    return automaton


def _longest(text: str) -> list[tuple[int, int]]:
    automaton = _bodies_automaton()
    if not len(automaton):
        return []
    found = sorted(((end + 1 - size, end + 1) for end, size in automaton.iter(text)),
                   key=lambda span: (span[0] - span[1], span[0]))
    kept: list[tuple[int, int]] = []
    for lo, hi in found:
        if all(hi <= a or b <= lo for a, b in kept):
            kept.append((lo, hi))
    return sorted(kept)


def _bodies(text: str, offset: int, tokens: list[Token]) -> list[Mention]:
    levels = words("written.levels")
    level_ends = {t.end - offset: t.text for t in tokens if t.text in levels}
    out = []
    for start, end in _longest(text):
        level = level_ends.get(start)
        if level and not text[start:end].startswith(tuple(levels)):
            start -= len(level)
        out.append(Mention(offset + start, offset + end, "Organization", text[start:end]))
    return out
