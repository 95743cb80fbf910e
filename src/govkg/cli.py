"""The ``govkg`` command: a thin layer over the library. Each command parses, calls one function,
prints; errors become one line on stderr and a non-zero exit."""
from __future__ import annotations

import csv
import functools
import inspect
import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table as RichTable

from govkg import settings
from govkg.errors import GovKGError, QueryError, UsageError

if TYPE_CHECKING:      # the command imports its libraries when it runs: `govkg --help` stays quick
    from govkg.store import GraphStore
    from govkg.store.sparql import SparqlStore

app = typer.Typer(
    name="govkg", no_args_is_help=True, add_completion=False, rich_markup_mode="markdown",
    help="Build a knowledge graph from Chinese government reports and ask it questions.\n\n"
         "Typical use: `govkg load reports/` then "
         "`govkg query initiatives-by-theme --param theme=village_governance`.",
)
out = Console()
err = Console(stderr=True, soft_wrap=True)   # one error per line, never wrapped

StoreOption = typer.Option(None, "--store", envvar="GOVKG_STORE", show_default="./govkg-data",
                           help="Folder of the embedded store (env GOVKG_STORE).")
Neo4jOption = typer.Option(None, "--neo4j", metavar="URI",
                           help="A Neo4j server: neo4j://, neo4j+s:// or bolt:// (docs/neo4j.md).")
AllowServiceOption = typer.Option(None, "--allow-service", metavar="URL",
                                  help="Let SERVICE clauses query this endpoint (repeatable; a URL ending "
                                       "in / allows all under it). Federated queries are off otherwise.")
Neo4jUserOption = typer.Option("neo4j", "--neo4j-user", envvar="NEO4J_USERNAME", help="Neo4j user.")
Neo4jPasswordOption = typer.Option(None, "--neo4j-password", envvar="NEO4J_PASSWORD", show_default=False,
                                   help="Neo4j password (better: env NEO4J_PASSWORD).")
ModelOption = typer.Option(None, "--model", metavar="DIR", envvar="GOVKG_MODEL",
                           help="A model folder written by `govkg train` (default: the model shipped with govkg).")
FastOption = typer.Option(False, "--fast", help="Rules alone, no learned model: faster, finds less (docs/extraction.md).")
OcrOption = typer.Option(False, "--ocr", envvar="GOVKG_OCR",
                         help="Read by OCR the pages whose text cannot be taken: scanned pages of PDFs and OFDs (an image, no "
                              "text), and PDF pages whose text is drawn as outlines or copies as garbage (fonts without a "
                              "character map). Tesseract with its Chinese model "
                              "(apt-get install tesseract-ocr tesseract-ocr-chi-sim), some 3-5 s a page on 2 cores; "
                              "what it reads is cached, and read from the cache later with or without --ocr.")
TableFormatOption = typer.Option("table", "--format", "-f", help="table, csv, tsv or json.")
ReaderBackendOption = typer.Option("embedded", "--backend", help="embedded or neo4j.")


def _ocr_for_the_run(wanted: bool, here: bool = True) -> None:
    """OCR for this run, worker processes included (they inherit GOVKG_OCR), or a usage error
    saying what is missing for it; ``here`` False: the reports are read elsewhere (Dask workers,
    whose notes say what they miss)."""
    import os

    from govkg.read import ocr

    if not wanted:
        return
    if here and ocr.missing():
        raise UsageError(f"--ocr: {ocr.missing()}")
    os.environ["GOVKG_OCR"] = "1"


def _model_spec(model: Path | None, fast: bool) -> str | None:
    """What ``govkg.extract.resolve_model`` takes: None (shipped), "rules", or a model folder."""
    from govkg.extract import RULES

    if fast and model:
        raise UsageError("--fast and --model exclude each other: --fast means the rules alone")
    if fast:
        return RULES
    if model is None:
        return None
    if not (model / "mentions.crfsuite").is_file():
        raise UsageError(f"{model}: not a govkg model folder (no mentions.crfsuite); make one with `govkg train`")
    return str(model.resolve())

SparqlUserOption = typer.Option(None, "--sparql-user", envvar="GOVKG_SPARQL_USER",
                                help="User for HTTP basic auth on the SPARQL server (password: env GOVKG_SPARQL_PASSWORD).")
DefaultGraphOption = typer.Option(None, "--default-graph", metavar="IRI",
                                  help="Sent as default-graph-uri when the server's default graph is not the "
                                       "union of its graphs (Jena: urn:x-arq:UnionGraph).")


def _open_sparql(url: str, user: str | None = None, default_graph: str | None = None,
                 update_url: str | None = None, graph_store_url: str | None = None):
    """A SPARQL 1.1 server (docs/scaling.md); the password only from env GOVKG_SPARQL_PASSWORD."""
    import os

    from govkg.store.sparql import SparqlStore

    if graph_store_url == "none":
        graph_store_url = ""
    return SparqlStore(url, update_url=update_url, graph_store_url=graph_store_url, user=user,
                       password=os.environ.get("GOVKG_SPARQL_PASSWORD"), default_graph=default_graph)


@dataclass(frozen=True)
class Neo4jServer:
    """What --neo4j, --neo4j-user and --neo4j-password say (the password better from env NEO4J_PASSWORD)."""
    uri: str | None = None
    user: str = "neo4j"
    password: str | None = None

    def open(self):
        """The Neo4j store named by --neo4j (or env NEO4J_URI; database from env NEO4J_DATABASE)."""
        import os

        from govkg.store.neo4j import Neo4jStore

        uri = self.uri or os.environ.get("NEO4J_URI")
        if not uri:
            raise UsageError("no Neo4j server given: use --neo4j URI or set NEO4J_URI")
        return Neo4jStore(uri, self.user, self.password, database=os.environ.get("NEO4J_DATABASE") or None)


_NEO4J_OPTIONS = [inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=option, annotation=kind)
                  for name, option, kind in (("neo4j_uri", Neo4jOption, Optional[str]),
                                             ("neo4j_user", Neo4jUserOption, str),
                                             ("neo4j_password", Neo4jPasswordOption, Optional[str]))]


def neo4j_options(fn):
    """Give a command the three Neo4j options, declared once here, as one ``neo4j: Neo4jServer``
    parameter: typer reads the options from the signature this puts in place of that parameter."""
    @functools.wraps(fn)
    def wrapper(*args, neo4j_uri=None, neo4j_user="neo4j", neo4j_password=None, **kwargs):
        return fn(*args, neo4j=Neo4jServer(neo4j_uri, neo4j_user, neo4j_password), **kwargs)

    parameters = list(inspect.signature(fn).parameters.values())
    at = [p.name for p in parameters].index("neo4j")
    wrapper.__signature__ = inspect.Signature(
        parameters[:at] + _NEO4J_OPTIONS + parameters[at + 1:])
    wrapper.__annotations__ = {**{k: v for k, v in fn.__annotations__.items() if k != "neo4j"},
                               **{p.name: p.annotation for p in _NEO4J_OPTIONS}}
    return wrapper


