"""Bodies named by a common word alone (``known_bodies.txt``: 党中央, 国务院, 市委, 人民网 ...) and
the words of the alias table (上海交大)."""
from __future__ import annotations

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
        if t.text in known:
            nxt = tokens[n + 1].text if n + 1 < len(tokens) else ""
            if t.text == setting("bodies.central") and nxt not in words("bodies.central_followers"):
                continue      # 中央 is a body only as a subject or an author (中央关于, 中央的部署)
            found.append(Mention(t.start, t.end, "Organization", t.text))
    return found
