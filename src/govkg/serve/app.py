"""The explorer's web app (Starlette): a page, a small JSON API and the SPARQL endpoint.

    GET  /                      the explorer page (graph; ?theme=&report=&entity=&hops= reopen a view)
    GET  /entity?name=&type=    an entity's page        GET /report?doc=&sentence=  a report's text
    GET  /query/{name}?...      a named query's answer  (all pages are the same script, routed by URL)
    GET  /diff?before=&after=   what is new in, dropped from and continued in a report against another
    GET  /api/graph             a view as JSON: ?entity=&hops=&theme=&report=&type=&limit=; &view=auto
                                answers a big graph with its overview (govkg.view.overview)
    GET  /api/search?q=         entities whose name or alias contains q
    GET  /api/entity?name=      an entity, its relations and their evidence
    GET  /api/report?doc=       a report's statements with their section paths
    GET  /api/timeline?name=&type=  an entity across years   GET /api/series?doc=  a report's series
    GET  /api/diff?before=&after=   two reports compared (govkg.series; govkg.serve.across)
    GET  /themes                reports × themes (statements per report per theme), each cell a link
    GET  /api/matrix            the same as JSON
    GET  /api/themes, /api/reports   what the pickers offer
    GET  /api/queries           the named queries with their parameters
    GET  /api/query/{name}      run one: its parameters as ?name=value; &format=csv|json downloads
    GET  /static/{name}         the page's script, style and vis-network (a fixed list)
    GET|POST /sparql            SPARQL 1.1 Protocol, read-only (govkg.serve.endpoint)

The store is opened read-only. The graph is read once, on the first request that needs it.
"""
from __future__ import annotations

import contextlib
import functools
import threading
from dataclasses import replace

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from govkg import settings
from govkg.errors import GovKGError
from govkg.serve.across import diff_page, series_page, timeline_page
from govkg.serve.pages import (COLUMN_KINDS, PageError, check_params, entity_page, report_page, table_csv,
                               table_json, theme_matrix)
from govkg.serve.endpoint import SparqlEndpoint
from govkg.store import GraphStore
from govkg.view import html as page
from govkg.view.data import load_view, search, select, theme_tree
from govkg.view.overview import OVERVIEW_ABOVE, overview

__all__ = ["create_app"]

_MEDIA = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                               "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
}


def _blocking(handler):
    """A handler that reads the store or loads the view: run in Starlette's thread pool, so a slow
    named query or the first view load of a big store does not hold up every other request. An
    exception leaves the thread without its frames: they may hold Oxigraph results, which must
    not be dropped on another thread than the one that made them."""
    def bare(*args):
        try:
            return handler(*args)
        except Exception as err:  # noqa: BLE001 - re-raised, without the frames
            failure = err.with_traceback(None)
        raise failure

    @functools.wraps(handler)
    async def run(self, request: Request) -> Response:
        return await run_in_threadpool(bare, self, request)
    return run


