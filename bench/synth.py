"""A synthetic corpus made from ../shared/corpus: every report repeated with perturbed names.

Copy k of a report renames the places, bodies' prefixes and figures it mentions (seeded, so the
same size gives the same corpus), so extraction sees new entities rather than cached repeats.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

__all__ = ["make_corpus"]

_PLACES = re.compile(r"[\u4e00-\u9fa5]{2,4}(?:省|市|县|区|镇|乡|村)")
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def _perturb(text: str, rng: random.Random, names: list[str]) -> str:
    seen = sorted(set(_PLACES.findall(text)))
    mapping = {old: rng.choice(names) + old[-1] for old in seen}
    text = _PLACES.sub(lambda m: mapping[m.group(0)], text)
    return _NUMBER.sub(lambda m: str(round(float(m.group(0)) * rng.uniform(0.5, 1.5), 1)), text)


def make_corpus(source: Path, target: Path, size_mb: float, seed: int = 7) -> list[Path]:
    """Write about ``size_mb`` MB of reports into ``target`` (reused when already there)."""
    target.mkdir(parents=True, exist_ok=True)
    reports = sorted(source.glob("*.txt"))
    want = int(size_mb * 1024 * 1024)
    existing = sorted(target.glob("*.txt"))
    if existing and sum(p.stat().st_size for p in existing) >= want:
        return _first_bytes(existing, want)      # (written in name order: a smaller size is a prefix)
    rng = random.Random(seed)
    names = ["青山", "白河", "金川", "长岭", "东湖", "西林", "南港", "北原", "云峰", "松江", "石门", "桃源"]
    written, total, k = [], 0, 0
    while total < want:
        for report in reports:
            text = _perturb(report.read_text(encoding="utf-8"), rng, names)
            path = target / f"synthetic-{k:04d}-{report.name}"
            path.write_text(text, encoding="utf-8")
            written.append(path)
            total += path.stat().st_size
            if total >= want:
                break
        k += 1
    return written


def _first_bytes(paths: list[Path], want: int) -> list[Path]:
    taken, total = [], 0
    for path in paths:
        if total >= want:
            break
        taken.append(path)
        total += path.stat().st_size
    return taken
