"""Per-character features of a statement for the mention tagger.

One segmentation (the rules' jieba tokens) and one rule pass per statement feed both the rules and
the model. Features: the character and its neighbours (±3) and bigrams, the jieba word around it
(position B/M/E/S, the word, its tag), the mention the rules found there (BIO and type), whether
the word is a head noun or suffix of a lexicon, quote and bracket context, and a character class.
"""
from __future__ import annotations

from functools import cache

from govkg.extract import lexicon
from govkg.extract.tokens import Token
from govkg.model import Mention

__all__ = ["PAD", "char_class", "char_features", "lexical_heads", "quote_context", "rule_tags"]

PAD = "␀"
_OPEN_CLOSE = {"“": "”", "《": "》", "（": "）", "(": ")", "‘": "’", "「": "」"}
_QUOTE_NAME = {"“": "q", "《": "b", "（": "p", "(": "p", "‘": "q", "「": "q"}


@cache
def lexical_heads() -> dict[str, str]:
    table: dict[str, str] = {}
    for list_name, label in (("organization_suffixes", "org"), ("program_heads", "prog"),
                             ("initiative_heads", "init"), ("place_suffixes", "place"),
                             ("generic_nouns", "gen"), ("boundary_words", "bnd")):
        for word in lexicon.words(list_name):
            table.setdefault(word, label)
    return table


def char_class(ch: str) -> str:
    if "\u4e00" <= ch <= "\u9fff":
        return "h"
    if ch.isdigit():
        return "d"
    if ch in "xX×＊*":
        return "x"
    if ch.isalpha():
        return "a"
    return "p"


def rule_tags(text_len: int, base: int, mentions: list[Mention]) -> list[str]:
    """BIO tags of the rules' outermost mentions; nested ones are marked with a lower-case 'n'."""
    tags = ["O"] * text_len
    for m in sorted(mentions, key=lambda m: -(m.end - m.start)):
        lo, hi = m.start - base, m.end - base
        if lo < 0 or hi > text_len or lo >= hi:
            continue
        if any(tags[i] != "O" for i in range(lo, hi)):
            continue
        tags[lo] = "B-" + m.type
        for i in range(lo + 1, hi):
            tags[i] = "I-" + m.type
    return tags


def quote_context(text: str) -> list[str]:
    ctx: list[str] = []
    stack: list[tuple[str, str]] = []
    for ch in text:
        if stack and ch == stack[-1][1]:
            ctx.append("c")
            stack.pop()
            continue
        ctx.append(stack[-1][0] if stack else "-")
        if ch in _OPEN_CLOSE:
            stack.append((_QUOTE_NAME[ch], _OPEN_CLOSE[ch]))
            ctx[-1] = "o"
    return ctx


def char_features(text: str, base: int, tokens: list[Token], mentions: list[Mention]) -> list[list[str]]:
    n = len(text)
    padded = PAD * 3 + text + PAD * 3
    position = ["S"] * n
    word_of = [""] * n
    tag_of = [""] * n
    heads = lexical_heads()
    head_of = [""] * n
    prev_word = ["^"] * n
    next_word = ["$"] * n
    words = [tok.text if len(tok.text) <= 6 else "" for tok in tokens]
    for k, tok in enumerate(tokens):
        lo, hi = tok.start - base, tok.end - base
        head = heads.get(tok.text, "")
        before = words[k - 1] + "|" + heads.get(tokens[k - 1].text, "") if k else "^"
        after = words[k + 1] + "|" + heads.get(tokens[k + 1].text, "") if k + 1 < len(tokens) else "$"
        for i in range(max(lo, 0), min(hi, n)):
            position[i] = "S" if hi - lo == 1 else ("B" if i == lo else "E" if i == hi - 1 else "M")
            word_of[i] = words[k]
            tag_of[i] = tok.tag
            head_of[i] = head
            prev_word[i] = before
            next_word[i] = after
    rules = rule_tags(n, base, mentions)
    quotes = quote_context(text)
    feats = []
    for i in range(n):
        j = i + 3
        c, p1, p2, p3, n1, n2, n3 = (padded[j], padded[j - 1], padded[j - 2], padded[j - 3],
                                     padded[j + 1], padded[j + 2], padded[j + 3])
        r_prev = rules[i - 1] if i else "^"
        r_next = rules[i + 1] if i + 1 < n else "$"
        feats.append([
            "b", "c=" + c, "p1=" + p1, "p2=" + p2, "p3=" + p3, "n1=" + n1, "n2=" + n2, "n3=" + n3,
            "p1c=" + p1 + c, "cn1=" + c + n1, "p2p1=" + p2 + p1, "n1n2=" + n1 + n2,
            "p1cn1=" + p1 + c + n1,
            "wp=" + position[i], "w=" + word_of[i], "wt=" + tag_of[i], "wpt=" + position[i] + tag_of[i],
            "wt-1=" + (tag_of[i - 1] if i else "^"), "wt+1=" + (tag_of[i + 1] if i + 1 < n else "$"),
            "hd=" + head_of[i] + position[i], "pw=" + prev_word[i], "nw=" + next_word[i],
            "n1n2n3=" + n1 + n2 + n3,
            "r=" + rules[i], "r-1=" + r_prev, "r+1=" + r_next,
            "q=" + quotes[i], "k=" + char_class(c) + char_class(p1) + char_class(n1),
        ])
    return feats
