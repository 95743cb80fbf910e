"""Fixtures of the fault suite: a small store, and `govkg serve` in a child process (the builders of bad
inputs are in faultkit.py, the helpers every folder shares in ../testkit.py)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from local_ports import free_port
from testkit import GOOD_SENTENCES, write_text_report


@pytest.fixture
def stored_docs():
    """The report names stored in a store folder (read through the library, read-only)."""
    def docs(store: Path) -> list[str]:
        from govkg.store import open_store

        with open_store(store, read_only=True) as db:
            return sorted(r.doc for r in db.reports())
    return docs


@pytest.fixture(scope="session")
def small_store(tmp_path_factory) -> Path:
    """A store of a few small reports, built through the library."""
    from govkg.pipeline import load_files
    from govkg.store import open_store

    folder = tmp_path_factory.mktemp("reports")
    paths = [write_text_report(folder / f"r{i}.txt", *GOOD_SENTENCES) for i in range(3)]
    store = tmp_path_factory.mktemp("store") / "store"
    with open_store(store) as db:
        assert not load_files(paths, db).failed
    return store


class Server:
    """``govkg serve`` in a child process, as a user runs it (real signals, real worker processes)."""

    def __init__(self, store: Path, *args):
        import time
        import urllib.request

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen([sys.executable, "-m", "govkg", "serve", "--store", str(store),
                                         "--port", str(self.port), *map(str, args)],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"govkg serve exited: {self.process.stderr.read()}")
            try:
                urllib.request.urlopen(self.url + "/sparql?query=ASK%7B%7D", timeout=5).read()
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("govkg serve did not answer within 60 s")

    def get(self, path: str, timeout: float = 30):
        """(status, body) of a GET."""
        import urllib.error
        import urllib.request

        try:
            with urllib.request.urlopen(self.url + path, timeout=timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as err:
            return err.code, err.read()

    def sparql(self, query: str, timeout: float = 30, **params):
        from urllib.parse import urlencode

        return self.get("/sparql?" + urlencode({"query": query, **params}), timeout=timeout)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(10)
        for stream in (self.process.stdout, self.process.stderr):
            stream.close()


@pytest.fixture
def serve_store():
    """Start ``govkg serve`` over a store with extra options; every server is stopped at the end."""
    started: list[Server] = []

    def start(store: Path, *args) -> Server:
        started.append(Server(store, *args))
        return started[-1]
    yield start
    for server in started:
        server.stop()
