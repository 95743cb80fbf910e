"""The Neo4j store: the GraphStore protocol over Bolt, with the Cypher files of loaders/neo4j/.

One report is one managed write transaction (``session.execute_write``, which the driver retries
on transient errors): delete what the report said before, then write what it says now, a few
large UNWIND statements (``settings.NEO4J_BATCH`` rows each; the report's own nodes and relationships are
CREATEd, since the delete left none, and only shared entities are MERGEd). Readers see
the old version or the new one; a failure (a server stopped mid-write) rolls the report back and
leaves the reports written before it intact, so re-running the push completes it.

Credentials come from the caller (the CLI reads NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD or
options). The password is never put into a message: errors name the URI and the user only.
The driver is optional: ``pip install 'govkg[neo4j]'``.
"""
from __future__ import annotations

import logging
import re
import time
from functools import cache
from typing import Iterable, Mapping

from govkg import iri, settings
from govkg.errors import QueryError, StoreError, UnsupportedError, optional_import
from govkg.model import Extraction, Report
from govkg.resources import ontology_graph, resource_path
from govkg.store import Closing, ReportInfo, Table, WithoutRdf
from govkg.store.neo4j.mapping import PropertyGraph, extraction_rows, properties, theme_rows

__all__ = ["Neo4jStore", "cypher_statements", "redact", "schema_names"]

# The driver logs each retry as a warning; keep them off stderr unless logging is configured.
logging.getLogger("neo4j").addHandler(logging.NullHandler())
_CONNECT_TRIES = 3    # bounded retry (with backoff) while connecting


def _driver_module():
    return optional_import("neo4j", "neo4j", "the Neo4j store (its driver)")


@cache
def cypher_statements(name: str) -> list[str]:
    """The statements of loaders/neo4j/NAME.cypher (separated by ';' at the end of a line)."""
    text = resource_path("loaders", "neo4j", f"{name}.cypher").read_text(encoding="utf-8")
    parts = re.split(r";[ \t]*$", text, flags=re.MULTILINE)
    code = ("\n".join(line for line in part.splitlines() if not line.strip().startswith("//")).strip()
            for part in parts)
    return [c for c in code if c]


def redact(uri: str) -> str:
    """A URI fit for a message: any user:password@ part removed."""
    return re.sub(r"//[^/@]*@", "//", uri)


