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

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from govkg.extract.entities import build_entities
from govkg.extract.masks import as_written, read_masks
from govkg.extract.mentions import find_mentions
from govkg.extract.metrics import find_metrics
from govkg.extract.relations import find_relations
from govkg.extract.spacing import compacted
from govkg.extract.themes import tag_themes
from govkg.model import Extraction, Mention, Metric, Report, Statement
from govkg.statements import split_statements

if TYPE_CHECKING:
    from govkg.learn.model import ExtractionModel

__all__ = ["RULES", "extract", "resolve_model"]

RULES = "rules"


@lru_cache(maxsize=4)
def resolve_model(model_spec: str | None):
    """The model a spec names (see the module docstring), or None for the rules alone."""
    from govkg.learn.model import default_model, load_model

    if model_spec == RULES:
        return None
    return default_model() if model_spec is None else load_model(model_spec)


def extract(report: Report, model_spec: str | ExtractionModel | None = None) -> Extraction:
    """``model_spec``: see the module docstring, or a loaded model. A text with a space between
    every few words is read without them (``spacing``), in the offsets of the text as written."""
    model = resolve_model(model_spec) if model_spec is None or isinstance(model_spec, str) else model_spec
    spaced = compacted(report.text)
    if spaced is not None:
        return spaced.restore(_extract(replace(report, text=spaced.text), model), report)
    return _extract(report, model)


def _extract(report: Report, model: ExtractionModel | None) -> Extraction:
    read = read_masks(report.text)
    statements = tag_themes(split_statements(read))
    if model is not None:
        statements = model.themes_of(statements)
        per_statement = model.propagate(list(zip(statements, model.mentions_of(statements))))
    else:
        per_statement = [(st, find_mentions(st)) for st in statements]
    entities, ids = _entities(report, read, [m for _, found in per_statement for m in found])
    if model is not None:
        found_relations = model.relations_of_report(per_statement, ids)
    else:
        found_relations = [find_relations(st, found, ids) for st, found in per_statement]
    relations = [rel for found in found_relations for rel in found]
    relations = list(dict.fromkeys(relations))
    metrics = [x for st, found in per_statement if not st.heading
               for x in find_metrics(st, found, ids, report.year)]
    if read is not report.text:
        statements = _statements_as_written(statements, read, report.text)
        metrics = [_metric_as_written(x, read, report.text) for x in metrics]
    return Extraction(report=report, statements=tuple(statements), entities=tuple(entities),
                      relations=tuple(relations), metrics=tuple(metrics))


def _entities(report: Report, read: str, mentions: list[Mention]) -> tuple[list, dict[Mention, str]]:
    """``build_entities`` over the names as the report writes them; the ids keyed by the mentions
    as found in ``read`` (relations and metrics read that text)."""
    if read is report.text:
        return build_entities(report, mentions)
    written = {m: _as_written(m, read, report.text) for m in mentions}
    entities, ids = build_entities(report, list(written.values()))
    return entities, {m: ids[w] for m, w in written.items()}


def _as_written(m: Mention, read: str, text: str) -> Mention:
    name = as_written(m.name, read[m.start:m.end], text[m.start:m.end])
    return m if name == m.name else replace(m, name=name)


def _metric_as_written(x: Metric, read: str, text: str) -> Metric:
    lo, hi = x.span
    return replace(x, value=as_written(x.value, read[lo:hi], text[lo:hi]))


def _statements_as_written(statements: list[Statement], read: str, text: str) -> list[Statement]:
    """The statements with the report's own text and headings (a heading above a statement is one
    of the report's lines: the first place it is written is as good as any)."""
    headings = {h: h for st in statements for h in st.section}
    for h in headings:
        at = read.find(h) if "x" in h else -1
        if at >= 0:
            headings[h] = text[at:at + len(h)]
    return [replace(st, text=text[st.start:st.end], section=tuple(headings[h] for h in st.section))
            for st in statements]
