"""govkg benchmark: one command, the issue's table with targets and verdicts, written to bench/results.md.

    python bench/run.py                 # ../shared/corpus and a ~100 MB synthetic corpus made from it
    python bench/run.py --size-mb 10    # a smaller synthetic corpus for a quick look
    python bench/run.py --queries-only bench/out/store --runs 15   # the query rows, on a store already loaded

Measures, in one run: bare jieba.cut on the same texts (the reference), govkg extract end to end
(--jobs 1 and 2), `govkg load --jobs 2` of the synthetic corpus into a new embedded store (wall
and peak RSS), the embedded load end to end on the corpus (triples/s), the named queries on the
large store (p50/p95 of the first page, through the library call and through govkg serve), and
the Neo4j push when the test server can be started (java and mvn present). It prints the issue's
table (every row, met, missed or not measured), then every row measured, with the load average
sampled while it ran, and writes them as this kind of run's generated section of bench/results.md
(between markers; the hand-written record around them is kept). Speed is asserted here against
the targets, never in unit tests.
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests"))

from synth import make_corpus  # noqa: E402

SHARED = Path(os.environ.get("GOVKG_SHARED", ROOT.parent / "shared"))
OUT = HERE / "out"
GOVKG = [sys.executable, "-m", "govkg"]


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    value = fn(*args, **kwargs)
    return time.perf_counter() - start, value


def jieba_reference(paths: list[Path]) -> float:
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    texts = [p.read_text(encoding="utf-8") for p in paths]
    start = time.perf_counter()
    for text in texts:
        for _ in jieba.cut(text):
            pass
    return time.perf_counter() - start


def extract_seconds(paths: list[Path], jobs: int) -> float:
    """govkg extract end to end (read, statements, entities, relations, themes, metrics), warm."""
    from govkg.extract import extract
    from govkg.pipeline import extract_files
    from govkg.read import read_report

    extract(read_report(paths[0]))          # load lexicons and dictionaries outside the timing
    start = time.perf_counter()
    for _ in extract_files(paths, jobs=jobs):
        pass
    return time.perf_counter() - start


def child_peak_rss(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (bytes) of one command run as a child process (the largest of
    it and the worker processes it waited for). Its stderr goes to a file, not a pipe: a long
    load's progress output would fill a pipe nobody reads and stop the child."""
    import tempfile

    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            errors.seek(0)
            raise SystemExit(f"failed: {' '.join(cmd)}\n{errors.read().decode(errors='replace')[-2000:]}")
    return seconds, usage.ru_maxrss * 1024


def load_rate(jsonl: Path, store: Path) -> tuple[float, float, int]:
    """Wall and CPU seconds and triples to load an interchange file into a new embedded store, end
    to end as `govkg load` does it (load_extractions: compare each report with the store, build
    its triples, write and commit a batch of reports at a time), the JSONL read beforehand."""
    from govkg.interchange import read_jsonl
    from govkg.pipeline import load_extractions
    from govkg.store import open_store

    shutil.rmtree(store, ignore_errors=True)
    db = open_store(store)
    extractions = list(read_jsonl(jsonl))
    start, cpu = time.perf_counter(), time.process_time()
    result = load_extractions(extractions, db)
    db.close()
    return time.perf_counter() - start, time.process_time() - cpu, result.triples


