"""Limits and defaults that more than one module uses, named once.

Each can be overridden for a whole run by an environment variable named ``GOVKG_`` + its name
(``GOVKG_SPARQL_TIMEOUT=30 govkg serve``); a command-line option or a keyword argument overrides
it again for one call. A value that is not a number stops govkg with a one-line message.
"""
from __future__ import annotations

import os

__all__ = ["EXPLORER_ROW_LIMIT", "QUERY_PAGE", "HTML_NODE_LIMIT", "NEO4J_BATCH", "PICTURE_NODE_LIMIT",
           "SPARQL_ROW_LIMIT", "SPARQL_TIMEOUT", "SPARQL_WORKERS", "COMPACT_AFTER"]


def _number(name: str, default):
    raw = os.environ.get(f"GOVKG_{name}")
    if raw is None or not raw.strip():
        return default
    try:
        value = type(default)(raw)
    except ValueError:
        raise SystemExit(f"govkg: GOVKG_{name}={raw!r} is not a {type(default).__name__}") from None
    if value <= 0:
        raise SystemExit(f"govkg: GOVKG_{name}={raw!r} must be more than 0")
    return value


SPARQL_TIMEOUT: float = _number("SPARQL_TIMEOUT", 10.0)        # seconds one /sparql query may run
NEO4J_BATCH: int = _number("NEO4J_BATCH", 20000)              # rows per UNWIND of a Neo4j write
SPARQL_ROW_LIMIT: int = _number("SPARQL_ROW_LIMIT", 10000)     # solutions or triples /sparql returns
SPARQL_WORKERS: int = _number("SPARQL_WORKERS", 4)             # processes answering /sparql
EXPLORER_ROW_LIMIT: int = _number("EXPLORER_ROW_LIMIT", 2000)  # rows the explorer's API returns
QUERY_PAGE: int = _number("QUERY_PAGE", 100)                  # rows of a named query's page when none is asked
HTML_NODE_LIMIT: int = _number("HTML_NODE_LIMIT", 2000)        # entities on a `govkg viz` page
PICTURE_NODE_LIMIT: int = _number("PICTURE_NODE_LIMIT", 300)   # entities in a PNG/SVG picture
COMPACT_AFTER: int = _number("COMPACT_AFTER", 1_000_000)    # triples the loads since the last compaction write before `govkg load` compacts the store
