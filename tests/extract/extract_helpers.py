"""Helpers for the extraction golden tables: run one sentence through a stage.

Imported by the test modules of this folder (pytest puts the folder on sys.path)."""
from __future__ import annotations

from govkg.extract import extract
from govkg.extract.mentions import find_mentions
from govkg.model import Report, Statement


def statement(text: str) -> Statement:
    return Statement(0, len(text), text)


def mentions_of(text: str) -> set[tuple[str, str]]:
    return {(m.type, m.name) for m in find_mentions(statement(text))}


def extraction_of(text: str, author: str = "xx县人民政府", doc: str = "t.txt"):
    return extract(Report(doc=doc, text=text, sha256="", author=author))
