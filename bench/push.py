"""The Neo4j push row of bench/run.py alone, from a store already loaded.

    govkg load ../shared/corpus --store S
    python bench/push.py S

starts the test server of tests/neo4j_server.py (fresh, the same settings as the tests), times
`govkg push --store S` into it (schema setup included) and prints the row with its verdict against
issue 11's target (>= 10k relationships/s). Record the figure by hand in bench/results.md.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import neo4j_push  # noqa: E402


def main() -> None:
    if len(sys.argv) != 2 or not Path(sys.argv[1]).is_dir():
        raise SystemExit("usage: python bench/push.py STORE   (a store folder of `govkg load`)")
    line = neo4j_push(Path(sys.argv[1]))
    rate = re.search(r"([0-9,]+) relationships/s", line)
    verdict = ("met" if int(rate.group(1).replace(",", "")) >= 10_000 else "missed") if rate else ""
    print(f"| Neo4j push, corpus | {line} | >= 10k relationships/s | {verdict} |")


if __name__ == "__main__":
    main()
