"""Statement themes (spec §4): SKOS keywords found in the statement, else those of its section.

Up to three themes per statement, the most frequently cued first; a statement with no keyword of
its own inherits the themes of the nearest heading above it that has some.
"""
from __future__ import annotations

from collections import Counter
from functools import cache, lru_cache

from govkg.extract import lexicon
from govkg.model import Statement

__all__ = ["MAX_THEMES", "tag_themes"]

MAX_THEMES = 3
_INHERITED = 2


@cache
def _automaton():
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for theme, keywords in lexicon.theme_keywords().items():
        for keyword in keywords:
            if keyword:
                themes = automaton.get(keyword, (keyword, set()))[1]
                themes.add(theme)
                automaton.add_word(keyword, (keyword, themes))
    automaton.make_automaton()
    return automaton


@lru_cache(maxsize=4096)
def themes_of_text(text: str) -> tuple[str, ...]:
    """The statement's keyword themes. Remembered: one statement's text is asked for by the rules,
    the theme classifier's features and its neighbours' context, and a heading by every statement
    under it."""
    automaton = _automaton()
    if not len(automaton):
        return ()
    counts: Counter[str] = Counter()
    taken_until = -1
    hits = sorted(((end - len(kw) + 1, end, kw, themes) for end, (kw, themes) in automaton.iter(text)),
                  key=lambda h: (h[0], -len(h[2])))
    for start, end, _, themes in hits:
        if start <= taken_until:
            continue               # the longest keyword at a place wins; no double counting
        taken_until = end
        counts.update(themes)
    narrower = lexicon.narrower_themes()
    # on a tie the narrower theme goes first: a village item is village_governance before anything
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] not in narrower, kv[0]))
    top = ranked[0][1] if ranked else 0
    # a theme cued once beside one cued three times or more is a passing mention (a narrower
    # theme is a refinement, not a passing mention: 农村社会治安 beside 社会治安 ×2)
    return tuple(theme for theme, n in ranked[:MAX_THEMES] if n * 3 > top or n >= 2 or theme in narrower)


def tag_themes(statements: list[Statement]) -> list[Statement]:
    """The statements with ``themes`` filled in."""
    from dataclasses import replace

    by_heading: dict[str, tuple[str, ...]] = {}
    tagged = []
    for st in statements:
        own = themes_of_text(st.text)
        if st.heading:
            by_heading[st.text] = own
        if not own and not st.heading:
            own = next((by_heading[h][:_INHERITED] for h in reversed(st.section)
                        if by_heading.get(h)), ())
        tagged.append(replace(st, themes=own))
    return tagged
