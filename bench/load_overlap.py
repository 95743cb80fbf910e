"""Does `govkg load --jobs N` write while its workers extract? One load of a folder into a new
store, timed from both sides: how long each worker was busy extracting, and how long the single
writer (the main process) waited for the next extraction instead of writing.

    python bench/load_overlap.py ../shared/corpus --jobs 2
    python bench/load_overlap.py ../shared/corpus --jobs 2 --fast     # the rules alone (govkg load --fast)

A writer that waits most of the time and workers busy most of the time mean the two overlap and
extraction is the bound; workers idle while the writer never waits would mean the writer is.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import tempfile
import time
from pathlib import Path

import govkg.pipeline as pipeline
from govkg.store import open_store

_extract_one, _next_done = pipeline.extract_one, pipeline._next_done


def timed_extract(path, author=None, model=None):
    """extract_one in a worker, with its wall span (forked workers run this module's copy)."""
    start = time.time()
    item = _extract_one(path, author, model)
    return item, time.time() - start


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the worker processes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--fast", action="store_true", help="the rules alone, as govkg load --fast")
    args = ap.parse_args()
    busy: list[float] = []
    waited: list[float] = []

    def next_done(pending, progress):
        start = time.time()
        item, seconds = _next_done(pending, progress)
        waited.append(time.time() - start)
        busy.append(seconds)
        return item

    pipeline.extract_one, pipeline._next_done = timed_extract, next_done
    paths = pipeline.expand_inputs([args.folder])
    with tempfile.TemporaryDirectory() as tmp:
        db = open_store(Path(tmp) / "store")
        start, cpu = time.time(), _cpu()
        result = pipeline.load_files(paths, db, jobs=args.jobs, model="rules" if args.fast else None)
        db.close()
        wall, cpu = time.time() - start, _cpu() - cpu
    print(f"govkg load --jobs {args.jobs} {args.folder}: {len(result.loaded)} reports, {result.triples:,} triples "
          f"in {wall:.1f} s wall, {cpu:.1f} s CPU with the workers' (load average {os.getloadavg()[0]:.1f})")
    print(f"workers busy extracting {sum(busy):.1f} s of {args.jobs * wall:.1f} worker-seconds "
          f"({sum(busy) / (args.jobs * wall):.0%})")
    print(f"writer waiting for an extraction {sum(waited):.1f} s of {wall:.1f} s ({sum(waited) / wall:.0%}); "
          "building and writing the rest")


if __name__ == "__main__":
    main()
