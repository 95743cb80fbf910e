"""The one error tree of govkg; only the CLI turns these into exit codes.

    GovKGError
     ├── UsageError        the arguments given are missing, unknown or contradict each other
     ├── MissingExtraError an optional extra is not installed (names the ``pip install`` to run)
     ├── ReportError       a report file cannot be read (names the file and the reason)
     │    └── NotAnIri         a name in the report cannot be an IRI as it is (a theme name with a space)
     ├── StoreError        the store cannot be opened or written
     │    ├── StoreBusyError   another process is writing the same store
     │    └── UnsupportedError this kind of store cannot do what was asked (Neo4j answers no SPARQL)
     └── QueryError        a named query is unknown, a parameter is missing, or the text is refused

``optional_import`` is the one guard for the optional extras of pyproject.toml.
"""
from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["GovKGError", "MissingExtraError", "NotAnIri", "QueryError", "ReportError", "StoreBusyError",
           "StoreError", "UnsupportedError", "UsageError", "optional_import"]


class GovKGError(Exception):
    """Base of every error govkg raises on purpose."""


class UsageError(GovKGError):
    """What was asked for cannot be done as given: a missing input, an unknown choice, options that
    exclude each other, a name the store does not hold."""


class MissingExtraError(GovKGError):
    """An optional extra is not installed; the message names the ``pip install`` that adds it."""

    def __init__(self, extra: str, needed_for: str):
        self.extra, self.needed_for = extra, needed_for
        super().__init__(f"{needed_for} needs the '{extra}' extra: pip install 'govkg[{extra}]'")

    def __reduce__(self):
        return type(self), (self.extra, self.needed_for)


class ReportError(GovKGError):
    """A report file cannot be read or stored; the message names the file (and line) and the reason."""

    def __init__(self, path, reason: str):
        self.path, self.reason = str(path), reason
        super().__init__(f"{path}: {reason}")

    def __reduce__(self):          # picklable across worker processes
        return type(self), (self.path, self.reason)


class NotAnIri(ReportError):
    """A name from the extraction that cannot be put in an IRI as it is (e.g. a theme name with a
    space, from a hand-edited JSONL): the report's own problem, so a load names it as failed."""


class StoreError(GovKGError):
    """The store cannot be opened, read or written."""


class StoreBusyError(StoreError):
    """Another process is writing the same store (the CLI exits with 2)."""


class UnsupportedError(StoreError):
    """This kind of store cannot do what was asked; the message says what to use instead."""


class QueryError(GovKGError):
    """A named query is unknown, a parameter is missing or wrong, or a query text is refused."""


def optional_import(module: str, extra: str, needed_for: str) -> ModuleType:
    """``module`` imported, or MissingExtraError naming the extra that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(extra, needed_for) from None
