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