def store_write_rate(jsonl: Path, store: Path) -> tuple[float, float, int]:
    """Wall and CPU seconds and quads for Oxigraph's own write of the same triples, already built as the N-Quads
    text the load writes (govkg.quads), in batches of the size the load uses."""
    import pyoxigraph as ox

    from govkg.interchange import read_jsonl
    from govkg.iri import graph_iri
    from govkg.quads import entity_terms, nquads, report_terms
    from govkg.store.oxigraph import BATCH_QUADS, ENTITIES_GRAPH

    batches, batch, size, quads = [], [], 0, 0
    for ex in read_jsonl(jsonl):
        terms, entities = report_terms(ex), entity_terms(ex)
        batch.append(nquads(terms, f"{graph_iri(ex.report.id)}/v1") + nquads(entities, str(ENTITIES_GRAPH)))
        size, quads = size + len(terms) + len(entities), quads + len(terms) + len(entities)
        if size >= BATCH_QUADS:
            batches.append("".join(batch).encode("utf-8"))
            batch, size = [], 0
    batches.append("".join(batch).encode("utf-8"))
    shutil.rmtree(store, ignore_errors=True)
    db = ox.Store(str(store))
    start, cpu = time.perf_counter(), time.process_time()
    for data in batches:
        db.bulk_load(data, ox.RdfFormat.N_QUADS, lenient=True)     # as the load writes them
    db.flush()
    return time.perf_counter() - start, time.process_time() - cpu, quads


def embedded_load_rows(jsonl: Path) -> tuple[list[tuple[str, str, str, str]], float, int]:
    """The corpus's two embedded load rows (end to end, and Oxigraph's writes alone; the stores go
    to the working folder, replaced), with the end-to-end seconds and triples."""
    seconds, cpu, triples = load_rate(jsonl, OUT / "corpus-store")
    rows = [("embedded load, corpus, end to end", f"{triples / seconds:,.0f} triples/s ({triples:,} in "
             f"{seconds:.2f} s; CPU {cpu:.2f} s, {triples / cpu:,.0f} triples/s; load average "
             f"{os.getloadavg()[0]:.1f})", ">= 150k triples/s", _verdict(triples / seconds >= EMBEDDED_TARGET))]
    writes, writes_cpu, quads = store_write_rate(jsonl, OUT / "write-only-store")
    rows.append(("embedded load, corpus, Oxigraph writes only", f"{quads / writes:,.0f} triples/s ({writes:.2f} s; "
                 f"CPU {writes_cpu:.2f} s, {quads / writes_cpu:,.0f} triples/s; load average "
                 f"{os.getloadavg()[0]:.1f})", "", ""))
    return rows, seconds, triples


def print_load_rows(jsonl: Path, runs: int, loads: "LoadSampler") -> None:
    """The two embedded load rows of the corpus, measured ``runs`` times each, alternating."""
    OUT.mkdir(parents=True, exist_ok=True)
    rows = [row for _ in range(runs) for row in embedded_load_rows(jsonl)[0]]
    print(f"{markdown_table(rows)}\n\nload average (1 min) while it ran: {loads.summary()}")


def overlap_rows(paths: list[Path], rows: list) -> None:
    """Whether `govkg load --jobs 2` writes while the workers extract: its wall time beside
    `govkg extract --jobs 2` of the same files (the store's share is the difference)."""
    corpus = str(paths[0].parent)
    t_extract, _ = child_peak_rss(GOVKG + ["extract", corpus, "-o", str(OUT / "overlap.jsonl"), "--jobs", "2"])
    store = OUT / "overlap-store"
    shutil.rmtree(store, ignore_errors=True)
    t_load, _ = child_peak_rss(GOVKG + ["load", corpus, "--store", str(store), "--jobs", "2"])
    rows.append(("govkg extract --jobs 2, corpus (wall)", f"{t_extract:.1f} s", "", ""))
    rows.append(("govkg load --jobs 2, corpus, new store (wall)", f"{t_load:.1f} s, {t_load - t_extract:+.1f} s beside extract",
                 "writing overlaps extraction", ""))


PAGE = 100   # rows of the first page, the default of govkg query and govkg serve
QUERY_TARGETS_MS = {"initiatives-by-theme": 50, "documents-implemented": 50}   # the others: 100 ms


