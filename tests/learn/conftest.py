import json
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


@pytest.fixture
def small_gold(gold, tmp_path):
    """A gold folder of the first ``n`` statements of three shared reports (for quick CV runs)."""
    def make(n: int) -> Path:
        small = tmp_path / "gold"
        small.mkdir()
        for name in ("gwr-hailar-district-2015.jsonl", "gwr-hailar-district-2016.jsonl", "gwr-national-2019.jsonl"):
            rows = (gold / name).read_text(encoding="utf-8").splitlines()[:n]
            (small / name).write_text("\n".join(rows) + "\n", encoding="utf-8")
        return small
    return make


@pytest.fixture
def two_golds(tmp_path, sample_gold):
    """Two gold files: the sample gold's first five statements, and its last three with two of the
    first five again; and the starts of the three only the second gives."""
    rows = sample_gold.read_text(encoding="utf-8").splitlines()
    first, rest = tmp_path / "first.jsonl", tmp_path / "rest.jsonl"
    first.write_text("\n".join(rows[:5]) + "\n", encoding="utf-8")
    rest.write_text("\n".join(rows[3:]) + "\n", encoding="utf-8")
    return first, rest, [json.loads(r)["start"] for r in rows[5:]]
