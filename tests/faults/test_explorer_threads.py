"""Case 8, the explorer: a slow named query (or the first view load of a big store) no longer holds
up every other request, and no Oxigraph result is dropped on another thread than the one that
made it (pyo3's "PyQuerySolutions is unsendable ... dropped on another thread", which the server
and test logs showed)."""
from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

from testkit import write_text_report

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "view"))
from viewkit import ServerThread  # noqa: E402

from govkg.store.oxigraph import OxigraphStore  # noqa: E402

SLOW = 3.0


class SlowStore(OxigraphStore):
    """The real store, whose named queries take SLOW seconds longer (as on a big store)."""

    def run_named(self, *args, **kwargs):
        time.sleep(SLOW)
        return super().run_named(*args, **kwargs)


def test_a_slow_named_query_does_not_hold_up_other_requests(small_store):
    import urllib.request

    from govkg.serve import create_app

    store = SlowStore(small_store, read_only=True)
    try:
        with ServerThread(create_app(store)) as server:
            answers: list = []

            def slow():
                with urllib.request.urlopen(server.url + "/api/query/report-summary", timeout=30) as r:
                    answers.append(r.status)
            threads = [threading.Thread(target=slow) for _ in range(2)]
            for thread in threads:
                thread.start()
            time.sleep(0.5)
            for path in ("/", "/api/reports", "/api/themes", "/static/explorer.js"):
                started = time.monotonic()
                with urllib.request.urlopen(server.url + path, timeout=30) as r:
                    assert r.status == 200
                waited = time.monotonic() - started
                assert waited < SLOW / 2, f"GET {path} waited {waited:.1f} s for a slow named query"
            for thread in threads:
                thread.join(30)
            assert answers == [200, 200]
    finally:
        store.close()


UNSENDABLE = r"""
import gc, sys, time, threading
from pathlib import Path
from starlette.testclient import TestClient
from govkg.pipeline import load_files
from govkg.serve import create_app
from govkg.store.oxigraph import OxigraphStore

db = OxigraphStore(None)                       # in memory: /sparql runs its queries in threads
load_files([Path(sys.argv[1])], db, model="rules")
runaway = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
with TestClient(create_app(db, timeout=1)) as client:
    jobs = [threading.Thread(target=client.get, args=("/sparql",), kwargs={"params": {"query": runaway}})
            for _ in range(2)]
    for job in jobs:
        job.start()
    for path in ("/api/graph", "/api/query/report-summary", "/api/query/entity-neighbourhood?name=x",
                 "/api/entity?name=县委组织部", "/api/search?q=县", "/api/matrix",
                 "/sparql?query=SELECT%20*%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D%20LIMIT%205",
                 "/sparql?query=SELECT%20*%20%7B", "/sparql?query=SELECT%20*%20%7B%7D&format=nonsense"):
        print(path, client.get(path).status_code)
    for job in jobs:
        job.join()
    time.sleep(2)                               # the runaways' threads reach their deadline
    gc.collect()
gc.collect()
print("done")
"""


def test_no_query_result_is_dropped_on_another_thread(tmp_path):
    report = write_text_report(tmp_path / "r.txt")
    result = subprocess.run([sys.executable, "-c", UNSENDABLE, str(report)], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0 and "done" in result.stdout, result.stderr[-3000:]
    assert "unsendable" not in result.stderr, result.stderr[-3000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