def query_latency(store: Path, runs: int = 30, budget: float = 60.0, through: str = "library",
                  only: list[str] | None = None) -> dict[str, tuple[float, float, float, float]]:
    """p50 and p95 (ms) of each named query's first page: ``runs`` runs, fewer when one takes over
    ``budget`` s; through the library call (what `govkg query` runs) or through `govkg serve`'s
    /api/query (the app in process, HTTP without the socket). Also the p50 of the CPU time this
    process spent (Oxigraph answers in the calling thread, the app in a thread of this process),
    which other jobs on a shared machine change far less than the wall time, and the first run's
    wall time (a view just opened reads the list of reports once). ``only``: these queries alone."""
    from govkg.named_queries import list_queries
    from govkg.store import open_store

    db = open_store(store, read_only=True)
    params = query_params(db)
    ask = _serve_client(db) if through == "serve" else \
        (lambda name, given: db.run_named(name, given, limit=PAGE))
    result = {}
    for q in list_queries("sparql"):
        if only and q.name not in only:
            continue
        times: list[float] = []
        cpu: list[float] = []
        while len(times) < runs and (len(times) < 3 or sum(times) < budget * 1000):
            started = time.process_time()
            t, _ = timed(ask, q.name, params.get(q.name, {}))
            cpu.append((time.process_time() - started) * 1000)
            times.append(t * 1000)
        first = times[0]
        times.sort()
        result[q.name] = (statistics.median(times), times[int(0.95 * (len(times) - 1))], statistics.median(cpu), first)
    db.close()
    return result


def _serve_client(db):
    from starlette.testclient import TestClient

    from govkg.serve import create_app

    client = TestClient(create_app(db))

    def ask(name: str, given: dict[str, str]):
        answer = client.get(f"/api/query/{name}", params={**given, "limit": PAGE})
        if answer.status_code != 200:
            raise SystemExit(f"serve /api/query/{name}: {answer.status_code} {answer.text[:200]}")
        return answer.json()
    return ask


def query_rows(store: Path, rows: list, label: str, runs: int = 30,
               only: list[str] | None = None) -> dict[str, dict[str, tuple]]:
    """The rows of the query table, through the library call and through govkg serve; returns
    the figures by way ("library", "serve") and query name for the issue's table."""
    latency = {}
    for through in ("library", "serve"):
        latency[through] = query_latency(store, runs=runs, through=through, only=only)
        for name, (p50, p95, cpu, first) in latency[through].items():
            goal = QUERY_TARGETS_MS.get(name, 100)
            rows.append((f"query {name}, {label}, first page of {PAGE} ({through})",
                         f"p50 {p50:.1f} ms, p95 {p95:.1f} ms (CPU p50 {cpu:.1f} ms; first {first:.0f} ms)",
                         f"p50 < {goal} ms", "met" if p50 < goal else "missed"))
    return latency


def query_params(db) -> dict[str, dict[str, str]]:
    """Parameters for the queries that need them: the issuer with the most reports, its first and
    last report for the across-years comparisons."""
    from collections import Counter

    reports = db.reports()
    issuer = Counter(r.issuer for r in reports if r.issuer).most_common(1)[0][0]
    own = sorted((r.year or 0, r.doc) for r in reports if r.issuer == issuer)
    pair = {"report": own[-1][1], "previous": own[0][1]}
    return {"initiatives-by-theme": {"theme": "village_governance"},
            "entity-neighbourhood": {"name": "国务院"}, "organizations-leading": {"organization": "国务院"},
            "timeline": {"name": "国务院"}, "series": {"issuer": issuer},
            **{name: pair for name in ("new-in-report", "dropped-in-report", "continued-in-report")}}


def neo4j_push(store: Path) -> str:
    try:
        from neo4j_server import Neo4jServer, Neo4jUnavailable
        import neo4j  # noqa: F401  (the driver: govkg[neo4j])
    except ImportError as err:
        return f"not measured ({err})"
    try:
        with Neo4jServer() as server:
            cmd = GOVKG + ["push", "--store", str(store), "--neo4j", server.uri, "--neo4j-user", server.user]
            start, client, served = time.perf_counter(), _children_cpu(), _process_cpu(server._proc.pid)
            done = subprocess.run(cmd, capture_output=True, text=True,
                                  env={**os.environ, "NEO4J_PASSWORD": server.password})
            seconds = time.perf_counter() - start
            cpu = f"; CPU: govkg {_children_cpu() - client:.1f} s, the server {_process_cpu(server._proc.pid) - served:.1f} s"
            return (done.stderr.strip().splitlines() or [""])[-1] + f" (wall {seconds:.1f} s{cpu})"
    except Neo4jUnavailable as err:
        return f"not measured ({err})"


