"""SPARQL queries in child processes, so that a query past its deadline can really be stopped.

Oxigraph evaluates a query in native code that a Python thread cannot interrupt: a runaway
query in a thread keeps a core busy after its 503 and keeps the process from exiting. Here each
query runs in a worker process holding its own read-only view of the store; on timeout (or when
the request is cancelled, or the server stops) the worker is killed and a fresh one started.
At most ``size`` queries run at once; a request that finds no free worker within its own timeout
is answered 503 like a slow query.
"""
from __future__ import annotations

import asyncio
import multiprocessing
import signal
from pathlib import Path

__all__ = ["QueryWorkers", "WorkerDied"]


class WorkerDied(Exception):
    """The worker process ended without an answer (killed, out of memory, server stopping)."""


def _worker_main(store_path: str, conn, limit: int) -> None:
    """The child: answer (text, accept, fmt) jobs one after the other until the pipe closes."""
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)      # Ctrl-C is the server's; the server kills us
    from govkg.serve.endpoint import Refused, answer
    from govkg.store.oxigraph import OxigraphStore

    store = OxigraphStore(Path(store_path), read_only=True)
    while True:
        try:
            text, accept, fmt = conn.recv()
        except (EOFError, OSError):
            return
        reply: tuple
        try:
            found = answer(store, text, accept, fmt, limit)
            reply = ("ok", found.body, found.media_type, found.truncated)
        except Refused as refused:
            reply = ("refused", refused.status, str(refused))
        except Exception as err:  # noqa: BLE001 - one bad query must not end the worker
            reply = ("refused", 500, f"query failed: {type(err).__name__}: {err}")
        conn.send(reply)


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the server dies, even by SIGKILL (no-op elsewhere)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)   # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class _Worker:
    def __init__(self, context, store_path: str, limit: int):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(store_path, child, limit),
                                       name="govkg-sparql-worker", daemon=True)
        self.process.start()
        child.close()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class QueryWorkers:
    def __init__(self, store_path: Path, limit: int, size: int = 4):
        self.store_path, self.limit, self.size = str(store_path), limit, size
        self._context = multiprocessing.get_context("spawn")   # no copy of the server's threads
        self._idle: list[_Worker] = []
        self._busy: set[_Worker] = set()
        self._slots: asyncio.Semaphore | None = None
        self._closed = False

    def _start(self) -> _Worker:
        return _Worker(self._context, self.store_path, self.limit)

    async def warm_up(self) -> None:
        """Start the workers before the first query needs them (a worker takes a second to start)."""
        loop = asyncio.get_running_loop()
        workers = await asyncio.gather(*(loop.run_in_executor(None, self._start) for _ in range(self.size)))
        self._idle.extend(workers)

    async def run(self, job: tuple, timeout: float) -> tuple:
        """The worker's reply to ``job``; TimeoutError past ``timeout`` (the worker is then killed)."""
        loop = asyncio.get_running_loop()
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.size)
        deadline = loop.time() + timeout
        await asyncio.wait_for(self._slots.acquire(), timeout)
        worker = None
        try:
            worker = self._idle.pop() if self._idle else await loop.run_in_executor(None, self._start)
            self._busy.add(worker)
            worker.conn.send(job)
            reply = await asyncio.wait_for(self._receive(worker), max(deadline - loop.time(), 0.001))
        except BaseException:          # timeout, cancellation (client gone, server stopping), death
            if worker is not None:
                self._busy.discard(worker)
                worker.kill()
                self._replace(loop)
            raise
        finally:
            self._slots.release()
        self._busy.discard(worker)
        self._idle.append(worker)
        return reply

    async def _receive(self, worker: _Worker) -> tuple:
        loop = asyncio.get_running_loop()
        ready = loop.create_future()
        fd = worker.conn.fileno()
        def readable() -> None:
            if not ready.done():
                ready.set_result(None)

        loop.add_reader(fd, readable)
        try:
            await ready
        finally:
            loop.remove_reader(fd)
        try:
            return worker.conn.recv()
        except (EOFError, OSError):
            raise WorkerDied("the query's worker process ended without an answer") from None

    def _replace(self, loop) -> None:
        """Start a fresh worker in the background for the one just killed."""
        if self._closed:
            return

        def started(future):
            if future.exception() is None:
                if self._closed:
                    future.result().kill()
                else:
                    self._idle.append(future.result())
        loop.run_in_executor(None, self._start).add_done_callback(
            lambda f: loop.call_soon_threadsafe(started, f))

    def close(self) -> None:
        """Kill every worker, busy or idle (their requests end with WorkerDied)."""
        self._closed = True
        for worker in self._busy:       # their pipes stay open: the waiting request reads EOF
            if worker.process.is_alive():
                worker.process.kill()
        for worker in self._idle:
            worker.kill()
        self._idle.clear()