def cli_errors(fn):
    """Turn govkg's errors into one line on stderr and exit code 1 (2 for a busy store)."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from govkg.errors import StoreBusyError

        try:
            return fn(*args, **kwargs)
        except StoreBusyError as e:
            err.print(f"[red]error:[/] {e}", highlight=False, markup=True)
            raise typer.Exit(2) from None
        except GovKGError as e:
            err.print(f"[red]error:[/] {_escape(str(e))}", highlight=False)
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            err.print("interrupted")
            raise typer.Exit(130) from None
    return wrapper


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _progress(total: int, label: str):
    return Progress(TextColumn(f"{label} [bold]{{task.description}}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, transient=False, disable=total < 2)


def _run_with_progress(paths, label, work):
    with _progress(len(paths), label) as progress:
        task = progress.add_task("", total=len(paths))

        def advance(name: str) -> None:
            progress.update(task, advance=1, description=name[:40])

        return work(advance)


def _inputs(items) -> list[Path]:
    from govkg.pipeline import expand_inputs, skip_reason

    skipped: list[Path] = []
    paths = expand_inputs(items, skipped)
    for path in skipped:
        err.print(f"[yellow]skipped:[/] {_escape(str(path))}: {skip_reason(path)}", highlight=False)
    if not paths:
        raise UsageError(f"no report files in {', '.join(map(str, items))}")
    return paths


def _report_notes_and_failures(result) -> None:
    for path, note in result.notes:
        err.print(f"[yellow]note:[/] {_escape(str(path))}: {_escape(note)}", highlight=False)
    for path, reason in result.failed:
        err.print(f"[red]error:[/] {_escape(str(path))}: {_escape(reason)}", highlight=False)


def _counted(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


def _summary(result, verb: str) -> str:
    parts = [f"{verb} {_counted(len(result.loaded), 'report')}"]
    if result.unchanged:
        parts.append(f"{len(result.unchanged)} unchanged")
    if result.failed:
        parts.append(f"{len(result.failed)} failed")
    return (", ".join(parts) + f": {result.statements} statements, {result.entities} entities, "
            f"{result.relations} relations" + (f", {result.triples} triples" if result.triples else "")
            + f" in {result.seconds:.1f}s")


@app.command()
@cli_errors
@neo4j_options
def load(
    reports: list[Path] = typer.Argument(None, help="Report files or folders (txt, md, docx, pdf, ofd, html; doc, wps, rtf, odt through LibreOffice)."),
    store: Optional[Path] = StoreOption,
    author: Optional[str] = typer.Option(None, "--issuer", "--author", help="The body that issued the reports (overrides detection)."),
    kind: Optional[str] = typer.Option(None, "--kind", help="Their kind: 政府工作报告, 述职报告, 工作总结, 五年规划, 政策文件 or 党代会报告."),
    year: Optional[int] = typer.Option(None, "--year", help="Their year (delivered or issued)."),
    metadata: Optional[Path] = typer.Option(None, "--metadata", help="A CSV of file,issuer,kind,year,level,title rows "
                                            "(a folder's govkg-metadata.csv is read by itself)."),
    from_jsonl: Optional[Path] = typer.Option(None, "--from-jsonl", help="Load an interchange JSONL written by `govkg extract`."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes for extraction (output order is kept)."),
    model: Optional[Path] = ModelOption,
    fast: bool = FastOption,
    ocr: bool = OcrOption,
    no_compact: bool = typer.Option(False, "--no-compact", help="Do not compact the embedded store now, however much "
                                    "was written (the next load or `govkg compact` will)."),
    neo4j: Neo4jServer = Neo4jServer(),
):
    """Read reports, extract entities, relations and themes, and store them.

    Loading the same report again changes nothing; a changed report replaces its earlier version.

    Issuer, kind and year are read from each report's text; `--issuer 海拉尔区人民政府 --kind 政府工作报告
    --year 2016` says them for every file given, and a CSV (`--metadata`, or `govkg-metadata.csv` in
    a folder) for each file.

    Once the loads since the last compaction have written many triples (1,000,000:
    GOVKG_COMPACT_AFTER), a load compacts the embedded store, which makes its queries 2-3 times
    faster (`--no-compact`: not now; later, with `govkg compact` or the next load).

    Example: `govkg load examples/` or `govkg load --store ~/kg reports/*.docx`
    (`--neo4j bolt://localhost:7687` writes to Neo4j instead of the embedded store;
    `govkg load --ocr scans/` reads the scanned pages of PDFs by OCR)
    """
    import os

    from govkg.pipeline import LoadResult, load_extractions, load_files
    from govkg.store import open_store

    if not reports and not from_jsonl:
        raise UsageError("nothing to load: give report files or folders, or --from-jsonl FILE")
    spec = _model_spec(model, fast)
    _ocr_for_the_run(ocr)
    paths = _inputs(reports) if reports else []
    stated = _stated(author, kind, year, metadata)
    if not from_jsonl and not any(os.path.lexists(p) for p in paths):
        raise UsageError(f"no such file: {', '.join(map(str, paths))}")     # and no empty store made
    with neo4j.open() if neo4j.uri else open_store(store) as db:
        result = LoadResult()
        if from_jsonl:
            from govkg.interchange import read_jsonl
            result.merge(load_extractions(read_jsonl(from_jsonl), db))
        if paths:
            result.merge(_run_with_progress(paths, "loading", lambda tick: load_files(paths, db, stated, tick, jobs, spec)))
        if not neo4j.uri:
            _compact_if_due(db, result.triples, no_compact)
    _report_notes_and_failures(result)
    err.print(_summary(result, "loaded"), highlight=False)
    if result.failed:
        raise typer.Exit(1)


@app.command()
@cli_errors
def extract(
    inputs: list[Path] = typer.Argument(..., help="Report files or folders."),
    output: Path = typer.Option(..., "-o", "--output", help="Interchange JSONL to write (spec §5)."),
    author: Optional[str] = typer.Option(None, "--issuer", "--author", help="The body that issued the reports (overrides detection)."),
    kind: Optional[str] = typer.Option(None, "--kind", help="Their kind: 政府工作报告, 述职报告, 工作总结, 五年规划, 政策文件 or 党代会报告."),
    year: Optional[int] = typer.Option(None, "--year", help="Their year (delivered or issued)."),
    metadata: Optional[Path] = typer.Option(None, "--metadata", help="A CSV of file,issuer,kind,year,level,title rows "
                                            "(a folder's govkg-metadata.csv is read by itself)."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes (output order is kept)."),
    dask: Optional[str] = typer.Option(None, "--dask", metavar="SCHEDULER_ADDRESS",
                                       help="Run the per-report map on a Dask cluster, e.g. tcp://10.0.0.5:8786."),
    model: Optional[Path] = ModelOption,
    fast: bool = FastOption,
    ocr: bool = OcrOption,
):
    """Extract entities, relations and themes to interchange JSONL, without storing them.

    The output is the same, byte for byte, whatever `--jobs` or `--dask` say; load it with
    `govkg load --from-jsonl`.

    Examples: `govkg extract ../shared/corpus -o extraction.jsonl --jobs 2`;
    `govkg extract reports/ -o x.jsonl --model my-model/` (a model from `govkg train`);
    `govkg extract reports/ -o x.jsonl --fast` (rules alone)
    """
    from govkg.pipeline import extract_to_jsonl

    spec = _model_spec(model, fast)
    _ocr_for_the_run(ocr, here=not dask)
    paths = _inputs(inputs)
    author = _stated(author, kind, year, metadata)

    def work(tick):
        items = None
        if dask:
            from govkg.distributed import extract_on_dask
            items = extract_on_dask(paths, dask, author, tick, model=spec)
        return extract_to_jsonl(paths, output, author, tick, jobs, items=items, model=spec)

    result = _run_with_progress(paths, "extracting", work)
    _report_notes_and_failures(result)
    err.print(_summary(result, "extracted") + f" -> {output}", highlight=False)
    if result.failed:
        raise typer.Exit(1)


@app.command()
@cli_errors
def unpack(
    table: Path = typer.Argument(..., help="A table of reports (.csv, .tsv or .xlsx, one report a row), or a .zip "
                                           "archive of report files."),
    output: Path = typer.Option(..., "-o", "--output", help="The folder to write the report files into."),
    text: Optional[str] = typer.Option(None, "--text", help="The column of the reports' text (default: found by "
                                       "its name, else the column with the longest cells)."),
    title: Optional[str] = typer.Option(None, "--title", help="The column of their titles (names the files)."),
    issuer: Optional[str] = typer.Option(None, "--issuer", help="The column of the bodies that issued them."),
    year: Optional[str] = typer.Option(None, "--year", help="The column of their years (or dates)."),
    kind: Optional[str] = typer.Option(None, "--kind", help="The column of their kinds (政府工作报告, 政策文件, ...)."),
    level: Optional[str] = typer.Option(None, "--level", help="The column of their levels (national ... village)."),
    sheet: Optional[str] = typer.Option(None, "--sheet", help="The sheet of an Excel file (default: the first)."),
    force: bool = typer.Option(False, "--force", help="Replace files of the same name that hold other text."),
):
    """Write a table of reports (one report a row, as datasets of work reports come), or a .zip of
    report files, as a folder of report files to load.

    Each row with text becomes a UTF-8 .txt named by its title, and the titles, issuers, years,
    kinds and levels go into the folder's govkg-metadata.csv, which `govkg load` reads. Columns are
    found by their names (title, 标题, 发文机关, 年份, ...) unless named here. A .zip's report
    files are taken out with their folders (names in GBK read as such). Unpacking again writes
    nothing that is already there.

    Examples: `govkg unpack reports.csv -o reports/ && govkg load reports/`;
    `govkg unpack policies.xlsx -o policies/ --sheet 2021 --text 政策内容 --title 政策名称`
    (Excel needs `pip install 'govkg[tables]'`); `govkg unpack 2023年报告.zip -o reports/`
    """
    from govkg.unpack import Columns, unpack as unpack_table

    done = unpack_table(table, output, Columns(text=text, title=title, issuer=issuer, year=year, kind=kind,
                                               level=level), force=force, sheet=sheet)
    if done.columns:
        read = ", ".join(f"{name} from '{column}'" for name, column in done.columns.items())
        err.print(f"columns: {read}", highlight=False)
    for note in done.notes:
        err.print(f"note: {table}: {note}", highlight=False)
    if done.empty_rows:
        err.print(f"note: {table}: {_counted(len(done.empty_rows), 'row')} without text left out "
                  f"(rows {', '.join(map(str, done.empty_rows[:10]))}{' ...' if len(done.empty_rows) > 10 else ''})",
                  highlight=False)
    err.print(f"unpacked {_counted(len(done.written) + len(done.unchanged), 'report')} into {output} "
              f"({len(done.written)} written, {len(done.unchanged)} unchanged); next: govkg load {output}",
              highlight=False)


def _stated(issuer, kind, year, metadata):
    """The report metadata the user states on the command line (checked before any work)."""
    from govkg.read.sidecar import MetaOverride, read_sidecar

    if metadata:
        read_sidecar(metadata.resolve())     # a bad CSV fails now, with its line
    stated = MetaOverride(issuer=issuer, kind=kind, year=year, sidecar=str(metadata) if metadata else None)
    stated.check("--kind/--year")
    return stated


def _parse_params(pairs: list[str]) -> dict[str, str]:
    params = {}
    for pair in pairs or []:
        if "=" not in pair:
            raise QueryError(f"--param wants NAME=VALUE, got '{pair}'")
        k, _, v = pair.partition("=")
        params[k.strip()] = v.strip()
    return params


@app.command()
@cli_errors
@neo4j_options
def query(
    name: Optional[str] = typer.Argument(None, help="A named query (see `govkg queries`)."),
    param: list[str] = typer.Option(None, "--param", "-p", help="A parameter, NAME=VALUE (repeatable)."),
    sparql: Optional[str] = typer.Option(None, "--sparql", help="SPARQL text, or a .rq file, instead of a named query."),
    fmt: str = TableFormatOption,
    write: bool = typer.Option(False, "--write", help="Allow a SPARQL update (refused otherwise)."),
    allow_service: list[str] = AllowServiceOption,
    store: Optional[Path] = StoreOption,
    backend: str = typer.Option("embedded", "--backend", help="embedded (SPARQL) or neo4j (the Cypher library)."),
    neo4j: Neo4jServer = Neo4jServer(),
    endpoint: Optional[str] = typer.Option(None, "--endpoint", metavar="URL",
                                           help="Ask a SPARQL 1.1 server that `govkg push --sparql` filled instead."),
    sparql_user: Optional[str] = SparqlUserOption,
    default_graph: Optional[str] = DefaultGraphOption,
    limit: int = typer.Option(100, "--limit", min=0, help="Rows of a named query to show (0: all of them)."),
    offset: int = typer.Option(0, "--offset", min=0, help="Rows to skip first (the next page: --offset 100)."),
    total: bool = typer.Option(False, "--total", help="Also count every row of the answer (runs the whole query)."),
):
    """Ask the graph a question: a named query with parameters, or your own SPARQL.

    A named query shows its first 100 rows; `--offset 100` the next ones, `--limit 0` all.

    Examples:

    `govkg query initiatives-by-theme --param theme=village_governance`

    `govkg query --sparql 'SELECT ?name WHERE { ?e a gk:Initiative ; rdfs:label ?name }' --format csv`

    `govkg query report-summary --endpoint http://localhost:3030/govkg` (a Fuseki dataset)
    """
    from govkg.named_queries import run_page
    from govkg.user_sparql import run_sparql
    from govkg.store import open_store

    if fmt not in ("table", "csv", "tsv", "json"):
        raise QueryError(f"unknown --format '{fmt}' (table, csv, tsv or json)")
    if bool(name) == bool(sparql):
        raise QueryError("give a query name or --sparql TEXT_OR_FILE (one of them)")
    params = _parse_params(param)
    if backend not in ("embedded", "neo4j"):
        raise QueryError(f"unknown --backend '{backend}' (embedded or neo4j)")
    if backend == "neo4j" and sparql:
        raise QueryError("--sparql needs the embedded backend; Neo4j runs the named Cypher queries")
    if endpoint and backend == "neo4j":
        raise QueryError("--endpoint names a SPARQL server; leave out --backend neo4j")
    with (neo4j.open() if backend == "neo4j"
          else _open_sparql(endpoint, sparql_user, default_graph) if endpoint
          else open_store(store, read_only=not write)) as db:
        if sparql:
            table = run_sparql(db, sparql, params, allow_update=write, allow_service=tuple(allow_service or ()))
        else:
            assert name is not None     # one of the two, checked above
            table = run_page(db, name, params, limit=limit or None, offset=offset, total=total)
    _print_table(table, fmt, title=name or "")
    if not sparql:
        _page_note(table, limit, offset)


def _page_note(table, limit: int, offset: int) -> None:
    """On stderr, so csv and json output stay clean: which rows these are, and how to get more."""
    shown = f"rows {offset + 1}-{offset + len(table.rows)}" if table.rows else f"no rows after {offset}"
    if table.total is not None:
        err.print(f"{shown} of {table.total}", highlight=False)
    elif limit and len(table.rows) == limit:
        err.print(f"{shown}; more with --offset {offset + limit} (or --limit 0 for all, --total to count)",
                  highlight=False)


def _print_table(table, fmt: str, title: str = "") -> None:
    if fmt == "json":
        out.print_json(json.dumps(table.as_dicts(), ensure_ascii=False, default=str))
        return
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(table.columns)
        writer.writerows(["" if c is None else c for c in row] for row in table.rows)
        sys.stdout.write(buffer.getvalue())
        return
    rich_table = RichTable(title=f"{title} ({len(table.rows)} rows)" if title else None, show_lines=False)
    for column in table.columns:
        rich_table.add_column(column, overflow="fold")
    for row in table.rows:
        rich_table.add_row(*[_escape("" if c is None else str(c)) for c in row])
    out.print(rich_table)


@app.command()
@cli_errors
def queries(language: str = typer.Option("sparql", help="sparql or cypher.")):
    """List the named queries with their parameters and columns.

    Example: `govkg queries`
    """
    from govkg.named_queries import list_queries

    table = RichTable()
    for column in ("name", "parameters", "columns", "purpose"):
        table.add_column(column, overflow="fold")
    for q in list_queries(language):
        params = ", ".join(p.name + ("" if p.required else "?") for p in q.params)
        table.add_row(q.name, params, ", ".join(q.columns), q.purpose)
    out.print(table)


@app.command()
@cli_errors
def stats(store: Optional[Path] = StoreOption):
    """Count reports, statements, entities per type, relations per type and statements per theme.

    Example: `govkg stats`
    """
    from govkg.stats import store_stats
    from govkg.store import open_store

    with open_store(store, read_only=True) as db:
        sections = store_stats(db)
    for section, rows in sections.items():
        table = RichTable(title=section, title_justify="left")
        table.add_column("name")
        table.add_column("count", justify="right")
        for name, count in rows:
            table.add_row(str(name), str(count))
        out.print(table)


@app.command()
@cli_errors
def export(
    fmt: str = typer.Option(..., "--format", "-f", help="ttl, nq, jsonld, graphml or neo4j-admin (a folder of CSVs, docs/neo4j.md)."),
    output: Path = typer.Option(..., "-o", "--output", help="File to write."),
    with_schema: bool = typer.Option(True, "--with-schema/--without-schema",
                                     help="Include the ontology and themes (the SHACL shapes need them)."),
    store: Optional[Path] = StoreOption,
):
    """Export the graph: Turtle, N-Quads (one named graph per report), JSON-LD or GraphML (Gephi, yEd).

    Example: `govkg export --format ttl -o graph.ttl`
    """
    from govkg.export import export_store
    from govkg.store import open_store

    with open_store(store, read_only=True) as db:
        n = export_store(db, fmt, output, with_schema=with_schema)
    err.print(f"wrote {n} {'nodes and edges' if fmt in ('graphml', 'neo4j-admin') else 'triples'} to {output}", highlight=False)


def _compact_if_due(db, triples: int, no_compact: bool) -> None:
    """Compact once the loads since the last compaction (this one included) wrote COMPACT_AFTER
    triples: a store filled by many small loads gets the same speed-up as one loaded at once."""
    written = db.count_written(triples)
    if not no_compact and written >= settings.COMPACT_AFTER:
        _compact(db, f"{written:,} triples written" + (" by this and earlier loads" if written > triples else ""))


def _compact(db, why: str) -> None:
    import time

    started = time.perf_counter()
    with err.status(f"compacting the store ({why})"):
        db.compact()
    err.print(f"compacted the store in {time.perf_counter() - started:.1f}s ({why})", highlight=False)


@app.command()
@cli_errors
def compact(store: Optional[Path] = StoreOption):
    """Compact the embedded store: merge the files its loads wrote, so queries read fewer of them.

    `govkg load` does it by itself once the loads since the last compaction have written 1,000,000
    triples or more (GOVKG_COMPACT_AFTER); run it after `govkg load --no-compact`, or on a store
    loaded by an older govkg. Nothing stored changes; it needs the store to itself (no other writer) and
    takes about a minute and a half for a store of 100 MB of reports (20 million triples).

    Example: `govkg compact --store ~/kg`
    """
    from govkg.store import default_store_path, open_store

    path = default_store_path(store)
    if not Path(path).is_dir():
        raise UsageError(f"{path}: no store here (run `govkg load` first)")
    with open_store(path) as db:
        _compact(db, str(path))


@app.command()
@cli_errors
@neo4j_options
def remove(
    reports: list[str] = typer.Argument(..., help="Report files (a path, or a base name only one stored report has)."),
    store: Optional[Path] = StoreOption,
    neo4j: Neo4jServer = Neo4jServer(),
    sparql: Optional[str] = typer.Option(None, "--sparql", metavar="URL",
                                         help="Remove them from a SPARQL 1.1 server (see `govkg push --help`)."),
    sparql_user: Optional[str] = SparqlUserOption,
):
    """Remove what reports contributed to the graph, and nothing else.

    Example: `govkg remove xx县2023年政府工作报告.txt` (add `--neo4j URI` to remove them from Neo4j,
    `--sparql URL` from a SPARQL server)
    """
    from govkg.store import find_report, open_store

    missing = []
    with (neo4j.open() if neo4j.uri
          else _open_sparql(sparql, sparql_user) if sparql else open_store(store)) as db:
        for doc in reports:
            found = find_report(db, doc)
            if found is not None and db.remove(found):
                err.print(f"removed {doc}", highlight=False)
            else:
                missing.append(doc)
    if missing:
        raise UsageError(f"not in the store: {', '.join(missing)} (see `govkg reports`)")


@app.command()
@cli_errors
def reports(store: Optional[Path] = StoreOption,
            fmt: str = TableFormatOption):
    """List the stored reports: issuer, administrative level, kind, year (and the year reported on), title.

    An issuer the text does not name shows as (unknown): set it with `govkg load --issuer NAME FILE`
    or a govkg-metadata.csv beside the reports.

    Example: `govkg reports` or `govkg reports --format csv > reports.csv`
    """
    from govkg.store import open_store

    with open_store(store, read_only=True) as db:
        rows = db.reports()
    from govkg.store import Table

    _check_format(fmt)
    table = Table(("report", "issuer", "level", "kind", "year", "reports_on", "title", "sha256", "file"),
                  tuple((r.doc, r.issuer or ("(unknown)" if fmt == "table" else ""), r.level, r.kind, r.year,
                         r.reported_year, r.title, r.sha256 if fmt != "table" else r.sha256[:12], r.key)
                        for r in rows))
    if fmt == "table":       # the file path is for csv/json; a terminal table keeps the name readable
        table = Table(table.columns[:-1], tuple(row[:-1] for row in table.rows))
    _print_table(table, fmt)


def _reader(store: Path | None, backend: str, neo4j: Neo4jServer):
    """The store a read-only command asks: the embedded one, or Neo4j with --backend neo4j."""
    from govkg.store import open_store

    if backend not in ("embedded", "neo4j"):
        raise QueryError(f"unknown --backend '{backend}' (embedded or neo4j)")
    if backend == "neo4j":
        return neo4j.open()
    return open_store(store, read_only=True)


def _check_format(fmt: str) -> None:
    if fmt not in ("table", "csv", "tsv", "json"):
        raise QueryError(f"unknown --format '{fmt}' (table, csv, tsv or json)")


@app.command(name="timeline")
@cli_errors
@neo4j_options
def timeline_cmd(
    name: str = typer.Argument(..., help="An entity's name or alias, e.g. 脱贫攻坚 (other spellings are found too)."),
    fmt: str = TableFormatOption,
    store: Optional[Path] = StoreOption,
    backend: str = ReaderBackendOption,
    neo4j: Neo4jServer = Neo4jServer(),
):
    """When an undertaking (or any entity) first appeared, where it is still named, and how often:
    one row per report, by year, with the first sentence that names it.

    Spellings of one undertaking across years are one entity (脱贫攻坚战 = 脱贫攻坚, 实施乡村振兴战略 =
    乡村振兴): see the alias table in docs/extraction.md.

    Example: `govkg timeline 脱贫攻坚` or `govkg timeline 乡村振兴 --format csv > rural.csv`
    (`govkg viz --timeline 脱贫攻坚 -o t.png` draws it)
    """
    from govkg.series import timeline
    from govkg.store import Table

    _check_format(fmt)
    with _reader(store, backend, neo4j) as db:
        tl = timeline(db, name)
    if not tl.appearances:
        raise UsageError(f"'{name}' is not named in any stored report (looked up: {', '.join(tl.names)}); "
                         "try `govkg query entity-neighbourhood` or a shorter name")
    table = Table(("year", "report", "issuer", "entity", "type", "statements", "sentence"),
                  tuple((a.year, a.report, a.issuer, a.entity, a.type, a.statements, a.sentence)
                        for a in tl.appearances))
    _print_table(table, fmt, title=f"timeline of {name}")
    first, last = tl.first_seen, tl.last_seen
    if fmt == "table" and first and last:
        err.print(f"first seen {first.year} ({first.report}), last seen {last.year} ({last.report}); "
                  f"named in {len(tl.appearances)} reports over {len(tl.years)} years", highlight=False)


@app.command(name="diff")
@cli_errors
@neo4j_options
def diff_cmd(
    report_a: str = typer.Argument(..., help="The earlier report (file name as in `govkg reports`)."),
    report_b: Optional[str] = typer.Argument(None, help="The later report; left out: REPORT_A against "
                                                        "the previous report of its issuer and kind."),
    only: list[str] = typer.Option(None, "--only", help="new, dropped or continued (repeatable)."),
    type_: list[str] = typer.Option(None, "--type", help="Initiative, Program or Organization (repeatable)."),
    fmt: str = TableFormatOption,
    store: Optional[Path] = StoreOption,
    backend: str = ReaderBackendOption,
    neo4j: Neo4jServer = Neo4jServer(),
):
    """What changed between two reports: the undertakings (initiatives, programs) and bodies that are
    new in the later one, dropped from it, or continued, each with the sentence that names it.

    Example: `govkg diff gwr-hailar-district-2016.txt gwr-hailar-district-2018.txt --only new --type Initiative`
    or `govkg diff gwr-national-2025.txt` (against the previous 国务院 work report stored)
    """
    from govkg.series import CHANGE_KINDS, diff
    from govkg.store import Table

    _check_format(fmt)
    wrong = [s for s in only or () if s not in CHANGE_KINDS]
    if wrong:
        raise QueryError(f"unknown --only '{wrong[0]}' (new, dropped or continued)")
    with _reader(store, backend, neo4j) as db:
        d = diff(db, Path(report_a).name, Path(report_b).name if report_b else None)
    changes = [c for c in d.changes() if (not only or c.status in only) and (not type_ or c.type in type_)]
    table = Table(("status", "name", "type", "statements", "report", "sentence"),
                  tuple((c.status, c.name, c.type, c.statements, c.report, c.sentence) for c in changes))
    _print_table(table, fmt, title=f"{d.before} → {d.after}")
    if fmt == "table":
        err.print(f"{d.before} → {d.after}: {len(d.new)} new, {len(d.dropped)} dropped, "
                  f"{len(d.continued)} continued", highlight=False)


@app.command()
@cli_errors
def viz(
    output: Path = typer.Option(..., "-o", "--output", help="File to write: .html, .png or .svg."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="html, png or svg (default: from the file name)."),
    theme: Optional[str] = typer.Option(None, help="Only entities touching this theme or a narrower one."),
    report: Optional[str] = typer.Option(None, help="Only entities and relations of this report (file name)."),
    type_: list[str] = typer.Option(None, "--type", help="Only entities of this type (repeatable)."),
    entity: Optional[str] = typer.Option(None, help="Only this entity's neighbourhood (name or alias)."),
    hops: int = typer.Option(1, help="With --entity: how many relations away to go."),
    limit: Optional[int] = typer.Option(None, help="At most this many entities, the most connected "
                                                   f"[default: {settings.HTML_NODE_LIMIT} for html, {settings.PICTURE_NODE_LIMIT} for png/svg]."),
    font: Optional[str] = typer.Option(None, "--font", envvar="GOVKG_FONT",
                                       help="png/svg: a CJK font file or family (env GOVKG_FONT)."),
    full: bool = typer.Option(False, "--full", help="png/svg: draw every entity even when there are more than "
                                                    "150 (by default such a picture is the overview)."),
    timeline: Optional[str] = typer.Option(None, "--timeline", metavar="NAME",
                                           help="Draw NAME (an entity, or a theme id) across the years instead."),
    store: Optional[Path] = StoreOption,
):
    """Draw the graph: an interactive HTML page that works offline, or a PNG/SVG picture.

    A graph of more than 150 entities opens on its overview: the undertakings named by the most
    reports and the bodies leading them (`--full` draws every entity in a picture; the page has a
    button).

    `--timeline 脱贫攻坚 -o t.png` draws an undertaking's presence in each issuer's reports over the
    years (`.svg`, or `.html` with the evidence sentences); `--timeline village_governance` a theme's
    statements per year.

    Example: `govkg viz -o graph.html --theme village_governance` or `govkg viz -o graph.png --report xx县2023年政府工作报告.txt`
    """
    from govkg.store import open_store
    from govkg.view import load_view, select, write_html, write_picture

    fmt = (fmt or output.suffix.lstrip(".") or "html").lower()
    if fmt not in ("html", "png", "svg"):
        raise UsageError(f"unknown --format '{fmt}' (html, png or svg)")
    if timeline:
        _draw_timeline(timeline, output, fmt, font, store)
        return
    with open_store(store, read_only=True) as db:
        whole = load_view(db)
    view = select(whole, theme=theme, report=report, types=type_ or (), entity=entity, hops=hops,
                  limit=limit if limit is not None else (settings.HTML_NODE_LIMIT if fmt == "html" else settings.PICTURE_NODE_LIMIT))
    if fmt == "html":
        write_html(view, output)
    else:
        from govkg.view.overview import OVERVIEW_ABOVE, overview

        if not full and not entity and view.total_nodes > OVERVIEW_ABOVE:
            view = overview(select(whole, theme=theme, report=report, types=type_ or (), limit=None))
        write_picture(view, output, fmt=fmt, font=font)
    cut = f" (of {view.total_nodes}; --limit)" if view.total_nodes > len(view.nodes) else ""
    if view.layout == "columns":
        cut = f" (the overview of {view.total_nodes}; --full draws them all)"
    err.print(f"wrote {len(view.nodes)} entities{cut} and {len(view.edges)} relations to {output}", highlight=False)


def _draw_timeline(name: str, output: Path, fmt: str, font: str | None, store: Path | None) -> None:
    from govkg.series import theme_trend, timeline
    from govkg.store import open_store
    from govkg.view.timeline import draw_theme_trend, draw_timeline, write_timeline
    from govkg.vocab import THEMES

    with open_store(store, read_only=True) as db:
        if name in THEMES:
            issuers = sorted({r.issuer for r in db.reports() if r.issuer})
            trends = {i: theme_trend(db, issuer=i).get(name, {}) for i in issuers}
            write_timeline(draw_theme_trend(name, trends, font), output, fmt, title=name)
            err.print(f"wrote the {name} trend of {sum(1 for t in trends.values() if t)} issuers to {output}",
                      highlight=False)
            return
        tl, reports = timeline(db, name), db.reports()
    rows = [(a.year, a.report, a.issuer, a.statements, a.sentence) for a in tl.appearances]
    write_timeline(draw_timeline(tl, reports, font), output, fmt, rows=rows, title=f"{name}: timeline")
    err.print(f"wrote the timeline of {name} ({len(tl.appearances)} reports) to {output}", highlight=False)


@app.command()
@cli_errors
def serve(
    store: Optional[Path] = StoreOption,
    host: str = typer.Option("127.0.0.1", help="Address to listen on; anything but localhost is reachable by others."),
    port: int = typer.Option(8000, help="Port to listen on."),
    timeout: float = typer.Option(settings.SPARQL_TIMEOUT, help="Seconds a /sparql query may run before it is answered 503."),
    limit: int = typer.Option(settings.SPARQL_ROW_LIMIT, help="Most solutions (or triples) /sparql returns for one query."),
    allow_service: list[str] = AllowServiceOption,
):
    """Explore the graph in a browser (search, neighbourhoods, named queries, evidence) with a
    read-only SPARQL endpoint at /sparql.

    Example: `govkg serve` then open http://127.0.0.1:8000/

    Every page has an address to share: /entity?name=乡村振兴 (its relations and its timeline across years),
    /report?doc=gwr-national-2023.txt (its text, its series, the diff with the previous report),
    /diff?before=gwr-hailar-district-2016.txt&after=gwr-hailar-district-2018.txt (new, dropped,
    continued), /themes (reports × themes), /query/initiatives-by-theme?theme=village_governance.
    """
    from govkg.serve import is_local, serve as run
    from govkg.store import open_store

    with open_store(store, read_only=True) as db:
        if not is_local(host):
            err.print(f"[yellow]warning:[/] listening on {_escape(host)}: anyone who can reach this machine "
                      "can read the whole graph", highlight=False)
        err.print(f"govkg explorer on http://{host}:{port}/ (SPARQL at /sparql, timeout {timeout:g} s, "
                  f"limit {limit} rows); Ctrl-C stops it", highlight=False, markup=False)
        run(db, host=host, port=port, timeout=timeout, limit=limit, allow_service=tuple(allow_service or ()))


@app.command(name="eval")
@cli_errors
def eval_(
    files: list[Path] = typer.Argument(None, help="Report files or folders (extracted first), or an interchange .jsonl."),
    gold: list[Path] = typer.Option(..., "--gold", metavar="PATH",
                                    help="Gold .jsonl file or folder of them (spec §6); repeat it to add more."),
    cv: int = typer.Option(0, "--cv", metavar="K", help="K-fold cross-validation grouped by report: train on K-1 "
                                                        "folds of the gold, score the held-out one (no FILES)."),
    train_only: Optional[list[Path]] = typer.Option(
        None, "--train-only", metavar="PATH",
        help="With --cv: more gold that is taught, never scored (repeatable): its statements of a fold's "
             "reports join the other folds' training; the folds and scores are --gold's alone."),
    corpus: Optional[list[Path]] = typer.Option(None, "--corpus", metavar="DIR",
                                                help="With --cv: a folder of the reports the gold annotates, "
                                                     "repeatable (GOLD/../corpus is looked in after them)."),
    show_errors: bool = typer.Option(False, "--show-errors", help="Print misses and false hits per statement."),
    as_json: bool = typer.Option(False, "--json", help="Print the whole result as JSON."),
    author: Optional[str] = typer.Option(None, help="The body that wrote the reports (overrides detection)."),
    model: Optional[Path] = ModelOption,
    fast: bool = FastOption,
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="With --cv: folds trained at once, each in a worker "
                                                            "process (the scores are the same)."),
    variant: Optional[list[str]] = typer.Option(
        None, "--variant", metavar="NAME",
        help="With --cv: score only this extractor (repeatable): rules, model (the learned model alone) "
             "or hybrid; default all three."),
    fold_models: Optional[Path] = typer.Option(
        None, "--fold-models", metavar="DIR",
        help="With --cv: keep each fold's model in DIR, and reuse those already there (trained for the same "
             "folds, statements and training settings): a rerun with --set on a setting read at extraction "
             "takes seconds instead of half an hour."),
    setting: Optional[list[str]] = typer.Option(
        None, "--set", metavar="KEY=VALUE",
        help="With --cv: a model setting (repeatable; VALUE in JSON, e.g. --set relation_threshold=0.5 "
             "--set 'rule_relations=[\"ISSUES\"]'); the settings and their defaults are DEFAULT_SETTINGS in "
             "govkg/learn/model.py."),
):
    """Score extractions against gold statements, with the figures of the shared score.py.

    Scoring on the gold a model was trained on measures fit, not generalisation; `--cv K` measures
    generalisation: for each of K folds of reports it trains on the others and scores the held-out
    fold, and prints rules alone, the learned model alone and the hybrid side by side.

    Examples: `govkg eval --gold ../shared/gold ../shared/corpus --show-errors`;
    `govkg eval --gold ../shared/gold --cv 5 --jobs 2` (ten models trained; measured on 2 cores: 389 s,
    686 s in one process; a table per fold shows the spread); `govkg eval --gold ../shared/gold --cv 5
    --jobs 2 --train-only annotations/statements` (each fold also taught the project's statements of
    its training reports, as the shipped model is; scored on ../shared/gold alone; the hybrid alone
    with `--variant hybrid`: 32-37 min);
    the same with `--fold-models cv-models` keeps the fold models, and then `... --variant hybrid
    --fold-models cv-models --set propagate_min_length=8` measures a setting read at extraction in
    about 15 s
    """
    from govkg.evaluate import evaluate, load_gold, records_of, statement_errors

    if cv:
        if files:
            raise UsageError("--cv trains and extracts by itself: give no FILES with it")
        _cross_validate(gold, corpus, cv, as_json, jobs, train_only, fold_models, _settings_of(setting or []),
                        tuple(variant or ()))
        return
    for given, name in ((train_only, "--train-only"), (fold_models, "--fold-models"), (setting, "--set"),
                        (variant, "--variant")):
        if given:
            raise UsageError(f"{name} is for --cv: scoring FILES trains nothing")
    if not files:
        raise UsageError("nothing to score: give report files or folders, an interchange .jsonl, or --cv K")
    gold_rows = load_gold(gold)
    records = records_of(files, author, _model_spec(model, fast))
    result = evaluate(gold_rows, records)
    if as_json:
        out.print_json(json.dumps(result, ensure_ascii=False))
    else:
        _score_table(f"{result['docs']} documents, {result['statements']} gold statements", {"": result})
        if result["docs_missing_from_prediction"]:
            err.print("missing from prediction: " + ", ".join(result["docs_missing_from_prediction"]), highlight=False)
    if show_errors:
        for e in statement_errors(gold_rows, records):
            if not e:
                continue
            out.print(f"[bold]{_escape(e.doc)}[/] {e.start}-{e.end} {_escape(e.text[:120])}", highlight=False)
            for label, items in (("missed", e.missed_entities), ("false", e.false_entities),
                                 ("missed relation", e.missed_relations), ("false relation", e.false_relations),
                                 ("missed theme", e.missed_themes), ("false theme", e.false_themes)):
                if items:
                    out.print(f"  {label}: " + _escape("; ".join(map(_show, items))), highlight=False)


def _settings_of(given: list[str]) -> dict:
    """``--set KEY=VALUE`` options as settings, each VALUE read as JSON (a bare word as a string)."""
    settings = {}
    for item in given:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--set {item}: give KEY=VALUE, e.g. --set relation_threshold=0.5")
        try:
            settings[key.strip()] = json.loads(value)
        except json.JSONDecodeError:
            settings[key.strip()] = value
    return settings


def _cross_validate(gold: list[Path], corpus: list[Path] | None, k: int, as_json: bool, jobs: int = 1,
                    train_only: list[Path] | None = None, fold_models: Path | None = None,
                    settings: dict | None = None, variants: tuple[str, ...] = ()) -> None:
    from govkg.learn.crossval import VARIANTS, cross_validate

    unknown = [v for v in variants if v not in VARIANTS]
    if unknown:
        raise UsageError(f"--variant {unknown[0]}: choose among {', '.join(VARIANTS)}")
    with err.status("cross-validating") as status:
        results = cross_validate(gold, corpus, k, variants=tuple(dict.fromkeys(variants)) or VARIANTS,
                                 settings=settings or None, progress=lambda msg: status.update(msg),
                                 jobs=jobs, train_only=train_only, fold_models=fold_models)
    if as_json:
        out.print_json(json.dumps(results, ensure_ascii=False))
        return
    first = next(iter(results.values()))
    _score_table(f"{k}-fold cross-validation grouped by report: {first['docs']} documents, "
                 f"{first['statements']} gold statements (F1; P/R below each)", results)
    _fold_table(results)


def _fold_table(results: dict[str, dict]) -> None:
    """Each held-out fold's entities and relations (lenient F1): how far the folds spread."""
    table = RichTable(title="each held-out fold: entities / relations, lenient F1")
    for column in ("fold", "reports", "statements", *results):
        table.add_column(column, justify="right")
    folds = [result["folds"] for result in results.values()]
    for rows in zip(*folds):
        cells = [f"{row['entities']['lenient']['f1']:.3f} / {row['relations']['lenient']['f1']:.3f}" for row in rows]
        table.add_row(str(rows[0]["fold"]), str(rows[0]["docs"]), str(rows[0]["statements"]), *cells)
    out.print(table)


def _score_table(title: str, results: dict[str, dict]) -> None:
    from govkg.evaluate import summary_rows

    table = RichTable(title=title)
    single = list(results) == [""]
    table.add_column("")
    for name in results:
        for column in (("P", "R", "F1", "pred", "gold") if single else (name,)):
            table.add_column(column, justify="right")
    rows = {name: summary_rows(result) for name, result in results.items()}
    for i, (label, _) in enumerate(next(iter(rows.values()))):
        cells = []
        for name in results:
            v = rows[name][i][1]
            cells += ([f"{v['p']:.3f}", f"{v['r']:.3f}", f"{v['f1']:.3f}", str(v["pred"]), str(v["gold"])]
                      if single else [f"{v['f1']:.3f} ({v['p']:.2f}/{v['r']:.2f})"])
        table.add_row(label, *cells)
    out.print(table)


@app.command()
@cli_errors
def train(
    gold: list[Path] = typer.Option(..., "--gold", metavar="PATH",
                                    help="Gold .jsonl file or folder of them (spec §6); repeat it to add more."),
    output: Path = typer.Option(..., "-o", "--output", help="Model folder to write (replaced if it exists)."),
    corpus: Optional[list[Path]] = typer.Option(None, "--corpus", metavar="DIR",
                                                help="A folder of the reports the gold annotates, repeatable "
                                                     "(GOLD/../corpus is looked in after them)."),
    setting: Optional[list[str]] = typer.Option(
        None, "--set", metavar="KEY=VALUE",
        help="A model setting (repeatable; VALUE in JSON, e.g. --set crf_iterations=200), kept in the "
             "model; measure one first with govkg eval --cv 5 --set. The settings and their defaults are "
             "DEFAULT_SETTINGS in govkg/learn/model.py."),
):
    """Train the extraction model (mention tagger, relation and theme classifiers) from gold statements.

    The gold is one JSON line per annotated statement (spec §6: doc, start, end, text, entities,
    relations, themes), and each `doc` must be a report file in `--corpus` or in the gold folder's
    ../corpus (annotations/corpus holds the reports of the project's own). The same gold gives
    the same model, file for file. Use the model with `--model` on extract, load and eval; check
    what it generalises to with `govkg eval --cv 5` first.

    A line may leave out its text: it is read from the report, and a name not found there is
    refused. A few hundred statements of your own make a weaker model than the shipped one, which
    learned from the 3,218 of ../shared/gold and the project's 12,236 of annotations/statements:
    train on yours beside those, so the model learns all (`govkg annotate` draws statements of
    your reports to annotate). With several `--gold`, the first one's statements are taught three
    times (setting first_gold_weight): put first the gold whose conventions are to be followed
    where annotators differ; `--set first_gold_weight=1` counts every statement once.

    Examples: `govkg train --gold ../shared/gold --gold annotations/statements -o my-model/` (the
    shipped model; 8-10 minutes on 2 cores); `govkg train --gold ../shared/gold --gold
    annotations/statements --gold my-gold/ --corpus ../shared/corpus --corpus my-reports/ -o
    my-model/` then `govkg load my-reports/ --model my-model/`
    """
    from govkg.learn.train import train_model

    with err.status("training") as status:
        info = train_model(gold, output, corpus, _settings_of(setting or []) or None,
                           progress=lambda msg: status.update(msg))
    err.print(f"trained on {_counted(info['statements'], 'statement')} of {_counted(info['reports'], 'report')} "
              f"-> {output}", highlight=False)


@app.command()
@cli_errors
def annotate(
    inputs: list[Path] = typer.Argument(..., help="Report files or folders to draw statements from."),
    output: Path = typer.Option(..., "-o", "--output", help="Gold-format JSONL to write (spec §6)."),
    limit: int = typer.Option(200, "--limit", "-n", min=1, help="How many statements to draw."),
    exclude: Optional[list[Path]] = typer.Option(None, "--exclude", metavar="GOLD",
                                                 help="Gold file or folder already annotated (repeatable): its "
                                                      "statements are not drawn."),
    per_report: Optional[int] = typer.Option(None, "--per-report", min=1,
                                             help="At most this many statements of any one report, so "
                                                  "long reports do not fill the draw."),
    seed: int = typer.Option(0, "--seed", help="Another seed draws other statements; the same one, the same."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes for the extraction."),
    model: Optional[Path] = ModelOption,
    fast: bool = FastOption,
):
    """Draw statements to annotate next, each pre-filled with what the model finds in it.

    A seeded random sample of the reports' statements (none that `--exclude` already annotates),
    written as gold lines (spec §6: offsets and text exact) holding the entities, relations and
    themes the model extracts there, in reading order. Correct each line by hand against the spec,
    put the file in your gold folder and train on it. Random rather than the statements the model
    is least sure of: those taught it no more, measured on the gold (docs/extraction.md).

    Examples: `govkg annotate my-reports/ -o round1.jsonl --limit 200`; after correcting it,
    `govkg train --gold ../shared/gold --gold my-gold/ --corpus ../shared/corpus --corpus my-reports/
    -o my-model/`; the next round skips what is done: `govkg annotate my-reports/ -o round2.jsonl
    --model my-model/ --exclude my-gold/`; from hundreds of reports, a few of each: `--limit 300 --per-report 3`
    """
    from govkg.learn.annotate import annotated_spans, draw_statements
    from govkg.pipeline import extract_files, write_atomically

    spec = _model_spec(model, fast)
    paths = _inputs(inputs)
    annotated = annotated_spans(exclude) if exclude else None
    draw = _run_with_progress(paths, "extracting", lambda tick: draw_statements(
        extract_files(paths, None, tick, jobs, spec), limit, seed, annotated, per_report))
    write_atomically(output, "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in draw.rows))
    for error in draw.failed:
        err.print(f"[red]error:[/] {_escape(str(error.path))}: {_escape(error.reason)}", highlight=False)
    err.print(f"drew {_counted(len(draw.rows), 'statement')} of the {draw.candidates:,} not yet annotated in "
              f"{_counted(len(paths) - len(draw.failed), 'report')} -> {output}", highlight=False)
    if draw.failed:
        raise typer.Exit(1)


def _show(item) -> str:
    return " ".join(item) if isinstance(item, tuple) else str(item)


@app.command()
@cli_errors
@neo4j_options
def push(
    neo4j: Neo4jServer = Neo4jServer(),
    store: Optional[Path] = StoreOption,
    force: bool = typer.Option(False, "--force", help="Rewrite reports the server already has in this version."),
    prune: bool = typer.Option(False, "--prune", help="Also remove reports the server has but the store does not."),
    sparql: Optional[str] = typer.Option(None, "--sparql", metavar="URL",
                                         help="A SPARQL 1.1 server instead of Neo4j: its query endpoint "
                                              "(a Fuseki dataset URL serves query, update and graph store)."),
    sparql_update: Optional[str] = typer.Option(None, "--sparql-update", metavar="URL",
                                                help="Its update endpoint, when not the --sparql URL."),
    graph_store: Optional[str] = typer.Option(None, "--graph-store", metavar="URL",
                                              help="Its Graph Store Protocol endpoint, when not the --sparql URL; "
                                                   "'none' writes through SPARQL Update only."),
    sparql_user: Optional[str] = SparqlUserOption,
):
    """Copy the embedded store into Neo4j or a SPARQL 1.1 server: one transaction per report,
    unchanged reports skipped.

    A failed push leaves every report it finished intact; run it again to complete it.

    Examples:

    `NEO4J_PASSWORD=... govkg push --neo4j neo4j://localhost:7687`

    `govkg push --sparql http://localhost:3030/govkg` (Fuseki; one named graph per report)

    `govkg push --sparql http://localhost:7878/query --sparql-update http://localhost:7878/update --graph-store http://localhost:7878/store` (Oxigraph server)
    """
    from govkg.store import open_store

    if sparql and neo4j.uri:
        raise UsageError("push to --neo4j or to --sparql, not both at once")
    with open_store(store, read_only=True) as source:
        docs = [r.doc for r in source.reports()]
        if sparql:
            _push_sparql(source, docs, _open_sparql(sparql, sparql_user, None, sparql_update, graph_store), force, prune)
            return
        from govkg.store.neo4j import push_store

        target = neo4j.open()
        try:
            result = _run_with_progress(docs, "pushing", lambda tick: push_store(source, target, force, prune, tick))
        finally:
            target.close()
    extra = [f"{len(result.unchanged)} unchanged"] if result.unchanged else []
    extra += [f"{len(result.removed)} removed"] if result.removed else []
    err.print(f"pushed {len(result.pushed)} reports{' (' + ', '.join(extra) + ')' if extra else ''}: "
              f"{result.nodes} nodes, {result.relationships} relationships in {result.seconds:.1f}s "
              f"({result.nodes_per_second:.0f} nodes/s, {result.relationships_per_second:.0f} relationships/s)",
              highlight=False)


def _push_sparql(source: GraphStore, docs: list[str], target: SparqlStore, force: bool, prune: bool) -> None:
    from govkg.store.sparql import push_sparql

    with target:
        result = _run_with_progress(docs, "pushing", lambda tick: push_sparql(source, target, force, prune, tick))
    extra = [f"{len(result.unchanged)} unchanged"] if result.unchanged else []
    extra += [f"{len(result.removed)} removed"] if result.removed else []
    err.print(f"pushed {len(result.pushed)} reports{' (' + ', '.join(extra) + ')' if extra else ''} to "
              f"{target.query_url}: {result.triples} triples in {result.seconds:.1f}s "
              f"({result.triples_per_second:.0f} triples/s)", highlight=False)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