def _children_cpu() -> float:
    """CPU seconds of this process's finished children (a `govkg` command run by it)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _process_cpu(pid: int) -> float:
    """CPU seconds a running process has used so far (Linux /proc): the Neo4j server's share."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine() -> str:
    import jieba
    import pyoxigraph
    import rdflib

    from govkg import __version__

    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
               platform.processor())
    return (f"{platform.node()}: {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
            f"govkg {__version__}, jieba {jieba.__version__}, pyoxigraph {pyoxigraph.__version__}, rdflib {rdflib.__version__}")


# The issue's table (issue 11), in its order: what `python bench/run.py` must answer, met or missed
ISSUE_QUERIES = ("entity-neighbourhood", "report-summary", "organizations-leading", "initiatives-by-theme",
                 "documents-implemented")
LOAD_TARGET_S = 150         # wall, govkg load --jobs 2 of 100 MB (scaled to the size run)
EMBEDDED_TARGET = 150_000   # triples/s, embedded load end to end
PUSH_TARGET = 10_000        # relationships/s, Neo4j push
RSS_TARGET = 2 * 2**30      # bytes, peak RSS of the load
EXTRACT_RATIO_TARGET = 3.0  # govkg extract --jobs 1 over a bare jieba.cut of the corpus (the extraction issue)


@dataclass
class Measured:
    """What a run measured for the issue's table; None where it was not measured (and why)."""
    latency: dict[str, dict[str, tuple]] | None = None      # way -> query -> (p50, p95, cpu, first)
    load_seconds: float | None = None
    load_rss: int | None = None
    size_mb: float = 100.0
    embedded: tuple[float, int] | None = None                # (seconds, triples)
    push: str | None = None                                  # govkg push's last line
    skipped: dict[str, str] = field(default_factory=dict)    # row -> why it was not measured


def issue_rows(m: Measured) -> list[tuple[str, str, str, str]]:
    """Every row of the issue's table with its value, target and verdict (``not measured`` and
    why, where this run did not measure it)."""
    rows: list[tuple[str, str, str, str]] = []
    for name in ISSUE_QUERIES:
        rows.append(_query_row(m, f"{name} p50", [name]))
    if m.latency:
        others = sorted(set(m.latency["library"]) - set(ISSUE_QUERIES))
        rows.append(_query_row(m, f"every other named query p50 ({', '.join(others)})", others))
    else:
        rows.append(_query_row(m, "every other named query p50", []))
    size = f"{m.size_mb:g} MB"
    load_goal = LOAD_TARGET_S * m.size_mb / 100
    if m.load_seconds is not None:
        rows.append((f"load of {size}, wall (`govkg load --jobs 2`)", f"{m.load_seconds:.1f} s",
                     f"< {_num(load_goal)} s", _verdict(m.load_seconds < load_goal)))
    else:
        rows.append((f"load of {size}, wall (`govkg load --jobs 2`)", _why(m, "load"), f"< {_num(load_goal)} s",
                     "not measured"))
    if m.embedded is not None:
        seconds, triples = m.embedded
        rows.append(("embedded load, end to end (corpus)", f"{triples / seconds:,.0f} triples/s",
                     f">= {EMBEDDED_TARGET // 1000}k triples/s", _verdict(triples / seconds >= EMBEDDED_TARGET)))
    else:
        rows.append(("embedded load, end to end (corpus)", _why(m, "embedded"), f">= {EMBEDDED_TARGET // 1000}k triples/s",
                     "not measured"))
    rate = re.search(r"([0-9,]+) relationships/s", m.push or "")
    rows.append(("Neo4j push (corpus)", f"{int(rate.group(1).replace(',', '')):,} relationships/s" if rate else _why(m, "push"),
                 f">= {PUSH_TARGET // 1000}k relationships/s",
                 _verdict(int(rate.group(1).replace(",", "")) >= PUSH_TARGET) if rate else "not measured"))
    rows.append((f"peak RSS, load of {size}", f"{m.load_rss / 2**20:.0f} MB" if m.load_rss else _why(m, "load"),
                 f"< {RSS_TARGET // 2**30} GB", _verdict(m.load_rss < RSS_TARGET) if m.load_rss else "not measured"))
    return rows


