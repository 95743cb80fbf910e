"""Documents: titles in 《》, a quoted name followed by 规划/纲要 (“十四五”规划), a name without 《》
between a verb of issuing and a kind of document (制定农村集体经济组织法), and the documents
known by a short name (``known_documents.txt``: 宪法, 民法典)."""
from __future__ import annotations

import re
from functools import cache

from govkg.extract import lexicon
from govkg.extract.finders.words import alternatives, words, words_in_order
from govkg.extract.tokens import Token
from govkg.model import Mention

__all__ = ["find"]

_TITLE = re.compile(r"《([^《》\n]{1,80})》")
# what a document's name written without 《》 may hold: no clause break, quote mark or bracket
_NAME = r"[^\s，。；：、,.;:！？!?（）()《》“”\"]{1,28}?"


@cache
def _quoted_plan() -> re.Pattern:
    return re.compile(r"“([^“”\n]{1,12})”(" + alternatives(words_in_order("documents.quoted_plan_kinds")) + ")")


@cache
def _unquoted() -> tuple[re.Pattern, ...]:
    fillers = alternatives(words_in_order("documents.issuing_fillers"))
    return tuple(
        re.compile(f"(?:{alternatives(words_in_order(verbs))})(?:{fillers})?({_NAME}(?:{alternatives(words_in_order(kinds))}))"
                   r"(?=$|[\s，。；：、,.;:！？!?（）()和与及等])")
        for verbs, kinds in (("documents.issuing_verbs", "documents.issued_kinds"),
                             ("documents.applying_verbs", "documents.applied_kinds")))


@cache
def _known() -> re.Pattern | None:
    known = lexicon.words("known_documents")
    return re.compile(alternatives(known)) if known else None


def find(text: str, offset: int, tokens: list[Token]) -> list[Mention]:
    found = [Mention(offset + m.start(1), offset + m.end(1), "Document", m.group(1).strip())
             for m in _TITLE.finditer(text) if m.group(1).strip()]
    for m in _quoted_plan().finditer(text):
        found.append(Mention(offset + m.start(1), offset + m.end(), "Document", text[m.start(1):m.end()]))
    titled = [(m.start, m.end) for m in found]
    return found + [m for m in _unquoted_names(text, offset) + _known_names(text, offset, tokens)
                    if all(m.end <= lo or hi <= m.start for lo, hi in titled)]


def _unquoted_names(text: str, offset: int) -> list[Mention]:
    not_laws = words("documents.not_laws")
    dropped, generic = words_in_order("documents.document_openers_dropped"), words_in_order("documents.generic_document_openers")
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


def _known_names(text: str, offset: int, tokens: list[Token]) -> list[Mention]:
    """Known documents where a word starts (not 党章 in 中国共产党章程; jieba may join the end to what
    follows: 文件精神)."""
    known = _known()
    if known is None:
        return []
    starts = {t.start - offset for t in tokens}
    return [Mention(offset + m.start(), offset + m.end(), "Document", m.group()) for m in known.finditer(text)
            if m.start() in starts]
