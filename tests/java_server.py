"""What the test servers (tests/neo4j_server.py, tests/fuseki_server.py) share: a classpath asked
of Maven once and cached, and the life of one child JVM (a free port: local_ports.free_port)."""
from __future__ import annotations

import collections
import os
import shutil
import subprocess
from pathlib import Path
from typing import Callable


class ServerUnavailable(Exception):
    """A test server cannot be built or started here (the message says why)."""


def build_classpath(pom: Path, cache_dir: Path, what: str, unavailable: type[Exception] = ServerUnavailable) -> str:
    """The classpath of ``pom``'s dependencies, asked of Maven once and cached in
    cache_dir/classpath.txt (reused while newer than the pom and every jar it names exists).
    ``what`` names the server in the messages of ``unavailable``."""
    if shutil.which("java") is None:
        raise unavailable("java is not on PATH (Java 17+ needed)")
    cache_dir = Path(cache_dir)
    cp_file = cache_dir / "classpath.txt"
    if cp_file.exists() and cp_file.stat().st_mtime > pom.stat().st_mtime:
        classpath = cp_file.read_text().strip()
        if classpath and all(os.path.exists(p) for p in classpath.split(os.pathsep)):
            return classpath
    mvn = shutil.which("mvn")
    if mvn is None:
        raise unavailable(f"mvn is not on PATH (Maven needed to fetch {what})")
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = cache_dir / f"classpath.{os.getpid()}.tmp"
    cmd = [mvn, "-q", "-B", "-f", str(pom), "dependency:build-classpath", f"-Dmdep.outputFile={tmp}"]
    try:
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=900)
    except subprocess.TimeoutExpired as exc:
        raise unavailable(f"maven fetch of {what} timed out after 900 s") from exc
    if proc.returncode != 0 or not tmp.exists():
        tail = (proc.stdout + proc.stderr).strip()[-2000:]
        raise unavailable(f"maven fetch of {what} failed ({proc.returncode}):\n{tail}")
    os.replace(tmp, cp_file)  # atomic: parallel callers never read half a file
    return cp_file.read_text().strip()


class JavaServer:
    """One server in a child JVM, a context manager; a subclass defines ``start`` and ``stop``
    and keeps the child in ``_proc``, its last output lines in ``_output``."""

    def __init__(self, data_dir: Path | None) -> None:
        self._own_dir = data_dir is None
        self._proc: subprocess.Popen | None = None
        self._output: collections.deque[str] = collections.deque(maxlen=60)

    def start(self, timeout: float = 120) -> JavaServer:
        raise NotImplementedError

    def stop(self, timeout: float = 30) -> None:
        raise NotImplementedError

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
        if self._own_dir:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    def _kill(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait()

    def _drain(self, stream) -> None:
        for line in stream:
            self._output.append(line.rstrip("\n"))


def session_server(what: str, require_env: str, client: tuple[str, str],
                   build: Callable[[], str], make: Callable[[], JavaServer]) -> JavaServer:
    """Start a test server for a pytest session (the fixtures of tests/neo4j and tests/fuseki).

    Where java, mvn or the Python ``client`` (module, install hint) is missing, or Maven cannot
    fetch the jars, the test skips and says why; with ``require_env``=1 (set by .ci/run) that is a
    failure instead. A server that does not start once the jars are there always fails."""
    import importlib

    import pytest

    def unavailable(reason: str):
        if os.environ.get(require_env) == "1":
            pytest.fail(f"{require_env}=1 but the test {what} is unavailable: {reason}", pytrace=False)
        pytest.skip(f"no test {what}: {reason}")

    module, hint = client
    try:
        importlib.import_module(module)
    except ImportError:
        unavailable(f"{hint} is not installed")
    try:
        build()        # java, mvn and the Maven fetch (cached in ~/.m2)
    except ServerUnavailable as err:
        unavailable(str(err).splitlines()[0])
    server = make()
    try:
        server.start()
    except ServerUnavailable as err:   # java and the jars are there: a crash is a failure
        pytest.fail(f"the test {what} did not start: {err}", pytrace=False)
    return server
