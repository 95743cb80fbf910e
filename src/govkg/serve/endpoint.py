"""A read-only SPARQL 1.1 Protocol endpoint over the store.

Queries come as ``GET ?query=``, a ``POST`` form with ``query=`` or a ``POST`` with the body in
``application/sparql-query``. Updates (an ``update=`` form field, ``application/sparql-update``, or
update text as a query) are refused with 403; the store is also opened read-only. Answers are
SPARQL JSON, XML, CSV or TSV for SELECT and ASK, Turtle, N-Triples or RDF/XML for CONSTRUCT and
DESCRIBE, chosen by the Accept header (or a ``format=`` parameter: json, xml, csv, tsv...).

Two limits protect the machine: a query that runs longer than ``timeout`` seconds is answered
503 and stops at its next solution; at most ``limit`` solutions (or triples) are returned, and the
header ``X-GovKG-Truncated: true`` says when the answer was cut. The default graph is the union of
all reports' graphs, and the prefixes of ``govkg.vocab.PREFIXES`` are predeclared.
"""
from __future__ import annotations

import asyncio
import json
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import parse_qs

import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from govkg import settings, vocab
from govkg.errors import QueryError
from govkg.serve.workers import QueryWorkers, WorkerDied
from govkg.user_sparql import check_federation, is_update
from govkg.store import GraphStore

__all__ = ["SparqlEndpoint"]

