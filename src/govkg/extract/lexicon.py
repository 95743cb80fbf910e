"""The data behind extraction: word lists, cue words, places, aliases and theme keywords.

Everything here is read from files (``govkg/data`` and ``ontology/themes.ttl``) once per process;
edit the files, not this module, to change what is recognised.
"""
from __future__ import annotations

import os
import re
import tomllib
from functools import cache
from pathlib import Path

from govkg.resources import data_path, ontology_graph

__all__ = ["aliases", "named_initiatives", "narrower_themes", "places", "relation_cues", "rule_pattern", "rule_setting",
           "rule_words", "rule_words_in_order", "rules", "theme_keywords", "undertaking_kinds", "words"]


def _rows(path: Path):
    if not path.exists():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield [cell.strip() for cell in line.split("\t")]


@cache
def words(name: str) -> tuple[str, ...]:
    """A one-word-per-line list from ``data/lexicon/NAME.txt``, longest first."""
    found = {row[0] for row in _rows(data_path("lexicon", f"{name}.txt"))}
    return tuple(sorted(found, key=lambda w: (-len(w), w)))


@cache
def undertaking_kinds() -> dict[str, str]:
    return {row[0]: row[1] for row in _rows(data_path("lexicon", "undertaking_kinds.txt"))}


@cache
def named_initiatives() -> dict[str, str]:
    """Named strategies, campaigns and reforms without a head noun (健康中国, 简政放权) -> type."""
    return {row[0]: (row[1] if len(row) > 1 else "Initiative")
            for row in _rows(data_path("lexicon", "named_initiatives.txt"))}


@cache
def relation_cues() -> dict:
    with open(data_path("lexicon", "relation_cues.toml"), "rb") as fh:
        return tomllib.load(fh)


@cache
def rules(name: str) -> dict:
    """The tables of ``data/lexicon/NAME.toml`` (the word lists and patterns of one extraction module)."""
    with open(data_path("lexicon", f"{name}.toml"), "rb") as fh:
        return tomllib.load(fh)


def rule_setting(name: str, key: str):
    """One value of ``NAME.toml``; ``key`` is ``table.key`` (``"headed.max_name"``)."""
    table, _, entry = key.partition(".")
    try:
        return rules(name)[table][entry]
    except KeyError:
        raise KeyError(f"{data_path('lexicon', name + '.toml')}: no [{table}] {entry}") from None


@cache
def rule_words(name: str, key: str) -> frozenset[str]:
    """A word list of ``NAME.toml`` as a set (a string gives its characters: "省市县")."""
    return frozenset(rule_setting(name, key))


@cache
def rule_words_in_order(name: str, key: str) -> tuple[str, ...]:
    """A word list of ``NAME.toml`` in the file's order (for ``startswith``/``endswith`` and regexes)."""
    return tuple(rule_setting(name, key))


@cache
def rule_pattern(name: str, key: str) -> re.Pattern:
    """A regular expression of ``NAME.toml``, compiled."""
    return re.compile(rule_setting(name, key))


@cache
def places() -> dict[str, tuple[str, str]]:
    """Place name -> (level, parent) from the administrative-division lexicon."""
    table: dict[str, tuple[str, str]] = {}
    for row in _rows(data_path("places.tsv")):
        if len(row) >= 2 and len(row[0]) >= 2 and row[0] != "name":
            table.setdefault(row[0], (row[1], row[2] if len(row) > 2 else ""))
    return table


@cache
def aliases() -> dict[str, str]:
    """Alias -> canonical name; a user's file in GOVKG_ALIASES extends and overrides the shipped one."""
    table = {row[0]: row[1] for row in _rows(data_path("aliases.tsv")) if len(row) >= 2}
    user = os.environ.get("GOVKG_ALIASES")
    if user:
        table.update({row[0]: row[1] for row in _rows(Path(user)) if len(row) >= 2})
    return table


@cache
def theme_keywords() -> dict[str, tuple[str, ...]]:
    """Theme id -> its SKOS keywords (prefLabel and altLabels in Chinese)."""
    from rdflib.namespace import SKOS

    graph = ontology_graph("themes.ttl")
    table: dict[str, set[str]] = {}
    for concept, notation in graph.subject_objects(SKOS.notation):
        labels = table.setdefault(str(notation), set())
        for prop in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
            labels.update(str(lit) for lit in graph.objects(concept, prop)
                          if getattr(lit, "language", None) in ("zh", None))
    return {theme: tuple(sorted(kw)) for theme, kw in sorted(table.items())}


@cache
def narrower_themes() -> frozenset[str]:
    """Theme ids of concepts that have a broader concept (village_governance under grassroots_governance)."""
    from rdflib.namespace import SKOS

    graph = ontology_graph("themes.ttl")
    return frozenset(str(n) for concept, n in graph.subject_objects(SKOS.notation)
                     if any(True for _ in graph.objects(concept, SKOS.broader)))
