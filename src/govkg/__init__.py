"""govkg: knowledge graphs from Chinese government reports.

The data flow, one module per step::

    report file -> read (text)  -> statements -> extract (mentions, entities, relations, themes)
                -> graph (RDF)  -> store (embedded Oxigraph / Neo4j) -> queries / export / view

The public API is re-exported here; the CLI (``govkg.cli``) is a thin layer over it.
"""
from govkg.errors import GovKGError, QueryError, ReportError, StoreError, UsageError
from govkg.model import Entity, Extraction, Relation, Report, Statement

__version__ = "0.1.0"

__all__ = [
    "Entity", "Extraction", "GovKGError", "QueryError", "Relation", "Report",
    "ReportError", "Statement", "StoreError", "UsageError", "__version__",
]
