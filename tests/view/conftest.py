"""Fixtures of the view tests: the small known store and a headless browser (see viewkit)."""
from __future__ import annotations

import pytest

from viewkit import browser_or_skip, build_store


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("viewstore") / "store")


@pytest.fixture(scope="session")
def sample_view(sample_store):
    from govkg.store import open_store
    from govkg.view import load_view

    db = open_store(sample_store, read_only=True)
    try:
        return load_view(db)
    finally:
        db.close()


@pytest.fixture(scope="session")
def browser():
    return browser_or_skip()
