"""Words and their part of speech, from jieba's dictionary plus govkg's own lexicons.

jieba-fast-dat (jieba's dictionary and algorithm in C++, ~3x faster; plain jieba when it is not
installed) splits a statement without the HMM, so it is deterministic and fast; the tag of a word
is looked up in jieba's dictionary instead of running the slow HMM tagger. Domain terms from the
lexicons (places, organization suffixes, head nouns, aliases, known bodies) are added to the
dictionary so they stay whole.
"""
from __future__ import annotations

import logging
from functools import cache, lru_cache
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple

from govkg.extract import lexicon

__all__ = ["Token", "tag_of", "tokenize"]


class Token(NamedTuple):   # built ~330k times for the corpus: a frozen dataclass took twice as long
    text: str
    start: int
    end: int
    tag: str      # jieba's tag ('n', 'v', 'ns', ...), 'x' for punctuation, '' when unknown


@cache
def _tokenizer():
    try:
        import jieba_fast_dat as jieba
    except ImportError:          # pragma: no cover - the slower pure-Python segmenter
        import jieba

    jieba.setLogLevel(logging.WARNING)
    logging.getLogger("jieba_fast_dat").setLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word, tag in _domain_words().items():
        tokenizer.add_word(word, freq=None, tag=tag)
    return tokenizer


@cache
def _tags() -> dict[str, str]:
    import jieba

    table: dict[str, str] = {}
    dict_file = Path(jieba.__file__).parent / "dict.txt"
    with open(dict_file, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3:
                table[parts[0]] = parts[2]
    table.update(_domain_words())
    return table


@cache
def _domain_words() -> dict[str, str]:
    words: dict[str, str] = {}
    for name in lexicon.places():
        words[name] = "ns"
    for suffix in lexicon.words("organization_suffixes"):
        if len(suffix) >= 2:
            words[suffix] = "nt"
    for name in ("program_heads", "initiative_heads"):
        for head in lexicon.words(name):
            if len(head) >= 2:
                words.setdefault(head, "n")
    for alias, canonical in lexicon.aliases().items():
        words.setdefault(alias, "nt")
        words.setdefault(canonical, "nt")
    for body in lexicon.words("known_bodies"):
        words.setdefault(body, "nt")
    return words


@lru_cache(maxsize=1 << 17)        # a report writes the same words again and again
def tag_of(word: str) -> str:
    if not word.strip() or not any("\u4e00" <= ch <= "\u9fff" or ch.isalnum() for ch in word):
        return "x"
    return _tags().get(word, "")


@lru_cache(maxsize=16)
def _tokens(text: str, offset: int) -> tuple[Token, ...]:
    words = _tokenizer().lcut(text, HMM=False)     # jieba's tokenize() is this, a word at a time
    edges = list(accumulate(map(len, words), initial=offset))
    return tuple(map(Token, words, edges, edges[1:], map(tag_of, words)))


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """The words of ``text``; the last few statements are remembered, so the rules and the
    learned tagger share one segmentation of a statement."""
    return list(_tokens(text, offset))