RESULT_TYPES = {  # media type -> pyoxigraph format, for SELECT and ASK
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {  # for CONSTRUCT and DESCRIBE
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
SHORT_NAMES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
               "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
               "ttl": "text/turtle", "nt": "application/n-triples", "ntriples": "application/n-triples",
               "rdfxml": "application/rdf+xml", "rdf": "application/rdf+xml"}
MAX_BODY = 1 << 20
PREFIXES = vocab.PREFIXES


class Refused(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def negotiate(accept: str, offered: dict) -> str | None:
    """The offered media type the Accept header likes best (the first offered for */*)."""
    best, best_q = None, 0.0
    for position, part in enumerate(p for p in (accept or "*/*").split(",") if p.strip()):
        media, *params = (x.strip() for x in part.split(";"))
        q = next((float(v) for k, _, v in (p.partition("=") for p in params) if k == "q"
                  and v.replace(".", "", 1).isdigit()), 1.0)
        if media in ("*/*", "application/*", "text/*"):
            candidate = next((m for m in offered if media == "*/*" or m.startswith(media[:-1])), None)
        else:
            candidate = media if media in offered else None
        if candidate and q > best_q:
            best, best_q = candidate, q
    return best


@dataclass
class Answer:
    body: bytes
    media_type: str
    truncated: bool


class SparqlEndpoint:
    """Queries of a store on disk run in worker processes (``govkg.serve.workers``) that are
    killed at the timeout; an in-memory store (tests, embedding) is queried in threads."""

    def __init__(self, store: GraphStore, timeout: float = settings.SPARQL_TIMEOUT, limit: int = settings.SPARQL_ROW_LIMIT,
                 workers: int = settings.SPARQL_WORKERS,
                 allow_service: tuple[str, ...] = ()):
        self.store = store
        self.allow_service = tuple(allow_service)
        self.timeout = timeout
        self.limit = limit
        on_disk = getattr(store, "path", None)       # a store in memory has no folder for workers to open
        self.workers = QueryWorkers(on_disk, limit, workers) if on_disk else None
        self.pool = None if self.workers else ThreadPoolExecutor(max_workers=workers, thread_name_prefix="govkg-sparql")

    async def start(self) -> None:
        if self.workers:
            await self.workers.warm_up()

    async def _answer(self, text: str, accept: str, fmt: str | None) -> Answer:
        if self.workers is None:
            deadline = time.monotonic() + self.timeout

            def in_time():
                if time.monotonic() > deadline:
                    raise TimeoutError
            job = asyncio.get_running_loop().run_in_executor(
                self.pool, answer, self.store, text, accept, fmt, self.limit, in_time)
            return await asyncio.wait_for(job, self.timeout)
        try:
            reply = await self.workers.run((text, accept, fmt), self.timeout)
        except WorkerDied as died:
            raise Refused(503, str(died)) from None
        if reply[0] == "refused":
            raise Refused(reply[1], reply[2])
        return Answer(*reply[1:])

    async def handle(self, request: Request) -> Response:
        try:
            text, fmt = await self._read(request)
            if text is None:
                return RedirectResponse("/#sparql", status_code=303)
            if is_update(text):
                raise Refused(403, "SPARQL updates are refused: this endpoint is read-only")
            try:
                check_federation(text, self.allow_service)
            except QueryError as err:
                raise Refused(403, str(err).replace("--allow-service", "govkg serve --allow-service")) from None
            found = await self._answer(text, request.headers.get("accept", ""), fmt)
        except Refused as refused:
            return PlainTextResponse(str(refused) + "\n", status_code=refused.status)
        except (asyncio.TimeoutError, TimeoutError):
            return PlainTextResponse(f"query timed out after {self.timeout:g} s (the server's --timeout)\n",
                                     status_code=503)
        headers = {"X-GovKG-Limit": str(self.limit)}
        if found.truncated:
            headers["X-GovKG-Truncated"] = "true"
        return Response(found.body, media_type=found.media_type, headers=headers)

    async def _read(self, request: Request) -> tuple[str | None, str | None]:
        params = dict(request.query_params)
        if request.method == "POST":
            kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
            raw = await request.body()
            if len(raw) > MAX_BODY:
                raise Refused(413, f"a query may be at most {MAX_BODY} bytes")
            body = raw.decode("utf-8", errors="replace")
            if kind == "application/sparql-update":
                raise Refused(403, "SPARQL updates are refused: this endpoint is read-only")
            if kind == "application/sparql-query":
                params["query"] = body
            elif kind == "application/x-www-form-urlencoded":
                params.update({k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()})
            else:
                raise Refused(415, "POST a form (query=...) or application/sparql-query")
        if "update" in params:
            raise Refused(403, "SPARQL updates are refused: this endpoint is read-only")
        fmt = params.get("format") or params.get("output")
        return params.get("query"), SHORT_NAMES.get(fmt, fmt) if fmt else None

    def close(self) -> None:
        if self.workers:
            self.workers.close()
        if self.pool:
            self.pool.shutdown(wait=False, cancel_futures=True)


def answer(store: GraphStore, text: str, accept: str, fmt: str | None, limit: int, in_time=lambda: None) -> Answer:
    """Run one query over ``store`` and serialise its answer (at most ``limit`` rows or triples).
    ``in_time`` is called between solutions and raises when the caller's deadline has passed."""
    in_time()
    try:
        result = store.raw_query(text, prefixes=PREFIXES)
    except QueryError as err:
        raise Refused(400, str(err)) from None
    # Oxigraph's results may only be dropped on the thread that made them, and an exception (the
    # deadline, a refused format) carries its frames to the event loop's thread: it leaves here
    # without them, and the results are let go of here
    try:
        return _serialised(result, accept, fmt, limit, in_time)
    except Exception as err:  # noqa: BLE001 - re-raised below, without the frames
        failure = err.with_traceback(None)
    finally:
        del result
    raise failure


def _serialised(result, accept: str, fmt: str | None, limit: int, in_time) -> Answer:
    if isinstance(result, ox.QueryTriples):
        media = choose(fmt, accept, GRAPH_TYPES)
        triples: list[ox.Triple] = []
        for triple in result:
            in_time()
            if len(triples) == limit:
                return Answer(ox.serialize(triples, format=GRAPH_TYPES[media]) or b"", media, True)
            triples.append(triple)
        return Answer(ox.serialize(triples, format=GRAPH_TYPES[media]) or b"", media, False)
    media = choose(fmt, accept, RESULT_TYPES)
    if isinstance(result, ox.QueryBoolean):
        document = {"head": {}, "boolean": bool(result)}
        truncated = False
    else:
        names = [v.value for v in result.variables]
        bindings: list[dict] = []
        truncated = False
        for solution in result:
            in_time()
            if len(bindings) == limit:
                truncated = True
                break
            bindings.append({n: _term(solution[n]) for n in names if solution[n] is not None})
        document = {"head": {"vars": names}, "results": {"bindings": bindings}}
    body = json.dumps(document, ensure_ascii=False).encode("utf-8")
    if RESULT_TYPES[media] != ox.QueryResultsFormat.JSON:
        body = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON).serialize(format=RESULT_TYPES[media]) or b""
    return Answer(body, media, truncated)


# a format= asked for results that fits this query kind under another name: SPARQLWrapper sends
# format=xml (results XML) for a CONSTRUCT too, meaning RDF/XML
_GRAPH_ALIASES = {"application/sparql-results+xml": "application/rdf+xml", "application/xml": "application/rdf+xml",
                  "text/xml": "application/rdf+xml"}


def choose(fmt: str | None, accept: str, offered: dict) -> str:
    if fmt:
        fmt = _GRAPH_ALIASES.get(fmt, fmt) if offered is GRAPH_TYPES else fmt
        if fmt not in offered:
            raise Refused(406, f"format {fmt} is not offered here (offered: {', '.join(offered)})")
        return fmt
    media = negotiate(accept, offered)
    if media is None:
        raise Refused(406, f"none of the accepted types is offered (offered: {', '.join(offered)})")
    return media


def _term(term) -> dict:
    """One RDF term as SPARQL 1.1 JSON results write it."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        found = {"type": "literal", "value": term.value}
        if term.language:
            found["xml:lang"] = term.language
        elif term.datatype and term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            found["datatype"] = term.datatype.value
        return found
    return {"type": "triple", "value": {k: _term(getattr(term, k)) for k in ("subject", "predicate", "object")}}
