"""Turn mentions into entities: one entity per real thing in a report, names resolved through
the alias table, the author body marked, masked placeholders (xx县) scoped to their report."""
from __future__ import annotations

import re

from govkg.extract import lexicon
from govkg.extract.masks import read_masks
from govkg.iri import key
from govkg.model import Entity, Mention, Report

__all__ = ["AUTHOR_ID", "build_entities", "canonical_name", "is_masked"]

AUTHOR_ID = "e0"
_MASK = re.compile(r"[xX×＊*]{2,}|^[xX×]")


def is_masked(name: str) -> bool:
    """xx县, 某某大学, ××镇: a placeholder, not one real place or body across reports."""
    return bool(_MASK.search(read_masks(name)))


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
    """Entities of the report (the author first, as e0) and the entity id of each mention.

    Every mention of the author's name is the author, whatever type it was found with: a title
    (xx县人民政府工作报告) can lead the tagger to take the name for an undertaking.

    One entity per name as written (so each statement shows the name its text uses); entities
    that are one thing written differently (上海交大, 上海交通大学) share ``canonical`` and list
    each other's names as aliases — the graph merges them into one node by (type, canonical).
    """
    author_name = report.author or f"作者（{report.doc}）"   # unknown: named after its report
    author_key = key(canonical_name(author_name))
    groups: dict[tuple[str, str], list[Mention]] = {}
    names: dict[tuple[str, str], str] = {}
    for m in mentions:
        group_key = (m.type, key(m.name))
        groups.setdefault(group_key, []).append(m)
        names.setdefault(group_key, m.name)
    author_groups = {k for k in groups if key(canonical_name(names[k])) == author_key}
    author_mentions = [m for k in author_groups for m in groups[k]]
    groups = {k: v for k, v in groups.items() if k not in author_groups}
    same_thing: dict[tuple[str, str], set[str]] = {}
    for group_key, name in names.items():
        same_thing.setdefault((group_key[0], key(canonical_name(name))), set()).add(name)
    entities = [Entity(AUTHOR_ID, "Organization", author_name,
                       tuple(sorted({(m.start, m.end) for m in author_mentions})) or ((0, 0),),
                       author=True, aliases=tuple(sorted({m.name for m in author_mentions} - {author_name})),
                       scope="" if report.author else report.doc)]
    ids = {m: AUTHOR_ID for m in author_mentions}
    for n, (group_key, group) in enumerate(sorted(groups.items()), start=1):
        entity_id, type_, name = f"e{n}", group_key[0], names[group_key]
        canonical = canonical_name(name)
        others = same_thing.get((type_, key(canonical)), set()) | ({canonical} if canonical != name else set())
        entities.append(Entity(entity_id, type_, name,
                               tuple(sorted({(m.start, m.end) for m in group})),
                               aliases=tuple(sorted(others - {name})),
                               scope=report.doc if is_masked(name) else "",
                               canonical=canonical if canonical != name else ""))
        ids.update({m: entity_id for m in group})
    return entities, ids
