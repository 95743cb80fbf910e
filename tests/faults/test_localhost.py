"""Localhost only: `govkg serve` without --host listens on the loopback address and nowhere else
(checked on the running server's sockets), so nothing outside the machine can reach the graph."""
from __future__ import annotations

import psutil


def test_serve_listens_on_loopback_only_by_default(small_store, serve_store):
    server = serve_store(small_store)
    process = psutil.Process(server.process.pid)
    listening = [c for proc in (process, *process.children(recursive=True))
                 for c in proc.net_connections(kind="inet") if c.status == psutil.CONN_LISTEN]
    assert listening, "the server listens on no socket"
    assert {c.laddr.ip for c in listening} == {"127.0.0.1"}, listening
    assert {c.laddr.port for c in listening} == {server.port}
