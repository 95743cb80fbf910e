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

import os
import subprocess
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import java_server
from java_server import JavaServer, ServerUnavailable
from local_ports import free_port

SERVER_DIR = Path(__file__).resolve().parent / "fuseki-server"
POM = SERVER_DIR / "pom.xml"
MAIN = "org.apache.jena.fuseki.main.cmds.FusekiMainCmd"
JAVA_OPTS = ["-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"]
DATASET = "govkg"


class FusekiUnavailable(ServerUnavailable):
    """The test Fuseki cannot be built or started here (the message says why)."""


def build_classpath(cache_dir: Path = SERVER_DIR / "target") -> str:
    """Fuseki's classpath, asked of Maven once and cached in cache_dir/classpath.txt."""
    return java_server.build_classpath(POM, cache_dir, "Fuseki", FusekiUnavailable)


class FusekiServer(JavaServer):
    """One Fuseki in a child JVM over a TDB2 dataset; a context manager."""

    def __init__(self, data_dir: Path | str | None = None, port: int | None = None):
        super().__init__(None if data_dir is None else Path(data_dir))
        self.data_dir = Path(data_dir or tempfile.mkdtemp(prefix="govkg-fuseki-"))
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}/{DATASET}"

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
