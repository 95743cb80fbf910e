"""Overlapping mentions: the longest wins (on a tie, the type of higher priority); a place or
organization opening a Program, an organization opening a longer organization (上海农科院…工作站),
a person inside a memorial's name and a place of 3+ characters inside a Program (农林桥和呼达罕桥改造)
stay as mentions of their own."""
from __future__ import annotations

from govkg.extract.finders.words import bodies, setting
from govkg.model import Mention

__all__ = ["may_nest", "resolve_overlaps"]


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    priority = setting("overlaps.priority")
    ordered = sorted(set(mentions), key=lambda m: (-(m.end - m.start), priority[m.type], m.start, m.type))
    kept: list[Mention] = []
    for m in ordered:
        clash = [k for k in kept if k.start < m.end and m.start < k.end]
        if not clash or all(may_nest(m, k) for k in clash):
            kept.append(m)
    return sorted(kept, key=lambda m: (m.start, m.end, m.type))


def may_nest(inner: Mention, outer: Mention) -> bool:
    """Whether ``inner`` stays a mention of its own inside ``outer`` (the module docstring's cases)."""
    if not (outer.start <= inner.start and inner.end <= outer.end) or inner == outer:
        return False
    if outer.type == "Program" and inner.start == outer.start and inner.type in ("Place", "Organization"):
        return True
    if outer.type == "Organization" and inner.start == outer.start and inner.type == "Organization" \
            and inner.name not in bodies() and len(inner.name) >= setting("overlaps.nested_organization_min"):
        return True
    if inner.type == "Person" and outer.type == "Place":
        return True
    if outer.type == "Program" and inner.type == "Place" and len(inner.name) >= setting("overlaps.nested_place_min"):
        return True       # 农林桥和呼达罕桥改造: the bridges are places of their own
    return False
