"""One very large report for the memory bound: the synthetic corpus (bench/synth.py, made from
../shared/corpus with perturbed names) written one report after another into a single file.

    python bench/large_report.py --size-mb 100 bench/out/large-100mb.txt
    /usr/bin/time -v govkg load bench/out/large-100mb.txt --store bench/out/large-store   # "Maximum resident set size"
"""
from __future__ import annotations

import argparse
from pathlib import Path

from synth import make_corpus

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--size-mb", type=float, default=100)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    parts = make_corpus(args.corpus, ROOT / "bench" / "out" / "synthetic", args.size_mb)
    want = int(args.size_mb * 1024 * 1024)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as out:
        for part in parts:
            out.write(part.read_text(encoding="utf-8") + "\n")
            if out.tell() >= want:
                break
    print(f"{args.out}: {args.out.stat().st_size / 1e6:.1f} MB in one report")


if __name__ == "__main__":
    main()