def _query_row(m: Measured, label: str, names: list[str]) -> tuple[str, str, str, str]:
    goal = max((QUERY_TARGETS_MS.get(n, 100) for n in names), default=100)
    if not m.latency or not names:
        return label, _why(m, "queries"), f"< {goal} ms", "not measured"
    values, met = [], True
    for through in ("library", "serve"):
        worst = max(names, key=lambda n: m.latency[through][n][0] / QUERY_TARGETS_MS.get(n, 100))
        p50 = m.latency[through][worst][0]
        met = met and all(m.latency[through][n][0] < QUERY_TARGETS_MS.get(n, 100) for n in names)
        values.append(f"{through} {p50:.1f} ms" + (f" ({worst})" if len(names) > 1 else ""))
    slowest = "slowest: " if len(names) > 1 else ""
    return label, slowest + ", ".join(values), f"< {goal} ms (library and serve)", _verdict(met)


def _num(value: float) -> str:
    """A size or a time, whole from 10 up, with one decimal below (a quick run's 0.3 MB)."""
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}"


def _verdict(met: bool) -> str:
    return "met" if met else "missed"


def _why(m: Measured, row: str) -> str:
    return m.skipped.get(row, "not measured")


class LoadSampler:
    """The 1-minute load average every ``every`` seconds while the benchmark runs (a thread): on a
    machine shared with other jobs, what a wall time means."""

    def __init__(self, every: float = 10.0) -> None:
        import threading

        self.samples = [os.getloadavg()[0]]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(every,), daemon=True)
        self._thread.start()

    def _run(self, every: float) -> None:
        while not self._stop.wait(every):
            self.samples.append(os.getloadavg()[0])

    def summary(self) -> str:
        self._stop.set()
        s = self.samples
        return (f"{min(s):.1f}-{max(s):.1f} (mean {statistics.mean(s):.1f}, {len(s)} samples) "
                f"on {os.cpu_count()} cores")


