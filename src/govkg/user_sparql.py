"""Run a user's own SPARQL: read-only unless the caller allows updates."""
from __future__ import annotations

import re
from pathlib import Path

from govkg import vocab
from govkg.errors import QueryError
from govkg.store import GraphStore, Table

__all__ = ["PREFIXES", "check_federation", "is_update", "run_sparql", "service_endpoints"]

PREFIXES = vocab.SPARQL_PREFIXES      # predeclared for a user's query (and for the endpoint's)
PREFIX_MAP = vocab.PREFIXES


# the lexical pieces of SPARQL that can hide the word SERVICE: strings, IRIs, comments, variables
_TOKENS = re.compile(r"""'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|<[^<>"{}|^`\\\s]*>"""
                     r"""|\#[^\n]*|[?$]\w+|[^\s{}()\[\],;'"<>#]+""", re.S)


def service_endpoints(text: str) -> list[str | None]:
    """The endpoint IRI of each SERVICE clause of a query (None where it is a variable or an
    unknown prefix), found lexically so that nothing the SPARQL parser accepts slips through."""
    prefixes = dict(PREFIX_MAP)
    tokens = [t for t in _TOKENS.findall(text) if not t.startswith("#")]
    found: list[str | None] = []
    for i, token in enumerate(tokens):
        following = tokens[i + 1:i + 3] + ["", ""]
        if token.upper() == "PREFIX" and following[1].startswith("<"):
            prefixes[following[0].rstrip(":")] = following[1][1:-1]
        if token.upper() != "SERVICE":
            continue
        target = following[1] if following[0].upper() == "SILENT" else following[0]
        if target.startswith("<"):
            found.append(target[1:-1])
        elif ":" in target and target[0] not in "?$":
            prefix, _, local = target.partition(":")
            found.append(prefixes[prefix] + local if prefix in prefixes else None)
        else:
            found.append(None)
    return found


def check_federation(text: str, allowed: tuple[str, ...] = ()) -> None:
    """Refuse a query whose SERVICE clauses name an endpoint not in ``allowed``: a federated
    query makes govkg send requests to the address it names (from a server, to any host its
    network reaches). An allowed entry ending in "/" allows every endpoint under it."""
    for endpoint in service_endpoints(text):
        if endpoint is not None and any(endpoint == a or (a.endswith("/") and endpoint.startswith(a))
                                        for a in allowed):
            continue
        shown = f"<{endpoint}>" if endpoint else "with a variable or unknown endpoint"
        raise QueryError(f"SERVICE {shown} refused: federated queries are off; allow an endpoint "
                         "with --allow-service URL")


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

    for parse, updates in ((parseQuery, False), (parseUpdate, True)):
        try:
            parse(PREFIXES + text)
            return updates
        except Exception:         # pyparsing's errors, and rdflib's own for what parses but is wrong
            continue
    return False


def run_sparql(store: GraphStore, text_or_file: str, params: dict[str, str], allow_update: bool = False,
               allow_service: tuple[str, ...] = ()) -> Table:
    """Run SPARQL with the usual prefixes predeclared and ``params`` bound to variables.
    SERVICE clauses may only name the endpoints of ``allow_service``."""
    text = _text(text_or_file)
    check_federation(text, allow_service)
    if is_update(text):
        if not allow_update:
            raise QueryError("this is a SPARQL update; it changes the store, so pass --write to run it")
        store.update(PREFIXES + text)
        return Table(("result",), (("update applied",),))
    # the prefixes are given to the parser, not pasted above the text, so error positions are the user's
    return store.select(text, params, prefixes=PREFIX_MAP)
