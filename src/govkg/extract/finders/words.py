"""The word lists the finders share, and the word-level tests built on them.

Every list is read from ``data/lexicon`` through :mod:`govkg.extract.lexicon` (``mentions.toml``
for the rules' small lists, ``*.txt`` for the long ones) and cached there; nothing here holds a
word of its own.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from govkg.extract import lexicon
from govkg.extract.tokens import Token

__all__ = ["CJK", "TITLE", "alternatives", "bodies", "boundary", "common_word_village", "generic", "head_of",
           "names_a_bureau", "stop", "token_head", "verbs", "pattern", "setting", "words", "words_in_order"]

# Structure, not vocabulary: a CJK character; a title in 《》 (its name the group).
CJK = re.compile(r"[\u4e00-\u9fa5]")
TITLE = re.compile(r"《([^《》\n]{1,80})》")


# Each accessor is cached on its one key: the finders call them in per-token loops.
@cache
def words(key: str) -> frozenset[str]:
    """A word list of mentions.toml (``"table.key"``) as a set."""
    return lexicon.rule_words("mentions", key)


@cache
def words_in_order(key: str) -> tuple[str, ...]:
    """A word list of mentions.toml in the file's order (for ``startswith``/``endswith``)."""
    return lexicon.rule_words_in_order("mentions", key)


@cache
def pattern(key: str) -> re.Pattern:
    """A regular expression of mentions.toml, compiled."""
    return lexicon.rule_pattern("mentions", key)


@cache
def setting(key: str):
    """One value of mentions.toml (a number or a single word)."""
    return lexicon.rule_setting("mentions", key)


def alternatives(found_words) -> str:
    """A regex alternation of the words, in their order."""
    return "|".join(re.escape(w) for w in found_words)


@cache
def _heads() -> list[tuple[str, str]]:
    """(head, type) pairs, longest head first."""
    rows = [(h, "Program") for h in lexicon.words("program_heads")]
    rows += [(h, "Initiative") for h in lexicon.words("initiative_heads")]
    rows += [(h, "Organization") for h in lexicon.words("organization_suffixes")]
    rows += [(h, "Place") for h in lexicon.words("place_suffixes")]
    return sorted(rows, key=lambda r: (-len(r[0]), r[0]))


@cache
def head_table() -> tuple[dict[str, str], int]:
    """Head noun -> entity type (the first list that holds it wins), and the longest head's length."""
    table: dict[str, str] = {}
    for head, type_ in _heads():
        table.setdefault(head, type_)
    return table, max(map(len, table))


@cache
def boundary() -> frozenset[str]:
    return frozenset(lexicon.words("boundary_words"))


@cache
def verbs() -> tuple[str, ...]:
    """Boundary verbs of two or more characters, for tokens that glue an adverb to a verb."""
    return tuple(w for w in lexicon.words("boundary_words") if len(w) >= 2)


@cache
def generic() -> frozenset[str]:
    return frozenset(lexicon.words("generic_nouns")) | frozenset(lexicon.words("generic_modifiers"))


@cache
def bodies() -> frozenset[str]:
    return frozenset(lexicon.words("known_bodies"))


def stop(token: Token) -> bool:
    """A token that cannot be inside a name (left of its head)."""
    word = token.text
    if word in boundary():
        return True
    if not CJK.search(word):
        return not (pattern("places.mask").match(word) or word.isdigit() or word in words("headed.inner_marks"))
    if token.tag in words("headed.stop_tags"):
        return True
    if token.tag == "m" and not word.startswith("第") and not word.isdigit():
        return True
    if token.tag in words("headed.glued_verb_tags") and len(word) >= 3 and word.endswith(verbs()):
        return True
    return False


def head_of(name: str) -> tuple[str, str] | None:
    """The longest head noun the name ends with, and its type."""
    table, longest = head_table()
    for k in range(min(len(name), longest), 0, -1):
        if name[-k:] in table:
            return name[-k:], table[name[-k:]]
    return None


def names_a_bureau(token: Token) -> bool:
    """农业农村局, 教育部: the token ends with a bureau's head (organization.bureaus)."""
    return token.text[-1] in words("organization.bureaus") and token_head(token) is not None


def token_head(token: Token) -> tuple[str, str] | None:
    """The head noun a token ends with; a one-character head must be the whole token or an
    organization/place word of the dictionary (教育部, 海淀区)."""
    return _word_head(token.text, token.tag)


def common_word_village(word: str, tag: str) -> bool:
    """胜利村, 团结村: jieba holds the village as one common noun (places.py decides on it)."""
    return len(word) == 3 and word[-1] in words("places.township_heads") and tag in words("places.common_noun_tags")


@lru_cache(maxsize=1 << 16)
def _word_head(word: str, tag: str) -> tuple[str, str] | None:
    # cached: it runs on every word of every statement, and a report repeats its words
    if word.endswith(words_in_order("headed.not_heads")):
        return None
    table, longest = head_table()
    for k in range(min(len(word), longest), 0, -1):
        head = word[-k:]
        type_ = table.get(head)
        if type_ is None:
            continue
        if len(head) == 1 and word != head and tag not in ("nt", "ns") and not (
                head in words("organization.bureaus") and len(word) >= 3
                and word[-2] not in words("headed.not_bureau_before")) and not common_word_village(word, tag):
            continue
        if len(head) == 1 and word == head and type_ == "Organization" \
                and tag not in words("organization.lone_head_tags"):
            continue
        return head, type_
    return None
