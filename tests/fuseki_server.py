"""A real Apache Jena Fuseki for the tests, built from Maven Central artifacts.

tests/fuseki-server/pom.xml names jena-fuseki-main 5.6.0 (the newest Jena on Java 17) and a Log4j2
binding; the server is Fuseki's own command line, ``FusekiMainCmd``, serving one TDB2 dataset at
``/govkg`` on 127.0.0.1 with updates on and the union of the named graphs as the default graph
(``tdb:unionDefaultGraph``), the setting docs/scaling.md recommends. No Docker, nothing downloaded
but Maven Central jars (cached in ~/.m2).

    with FusekiServer() as server:
        store = SparqlStore(server.url)

Run as a script to check it works: python tests/fuseki_server.py
"""
from __future__ import annotations

import collections
import os
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from neo4j_server import free_port

SERVER_DIR = Path(__file__).resolve().parent / "fuseki-server"
POM = SERVER_DIR / "pom.xml"
MAIN = "org.apache.jena.fuseki.main.cmds.FusekiMainCmd"
JAVA_OPTS = ["-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"]
DATASET = "govkg"


class FusekiUnavailable(Exception):
    """The test Fuseki cannot be built or started here (the message says why)."""


def build_classpath(cache_dir: Path = SERVER_DIR / "target") -> str:
    """Fuseki's classpath, asked of Maven once and cached in cache_dir/classpath.txt (reused
    while newer than pom.xml and every jar it names exists)."""
    if shutil.which("java") is None:
        raise FusekiUnavailable("java is not on PATH (Java 17+ needed)")
    cp_file = Path(cache_dir) / "classpath.txt"
    if cp_file.exists() and cp_file.stat().st_mtime > POM.stat().st_mtime:
        classpath = cp_file.read_text().strip()
        if classpath and all(os.path.exists(p) for p in classpath.split(os.pathsep)):
            return classpath
    mvn = shutil.which("mvn")
    if mvn is None:
        raise FusekiUnavailable("mvn is not on PATH (Maven needed to fetch Fuseki)")
    cp_file.parent.mkdir(parents=True, exist_ok=True)
    tmp = cp_file.parent / f"classpath.{os.getpid()}.tmp"
    cmd = [mvn, "-q", "-B", "-f", str(POM), "dependency:build-classpath", f"-Dmdep.outputFile={tmp}"]
    try:
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=900)
    except subprocess.TimeoutExpired as exc:
        raise FusekiUnavailable("maven fetch of Fuseki timed out after 900 s") from exc
    if proc.returncode != 0 or not tmp.exists():
        tail = (proc.stdout + proc.stderr).strip()[-2000:]
        raise FusekiUnavailable(f"maven fetch of Fuseki failed ({proc.returncode}):\n{tail}")
    os.replace(tmp, cp_file)   # atomic: parallel callers never read half a file
    return cp_file.read_text().strip()


class FusekiServer:
    """One Fuseki in a child JVM over a TDB2 dataset; a context manager."""

    def __init__(self, data_dir: Path | str | None = None, port: int | None = None):
        self._own_dir = data_dir is None
        self.data_dir = Path(data_dir or tempfile.mkdtemp(prefix="govkg-fuseki-"))
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}/{DATASET}"
        self._proc: subprocess.Popen | None = None
        self._output: collections.deque[str] = collections.deque(maxlen=60)

    def start(self, timeout: float = 120) -> "FusekiServer":
        if self.running:
            return self
        classpath = build_classpath()
        (self.data_dir / "tdb2").mkdir(parents=True, exist_ok=True)
        cmd = ["java", *JAVA_OPTS, "-cp", classpath, MAIN, "--localhost", f"--port={self.port}",
               "--tdb2", f"--loc={self.data_dir / 'tdb2'}", "--update",
               "--set", "tdb:unionDefaultGraph=true", f"/{DATASET}"]
        self._proc = proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                             stderr=subprocess.STDOUT, text=True, cwd=self.data_dir)
        threading.Thread(target=self._drain, args=(proc.stdout,), daemon=True).start()
        deadline = time.monotonic() + timeout
        while not self._answers():
            if proc.poll() is not None or time.monotonic() > deadline:
                why = "exited" if proc.poll() is not None else f"not ready after {timeout:g} s"
                self._kill()
                time.sleep(0.2)
                raise FusekiUnavailable(f"Fuseki {why}; output tail:\n" + ("\n".join(self._output) or "(none)"))
            time.sleep(0.2)
        return self

    def _answers(self) -> bool:
        request = urllib.request.Request(f"{self.url}?query=ASK%7B%7D",
                                         headers={"Accept": "application/sparql-results+json"})
        try:
            with urllib.request.urlopen(request, timeout=2) as response:
                return response.status == 200
        except OSError:
            return False

    def stop(self, timeout: float = 30) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    def _kill(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait()

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def __enter__(self) -> "FusekiServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
        if self._own_dir:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    def _drain(self, stream) -> None:
        for line in stream:
            self._output.append(line.rstrip("\n"))


def _main() -> None:
    t0 = time.monotonic()
    classpath = build_classpath()
    print(f"classpath: {len(classpath.split(os.pathsep))} jars in {time.monotonic() - t0:.1f} s")
    with FusekiServer() as server:
        print(f"started {server.url} (data {server.data_dir}) in {time.monotonic() - t0:.1f} s")
        t1 = time.monotonic()
    print(f"stopped in {time.monotonic() - t1:.1f} s")


if __name__ == "__main__":
    _main()