class Explorer:
    def __init__(self, store: GraphStore, api_limit: int):
        self.store = store
        self.api_limit = api_limit
        self._view = None
        self._themes: dict[str, tuple[str, str]] | None = None
        self._lock = threading.Lock()

    def view(self):
        with self._lock:
            if self._view is None:
                self._view = load_view(self.store)
            return self._view

    def theme_tree(self) -> dict[str, tuple[str, str]]:
        """The theme tree, read once; without loading the whole graph (view) that a named query
        does not need: on a large store that takes minutes, and /api/query must answer at once."""
        with self._lock:
            if self._themes is None:
                self._themes = self._view.themes if self._view is not None else theme_tree(self.store)
            return self._themes

    async def index(self, request: Request) -> Response:
        return HTMLResponse(page.template("explorer.html"))

    async def page_(self, request: Request) -> Response:
        return HTMLResponse(page.template("explorer.html"))

    async def static(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in page.STATIC_FILES:
            return _error("no such file", 404)
        return Response(page.static_file(name), media_type=_MEDIA[name[name.rindex("."):]],
                        headers={"Cache-Control": "max-age=3600"})

    @_blocking
    def graph(self, request: Request) -> Response:
        q = request.query_params
        try:
            hops = int(q.get("hops") or 1)
            limit = min(int(q.get("limit") or self.api_limit), self.api_limit)
        except ValueError:
            return _error("hops and limit are numbers", 400)
        whole = q.get("view") in ("auto", "overview") and not q.get("entity")
        try:
            chosen = select(self.view(), theme=q.get("theme") or None, report=q.get("report") or None,
                            types=q.getlist("type"), entity=q.get("entity") or None, hops=hops,
                            limit=None if whole else limit)
        except GovKGError as e:
            return _error(str(e), 404 if q.get("entity") else 400)
        if whole and (q.get("view") == "overview" or len(chosen.nodes) > OVERVIEW_ABOVE):
            return JSONResponse(overview(chosen).to_json())
        if len(chosen.nodes) > limit:
            chosen = replace(select(chosen, limit=limit), title=chosen.title)
        return JSONResponse(chosen.to_json())

    @_blocking
    def search(self, request: Request) -> Response:
        found = search(self.view(), request.query_params.get("q", ""))
        return JSONResponse([{"name": n.name, "type": n.type, "aliases": list(n.aliases),
                              "reports": list(n.reports)} for n in found])

    @_blocking
    def entity(self, request: Request) -> Response:
        q = request.query_params
        try:
            return JSONResponse(entity_page(self.view(), q.get("name", "").strip(), q.get("type", "")))
        except PageError as e:
            return _error(str(e), 404)

    @_blocking
    def report(self, request: Request) -> Response:
        try:
            return JSONResponse(report_page(self.store, request.query_params.get("doc", "")))
        except PageError as e:
            return _error(str(e), 404)

    # Across years: each reads the store, so each runs in the thread pool (_blocking).
    @_blocking
    def timeline(self, request: Request) -> Response:
        q = request.query_params
        return _answer(timeline_page, self.store, q.get("name", ""), q.get("type", ""))

    @_blocking
    def series(self, request: Request) -> Response:
        return _answer(series_page, self.store, request.query_params.get("doc", ""))

    @_blocking
    def diff(self, request: Request) -> Response:
        q = request.query_params
        return _answer(diff_page, self.store, q.get("before", "").strip(), q.get("after", "").strip())

    @_blocking
    def matrix(self, request: Request) -> Response:
        return JSONResponse(theme_matrix(self.store, self.theme_tree()))

    @_blocking
    def themes(self, request: Request) -> Response:
        return JSONResponse([{"id": k, "label": label, "broader": broader}
                             for k, (label, broader) in sorted(self.theme_tree().items())])

    @_blocking
    def reports(self, request: Request) -> Response:
        return JSONResponse([{"doc": r.doc, "title": r.title, "year": r.year} for r in self.store.reports()])

    async def queries(self, request: Request) -> Response:
        from govkg.named_queries import list_queries

        return JSONResponse([{"name": q.name, "purpose": q.purpose, "columns": list(q.columns),
                              "kinds": [COLUMN_KINDS.get(c, "text") for c in q.columns],
                              "params": [{"name": p.name, "doc": p.doc, "required": p.required, "kind": p.kind
                                          or ("report" if p.name == "report" else "")} for p in q.params]}
                             for q in list_queries("sparql")])

    @_blocking
    def query(self, request: Request) -> Response:
        from govkg.named_queries import load_query, run_page

        given = dict(request.query_params)
        fmt = given.pop("format", "")
        try:
            # a page of rows like govkg query's, unless asked for more; a download gets what the API allows
            page = self.api_limit if fmt in ("csv", "json") else min(settings.QUERY_PAGE, self.api_limit)
            limit = min(int(given.pop("limit", "") or page), self.api_limit)
            offset, total = int(given.pop("offset", "") or 0), given.pop("total", "") in ("1", "true")
        except ValueError:
            return _error("limit and offset are whole numbers", 400)
        try:
            named = load_query(request.path_params["name"], "sparql")
            # one row past the page says whether there are more, without building every row
            table = run_page(self.store, named.name, check_params(named, given, self.theme_tree()),
                             limit=limit + 1, offset=max(offset, 0), total=total)
        except GovKGError as e:
            return _error(str(e).replace("--param ", ""), 400)
        rows = table.rows[:limit]
        if fmt in ("csv", "json"):
            body = table_csv(table.columns, rows) if fmt == "csv" else table_json(table.columns, rows)
            media = "text/csv; charset=utf-8" if fmt == "csv" else "application/json; charset=utf-8"
            return Response(body, media_type=media,
                            headers={"Content-Disposition": f'attachment; filename="{named.name}.{fmt}"'})
        return JSONResponse({"columns": list(table.columns), "rows": [list(r) for r in rows],
                             "truncated": len(table.rows) > len(rows), "offset": offset, "limit": limit,
                             **({"total": table.total} if table.total is not None else {})})


def _answer(make, *args) -> Response:
    try:
        return JSONResponse(make(*args))
    except PageError as e:
        return _error(str(e), 404)


def _error(message: str, status: int) -> Response:
    return JSONResponse({"error": message}, status_code=status)


def create_app(store: GraphStore, timeout: float = settings.SPARQL_TIMEOUT, limit: int = settings.SPARQL_ROW_LIMIT, allow_service: tuple[str, ...] = ()) -> Starlette:
    """The app over an open (read-only) store; ``timeout`` and ``limit`` bound each SPARQL query."""
    explorer = Explorer(store, api_limit=min(limit, settings.EXPLORER_ROW_LIMIT))
    sparql = SparqlEndpoint(store, timeout=timeout, limit=limit, allow_service=allow_service)
    routes = [
        Route("/", explorer.index),
        Route("/entity", explorer.page_),
        Route("/report", explorer.page_),
        Route("/queries", explorer.page_),
        Route("/themes", explorer.page_),
        Route("/api/matrix", explorer.matrix),
        Route("/query/{name}", explorer.page_),
        Route("/diff", explorer.page_),
        Route("/api/timeline", explorer.timeline),
        Route("/api/series", explorer.series),
        Route("/api/diff", explorer.diff),
        Route("/api/entity", explorer.entity),
        Route("/api/report", explorer.report),
        Route("/api/themes", explorer.themes),
        Route("/api/reports", explorer.reports),
        Route("/static/{name}", explorer.static),
        Route("/api/graph", explorer.graph),
        Route("/api/search", explorer.search),
        Route("/api/queries", explorer.queries),
        Route("/api/query/{name}", explorer.query),
        Route("/sparql", sparql.handle, methods=["GET", "POST"]),
    ]

    @contextlib.asynccontextmanager
    async def lifespan(app):
        await sparql.start()
        try:
            yield
        finally:
            sparql.close()

    app = Starlette(routes=routes, lifespan=lifespan, middleware=[Middleware(SecurityHeaders)])
    app.state.explorer = explorer
    app.state.sparql = sparql
    return app


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every response (pure ASGI, so streaming stays untouched)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for key, value in SECURITY_HEADERS.items():
                    headers[key] = value
            await send(message)

        await self.app(scope, receive, send_with_headers if scope["type"] == "http" else send)