def main() -> None:
    global OUT
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=float, default=100.0, help="size of the synthetic corpus")
    ap.add_argument("--skip-neo4j", action="store_true")
    ap.add_argument("--queries-only", type=Path, metavar="STORE",
                    help="only the query rows, on a store already loaded (e.g. bench/out/store of an earlier run)")
    ap.add_argument("--runs", type=int, default=30, help="runs of each query (fewer when they take over a minute)")
    ap.add_argument("--query", action="append", metavar="NAME",
                    help="with --queries-only: only this named query (repeatable), e.g. --query timeline; "
                         "its rows are printed, bench/results.md is not written")
    ap.add_argument("--load-only", type=Path, metavar="JSONL",
                    help="only the corpus's embedded load rows (end to end, and Oxigraph's writes alone), from an "
                         "extraction file (e.g. `govkg extract ../shared/corpus -o corpus.jsonl`), --runs times, "
                         "alternating; printed, bench/results.md is not written")
    ap.add_argument("--results", type=Path, default=HERE / "results.md",
                    help="the file whose generated section is written (the rest of it is kept)")
    ap.add_argument("--out", type=Path, default=OUT,
                    help="working folder: the synthetic corpus, the stores (replaced), the JSONL files")
    args = ap.parse_args()
    OUT = args.out
    loads = LoadSampler()
    rows: list[tuple[str, str, str, str]] = []   # (measure, value, target, verdict)
    if args.load_only:
        return print_load_rows(args.load_only, args.runs, loads)
    if args.query:
        if not args.queries_only:
            raise SystemExit("--query measures named queries on a loaded store: give --queries-only STORE too")
        query_rows(args.queries_only, rows, f"store {args.queries_only}", args.runs, only=args.query)
        print(f"{markdown_table(rows)}\n\nload average (1 min) while it ran: {loads.summary()}")
        return
    if args.queries_only:
        m = Measured(latency=query_rows(args.queries_only, rows, f"store {args.queries_only}", args.runs),
                     skipped=dict.fromkeys(("load", "embedded", "push"), "not measured (--queries-only)"))
        return report(issue_rows(m), rows, args, loads.summary())
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        raise SystemExit(f"{corpus} is absent: the benchmark reads ../shared/corpus")
    OUT.mkdir(exist_ok=True)
    m = Measured(size_mb=args.size_mb)
    small = sorted(corpus.glob("*.txt"))
    small_mb = sum(p.stat().st_size for p in small) / 2**20

    t_jieba = jieba_reference(small)
    t1 = extract_seconds(small, 1)
    rows.append(("bare jieba.cut, corpus", f"{t_jieba:.2f} s ({small_mb / t_jieba:.2f} MB/s)", "reference", ""))
    rows.append(("govkg extract --jobs 1, corpus", f"{t1:.2f} s, ratio to jieba {t1 / t_jieba:.2f}",
                 f"ratio <= {EXTRACT_RATIO_TARGET:g}", "met" if t1 <= EXTRACT_RATIO_TARGET * t_jieba else "missed"))

    big = make_corpus(corpus, OUT / "synthetic", args.size_mb)
    big_mb = sum(p.stat().st_size for p in big) / 2**20
    part = _first_megabytes(big, 10)
    part_mb = sum(p.stat().st_size for p in part) / 2**20
    s1, s2 = extract_seconds(part, 1), extract_seconds(part, 2)
    rows.append((f"govkg extract --jobs 2 vs 1, {_num(part_mb)} MB of the synthetic corpus",
                 f"{s1:.1f} s -> {s2:.1f} s, speed-up {s1 / s2:.2f}x", "speed-up >= 1.8x",
                 "met" if s1 / s2 >= 1.8 else "missed"))

    store = OUT / "store"       # the large load: one `govkg load --jobs 2` (extraction and writing overlap; it compacts the store at the end, in its wall time)
    shutil.rmtree(store, ignore_errors=True)
    m.load_seconds, m.load_rss = child_peak_rss(GOVKG + ["load", str(OUT / "synthetic"), "--store", str(store),
                                                         "--jobs", "2"])
    big_triples = _stored_triples(store)
    rows.append((f"govkg load --jobs 2, synthetic {_num(big_mb)} MB ({len(big)} reports), new store, wall",
                 f"{m.load_seconds:.1f} s ({big_mb / m.load_seconds:.2f} MB/s; {big_triples:,} triples, "
                 f"{big_triples / m.load_seconds:,.0f} triples/s)", f"< {_num(LOAD_TARGET_S * args.size_mb / 100)} s",
                 _verdict(m.load_seconds < LOAD_TARGET_S * args.size_mb / 100)))
    rows.append((f"peak RSS, load of the synthetic {_num(big_mb)} MB", f"{m.load_rss / 2**20:.0f} MB", "< 2048 MB",
                 _verdict(m.load_rss < RSS_TARGET)))

    corpus_jsonl = _corpus_jsonl(small)
    load_rows, seconds, triples = embedded_load_rows(corpus_jsonl)
    m.embedded = (seconds, triples)
    rows.extend(load_rows)

    overlap_rows(small, rows)

    m.latency = query_rows(store, rows, "synthetic store", args.runs)
    if args.skip_neo4j:
        m.skipped["push"] = "not measured (--skip-neo4j)"
    else:
        m.push = neo4j_push(OUT / "corpus-store")
        m.skipped["push"] = m.push
        rate = re.search(r"([0-9,]+) relationships/s", m.push)
        rows.append(("Neo4j push, corpus", m.push, ">= 10k relationships/s",
                     _verdict(int(rate.group(1).replace(",", "")) >= PUSH_TARGET) if rate else ""))

    report(issue_rows(m), rows, args, loads.summary())


