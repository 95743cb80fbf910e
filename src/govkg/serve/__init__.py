"""``govkg serve``: a local explorer over the store (search, neighbourhoods, named queries,
evidence) and a read-only SPARQL 1.1 Protocol endpoint at /sparql, with Starlette and uvicorn
(the ``govkg[serve]`` extra).
"""
from __future__ import annotations

import asyncio
import ipaddress

from govkg import settings
from govkg.errors import optional_import
from govkg.store import GraphStore

__all__ = ["create_app", "is_local", "serve"]


def _imports():
    optional_import("starlette", "serve", "govkg serve")
    return optional_import("uvicorn", "serve", "govkg serve")


def create_app(store: GraphStore, timeout: float = settings.SPARQL_TIMEOUT, limit: int = settings.SPARQL_ROW_LIMIT, allow_service: tuple[str, ...] = ()):
    _imports()
    from govkg.serve.app import create_app as create

    return create(store, timeout=timeout, limit=limit, allow_service=allow_service)


def is_local(host: str) -> bool:
    """True for a loopback address or name (where only this machine can connect)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(store: GraphStore, host: str = "127.0.0.1", port: int = 8000, timeout: float = settings.SPARQL_TIMEOUT,
          limit: int = settings.SPARQL_ROW_LIMIT,
          allow_service: tuple[str, ...] = ()) -> None:
    """Serve the explorer over an open store until interrupted (SIGINT or SIGTERM)."""
    uvicorn = _imports()
    app = create_app(store, timeout=timeout, limit=limit, allow_service=allow_service)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", server_header=False,
                            timeout_graceful_shutdown=2)
    _PromptServer(config, app.state.sparql.close).run()
    _exit_if_handlers_still_run()


def _exit_if_handlers_still_run() -> None:
    """Stopped, but an explorer handler may still be reading the store in a worker thread (a long
    named query cannot be interrupted): leave now rather than wait for it; the store is open
    read-only, so nothing is lost."""
    import os
    import sys
    import threading

    busy = [t for t in threading.enumerate() if t is not threading.current_thread() and not t.daemon and t.is_alive()]
    if busy:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


def _prompt_server_class():
    import uvicorn

    class PromptServer(uvicorn.Server):
        """uvicorn's server, which on Ctrl-C or SIGTERM first kills the running queries' worker
        processes: their requests end at once with 503 instead of holding the graceful shutdown
        until their timeout."""

        def __init__(self, config, stop_queries):
            super().__init__(config)
            self._stop_queries = stop_queries

        def handle_exit(self, sig, frame) -> None:
            super().handle_exit(sig, frame)
            try:
                asyncio.get_running_loop().call_soon_threadsafe(self._stop_queries)
            except RuntimeError:        # no loop yet or any more: nothing is running
                self._stop_queries()

    return PromptServer


def _PromptServer(config, stop_queries):
    return _prompt_server_class()(config, stop_queries)
