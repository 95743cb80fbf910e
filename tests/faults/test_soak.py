"""A short, bounded soak: one writer loads, replaces and removes reports while reader processes
query the same store; every read succeeds and sees whole reports, and at the end the store holds
exactly what a fresh load of the same files holds."""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time

from testkit import write_text_report

from govkg.pipeline import load_files
from govkg.store import open_store

SECONDS = float(os.environ.get("GOVKG_SOAK_SECONDS", "45"))
VARIANTS = [
    ("县委组织部牵头开展村级换届工作。", "县农业农村局负责实施高标准农田建设项目。"),
    ("乡镇党委落实《乡村振兴促进法》，推进美丽乡村建设。", "县司法局开展法治乡村建设示范活动。"),
    ("县民政局牵头推进村务公开工作。", "县委组织部选派驻村第一书记开展驻村帮扶。"),
    ("县财政局会同县农业农村局实施高标准农田建设项目。",),
]

READER = r"""
import json, sys, time
from govkg.errors import StoreBusyError, StoreError
from govkg.store import open_store
store, until = sys.argv[1], time.monotonic() + float(sys.argv[2])
reads, problems = 0, []
while time.monotonic() < until:
    try:
        with open_store(store, read_only=True) as db:
            reports = db.select("SELECT ?r (COUNT(?s) AS ?n) WHERE { ?s <https://w3id.org/govkg/ontology#inReport> ?r } GROUP BY ?r", {})
            for report, n in reports.rows:
                if n < 1:
                    problems.append(f"report {report} with {n} statements")
            db.run_named("report-summary", {})
            reads += 1
    except StoreError as err:
        problems.append(str(err))
print(json.dumps({"reads": reads, "problems": problems[:5]}))
"""


def quads(store_path):
    with open_store(store_path, read_only=True) as db:
        return set(db.dataset().quads()), db.triple_count(), sorted(r.doc for r in db.reports())


def test_soak_load_replace_remove_while_reading(tmp_path):
    rng = random.Random(12)
    files = [write_text_report(tmp_path / "in" / f"r{i}" / "report.txt", *VARIANTS[i % len(VARIANTS)])
             for i in range(5)]
    store = tmp_path / "store"
    with open_store(store) as db:
        load_files(files, db)
    readers = [subprocess.Popen([sys.executable, "-c", READER, str(store), str(SECONDS)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    present, rounds = set(range(len(files))), 0
    until = time.monotonic() + SECONDS
    while time.monotonic() < until:
        i = rng.randrange(len(files))
        with open_store(store) as db:
            action = rng.choice(["replace", "remove", "load"])
            if action == "replace":
                write_text_report(files[i], *rng.choice(VARIANTS))
                assert not load_files([files[i]], db).failed
                present.add(i)
            elif action == "remove":
                assert db.remove(str(files[i].resolve())) == (i in present)
                present.discard(i)
            else:
                assert not load_files([files[i]], db).failed
                present.add(i)
        rounds += 1
    outcomes = []
    for reader in readers:
        out, err = reader.communicate(timeout=SECONDS + 120)
        assert reader.returncode == 0, err
        outcomes.append(json.loads(out.strip().splitlines()[-1]))
    assert rounds >= 5
    for outcome in outcomes:
        assert outcome["reads"] > 0 and outcome["problems"] == [], outcome

    fresh = tmp_path / "fresh"
    with open_store(fresh) as db:
        assert not load_files([files[i] for i in sorted(present)], db).failed
    soaked_quads, soaked_count, soaked_docs = quads(store)
    fresh_quads, fresh_count, fresh_docs = quads(fresh)
    assert soaked_docs == fresh_docs and soaked_count == fresh_count
    assert soaked_quads == fresh_quads
