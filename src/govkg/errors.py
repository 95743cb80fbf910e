"""The one error tree of govkg; only the CLI turns these into exit codes.

    GovKGError
     ├── ReportError     a report file cannot be read (names the file and the reason)
     ├── OntologyError   the ontology or a data file shipped with govkg is inconsistent
     ├── StoreError      the store cannot be opened or written
     │    └── StoreBusyError   another process is writing the same store
     └── QueryError      a named query is unknown, a parameter is missing, or the text is refused
"""

__all__ = ["GovKGError", "OntologyError", "QueryError", "ReportError", "StoreBusyError", "StoreError"]


class GovKGError(Exception):
    """Base of every error govkg raises on purpose."""


class ReportError(GovKGError):
    def __init__(self, path, reason: str):
        self.path, self.reason = str(path), reason
        super().__init__(f"{path}: {reason}")

    def __reduce__(self):          # picklable across worker processes
        return type(self), (self.path, self.reason)


class OntologyError(GovKGError):
    pass


class StoreError(GovKGError):
    pass


class StoreBusyError(StoreError):
    pass


class QueryError(GovKGError):
    pass
