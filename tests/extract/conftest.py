"""Helpers shared by the extraction tests, as fixtures: run one sentence through a stage.

``statement(text)`` makes a statement at offset 0; ``mentions_of(text)`` gives the (type, name)
pairs of ``find_mentions``; ``extraction_of(text)`` runs the whole extraction on a one-sentence
report; ``finder_of(module)(text)`` runs one finder of ``govkg.extract.finders`` alone."""
from __future__ import annotations

import pytest

from govkg.extract import RULES, extract
from govkg.extract.mentions import find_mentions
from govkg.extract.tokens import tokenize
from govkg.model import Report, Statement


def _statement(text: str) -> Statement:
    return Statement(0, len(text), text)


def _mentions_of(text: str) -> set[tuple[str, str]]:
    return {(m.type, m.name) for m in find_mentions(_statement(text))}


def _extraction_of(text: str, author: str = "xx县人民政府", doc: str = "t.txt"):
    return extract(Report(doc=doc, text=text, sha256="", author=author), RULES)   # these tables test the rules


def _finder_of(module):
    def run(text: str, offset: int = 0) -> set[tuple[str, str]]:
        return {(m.type, m.name) for m in module.find(text, offset, tokenize(text, offset))}
    return run


@pytest.fixture(scope="session")
def statement():
    return _statement


@pytest.fixture(scope="session")
def mentions_of():
    return _mentions_of


@pytest.fixture(scope="session")
def extraction_of():
    return _extraction_of


@pytest.fixture(scope="session")
def finder_of():
    return _finder_of
