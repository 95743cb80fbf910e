"""Extraction: statements -> mentions -> entities, relations, themes and metrics.

``extract(report)`` is the whole step for one report; the submodules are its stages:
``statements`` (split, section paths) -> ``themes`` (SKOS keywords, section inheritance) ->
``mentions`` (names with offsets) -> ``entities`` (one per name, aliases, the author as e0) ->
``relations`` (cue words, clause structure) and ``metrics`` (quantities).
"""
from __future__ import annotations

from govkg.extract.entities import build_entities
from govkg.extract.mentions import find_mentions
from govkg.extract.metrics import find_metrics
from govkg.extract.relations import find_relations
from govkg.extract.themes import tag_themes
from govkg.model import Extraction, Report
from govkg.statements import split_statements

__all__ = ["extract"]


def extract(report: Report) -> Extraction:
    statements = tag_themes(split_statements(report.text))
    per_statement = [(st, find_mentions(st)) for st in statements]
    mentions = [m for _, found in per_statement for m in found]
    entities, ids = build_entities(report, mentions)
    relations = [rel for st, found in per_statement for rel in find_relations(st, found, ids)]
    relations = list(dict.fromkeys(relations))
    metrics = [x for st, found in per_statement if not st.heading
               for x in find_metrics(st, found, ids, report.year)]
    return Extraction(report=report, statements=tuple(statements), entities=tuple(entities),
                      relations=tuple(relations), metrics=tuple(metrics))
