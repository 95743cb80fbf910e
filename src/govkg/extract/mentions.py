"""Find entity mentions in one statement: documents, quoted undertakings, organizations,
programs, initiatives, places and persons, each with exact offsets into the report text."""
from __future__ import annotations

import re
from functools import cache

from govkg.extract import lexicon
from govkg.extract.tokens import Token, tokenize
from govkg.model import Mention, Statement

__all__ = ["find_mentions"]

_DOCUMENT = re.compile(r"《([^《》\n]{1,80})》")
_QUOTED = re.compile(r"[“\"‘]([^“”\"‘’\n]{2,30})[”\"’]")
_MASKED_PLACE = re.compile(r"(?<![A-Za-z])([xX×＊*]{1,3}(?:省|市|县|区|旗|镇|乡|村))")
_PERSON_TITLE = re.compile(r"(?:省长|市长|区长|县长|镇长|乡长|书记|主任|部长|局长)[ \u3000]+([\u4e00-\u9fa5]{2,3})(?:同志)?$")
_CJK = re.compile(r"^[\u4e00-\u9fa5xX]+$")
# Tags that can stand inside a name: nouns, place and organisation names, noun-verbs, distinguishers.
_NAME_TAGS = {"n", "nr", "ns", "nt", "nz", "nrt", "j", "vn", "an", "b", "s", "l", "ng", "nrfg", ""}
_MAX_NAME = 24


def find_mentions(statement: Statement) -> list[Mention]:
    text, offset = statement.text, statement.start
    tokens = tokenize(text, offset)
    found: list[Mention] = []
    found += _documents(text, offset)
    found += _quoted(text, offset)
    found += _headed(tokens, "organization_suffixes", "Organization")
    found += _headed(tokens, "program_heads", "Program")
    found += _headed(tokens, "initiative_heads", "Initiative")
    found += _places(tokens, text, offset)
    found += _persons(text, offset)
    return _resolve_overlaps(found)


def _documents(text: str, offset: int) -> list[Mention]:
    return [Mention(offset + m.start(1), offset + m.end(1), "Document", m.group(1).strip())
            for m in _DOCUMENT.finditer(text) if m.group(1).strip()]


def _quoted(text: str, offset: int) -> list[Mention]:
    kinds = lexicon.undertaking_kinds()
    by_length = sorted(kinds, key=len, reverse=True)
    found = []
    for m in _QUOTED.finditer(text):
        after = text[m.end():m.end() + 8]
        kind = next((k for k in by_length if after.startswith(k)), "")
        if kind:
            found.append(Mention(offset + m.start(1), offset + m.end(1), kinds[kind],
                                 m.group(1).strip(), kind))
    return found


def _headed(tokens: list[Token], heads: str, type_: str) -> list[Mention]:
    """Names that end in a head noun of the lexicon, extended left over name-like words."""
    head_words = set(lexicon.words(heads))
    generic = set(lexicon.words("generic_nouns"))
    found = []
    for i, token in enumerate(tokens):
        if token.text not in head_words:
            continue
        j = i
        while j > 0 and _name_part(tokens[j - 1]) and tokens[i].end - tokens[j - 1].start <= _MAX_NAME:
            j -= 1
        name = "".join(t.text for t in tokens[j:i + 1])
        if j == i and (len(token.text) < 2 or token.tag not in ("nt", "ns")):
            continue
        if name in generic or len(name) < 2:
            continue
        found.append(Mention(tokens[j].start, token.end, type_, name))
    return found


def _name_part(token: Token) -> bool:
    return bool(_CJK.match(token.text)) and token.tag in _NAME_TAGS


def _places(tokens: list[Token], text: str, offset: int) -> list[Mention]:
    table = lexicon.places()
    found = [Mention(t.start, t.end, "Place", t.text) for t in tokens if t.text in table]
    found += [Mention(offset + m.start(1), offset + m.end(1), "Place", m.group(1))
              for m in _MASKED_PLACE.finditer(text)]
    return found


def _persons(text: str, offset: int) -> list[Mention]:
    m = _PERSON_TITLE.search(text)
    return [Mention(offset + m.start(1), offset + m.end(1), "Person", m.group(1))] if m else []


_PRIORITY = {"Document": 0, "Program": 1, "Initiative": 1, "Organization": 2, "Person": 3, "Place": 4}


def _resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions; a place may stay inside a Program (its location)."""
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start), _PRIORITY[m.type], m.start))
    kept: list[Mention] = []
    for m in ordered:
        clash = [k for k in kept if k.start < m.end and m.start < k.end]
        if not clash or (m.type == "Place" and all(_prefix_of_program(m, k) for k in clash)):
            kept.append(m)
    return sorted(set(kept), key=lambda m: (m.start, m.end, m.type))


def _prefix_of_program(place: Mention, other: Mention) -> bool:
    return other.type == "Program" and other.start == place.start and other.end > place.end
