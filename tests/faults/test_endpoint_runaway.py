"""Case 3: the SPARQL endpoint cannot be taken down. A query past its timeout stops using CPU,
other requests are answered while runaways run, and SIGINT/SIGTERM stop the server promptly."""
from __future__ import annotations

import signal
import threading
import time

import psutil
import pytest

# four independent scans of every triple: ~10^12 combinations on a small store, counted (no
# solution is produced before the end, so nothing between solutions can stop it)
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def tree_cpu_seconds(pid: int) -> float:
    """CPU time of a process and all its descendants (live ones)."""
    total = 0.0
    try:
        parent = psutil.Process(pid)
        for proc in [parent, *parent.children(recursive=True)]:
            try:
                times = proc.cpu_times()
                total += times.user + times.system
            except psutil.NoSuchProcess:
                pass
    except psutil.NoSuchProcess:
        pass
    return total


def run_in_background(fn, *args):
    answers: list = []

    def call():
        try:
            answers.append(fn(*args))
        except OSError as err:          # the server went away: that is the answer
            answers.append(err)
    thread = threading.Thread(target=call, daemon=True)
    thread.start()
    return thread, answers


def test_runaway_queries_time_out_stop_burning_cpu_and_others_are_answered(small_store, serve_store):
    server = serve_store(small_store, "--timeout", "2")
    runaways = [run_in_background(server.sparql, RUNAWAY, 60) for _ in range(2)]
    time.sleep(0.5)

    started = time.monotonic()
    status, body = server.sparql("ASK { ?s ?p ?o }", 10)
    assert status == 200 and b"true" in body
    assert server.get("/api/queries", 10)[0] == 200
    assert time.monotonic() - started < 3, "other requests waited for the runaway queries"

    for thread, answers in runaways:
        thread.join(30)
        assert answers and answers[0][0] == 503, answers
    time.sleep(1.0)                     # let the server settle after killing the runaways
    before = tree_cpu_seconds(server.process.pid)
    time.sleep(3.0)
    burnt = tree_cpu_seconds(server.process.pid) - before
    assert burnt < 0.5, f"the server used {burnt:.1f} s of CPU in 3 s after its queries timed out"

    status, body = server.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", 10)
    assert status == 200 and b'"n"' in body


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_the_server_promptly_during_a_query(small_store, serve_store, signum):
    server = serve_store(small_store, "--timeout", "60")
    run_in_background(server.sparql, RUNAWAY, 90)
    time.sleep(1.0)
    children = psutil.Process(server.process.pid).children(recursive=True)
    server.process.send_signal(signum)
    started = time.monotonic()
    server.process.wait(timeout=15)
    assert time.monotonic() - started < 5, "the server took more than 5 s to stop"
    time.sleep(0.5)
    assert not [c for c in children if c.is_running() and c.status() != psutil.STATUS_ZOMBIE], \
        "query workers outlived the server"
    assert "Traceback" not in server.process.stderr.read()
