"""A free TCP port on 127.0.0.1, for every server the tests start (Neo4j, Fuseki, uvicorn, govkg serve)."""
from __future__ import annotations

import socket


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
