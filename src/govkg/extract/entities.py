"""Turn mentions into entities: one entity per real thing in a report, names resolved through
the alias table, the author body marked, masked placeholders (xx县) scoped to their report."""
from __future__ import annotations

import re

from govkg.extract import lexicon
from govkg.iri import key
from govkg.model import Entity, Mention, Report

__all__ = ["AUTHOR_ID", "build_entities", "canonical_name", "is_masked"]

AUTHOR_ID = "e0"
_MASK = re.compile(r"[xX×＊*]{2,}|^[xX×]")


def is_masked(name: str) -> bool:
    return bool(_MASK.search(name))


def canonical_name(name: str) -> str:
    """The full name for an abbreviation, keeping its jurisdiction prefix (县发改委 -> 县发展和改革委员会)."""
    table = lexicon.aliases()
    if name in table:
        return table[name]
    for alias in sorted(table, key=len, reverse=True):
        if len(alias) >= 2 and name.endswith(alias) and len(name) - len(alias) <= 3:
            return name[: -len(alias)] + table[alias]
    return name


def build_entities(report: Report, mentions: list[Mention]) -> tuple[list[Entity], dict[Mention, str]]:
    """Entities of the report (the author first, as e0) and the entity id of each mention."""
    author_name = report.author or "作者"
    groups: dict[tuple[str, str], list[Mention]] = {}
    names: dict[tuple[str, str], str] = {}
    for m in mentions:
        name = canonical_name(m.name)
        group_key = (m.type, key(name))
        groups.setdefault(group_key, []).append(m)
        names.setdefault(group_key, name)
    author_mentions = groups.pop(("Organization", key(canonical_name(author_name))), [])
    entities = [Entity(AUTHOR_ID, "Organization", author_name,
                       tuple(sorted({(m.start, m.end) for m in author_mentions})) or ((0, 0),),
                       author=True, aliases=_aliases(author_name, author_mentions),
                       scope="" if report.author else report.doc)]
    ids = {m: AUTHOR_ID for m in author_mentions}
    for n, (group_key, group) in enumerate(sorted(groups.items()), start=1):
        entity_id, type_, name = f"e{n}", group_key[0], names[group_key]
        entities.append(Entity(entity_id, type_, name,
                               tuple(sorted({(m.start, m.end) for m in group})),
                               aliases=_aliases(name, group),
                               scope=report.doc if is_masked(name) else ""))
        ids.update({m: entity_id for m in group})
    return entities, ids


def _aliases(name: str, group: list[Mention]) -> tuple[str, ...]:
    return tuple(sorted({m.name for m in group} - {name}))