class Neo4jStore(Closing, WithoutRdf):
    """A Neo4j database as a govkg store. ``retry_seconds`` bounds the driver's retries of a write."""

    def __init__(self, uri: str, user: str = "neo4j", password: str | None = None,
                 database: str | None = None, retry_seconds: float = 30.0):
        neo4j = _driver_module()
        self.uri, self.user, self.database = uri, user, database
        self._where = f"Neo4j at {redact(uri)}"
        self._schema_ready = False
        try:
            self._driver = neo4j.GraphDatabase.driver(
                uri, auth=(user, password or ""), max_transaction_retry_time=retry_seconds,
                connection_timeout=10, connection_acquisition_timeout=30,
                notifications_min_severity="OFF")
        except (ValueError, neo4j.exceptions.ConfigurationError) as err:
            raise StoreError(f"{self._where}: bad URI or settings: {err}") from None
        self._connect(neo4j)

    def _connect(self, neo4j) -> None:
        for attempt in range(_CONNECT_TRIES):
            try:
                self._driver.verify_connectivity(**({"database": self.database} if self.database else {}))
                return
            except neo4j.exceptions.AuthError:
                self._driver.close()
                raise StoreError(f"{self._where}: the server refused user '{self.user}' "
                                 "(check NEO4J_USERNAME / NEO4J_PASSWORD)") from None
            except (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired, OSError) as err:
                if attempt + 1 == _CONNECT_TRIES:
                    self._driver.close()
                    raise StoreError(f"{self._where}: cannot connect ({_first_line(err)})") from None
                time.sleep(0.5 * 2 ** attempt)
            except neo4j.exceptions.Neo4jError as err:
                self._driver.close()
                raise StoreError(f"{self._where}: {_first_line(err)}") from None

    # ------------------------------------------------------------- plumbing
    def _session(self):
        return self._driver.session(database=self.database)

    def _write(self, work, *args):
        neo4j = _driver_module()
        try:
            with self._session() as session:
                return session.execute_write(work, *args)
        except (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired, OSError) as err:
            raise StoreError(f"{self._where}: connection lost, the write was rolled back "
                             f"({_first_line(err)})") from None
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as err:
            raise StoreError(f"{self._where}: write failed and was rolled back: {_first_line(err)}") from None

    def _read(self, text: str, params: dict) -> Table:
        neo4j = _driver_module()

        def work(tx):
            result = tx.run(text, params)
            return Table(tuple(result.keys()), tuple(tuple(_plain(v) for v in rec.values()) for rec in result))
        try:
            with self._session() as session:
                return session.execute_read(work)
        except neo4j.exceptions.CypherSyntaxError as err:
            raise StoreError(f"{self._where}: Cypher error: {_first_line(err)}") from None
        except (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired, OSError) as err:
            raise StoreError(f"{self._where}: connection lost ({_first_line(err)})") from None
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as err:
            raise StoreError(f"{self._where}: query failed: {_first_line(err)}") from None

    def ensure_schema(self) -> None:
        """Constraints, indexes and the theme nodes (idempotent; done before the first write).

        What the server already has is not written again (a server pushed to before answers two
        reads instead of a dozen schema statements and the theme MERGEs); what it lacks is created
        in one transaction (a fresh server: one commit and one wait for the new indexes, not eleven)."""
        if self._schema_ready:
            return
        neo4j = _driver_module()
        try:
            with self._session() as session:
                if not _schema_present(session):
                    session.execute_write(_run_all, "schema", {})
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError, OSError) as err:
            raise StoreError(f"{self._where}: schema setup failed: {_first_line(err)}") from None
        nodes, narrower = theme_rows(ontology_graph("themes.ttl"))
        themes = {"themes": [vars(n) for n in nodes], "narrower": [vars(p) for p in narrower]}
        if not self._themes_present(themes):
            self._write(_run_all, "themes", themes)
        self._schema_ready = True

    def _themes_present(self, themes: dict) -> bool:
        """Whether every theme node (with its names) and NARROWER pair of ``themes`` is there."""
        have = set(self._read("MATCH (t:Theme) RETURN t.iri, t.id, t.name, t.nameEn", {}).rows)
        pairs = set(self._read("MATCH (b:Theme)-[:NARROWER]->(n:Theme) RETURN b.iri, n.iri", {}).rows)
        return ({(t["iri"], t["id"], t["name"], t["nameEn"]) for t in themes["themes"]} <= have
                and {(p["broader"], p["narrower"]) for p in themes["narrower"]} <= pairs)

    # ------------------------------------------------------------- writing
    def put(self, extraction: Extraction) -> int:
        """Store one report (replacing its earlier version); returns nodes + relationships written."""
        pg = extraction_rows(extraction)
        self.put_graph(pg)
        return pg.node_count + pg.relationship_count

    def put_graph(self, pg: PropertyGraph, new: bool = False) -> PropertyGraph:
        """Write one report's rows, replacing what Neo4j had of that report, in one transaction.
        ``new``: the caller knows Neo4j has no Report node with this IRI, so there is nothing to
        delete first (a push into an empty database saves the delete's five statements)."""
        self.ensure_schema()
        self._write(_replace_report, pg, new)
        return pg

    def report_iris(self) -> set[str]:
        """The IRIs of the Report nodes Neo4j has."""
        return {row[0] for row in self._read("MATCH (r:Report) RETURN r.iri", {}).rows}

    def remove(self, doc: str) -> bool:
        """Remove a report: by its id (the file's path), or by a base name only one stored report has."""
        self.ensure_schema()
        node = str(iri.report_iri(doc))
        if not self._read("MATCH (r:Report {iri: $iri}) RETURN r.iri", {"iri": node}).rows:
            named = self._read("MATCH (r:Report {doc: $doc}) RETURN r.iri, coalesce(r.key, r.doc) ORDER BY r.iri",
                               {"doc": doc}).rows
            if len(named) > 1:
                raise QueryError(f"{doc}: {len(named)} stored reports have this name; give the file's path: "
                                 + ", ".join(sorted(key for _, key in named)))
            if not named:
                return False
            node = named[0][0]
        return self._write(_delete_report, node) > 0

    # ------------------------------------------------------------- reading
    def report_key(self, report: Report) -> str:
        """A report is known by its id (its file's path), as in the embedded store: its Report
        node's IRI is made from it, and ``key`` keeps it."""
        return report.id

    def report_digest(self, doc: str) -> str | None:
        rows = self._read("MATCH (r:Report {iri: $iri}) RETURN r.sha256", {"iri": str(iri.report_iri(doc))}).rows
        return rows[0][0] if rows else None

    def reports(self) -> list[ReportInfo]:
        table = self._read("MATCH (r:Report) OPTIONAL MATCH (r)-[:AUTHOR]->(a:Entity) "
                           "RETURN r.doc, r.title, r.sha256, r.year, a.name, r.level, r.kind, r.reportedYear, "
                           "coalesce(r.key, '') ORDER BY r.doc, r.key", {})
        return [ReportInfo(doc=d, title=t, sha256=s, year=y, issuer=i or "", level=lv or "", kind=k or "",
                           reported_year=ry, key=key) for d, t, s, y, i, lv, k, ry, key in table.rows]

    def counts(self) -> dict[str, int]:
        """Nodes and relationships in the database (themes included)."""
        nodes = self._read("MATCH (n) RETURN count(n)", {}).rows[0][0]
        relationships = self._read("MATCH ()-[r]->() RETURN count(r)", {}).rows[0][0]
        return {"nodes": nodes, "relationships": relationships}

    def cypher(self, text: str, params: dict | None = None) -> Table:
        """Run a read-only Cypher query with parameters."""
        return self._read(text, params or {})

    def run_named(self, name: str, params: Mapping[str, str], limit: int | None = None, offset: int = 0) -> Table:
        from govkg.named_queries import load_query

        query = load_query(name, "cypher")
        bound = query.bind(params)
        return query.project(self._read(query.page(limit, offset), {p.name: bound.get(p.name) for p in query.params}))

    # ------------------------------------------------------------- what Neo4j cannot do
    def unsupported(self, what: str) -> UnsupportedError:
        return UnsupportedError(f"{self._where}: {what} needs RDF and SPARQL, which Neo4j does not answer; "
                                "run it on the embedded store (and `govkg push` to copy it here), or use "
                                "the named queries and Cypher")

    def close(self) -> None:
        self._driver.close()


