"""Gold statements (spec §6): what a line must hold, checked as it is read, so a typo in a
hand-corrected file is named at its line instead of becoming a label the model learns."""
from __future__ import annotations

import unicodedata

from govkg.model import ENTITY_TYPES, RELATION_TYPES
from govkg.vocab import THEMES

__all__ = ["AUTHOR", "MAX_THEMES", "locate", "problems"]

AUTHOR = "@author"
MAX_THEMES = 3
_QUOTES = "\"'“”‘’「」『』《》〈〉"


def locate(name: str, text: str) -> list[tuple[int, int]]:
    """Every span of ``text`` that spells ``name``, as written or with quote marks ignored."""
    spans, at = [], text.find(name)
    while name and at >= 0:
        spans.append((at, at + len(name)))
        at = text.find(name, at + 1)
    if spans:
        return spans
    bare = "".join(ch for ch in unicodedata.normalize("NFKC", name) if ch not in _QUOTES)
    if not bare:
        return []
    keep = [i for i, ch in enumerate(text) if ch not in _QUOTES]
    squeezed = "".join(unicodedata.normalize("NFKC", text[i])[:1] or text[i] for i in keep)
    at = squeezed.find(bare)
    while at >= 0:
        spans.append((keep[at], keep[at + len(bare) - 1] + 1))
        at = squeezed.find(bare, at + 1)
    return spans


def problems(row: dict) -> list[str]:
    """What is wrong with one gold line (none when it follows spec §6)."""
    found = [f"{key!r} is missing or not {kind}" for key, kind, ok in (
        ("doc", "a report name", isinstance(row.get("doc"), str) and row.get("doc")),
        ("start", "an offset", isinstance(row.get("start"), int)),
        ("end", "an offset after start", isinstance(row.get("end"), int) and row.get("end", 0) > row.get("start", 0)),
        ("text", "the statement's text", isinstance(row.get("text", ""), str))) if not ok]
    text = row.get("text") if isinstance(row.get("text"), str) else None
    names = set()
    for entity in _items(row, "entities", found):
        type_, name = entity.get("type"), entity.get("name")
        if type_ not in ENTITY_TYPES:
            found.append(f"entity type {type_!r} (one of {', '.join(ENTITY_TYPES)})")
        if not isinstance(name, str) or not name:
            found.append(f"entity {entity!r} has no name")
        elif text is not None and not locate(name, text):
            found.append(f"entity name {name!r} is not in the statement's text")
        names.add(name)
    for relation in _items(row, "relations", found):
        if relation.get("type") not in RELATION_TYPES:
            found.append(f"relation type {relation.get('type')!r} (one of {', '.join(RELATION_TYPES)})")
        for end in ("head", "tail"):
            if relation.get(end) != AUTHOR and relation.get(end) not in names:
                found.append(f"relation {end} {relation.get(end)!r} is neither an entity of the line nor {AUTHOR}")
    themes = row.get("themes", [])
    if not isinstance(themes, list):
        return found + ["'themes' is not a list"]
    found += [f"theme {theme!r} (not a theme id of the spec)" for theme in themes if theme not in THEMES]
    if len(themes) > MAX_THEMES:
        found.append(f"{len(themes)} themes (at most {MAX_THEMES})")
    return found


def _items(row: dict, key: str, found: list[str]) -> list[dict]:
    items = row.get(key, [])
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        found.append(f"{key!r} is not a list of objects")
        return []
    return items
