from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_GOLD = Path(__file__).parent / "data" / "sample-gold.jsonl"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def sample_gold() -> Path:
    return SAMPLE_GOLD


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def sample_model(tmp_path_factory):
    """A model trained on the eight annotated statements of the sample report."""
    from govkg.learn.train import train_model

    out = tmp_path_factory.mktemp("model") / "sample-model"
    train_model(SAMPLE_GOLD, out, EXAMPLES)
    return out
