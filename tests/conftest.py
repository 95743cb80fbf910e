"""Shared fixtures: the shared corpus and gold (skipped with a reason where ../shared is absent),
the project's sample report, and fresh stores."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("GOVKG_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"
EXAMPLES = ROOT / "examples"


def sample_reports() -> list[Path]:
    return sorted(p for p in EXAMPLES.iterdir() if p.suffix == ".txt")


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"../shared/corpus is absent ({CORPUS}): corpus tests need the shared folder")
    return CORPUS


@pytest.fixture(scope="session")
def gold() -> Path:
    if not GOLD.is_dir():
        pytest.skip(f"../shared/gold is absent ({GOLD}): gold tests need the shared folder")
    return GOLD


@pytest.fixture(scope="session")
def sample_report() -> Path:
    return sample_reports()[0]


@pytest.fixture
def store_path(tmp_path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def store(store_path):
    from govkg.store import open_store

    db = open_store(store_path)
    yield db
    db.close()


@pytest.fixture
def store_with(tmp_path, store):
    """A factory: ``store_with(TEXT)`` writes TEXT as a county report file, loads it into the
    fresh ``store`` and returns the store."""
    from govkg.pipeline import load_files

    def load(text: str, name: str = "xx县2023年政府工作报告.txt"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert load_files([path], store).loaded
        return store

    return load


# ---- the stores the server tests (tests/neo4j, tests/fuseki) copy from: built once a session
CORPUS_PICKS = ("summary-county-organization-2021.txt", "gwr-hailar-district-2015.txt")


@pytest.fixture(scope="session")
def report_files() -> list[Path]:
    """The sample county report, plus two corpus reports where ../shared exists."""
    return sample_reports()[:1] + [CORPUS / name for name in CORPUS_PICKS if (CORPUS / name).exists()]


@pytest.fixture(scope="session")
def extractions(report_files):
    from govkg.pipeline import extract_files

    items = list(extract_files(report_files))
    assert all(not isinstance(i, Exception) for i in items), items
    return items


@pytest.fixture(scope="session")
def embedded_path(tmp_path_factory, extractions) -> Path:
    """An embedded store holding ``extractions`` (built once; open it read-only)."""
    from govkg.pipeline import load_extractions
    from govkg.store import open_store

    path = tmp_path_factory.mktemp("embedded") / "store"
    with open_store(path) as store:
        result = load_extractions(extractions, store)
    assert not result.failed, result.failed
    return path


@pytest.fixture
def embedded(embedded_path):
    from govkg.store import open_store

    with open_store(embedded_path, read_only=True) as store:
        yield store


@pytest.fixture(scope="session")
def hailar_path(corpus, tmp_path_factory) -> Path:
    """A store of the four Hailar district reports of the corpus (testkit.HAILAR), built once."""
    from testkit import hailar_store

    return hailar_store(corpus, tmp_path_factory.mktemp("hailar") / "store")


@pytest.fixture(scope="module")
def hailar(hailar_path):
    from govkg.store import open_store

    with open_store(hailar_path, read_only=True) as store:
        yield store


# ---- parallel runs (pytest-xdist, `-n` in pyproject's addopts): the tests of one server share it
SERVER_DIRS = {ROOT / "tests" / "neo4j": "neo4j", ROOT / "tests" / "fuseki": "fuseki"}


def pytest_collection_modifyitems(config, items):
    """Keep each server's tests on one worker, so a run starts one Neo4j and one Fuseki, not one
    per worker (``--dist loadgroup`` honours the group)."""
    for item in items:
        group = SERVER_DIRS.get(item.path.parent)
        if group:
            item.add_marker(pytest.mark.xdist_group(group))