def _first_line(err: Exception) -> str:
    text = getattr(err, "message", None) or str(err) or type(err).__name__
    return text.strip().splitlines()[0] if text.strip() else type(err).__name__


def _plain(value):
    return list(value) if isinstance(value, tuple) else value


@cache
def schema_names() -> tuple[frozenset[str], frozenset[str]]:
    """The names loaders/neo4j/schema.cypher creates (constraints and indexes) and the
    constraint names it drops."""
    text = "\n".join(cypher_statements("schema"))
    created = re.findall(r"CREATE\s+(?:\w+\s+)?(?:CONSTRAINT|INDEX)\s+(\w+)\s+IF\s+NOT\s+EXISTS", text, re.I)
    dropped = re.findall(r"DROP\s+CONSTRAINT\s+(\w+)\s+IF\s+EXISTS", text, re.I)
    return frozenset(created), frozenset(dropped)


def _schema_present(session) -> bool:
    """Whether the server has every constraint and index of schema.cypher (by name) and none of
    the constraints it drops: then running it would change nothing."""
    created, dropped = schema_names()
    try:
        constraints = {rec["name"] for rec in session.run("SHOW CONSTRAINTS YIELD name")}
        indexes = {rec["name"] for rec in session.run("SHOW INDEXES YIELD name")}
    except _driver_module().exceptions.ClientError:     # not allowed to list them: create (IF NOT EXISTS)
        return False
    return created <= constraints | indexes and not dropped & constraints


def _run_all(tx, name: str, params: dict) -> list:
    return [tx.run(statement, params).data() for statement in cypher_statements(name)]


def _batches(rows: list) -> Iterable[list]:
    size = settings.NEO4J_BATCH
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def _delete_report(tx, report_iri: str) -> int:
    results = _run_all(tx, "delete-report", {"iri": report_iri})
    return results[-1][0]["deleted"]


def _replace_report(tx, pg: PropertyGraph, new: bool) -> None:
    """In one transaction: forget the report's old facts (unless it is ``new``), then write the new ones."""
    if not new:
        _delete_report(tx, pg.report.iri)
    (merge_report,) = cypher_statements("merge-report")
    tx.run(merge_report, report=vars(pg.report)).consume()
    for name, rows in (("create-statements", [vars(s) for s in pg.statements]),
                       ("merge-entities", [vars(e) for e in pg.entities]),
                       ("create-mentions", [vars(m) for m in pg.mentions]),
                       ("create-relations", [{"head": r.head, "type": r.type, "tail": r.tail, "props": properties(r)}
                                             for r in pg.relations]),
                       ("create-metrics", [{"subject": m.subject, "statement": m.statement, "props": properties(m)}
                                           for m in pg.metrics])):
        (statement,) = cypher_statements(name)
        for batch in _batches(rows):
            tx.run(statement, report=pg.report.iri, rows=batch).consume()
