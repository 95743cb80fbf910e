"""``govkg serve``: a local explorer over the store (search, neighbourhoods, named queries,
evidence) and a read-only SPARQL 1.1 Protocol endpoint at /sparql, with Starlette and uvicorn
(the ``govkg[serve]`` extra).
"""
from __future__ import annotations

import ipaddress

from govkg.errors import GovKGError

__all__ = ["create_app", "is_local", "serve"]


def _imports():
    try:
        import starlette  # noqa: F401
        import uvicorn
    except ImportError:
        raise GovKGError("govkg serve needs starlette and uvicorn: pip install 'govkg[serve]'") from None
    return uvicorn


def create_app(store, timeout: float = 10.0, limit: int = 10000):
    _imports()
    from govkg.serve.app import create_app as create

    return create(store, timeout=timeout, limit=limit)


def is_local(host: str) -> bool:
    """True for a loopback address or name (where only this machine can connect)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(store, host: str = "127.0.0.1", port: int = 8000, timeout: float = 10.0, limit: int = 10000) -> None:
    """Serve the explorer over an open store until interrupted."""
    uvicorn = _imports()
    uvicorn.run(create_app(store, timeout=timeout, limit=limit), host=host, port=port, log_level="warning",
                server_header=False)
