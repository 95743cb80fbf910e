"""The Neo4j push row of bench/run.py alone, from a store already loaded.

    govkg load ../shared/corpus --store S
    python bench/push.py S            # into a fresh test server: the row of bench/run.py
    python bench/push.py S --warm     # then again, into the same server emptied (warm JIT, plans cached)

starts the test server of tests/neo4j_server.py (fresh, the same settings as the tests), times
`govkg push --store S` into it (schema setup included; the CPU of govkg and of the server beside
it) and prints the row with its verdict against issue 11's target (>= 10k relationships/s).
``--warm`` then deletes everything but the themes and pushes again into the same server: what a
server that has been running a while gives, without a fresh JVM's compilation. Record the
figures by hand in bench/results.md.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))
from run import GOVKG, _children_cpu, _process_cpu, neo4j_push  # noqa: E402


def verdict(line: str) -> str:
    rate = re.search(r"([0-9,]+) relationships/s", line)
    return ("met" if int(rate.group(1).replace(",", "")) >= 10_000 else "missed") if rate else ""


def fresh_then_warm(store: Path) -> list[str]:
    """Two pushes into one server: fresh, then after emptying it (the themes stay)."""
    import neo4j
    from neo4j_server import Neo4jServer

    lines = []
    with Neo4jServer() as server:
        env = {**os.environ, "NEO4J_PASSWORD": server.password}
        for run in ("fresh", "warm"):
            if run == "warm":
                with neo4j.GraphDatabase.driver(server.uri, auth=(server.user, server.password)) as driver, \
                        driver.session() as session:      # CALL ... IN TRANSACTIONS needs an auto-commit query
                    session.run("MATCH (n) WHERE NOT n:Theme CALL (n) { DETACH DELETE n } "
                                "IN TRANSACTIONS OF 20000 ROWS").consume()
            cmd = GOVKG + ["push", "--store", str(store), "--neo4j", server.uri, "--neo4j-user", server.user]
            start, client, served = time.perf_counter(), _children_cpu(), _process_cpu(server._proc.pid)
            done = subprocess.run(cmd, capture_output=True, text=True, env=env)
            seconds = time.perf_counter() - start
            line = (done.stderr.strip().splitlines() or [""])[-1]
            lines.append(f"{run}: {line} (wall {seconds:.1f} s; CPU: govkg {_children_cpu() - client:.1f} s, "
                         f"the server {_process_cpu(server._proc.pid) - served:.1f} s; load average {os.getloadavg()[0]:.1f})")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path, help="a store folder of `govkg load`")
    ap.add_argument("--warm", action="store_true", help="push a second time into the same server, emptied")
    args = ap.parse_args()
    if not args.store.is_dir():
        raise SystemExit(f"{args.store}: not a store folder (run `govkg load ... --store {args.store}` first)")
    for line in fresh_then_warm(args.store) if args.warm else [neo4j_push(args.store)]:
        print(f"| Neo4j push, corpus | {line} | >= 10k relationships/s | {verdict(line)} |")


if __name__ == "__main__":
    main()
