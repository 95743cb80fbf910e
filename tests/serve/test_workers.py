"""govkg.serve.workers: SPARQL queries in real child processes; a query past its deadline is
stopped by killing its worker, which is replaced, and close() ends every worker."""
from __future__ import annotations

import asyncio
import json
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from govkg.serve.workers import QueryWorkers
from viewkit import build_store

JSON = "application/sparql-results+json"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("workers") / "store")


def _run(scenario):
    """asyncio.run(scenario()) in a thread of its own: earlier tests of the session (Playwright's
    sync API) may leave an event loop running in the main thread."""
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(lambda: asyncio.run(scenario())).result()


def _alive(workers: QueryWorkers) -> list:
    return [w for w in [*workers._idle, *workers._busy] if w.process.is_alive()]


def test_a_worker_answers_refuses_and_is_killed_and_replaced_past_its_deadline(store_path):
    async def scenario():
        workers = QueryWorkers(store_path, limit=2, size=1)
        await workers.warm_up()
        try:
            (first,) = workers._idle
            status, body, media_type, truncated = await workers.run(
                ("SELECT ?s WHERE { ?s ?p ?o }", JSON, None), 60)
            assert (status, media_type, truncated) == ("ok", JSON, True)     # the limit of 2 rows cut it
            assert len(json.loads(body)["results"]["bindings"]) == 2
            refused = await workers.run(("SELEC nothing", JSON, None), 60)
            assert refused[0] == "refused" and refused[1] == 400
            assert workers._idle == [first], "a refused query keeps its worker"

            with pytest.raises(TimeoutError):
                await workers.run((RUNAWAY, JSON, None), 0.5)
            assert not first.process.is_alive(), "the runaway query's worker is killed"
            for _ in range(600):           # a fresh worker takes a second or so to start
                if workers._idle:
                    break
                await asyncio.sleep(0.1)
            (fresh,) = workers._idle
            assert fresh is not first and fresh.process.is_alive()
            again = await workers.run(("ASK { ?s ?p ?o }", JSON, None), 60)
            assert again[0] == "ok" and json.loads(again[1])["boolean"] is True
            return fresh
        finally:
            workers.close()

    fresh = _run(scenario)
    fresh.process.join(5)
    assert not fresh.process.is_alive(), "close() ends the idle workers"


def test_close_ends_a_busy_worker_and_its_request_learns_it(store_path):
    from govkg.serve.workers import WorkerDied

    async def scenario():
        workers = QueryWorkers(store_path, limit=10, size=1)
        await workers.warm_up()
        running = asyncio.create_task(workers.run((RUNAWAY, JSON, None), 120))
        while not workers._busy:
            await asyncio.sleep(0.05)
        (busy,) = workers._busy
        workers.close()
        with pytest.raises(WorkerDied):
            await running
        busy.process.join(5)
        assert not busy.process.is_alive() and not _alive(workers)

    started = time.monotonic()
    _run(scenario)
    assert time.monotonic() - started < 60
