"""Bodies named by a common word alone (``known_bodies.txt``: 党中央, 国务院, 市委, 人民网 ...) and
the words of the alias table (上海交大)."""
from __future__ import annotations

from functools import cache

from govkg.extract import lexicon
from govkg.extract.finders.words import bodies, setting, words
from govkg.extract.tokens import Token
from govkg.model import Mention

__all__ = ["find"]


def find(text: str, offset: int, tokens: list[Token]) -> list[Mention]:
    known = bodies()
    aliases = lexicon.aliases()
    found = [Mention(t.start, t.end, "Organization", t.text) for t in tokens
             if t.text in aliases and t.text not in lexicon.places() and len(t.text) >= 2]
    for n, t in enumerate(tokens):
        if t.text in known and len(t.text) < 3:
            nxt = tokens[n + 1].text if n + 1 < len(tokens) else ""
            if t.text == setting("bodies.central") and nxt not in words("bodies.central_followers"):
                continue      # 中央 is a body only as a subject or an author (中央关于, 中央的部署)
            found.append(Mention(t.start, t.end, "Organization", t.text))
    return found + _written_bodies(text, offset, tokens)


@cache
def _long_bodies():
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for body in lexicon.words("known_bodies"):
        if len(body) >= 3:
            automaton.add_word(body, len(body))
    automaton.make_automaton()
    return automaton


def _longest_matches(text: str) -> list[tuple[int, int]]:
    """Where known bodies are written, the longest first where two overlap (市人大常委会)."""
    found = sorted(((end + 1 - size, end + 1) for end, size in _long_bodies().iter(text)),
                   key=lambda span: (span[0] - span[1], span[0]))
    kept: list[tuple[int, int]] = []
    for lo, hi in found:
        if all(hi <= a or b <= lo for a, b in kept):
            kept.append((lo, hi))
    return sorted(kept)


def _written_bodies(text: str, offset: int, tokens: list[Token]) -> list[Mention]:
    """Known bodies of three characters or more wherever they are written (jieba may cut 市政协提案
    as 市 / 政协提案), with a level written as a word of its own just before (省 发展改革委)."""
    levels = words("bodies.levels")
    level_ends = {t.end - offset: t.text for t in tokens if t.text in levels}
    out = []
    for start, end in _longest_matches(text) if len(_long_bodies()) else ():
        level = level_ends.get(start)
        if level and not text[start:end].startswith(tuple(levels)):
            start -= len(level)
        out.append(Mention(offset + start, offset + end, "Organization", text[start:end]))
    return out
