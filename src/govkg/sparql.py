"""Run a user's own SPARQL: read-only unless the caller allows updates."""
from __future__ import annotations

from pathlib import Path

from govkg.errors import QueryError
from govkg.store import Table

__all__ = ["PREFIXES", "is_update", "run_sparql"]

PREFIXES = """PREFIX gk: <https://w3id.org/govkg/ontology#>
PREFIX gkt: <https://w3id.org/govkg/theme/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


def _text(text_or_file: str) -> str:
    if len(text_or_file) < 4096 and "\n" not in text_or_file and text_or_file.endswith((".rq", ".sparql", ".ru")):
        path = Path(text_or_file)
        if not path.exists():
            raise QueryError(f"{path}: no such query file")
        return path.read_text(encoding="utf-8")
    return text_or_file


def is_update(text: str) -> bool:
    """True when the text parses as a SPARQL update rather than a query."""
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        parseQuery(PREFIXES + text)
        return False
    except Exception:
        pass
    try:
        parseUpdate(PREFIXES + text)
        return True
    except Exception:
        return False


def run_sparql(store, text_or_file: str, params: dict[str, str], allow_update: bool = False) -> Table:
    """Run SPARQL with the usual prefixes predeclared and ``params`` bound to variables."""
    text = _text(text_or_file)
    if is_update(text):
        if not allow_update:
            raise QueryError("this is a SPARQL update; it changes the store, so pass --write to run it")
        store.update(PREFIXES + text)
        return Table(("result",), (("update applied",),))
    return store.select(PREFIXES + text, params)
