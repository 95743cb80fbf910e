"""A real Neo4j server for the tests, built from Maven Central artifacts.

tests/neo4j-server/pom.xml names the embedded Neo4j (community + Bolt);
tests/neo4j-server/Launcher.java runs it with Bolt on 127.0.0.1 and auth on.
No Docker, nothing downloaded but Maven Central jars (cached in ~/.m2).

    with Neo4jServer(tmp_path / "neo4j") as server:
        driver = neo4j.GraphDatabase.driver(server.uri, auth=(server.user, server.password))

`stop()` then `start()` (or `restart()`) reopens the same data dir on the same
port, so a test can stop (or `kill()`) the server mid-write and bring it back.
The password (8+ characters) is set when a data dir is first created; a reopened
data dir keeps the one it was created with.

Run as a script to check it works: python tests/neo4j_server.py
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import java_server
from java_server import JavaServer, ServerUnavailable
from local_ports import free_port

SERVER_DIR = Path(__file__).resolve().parent / "neo4j-server"
POM = SERVER_DIR / "pom.xml"
LAUNCHER = SERVER_DIR / "Launcher.java"
JAVA_OPTS = ["-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"]


class Neo4jUnavailable(ServerUnavailable):
    """The test Neo4j cannot be built or started here (the message says why)."""


def build_classpath(cache_dir: Path = SERVER_DIR / "target") -> str:
    """The launcher's classpath, asked of Maven once and cached in cache_dir/classpath.txt."""
    return java_server.build_classpath(POM, cache_dir, "Neo4j", Neo4jUnavailable)


def compile_launcher(classpath: str, cache_dir: Path = SERVER_DIR / "target") -> list[str]:
    """Return the java arguments that run the launcher.

    Launcher.java is compiled once into cache_dir/classes (saves ~2.5 s per
    start over `java Launcher.java`); without javac, the source launch is used.
    """
    classes = Path(cache_dir) / "classes"
    if (classes / "Launcher.class").exists() and \
            (classes / "Launcher.class").stat().st_mtime > LAUNCHER.stat().st_mtime:
        return ["-cp", f"{classes}{os.pathsep}{classpath}", "Launcher"]
    javac = shutil.which("javac")
    if javac is None:
        return ["-cp", classpath, str(LAUNCHER)]
    tmp = Path(tempfile.mkdtemp(prefix="classes.", dir=cache_dir))
    proc = subprocess.run([javac, "-d", str(tmp), "-cp", classpath, str(LAUNCHER)],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if proc.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        raise Neo4jUnavailable(f"javac Launcher.java failed:\n{proc.stderr[-2000:]}")
    shutil.rmtree(classes, ignore_errors=True)
    try:
        os.rename(tmp, classes)
    except OSError:  # a parallel caller got there first
        shutil.rmtree(tmp, ignore_errors=True)
    return ["-cp", f"{classes}{os.pathsep}{classpath}", "Launcher"]


class Neo4jServer(JavaServer):
    """One embedded Neo4j in a child JVM; a context manager."""

    user = "neo4j"

    def __init__(self, data_dir: Path | str | None = None, password: str = "govkg-test-pw",
                 port: int | None = None):
        if len(password) < 8:  # Neo4j's set-initial-password refuses shorter ones
            raise ValueError("Neo4j passwords need at least 8 characters")
        super().__init__(None if data_dir is None else Path(data_dir))
        self.data_dir = Path(data_dir or tempfile.mkdtemp(prefix="govkg-neo4j-"))
        self.password = password
        self.port = port or free_port()
        self.uri = f"bolt://127.0.0.1:{self.port}"

    # -- lifecycle -------------------------------------------------------
    def start(self, timeout: float = 180) -> "Neo4jServer":
        if self.running:
            return self
        classpath = build_classpath()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self._output.clear()
        cmd = ["java", *JAVA_OPTS, *compile_launcher(classpath),
               str(self.data_dir), str(self.port), self.password]
        self._proc = proc = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, cwd=self.data_dir)
        threading.Thread(target=self._drain, args=(proc.stderr,), daemon=True).start()

        ready: list[str] = []
        reader = threading.Thread(target=self._wait_ready, args=(proc, ready), daemon=True)
        reader.start()
        reader.join(timeout)
        if not ready:
            why = "exited" if not reader.is_alive() else f"not ready after {timeout:g} s"
            self._kill()
            time.sleep(0.2)  # let the stderr drainer catch the last lines
            tail = "\n".join(self._output) or "(no stderr)"
            raise Neo4jUnavailable(f"Neo4j launcher {why}; stderr tail:\n{tail}")
        return self

    def stop(self, timeout: float = 60) -> None:
        """Stop cleanly (close stdin; then SIGTERM; then SIGKILL)."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        try:
            proc.stdin.close()
        except OSError:
            pass
        for sig in (None, signal.SIGTERM, signal.SIGKILL):
            if sig is not None and proc.poll() is None:
                proc.send_signal(sig)
            try:
                proc.wait(timeout)
                break
            except subprocess.TimeoutExpired:
                continue
        if proc.stdout:
            proc.stdout.close()

    def kill(self) -> None:
        """Stop abruptly (SIGKILL, no clean shutdown), as a crash would."""
        self._kill()

    def restart(self, timeout: float = 180) -> "Neo4jServer":
        self.stop()
        return self.start(timeout)

    # -- helpers ---------------------------------------------------------
    @staticmethod
    def _wait_ready(proc: subprocess.Popen, ready: list[str]) -> None:
        for line in proc.stdout:
            if line.startswith("READY "):
                ready.append(line.strip())
                return


def _main() -> None:
    import neo4j

    t0 = time.monotonic()
    classpath = build_classpath()
    print(f"classpath: {len(classpath.split(os.pathsep))} jars in {time.monotonic() - t0:.1f} s")
    with Neo4jServer() as server:
        started = time.monotonic()
        print(f"started {server.uri} (data {server.data_dir}) in {started - t0:.1f} s")
        with neo4j.GraphDatabase.driver(server.uri, auth=(server.user, server.password)) as drv:
            records, _, _ = drv.execute_query("RETURN 1 AS one")
            assert records[0]["one"] == 1
        print(f"RETURN 1 ok in {time.monotonic() - started:.2f} s")
        t1 = time.monotonic()
    print(f"stopped in {time.monotonic() - t1:.1f} s")


if __name__ == "__main__":
    _main()