def _first_megabytes(paths: list[Path], mb: float) -> list[Path]:
    taken, total = [], 0
    for path in paths:
        if total >= mb * 2**20:
            break
        taken.append(path)
        total += path.stat().st_size
    return taken


def _stored_triples(store: Path) -> int:
    from govkg.store import open_store

    db = open_store(store, read_only=True)
    try:
        return db.triple_count()
    finally:
        db.close()


def _corpus_jsonl(paths: list[Path]) -> Path:
    from govkg.pipeline import extract_to_jsonl

    out = OUT / "corpus.jsonl"
    extract_to_jsonl(paths, out, jobs=2)
    return out


def markdown_table(rows: list[tuple[str, str, str, str]]) -> str:
    width = max(len(r[0]) for r in rows)
    lines = [f"| {'measure':{width}} | value | target | verdict |", f"|{'-' * (width + 2)}|---|---|---|"]
    lines += [f"| {m:{width}} | {v} | {t} | {d} |" for m, v, t, d in rows]
    return "\n".join(lines)


def report(issue: list, rows: list, args, loads: str) -> None:
    """Print the issue's table, then every row measured, and write both as this kind of run's
    generated section of bench/results.md (the hand-written rest of the file is kept)."""
    command = "python bench/run.py" + (f" --size-mb {args.size_mb:g}" if args.size_mb != 100 else "") \
        + (f" --queries-only {args.queries_only}" if args.queries_only else "") \
        + (f" --runs {args.runs}" if args.runs != 30 else "") + (" --skip-neo4j" if args.skip_neo4j else "")
    note = ""
    if args.queries_only:
        note = f"Only the query rows, on the store {args.queries_only} (loaded earlier).\n\n"
    elif args.size_mb != 100:
        note = (f"**A {args.size_mb:g} MB run, not the 100 MB one**: the query and load targets are the issue's "
                "for 100 MB (the load target is scaled to the size run), so a verdict here is only indicative.\n\n")
    body = (f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, `{command}`\n\n{machine()}\n\n"
            f"Load average (1 min) while it ran: {loads}.\n\n{note}"
            f"The issue's table:\n\n{markdown_table(issue)}\n\nEvery row measured:\n\n{markdown_table(rows)}\n")
    print(f"{markdown_table(issue)}\n\n{markdown_table(rows)}\n\nload average (1 min) while it ran: {loads}")
    key = "queries-only" if args.queries_only else f"{args.size_mb:g} MB"
    title = f"## Latest `{command.split(' --runs')[0]}` (generated)"
    write_section(args.results, key, f"{title}\n\n{body}")
    print(f"\nwritten to {args.results} (section '{key}')")


def write_section(path: Path, key: str, text: str) -> None:
    """Put ``text`` between this key's markers in ``path``, in place of what a run of the same
    kind wrote there before; a file without them gets the section after its title. What lies
    outside the markers (the hand-written record of earlier runs) is never changed."""
    begin = f"<!-- bench/run.py {key}: begin (generated, replaced by the next such run) -->"
    end = f"<!-- bench/run.py {key}: end -->"
    section = f"{begin}\n{text.rstrip()}\n{end}\n"
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    if begin in old and end in old[old.index(begin):]:
        start = old.index(begin)
        stop = old.index(end, start) + len(end)
        new = old[:start] + section.rstrip("\n") + old[stop:]
    else:
        title = old.find("\n", old.find("# ")) + 1 if old.startswith("# ") else 0
        new = old[:title] + "\n" + section + "\n" + old[title:].lstrip("\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main()
