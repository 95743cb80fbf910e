"""Extraction: statements -> mentions -> entities, relations, themes and metrics.

``extract(report)`` is the whole step for one report; the submodules are its stages:
``statements`` (split, section paths) -> ``themes`` (SKOS keywords, section inheritance) ->
``mentions`` (names with offsets) -> ``entities`` (one per name, aliases, the author as e0) ->
``relations`` (cue words, clause structure) and ``metrics`` (quantities).

With a trained model (``govkg.learn``, the shipped one by default) the rules become candidates and
features: a CRF tags the mentions, a classifier picks the relations among the entity pairs and
another the themes. ``model_spec`` names which extractor to use: ``None`` the shipped model (the
rules where none is installed), ``"rules"`` the rules alone, else a model folder.
"""
from __future__ import annotations

from functools import lru_cache

from govkg.extract.entities import build_entities
from govkg.extract.mentions import find_mentions
from govkg.extract.metrics import find_metrics
from govkg.extract.relations import find_relations
from govkg.extract.themes import tag_themes
from govkg.model import Extraction, Report
from govkg.statements import split_statements

__all__ = ["RULES", "extract", "resolve_model"]

RULES = "rules"


@lru_cache(maxsize=4)
def resolve_model(model_spec: str | None):
    """The model a spec names (see the module docstring), or None for the rules alone."""
    from govkg.learn.model import default_model, load_model

    if model_spec == RULES:
        return None
    return default_model() if model_spec is None else load_model(model_spec)


def extract(report: Report, model_spec: str | None = None) -> Extraction:
    model = resolve_model(model_spec)
    statements = tag_themes(split_statements(report.text))
    if model is not None:
        statements = model.themes_of(statements)
        per_statement = model.propagate(list(zip(statements, model.mentions_of(statements))))
    else:
        per_statement = [(st, find_mentions(st)) for st in statements]
    mentions = [m for _, found in per_statement for m in found]
    entities, ids = build_entities(report, mentions)
    if model is not None:
        found_relations = model.relations_of_report(per_statement, ids)
    else:
        found_relations = [find_relations(st, found, ids) for st, found in per_statement]
    relations = [rel for found in found_relations for rel in found]
    relations = list(dict.fromkeys(relations))
    metrics = [x for st, found in per_statement if not st.heading
               for x in find_metrics(st, found, ids, report.year)]
    return Extraction(report=report, statements=tuple(statements), entities=tuple(entities),
                      relations=tuple(relations), metrics=tuple(metrics))
