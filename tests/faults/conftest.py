"""Builders of bad inputs for the fault suite: every broken file is made here, from scratch."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from local_ports import free_port

ROOT_SHAPES = Path(__file__).resolve().parents[2] / "ontology" / "shapes.ttl"
GOOD_SENTENCES = ("县委组织部牵头开展村级换届工作。", "县农业农村局负责实施高标准农田建设项目。",
                  "乡镇党委落实《乡村振兴促进法》，推进美丽乡村建设。")


def write_text_report(path: Path, *sentences: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(sentences or GOOD_SENTENCES) + "\n", encoding="utf-8")
    return path


def write_docx(path: Path, *sentences: str) -> Path:
    import docx

    path.parent.mkdir(parents=True, exist_ok=True)
    document = docx.Document()
    for sentence in sentences or GOOD_SENTENCES:
        document.add_paragraph(sentence)
    document.save(path)
    return path


def rewrite_docx_part(source: Path, target: Path, part: str, change) -> Path:
    """A copy of ``source`` with one zip member passed through ``change`` (bytes -> bytes)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            dst.writestr(item, change(data) if item.filename == part else data)
    return target


def flip_bytes(data: bytes, start: int = 200, count: int = 60) -> bytes:
    flipped = bytearray(data)
    for i in range(start, min(start + count, len(flipped))):
        flipped[i] ^= 0x5A
    return bytes(flipped)


def write_xlsx(path: Path) -> Path:
    """A minimal spreadsheet package (what a user gets renaming a .xlsx to .docx)."""
    ns = "http://schemas.openxmlformats.org/"
    parts = {
        "[Content_Types].xml": f'<?xml version="1.0"?><Types xmlns="{ns}package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.sheet.main+xml"/></Types>',
        "_rels/.rels": f'<?xml version="1.0"?><Relationships xmlns="{ns}package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{ns}officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0"?><workbook xmlns="{ns}spreadsheetml/2006/main">'
        '<sheets/></workbook>',
    }
    with zipfile.ZipFile(path, "w") as out:
        for name, text in parts.items():
            out.writestr(name, text)
    return path


def govkg(*args, timeout: float = 300, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    """The real command in a child process (real exit codes, real stderr, real worker processes)."""
    return subprocess.run([sys.executable, "-m", "govkg", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, "COLUMNS": "200", **(env or {})}, **kwargs)


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


@pytest.fixture
def stored_docs():
    """The report names stored in a store folder (read through the library, read-only)."""
    def docs(store: Path) -> list[str]:
        from govkg.store import open_store

        with open_store(store, read_only=True) as db:
            return sorted(r.doc for r in db.reports())
    return docs


@pytest.fixture(scope="session")
def small_store(tmp_path_factory) -> Path:
    """A store of a few small reports, built through the library."""
    from govkg.pipeline import load_files
    from govkg.store import open_store

    folder = tmp_path_factory.mktemp("reports")
    paths = [write_text_report(folder / f"r{i}.txt", *GOOD_SENTENCES) for i in range(3)]
    store = tmp_path_factory.mktemp("store") / "store"
    with open_store(store) as db:
        assert not load_files(paths, db).failed
    return store


class Server:
    """``govkg serve`` in a child process, as a user runs it (real signals, real worker processes)."""

    def __init__(self, store: Path, *args):
        import time
        import urllib.request

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen([sys.executable, "-m", "govkg", "serve", "--store", str(store),
                                         "--port", str(self.port), *map(str, args)],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"govkg serve exited: {self.process.stderr.read()}")
            try:
                urllib.request.urlopen(self.url + "/sparql?query=ASK%7B%7D", timeout=5).read()
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("govkg serve did not answer within 60 s")

    def get(self, path: str, timeout: float = 30):
        """(status, body) of a GET."""
        import urllib.error
        import urllib.request

        try:
            with urllib.request.urlopen(self.url + path, timeout=timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as err:
            return err.code, err.read()

    def sparql(self, query: str, timeout: float = 30, **params):
        from urllib.parse import urlencode

        return self.get("/sparql?" + urlencode({"query": query, **params}), timeout=timeout)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(10)
        for stream in (self.process.stdout, self.process.stderr):
            stream.close()


@pytest.fixture
def serve_store():
    """Start ``govkg serve`` over a store with extra options; every server is stopped at the end."""
    started: list[Server] = []

    def start(store: Path, *args) -> Server:
        started.append(Server(store, *args))
        return started[-1]
    yield start
    for server in started:
        server.stop()
