"""One entity across reports: the name an entity is known by in every year of a series.

Extraction resolves names inside one report (its ``canonical``); across years the same undertaking
is also written as a phrase (打赢脱贫攻坚战, 全面推进乡村振兴) or with a kind word (乡村振兴战略).
``identity_name`` maps every such spelling to one name through the alias table
(``data/aliases.tsv``, extended by GOVKG_ALIASES) and the leading verbs of ``data/identity.toml``;
the graph builds the entity's IRI from it, and ``govkg timeline`` looks names up through it.
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

from govkg.resources import data_path

if TYPE_CHECKING:
    from govkg.model import Entity

__all__ = ["entity_label", "identity_name", "label_form"]

_SPACES = re.compile(r"\s+")


@cache
def _leading_verbs() -> tuple[str, ...]:
    with open(data_path("identity.toml"), "rb") as fh:
        verbs = tomllib.load(fh)["leading_verbs"]
    return tuple(sorted(set(verbs), key=len, reverse=True))


@cache
def _canonical_names() -> frozenset[str]:
    from govkg.extract import lexicon

    return frozenset(lexicon.aliases().values())


@cache
def identity_name(name: str, canonical: str = "") -> str:
    """The name that identifies ``name`` across reports: ``canonical`` (extraction's resolution
    through the alias table), or ``name``, unless ``name`` is a leading verb plus a name of the table."""
    from govkg.extract import lexicon

    table = lexicon.aliases()      # the exact names of the table are extraction's ``canonical`` already
    for verb in _leading_verbs():
        rest = name[len(verb):]
        if name.startswith(verb) and len(rest) >= 2:
            if rest in table:
                return table[rest]
            if rest in _canonical_names():
                return rest
    return canonical or name


def entity_label(entity: Entity) -> str:
    """The name an entity's node is labelled with (rdfs:label) and its IRI is made from: its
    identity name across reports, or, for a name scoped to its report (xx县), the name it has there."""
    name = entity.canonical or entity.name if entity.scope else identity_name(entity.name, entity.canonical)
    return label_form(name)


@cache
def label_form(name: str) -> str:
    """The one written form of a name wherever the graph shows it (rdfs:label and skos:altLabel,
    so also Neo4j's ``name`` and ``aliases``, and the values of the named queries' name
    parameters): NFKC, so the full-width and half-width forms of a character (＋ and +, Ａ and A,
    full-width digits, （ and () are one spelling, without quotation marks (extraction leaves
    stray ones: 长江“十年禁渔 beside 长江十年禁渔), and no white space except one space between two
    Latin words, or a word and a number (two digits are one number: 延长3 0年 is 延长30年). The
    entity's IRI folds the same (``iri.key``): without this one node had two labels, and SPARQL
    listed it twice where Neo4j, keeping one name, listed it once."""
    from govkg.iri import QUOTES

    text = "".join(ch for ch in unicodedata.normalize("NFKC", name) if ch not in QUOTES).strip()
    return _SPACES.sub(_space, text)


def _space(found: re.Match) -> str:
    before, after = found.string[found.start() - 1], found.string[found.end()]
    latin = before.isascii() and before.isalnum() and after.isascii() and after.isalnum()
    return " " if latin and not (before.isdigit() and after.isdigit()) else ""
