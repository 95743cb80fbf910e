"""Counts of what a store holds: entities per type, relations per type, statements per theme."""
from __future__ import annotations

from govkg.named_queries import internal_query
from govkg.store import GraphStore

__all__ = ["store_stats"]

SECTIONS = {"reports": "stats-reports", "statements": "stats-statements", "entity types": "stats-entity-types",
            "relation types": "stats-relation-types", "themes (statements)": "stats-themes"}


def store_stats(store: GraphStore) -> dict[str, list[tuple[str, int]]]:
    return {section: [tuple(row) for row in store.select(internal_query(name).text, {}).rows]
            for section, name in SECTIONS.items()}
