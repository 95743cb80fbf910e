"""Fixtures of the serve tests: the view tests' small store, served on a free 127.0.0.1 port."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "view"))

from viewkit import browser_or_skip, build_store, start  # noqa: E402


@pytest.fixture(scope="session")
def served_store(tmp_path_factory):
    from govkg.store import open_store

    db = open_store(build_store(tmp_path_factory.mktemp("servestore") / "store"), read_only=True)
    yield db
    db.close()


@pytest.fixture(scope="session")
def server(served_store):
    with start(served_store, timeout=10, limit=1000) as running:
        yield running


@pytest.fixture(scope="session")
def browser():
    return browser_or_skip()
