"""One entity across reports: the name an entity is known by in every year of a series.

Extraction resolves names inside one report (its ``canonical``); across years the same undertaking
is also written as a phrase (打赢脱贫攻坚战, 全面推进乡村振兴) or with a kind word (乡村振兴战略).
``identity_name`` maps every such spelling to one name through the alias table
(``data/aliases.tsv``, extended by GOVKG_ALIASES) and the leading verbs of ``data/identity.toml``;
the graph builds the entity's IRI from it, and ``govkg timeline`` looks names up through it.
"""
from __future__ import annotations

import tomllib
from functools import cache

from govkg.extract import lexicon
from govkg.resources import data_path

__all__ = ["identity_name"]


@cache
def _leading_verbs() -> tuple[str, ...]:
    with open(data_path("identity.toml"), "rb") as fh:
        verbs = tomllib.load(fh)["leading_verbs"]
    return tuple(sorted(set(verbs), key=len, reverse=True))


@cache
def _canonical_names() -> frozenset[str]:
    return frozenset(lexicon.aliases().values())


@cache
def identity_name(name: str, canonical: str = "") -> str:
    """The name that identifies ``name`` across reports: ``canonical`` (extraction's resolution
    through the alias table), or ``name``, unless ``name`` is a leading verb plus a name of the table."""
    table = lexicon.aliases()      # the exact names of the table are extraction's ``canonical`` already
    for verb in _leading_verbs():
        rest = name[len(verb):]
        if name.startswith(verb) and len(rest) >= 2:
            if rest in table:
                return table[rest]
            if rest in _canonical_names():
                return rest
    return canonical or name
