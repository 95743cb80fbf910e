"""The embedded default: a persistent Oxigraph RDF store on disk (or in memory when path is None).

Each report version lives in its own named graph (``…/graph/<doc>/v<n>``), and a small catalog
graph says which version of each report is current. What an entity is (type, name, aliases) is
kept once, in a shared entities graph, however many reports name it: Oxigraph's union of graphs
keeps duplicates, which would multiply every join on a much-named body; an entity's description
goes when the last report that names it goes. Putting a report bulk-loads the new version
into a graph nobody reads yet, then commits by adding its catalog entry (one atomic write), then
retires the old version; a load of many reports does this for a batch of them at a time (one
bulk load of their N-Quads, one commit of their catalog entries: ``put_many``). Readers only ever see committed, current versions: when the store holds
nothing else they query the union of all graphs (the fast path); while a write is in flight, or
after a crash left a graph behind, they query the list of current graphs instead. The next writer
cleans up whatever a crash left. Oxigraph allows one writer per directory; a second writer gets
StoreBusyError, and readers open read-only beside it.

A read-only view beside a writer is the store as it was when opened, for as long as the files of
that state exist: RocksDB keeps reading the files it has open even after the writer's compaction
deletes them, but a view opens most of its files only when a read first needs them, and a file the
writer's compaction deleted meanwhile is gone ("No such file"). A read that meets one is run again,
whole, on the view reopened (``_one_read``), and a view reopens before a read, or runs it again
after, when a table file it listed at its opening has gone (Oxigraph does not always say that a
file is missing: a query was seen to grow without bound instead); from then on the view is the
store as it was at the reopen, so it sees the writer's commits made since it was first opened. What
holds either way: every public read is answered from one state of the store (the one before the
reopen or the one after, never a mix), and that state holds only committed, current versions (a
report's old version or its new one, never half of one). ``reopened`` counts the reopens. An answer
of ``raw_query`` is read lazily by its caller, after the call: it is not retried.
"""
from __future__ import annotations

import functools
import itertools
import os
import re
import threading
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from pathlib import Path
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator, Mapping, cast

import pyoxigraph as ox
from rdflib import RDF, RDFS, Dataset, Graph, URIRef

from govkg import iri, vocab
from govkg.errors import GovKGError, QueryError, ReportError, StoreBusyError, StoreError
from govkg.model import Extraction, Report
from govkg.quads import entity_terms, nquads, report_terms
from govkg.resources import ontology_graph
from govkg.store import Closing, ReportInfo, Table

if TYPE_CHECKING:
    from govkg.named_queries import NamedQuery
    from govkg.store import QueryResult

__all__ = ["CATALOG_GRAPH", "SCHEMA_GRAPH", "OxigraphStore"]

SCHEMA_GRAPH = URIRef(f"{vocab.ID}graph/_schema")
CATALOG_GRAPH = URIRef(f"{vocab.ID}graph/_catalog")
ENTITIES_GRAPH = URIRef(f"{vocab.ID}graph/_entities")
_VERSION_OF = ox.NamedNode(f"{iri.STORE}versionOf")
_CATALOG = ox.NamedNode(str(CATALOG_GRAPH))
_SCHEMA = ox.NamedNode(str(SCHEMA_GRAPH))
_ENTITIES = ox.NamedNode(str(ENTITIES_GRAPH))
_SHARED = {_SCHEMA, _CATALOG, _ENTITIES}
_NAMING = [ox.NamedNode(str(p)) for p in (vocab.mentionOf, vocab.author, RDF.subject, RDF.object, vocab.metricOf)]
_VERSION = re.compile(r"/v([0-9]+)$")
# Triples written since the store was last compacted, kept in the catalog graph: many small loads
# add up to a compaction as one large load does (``count_written``).
_THIS_STORE, _WRITTEN = ox.NamedNode(iri.STORE + "store"), ox.NamedNode(iri.STORE + "triplesSinceCompaction")
_STORE_NS = iri.STORE
# Per-report aggregates written with each report version, so report-summary reads three numbers
# and theme-trend a count per theme instead of counting every statement, mention and assertion of
# the store at query time. A theme count is a node <report>/statements-on/<theme> with
# gks:countOf (the report), gks:theme (the concept) and gks:statements; gks:themesCounted says
# the report has them (a report without themes has none). gks:relationsOf names each relation type
# the report has a counted assertion of, so a page of a query on one type (documents-implemented)
# passes over the reports without it at the cost of one lookup; gks:relationsCounted says the
# report has them (and lets a store written before them get them when next opened for writing).
_STATEMENTS, _ENTITY_COUNT, _RELATIONS, _COUNT_OF, _THEME, _THEMES_COUNTED, _RELATIONS_OF, _RELATIONS_COUNTED = (
    ox.NamedNode(_STORE_NS + n) for n in ("statements", "entities", "relations", "countOf", "theme", "themesCounted",
                                          "relationsOf", "relationsCounted"))
_AGGREGATES = {_STATEMENTS, _ENTITY_COUNT, _RELATIONS, _COUNT_OF, _THEME, _THEMES_COUNTED, _RELATIONS_OF,
               _RELATIONS_COUNTED}
_HAS_THEME = ox.NamedNode(str(vocab.hasTheme))
_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_TYPE, _STATEMENT_CLASS = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(vocab.Statement))
_ASSERTION_CLASS = ox.NamedNode(str(vocab.RelationAssertion))
_MENTION_OF, _EVIDENCE = ox.NamedNode(str(vocab.mentionOf)), ox.NamedNode(str(vocab.evidence))
_SUBJECT, _PREDICATE = ox.NamedNode(str(RDF.subject)), ox.NamedNode(str(RDF.predicate))
_DOC_NAME = ox.NamedNode(str(vocab.docName))
# Quads per write of ``put_many``: Oxigraph's fixed cost per bulk load and per transaction is
# paid once for this many (a batch of N-Quads text is a few tens of MB at most)
BATCH_QUADS = 150_000
# Batches written at once (each by a thread of its own): the bulk loads of two batches use two
# cores while the commits stay one at a time and in order (_write_all)
WRITER_LOADS = 2
# An idle writer is sent what is built as soon as it holds this many quads, rather than waiting
# for a whole batch: the writes start early and the last one, which nothing overlaps, is small.
# Each bulk load also waits for ~36 file syncs (0.1 s and more on a busy disk), so not smaller
# (bench/results.md, issue 11p)
EARLY_QUADS = 50_000
_REPORTS_TRIED = 64    # reports read for no row, one at a time, before the whole query runs instead
_REPORTS_LOOKED_AT = 1024   # reports looked at (most passed over by their mark) before the same


def report_aggregates(report: ox.NamedNode, triples: Iterable) -> list[ox.Triple]:
    """The report's statement, entity and relation counts, as report-summary counted them:
    statements, distinct entities its mentions name, distinct relation assertions with evidence
    and a subject; and its statements per theme, as theme-trend counted them."""
    tally = ReportTally()
    tally.add(triples)
    return tally.triples(report)


class ReportTally:
    """The aggregates of one report version, gathered from its triples (or quads) as they are
    written, possibly in several batches: Oxigraph terms (``add``) or N-Triples terms from
    govkg.quads (``add_terms``), one kind per tally."""

    def __init__(self) -> None:
        self.statements: set = set()
        self.entities: set = set()
        self.evidenced: set = set()
        self.assertions: set = set()
        self.related: set = set()
        self.typed: dict[str, str] = {}       # assertion -> its relation type's IRI (rdf:predicate)
        self.themes: dict[str, set] = {}      # concept IRI -> its statements

    def add(self, triples: Iterable) -> None:
        for t in triples:
            p = t.predicate
            if p == _HAS_THEME:
                self.themes.setdefault(t.object.value, set()).add(t.subject)
            elif p == _TYPE and t.object == _STATEMENT_CLASS:
                self.statements.add(t.subject)
            elif p == _TYPE and t.object == _ASSERTION_CLASS:
                self.assertions.add(t.subject)
            elif p == _MENTION_OF:
                self.entities.add(t.object)
            elif p == _EVIDENCE:
                self.evidenced.add(t.subject)
            elif p == _SUBJECT:
                self.related.add(t.subject)
            elif p == _PREDICATE:
                self.typed[t.subject] = t.object.value

    def add_terms(self, triples: Iterable[tuple[str, str, str]]) -> None:
        """The same count from (subject, predicate, object) N-Triples terms, e.g. '<iri>'."""
        statements, assertions, kinds = self.statements, self.assertions, _TERM_KINDS
        for s, p, o in triples:
            kind = kinds.get(p)
            if kind is None:
                continue
            if kind == "type":
                if o == _STATEMENT_TERM:
                    statements.add(s)
                elif o == _ASSERTION_TERM:
                    assertions.add(s)
            elif kind == "theme":
                self.themes.setdefault(o[1:-1], set()).add(s)
            elif kind == "entity":
                self.entities.add(o)
            elif kind == "evidenced":
                self.evidenced.add(s)
            elif kind == "typed":
                self.typed[s] = o[1:-1]
            else:
                self.related.add(s)

    def triples(self, report: ox.NamedNode) -> list[ox.Triple]:
        counted = self.evidenced & self.assertions & self.related
        found = [ox.Triple(report, name, _count(items))
                 for name, items in ((_STATEMENTS, self.statements), (_ENTITY_COUNT, self.entities),
                                     (_RELATIONS, counted))]
        kinds = sorted({self.typed[a] for a in counted if a in self.typed})
        found += [ox.Triple(report, _RELATIONS_OF, ox.NamedNode(kind)) for kind in kinds]
        found.append(ox.Triple(report, _RELATIONS_COUNTED, _count(kinds)))
        for concept, on_theme in sorted(self.themes.items()):
            node = ox.NamedNode(f"{report.value}/statements-on/{concept.rsplit('/', 1)[-1]}")
            found += [ox.Triple(node, _COUNT_OF, report), ox.Triple(node, _THEME, ox.NamedNode(concept)),
                      ox.Triple(node, _STATEMENTS, _count(on_theme))]
        return found + [ox.Triple(report, _THEMES_COUNTED, _count(self.themes))]


_TERM_KINDS = {f"<{p.value}>": kind for p, kind in ((_TYPE, "type"), (_HAS_THEME, "theme"), (_MENTION_OF, "entity"),
                                                    (_EVIDENCE, "evidenced"), (_SUBJECT, "related"),
                                                    (_PREDICATE, "typed"))}
_STATEMENT_TERM, _ASSERTION_TERM = f"<{_STATEMENT_CLASS.value}>", f"<{_ASSERTION_CLASS.value}>"


@dataclass
class _Batched:
    """One report of a ``put_many`` batch, built and not yet written."""
    extraction: Extraction
    doc: str
    old: list[ox.NamedNode]          # its committed versions, retired after the commit
    target: ox.NamedNode             # the graph of the new version
    text: bytes                      # its graph, then the descriptions of the entities it names, as N-Quads
    entities: set                    # those entities' nodes
    commit: list[ox.Quad]            # its aggregates and its catalog entry
    quads: int


def _count(items) -> ox.Literal:
    return ox.Literal(str(len(items)), datatype=_INTEGER)


def to_ox(term):
    from rdflib import BNode, Literal

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise StoreError(f"cannot store term {term!r}")


def from_ox(term):
    """A Python value for a result cell."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else ""
        if dt.endswith(("#integer", "#int", "#long")):
            return int(term.value)
        if dt.endswith("#boolean"):
            return term.value == "true"
        if dt.endswith(("#decimal", "#double")):
            return float(term.value)
        return term.value
    return term.value if hasattr(term, "value") else str(term)


def _open_read_only(path: Path, attempts: int = 20) -> ox.Store:
    """A read-only view beside a writer. Opening reads the writer's file list, and a compaction
    can delete a listed file in between (RocksDB then says "Corruption ... No such file"): that
    is a race, not damage, so the open is tried again on a fresh list."""
    for attempt in range(attempts):
        try:
            return ox.Store.read_only(str(path))
        except (OSError, RuntimeError) as err:
            if "No such file" not in str(err) or attempt == attempts - 1:
                if isinstance(err, OSError):
                    raise
                raise StoreError(f"{path}: cannot open the store: {' '.join(str(err).split())[:300]}") from None
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def _table_files(path: Path | None) -> frozenset[str]:
    """The RocksDB table files (.sst) in a store's directory now; none for an in-memory store."""
    if path is None:
        return frozenset()
    try:
        return frozenset(entry.name for entry in os.scandir(path) if entry.name.endswith(".sst"))
    except FileNotFoundError:
        return frozenset()


def _open_view(path: Path) -> tuple[ox.Store, frozenset[str]]:
    """A read-only view and the table files it may read: those there before it opened or after
    (a file of its state was there at least until it opened)."""
    listed = _table_files(path)
    return _open_read_only(path), listed | _table_files(path)


def _one_read(method):
    """A public read of the store. On a read-only view, a read that meets a file a writer's
    compaction deleted is run again, whole, on the view reopened; so is one during which another
    thread reopened the view, or one during which a file the view listed when it opened went
    (after a pause, as a compaction deletes files over a while; the last try's answer stands). A
    view whose listed files went before the read is reopened first: Oxigraph does not always say
    that a file is missing (a query was seen to grow without bound instead), so a view never
    reads a state whose files it knows are gone. Reads nest (run_named calls select): only the
    outermost one is run again, so no answer is made of reads before and after a reopen."""
    @functools.wraps(method)
    def read(self: "OxigraphStore", *args, **kwargs):
        nesting = self._reading
        if not self.read_only or self.path is None or getattr(nesting, "inside", False):
            return method(self, *args, **kwargs)
        for attempt in range(_REOPENS):
            seen = self.reopened
            if self._files_gone():
                self._reopen(seen)
            opened, nesting.inside = self.reopened, True
            try:
                answer = method(self, *args, **kwargs)
                if self.reopened == opened and (attempt == _REOPENS - 1 or not self._files_gone()):
                    return answer
                time.sleep(0.05 * 2 ** attempt)     # a compaction is deleting files: let it get on
            except (OSError, RuntimeError, StoreError) as err:
                if "No such file" not in str(err) or attempt == _REOPENS - 1:
                    raise
                self._reopen(opened)
            finally:
                nesting.inside = False
        raise StoreError(f"{self.path}: the store kept changing under this read-only view ({_REOPENS} reopens); "
                         "try again")
    return read


_REOPENS = 5      # reopens of a read-only view for one read before it gives up


def _version(graph: ox.NamedNode) -> int:
    found = _VERSION.search(graph.value)
    return int(found.group(1)) if found else 0


class _Writer:
    """Threads that write batches while the caller builds the next: up to ``loads`` batches in
    flight, each written by ``write(batch, before)`` (``before``: the future of the batch sent
    before it, whose commit comes first), their outcomes handed back in order, the oldest
    waited for when all ``loads`` are taken (or by ``drain``)."""

    def __init__(self, write, loads: int) -> None:
        self._write, self.loads = write, loads
        self._pool = ThreadPoolExecutor(max_workers=loads, thread_name_prefix="govkg-writer")
        self._flying: deque[tuple[Future, set[str]]] = deque()

    @property
    def docs(self) -> set[str]:
        """The reports of the batches in flight."""
        return set().union(*(docs for _, docs in self._flying))

    @property
    def idle(self) -> bool:
        """Whether a writer thread has nothing to do."""
        return len(self._flying) < self.loads or self._flying[0][0].done()

    def write(self, batch: list[_Batched]) -> Iterator[tuple[Extraction, int | GovKGError]]:
        """The outcomes of the batches already written (waiting for the oldest while every
        thread is taken), then ``batch`` sent off."""
        while self._flying and (len(self._flying) >= self.loads or self._flying[0][0].done()):
            yield from self._flying.popleft()[0].result()
        if batch:
            before = self._flying[-1][0] if self._flying else None
            self._flying.append((self._pool.submit(self._write, batch, before), {b.doc for b in batch}))

    def drain(self) -> Iterator[tuple[Extraction, int | GovKGError]]:
        while self._flying:
            yield from self._flying.popleft()[0].result()

    def __enter__(self) -> "_Writer":
        return self

    def __exit__(self, *exc) -> None:
        self._pool.shutdown(wait=True)     # a batch in flight is finished (committed), never cut


class _Loads:
    """The bulk loads of a ``put_many`` in flight, and what must not run beside them: dropping
    the descriptions of entities no report names any more (a load not finished yet may name
    one, and write its description again just before it is dropped). Entities to check wait in
    ``unnamed`` for a moment when no load is in flight, at the latest the end of the run."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._count = 0
        self.unnamed: set = set()
        self.broken = False       # a batch raised: those after it are undone, not committed

    @contextmanager
    def loading(self):
        with self._lock:
            self._count += 1
        try:
            yield
        finally:
            with self._lock:
                self._count -= 1

    def forget_unnamed(self, forget) -> None:
        """``forget(entities)`` for those waiting, unless a load is in flight (no load starts meanwhile)."""
        with self._lock:
            if not self._count and self.unnamed:
                forget(self.unnamed)
                self.unnamed = set()


class OxigraphStore(Closing):
    def __init__(self, path: Path | None, read_only: bool = False):
        self.path = path
        self.read_only = read_only
        self._store, self._files = self._open(path, read_only)   # (_files: a view's, see _one_read)
        self._snapshot: dict[str, object] = {}     # what a read-only view computed of its catalog
        self._reading = threading.local()           # whether this thread is inside a public read (_one_read)
        self._reopening = threading.Lock()
        self.reopened = 0                           # times this read-only view was reopened (_one_read)
        if not read_only:
            self._repair()
            self._ensure_schema()

    @staticmethod
    def _open(path: Path | None, read_only: bool) -> tuple[ox.Store, frozenset[str]]:
        if path is None:
            return ox.Store(), frozenset()
        try:
            if read_only:
                if not Path(path).exists():
                    raise StoreError(f"{path}: no store here yet (run 'govkg load' first)")
                return _open_view(path)
            Path(path).mkdir(parents=True, exist_ok=True)
            return ox.Store(str(path)), frozenset()
        except OSError as err:
            if "LOCK" in str(err) or "lock" in str(err) or "temporarily unavailable" in str(err):
                raise StoreBusyError(f"{path}: store is busy (another govkg process is writing it); "
                                     "try again when it has finished") from None
            raise StoreError(f"{path}: cannot open the store: {err}") from None

    # ---------------------------------------------------------------- the catalog
    def _catalog(self) -> dict[str, list[ox.NamedNode]]:
        """doc -> its committed versions, oldest first."""
        versions: dict[str, list[ox.NamedNode]] = {}
        for quad in self._store.quads_for_pattern(None, _VERSION_OF, None, _CATALOG):
            versions.setdefault(cast(ox.Literal, quad.object).value, []).append(cast(ox.NamedNode, quad.subject))
        return {doc: sorted(graphs, key=_version) for doc, graphs in versions.items()}

    def _versions(self, doc: str) -> list[ox.NamedNode]:
        """One report's committed versions, oldest first (an index lookup, not a catalog scan)."""
        graphs = [cast(ox.NamedNode, q.subject)
                  for q in self._store.quads_for_pattern(None, _VERSION_OF, ox.Literal(doc), _CATALOG)]
        return sorted(graphs, key=_version)

    def _current(self) -> dict[str, ox.NamedNode]:
        return self._kept("current", lambda: {doc: graphs[-1] for doc, graphs in self._catalog().items()})

    def _kept(self, name: str, compute):
        """``compute()``, kept until a read-only view is reopened: such a view is a snapshot of the
        store as it was when opened (a writer's later commits are not seen), so what it says of
        the catalog cannot change, and reading the catalog of thousands of reports for every
        query would cost more than many queries. A writable store computes it every time."""
        if not self.read_only:
            return compute()
        if name not in self._snapshot:
            self._snapshot[name] = compute()
        return self._snapshot[name]

    def _reopen(self, seen: int) -> None:
        """Open the read-only view again on the store as it is now, unless another thread has
        already done so since ``seen``; forget what was kept of the old state."""
        with self._reopening:
            if self.reopened == seen:
                (self._store, self._files), self._snapshot = _open_view(cast(Path, self.path)), {}
                self.reopened += 1

    def _files_gone(self) -> bool:
        """Whether a file this view listed when it opened has been deleted since (by a writer's
        compaction): its state can no longer be read whole."""
        return not self._files <= _table_files(self.path)

    def _visible_graphs(self) -> dict:
        """The query's default graph: the union of everything when only current versions are
        stored (fast), else the explicit list of current versions."""
        return self._kept("visible", self._compute_visible_graphs)

    def _compute_visible_graphs(self) -> dict:
        current = set(self._current().values()) | _SHARED
        stored = set(self._store.named_graphs())
        if stored <= current:
            return {"use_default_graph_as_union": True}
        return {"default_graph": sorted(current & stored, key=lambda g: g.value)}

    def _repair(self) -> None:
        """Drop what an interrupted write left: uncommitted graphs and superseded versions."""
        catalog = self._catalog()
        current = {graphs[-1] for graphs in catalog.values()}
        leftovers = [g for g in self._store.named_graphs() if g not in current and g not in _SHARED]
        for graph in leftovers:
            self._store.remove_graph(graph)
        for doc, graphs in catalog.items():
            self._retire(doc, graphs[:-1])
            self._add_missing_aggregates(doc, graphs[-1])
        if leftovers:
            self._forget_unnamed(self._described())

    def _add_missing_aggregates(self, doc: str, graph: ox.NamedNode) -> None:
        """A store written before the aggregates (or the theme counts) existed gets them when next
        opened for writing."""
        report = ox.NamedNode(str(iri.report_iri(doc)))
        if next(self._store.quads_for_pattern(report, _RELATIONS_COUNTED, None, graph), None) is None:
            quads = list(self._store.quads_for_pattern(None, None, None, graph))
            for quad in quads:
                if quad.predicate in _AGGREGATES:
                    self._store.remove(quad)
            found = report_aggregates(report, (q for q in quads if q.predicate not in _AGGREGATES))
            self._store.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in found)

    def _described(self) -> set:
        return {q.subject for q in self._store.quads_for_pattern(None, None, None, _ENTITIES)}

    def _referenced(self, graph: ox.NamedNode) -> set:
        """The entity nodes a report version names: through mentions, relations or its author."""
        return {quad.object for predicate in _NAMING
                for quad in self._store.quads_for_pattern(None, predicate, None, graph)}

    def _forget_unnamed(self, entities: set) -> None:
        """Drop the descriptions of entities that no stored report names any more."""
        for entity in entities:
            named = any(q.graph_name not in _SHARED
                        for q in self._store.quads_for_pattern(entity, None, None, None))
            named = named or any(q.graph_name not in _SHARED
                                 for q in self._store.quads_for_pattern(None, None, entity, None))
            if not named:
                for quad in list(self._store.quads_for_pattern(entity, None, None, _ENTITIES)):
                    self._store.remove(quad)

    def _retire(self, doc: str, graphs: list[ox.NamedNode]) -> None:
        for graph in graphs:
            self._store.remove_graph(graph)
            self._store.remove(ox.Quad(graph, _VERSION_OF, ox.Literal(doc), _CATALOG))

    # ---------------------------------------------------------------- writing
    def _ensure_schema(self) -> None:
        schema = Graph()
        for name in ("govkg.ttl", "themes.ttl"):
            schema += ontology_graph(name)      # parsed once per process, copied here
        from rdflib.compare import to_canonical_graph

        schema = to_canonical_graph(schema)   # blank nodes named by content: exports are byte-identical
        quads = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), _SCHEMA) for s, p, o in schema]
        if set(self._store.quads_for_pattern(None, None, None, _SCHEMA)) != set(quads):
            self._store.remove_graph(_SCHEMA)
            self._store.extend(quads)

    def report_key(self, report: Report) -> str:
        """The catalog knows a report by its id (its file's path), not its base name alone."""
        return report.id

    def put(self, extraction: Extraction) -> int:
        """Store one report, replacing what an earlier version of it said. Returns its triple count."""
        return self.put_parts([extraction])

    def put_many(self, extractions: Iterable[Extraction | None], batch_quads: int = BATCH_QUADS,
                 early_quads: int = EARLY_QUADS) -> Iterator[tuple[Extraction, int | GovKGError]]:
        """Store many reports, each as ``put`` would, written a batch at a time: one bulk load of
        several reports' graphs and one commit of their catalog entries, since each Oxigraph
        bulk load and each transaction has a fixed cost that a report of a few thousand triples
        pays many times over. A batch is written in a second thread while the next one is built
        (Oxigraph releases the GIL while it loads): building is Python, writing is Rust, and
        the two overlap on two cores; an idle writer is sent what is built once it holds
        ``early_quads``, a busy one a whole batch (``batch_quads``); two batches may load at
        once (``WRITER_LOADS``). Yields (extraction, triple count or the error that kept it out) in input order, once its batch is written. Each report stays all-or-nothing: its
        graph is invisible until the commit, and a failed batch is discarded and written again
        report by report, so one bad report fails alone. ``None`` in the input writes what is
        pending before the next report is taken (the caller is about to compare one with the
        store)."""
        self._writable()
        loads = _Loads()
        try:
            with _Writer(functools.partial(self._write_all, loads=loads), WRITER_LOADS) as writer:
                try:
                    yield from self._put_batches(extractions, batch_quads, min(early_quads, batch_quads), writer)
                except GeneratorExit:
                    raise
                except BaseException:        # e.g. the extraction feeding us failed, or Ctrl-C
                    yield from writer.drain()     # a batch in flight is committed: its outcomes first
                    raise
        finally:
            loads.forget_unnamed(self._forget_unnamed)      # no load is in flight now

    def _put_batches(self, extractions: Iterable[Extraction | None], batch_quads: int, early_quads: int,
                     writer: "_Writer") -> Iterator[tuple[Extraction, int | GovKGError]]:
        pending: list[_Batched] = []
        size = 0         # the quads pending
        for ex in extractions:
            # the same report again (pending or being written): the first goes first, since the
            # next version's number is read from the store
            if ex is None or ex.report.id in {b.doc for b in pending} or ex.report.id in writer.docs:
                yield from writer.write(pending)
                yield from writer.drain()
                pending, size = [], 0
                if ex is None:
                    continue
            try:
                pending.append(self._prepare(ex))
            except GovKGError as err:
                yield from writer.write(pending)     # outcomes stay in input order
                yield from writer.drain()
                pending, size = [], 0
                yield ex, err
                continue
            except BaseException:
                yield from writer.write(pending)     # what came before is stored; then the surprise
                raise
            size += pending[-1].quads
            if size >= batch_quads or (size >= early_quads and writer.idle):
                yield from writer.write(pending)
                pending, size = [], 0
        yield from writer.write(pending)
        yield from writer.drain()

    def _prepare(self, ex: Extraction) -> _Batched:
        """One report's N-Quads (its own graph, then the entities it describes) and what its
        commit needs; nothing is written yet."""
        doc = ex.report.id
        old = self._versions(doc)
        target = ox.NamedNode(f"{iri.graph_iri(doc)}/v{_version(old[-1]) + 1 if old else 1}")
        terms, entities = report_terms(ex), entity_terms(ex)      # NotAnIri is a ReportError naming the file
        tally = ReportTally()
        tally.add_terms(terms)
        try:
            text = (nquads(terms, target.value) + nquads(entities, _ENTITIES.value)).encode("utf-8")
        except UnicodeEncodeError as err:
            raise ReportError(ex.report.source or doc, f"text that cannot be stored (not Unicode: {err.reason})") from None
        report = ox.NamedNode(str(iri.report_iri(doc)))
        commit = [ox.Quad(t.subject, t.predicate, t.object, target) for t in tally.triples(report)]
        commit.append(ox.Quad(target, _VERSION_OF, ox.Literal(doc), _CATALOG))
        return _Batched(ex, doc, old, target, text, {ox.NamedNode(s[1:-1]) for s, _, _ in entities},
                        commit, len(terms) + len(entities))

    def _write_all(self, batch: list[_Batched], before: Future | None,
                   loads: _Loads) -> list[tuple[Extraction, int | GovKGError]]:
        """Write a batch in a writer thread. Its bulk load may run beside the one of the batch
        sent before it (Oxigraph's bulk load is mostly sorting, in Rust, without the GIL: two use
        two cores); both write graphs nobody reads yet, and entity descriptions, which are the
        same whoever writes them. What readers see changes one batch at a time and in order: the
        commit, retiring old versions, or undoing a failure waits for the batch before; once one
        has raised (its exception goes to the caller), those after it are undone, not committed."""
        failed: BaseException | None = None
        try:
            with loads.loading():
                self._store.bulk_load(b"".join(b.text for b in batch), ox.RdfFormat.N_QUADS, lenient=True)
        except BaseException as err:
            failed = err
        if before is not None:
            wait([before])
        if loads.broken:
            self._undo(batch, loads)
            return []
        return list(self._write(batch, loads, failed, loaded=True))

    def _write(self, batch: list[_Batched], loads: _Loads, failed: BaseException | None = None,
               loaded: bool = False) -> Iterator[tuple[Extraction, int | GovKGError]]:
        """Bulk-load the batch's report graphs with the descriptions of the entities they name
        (unless ``loaded``, or the load ``failed``), commit every catalog entry at once (one
        transaction), then retire the old versions. A description is visible before the
        commit, which is harmless: it only names an entity; one that no report names any more
        (after a retirement or a failure) is dropped when no load is in flight (``_Loads``), or
        at the next open after a crash."""
        if not batch:
            return
        try:
            if failed is not None:
                raise failed
            if not loaded:
                with loads.loading():
                    self._store.bulk_load(b"".join(b.text for b in batch), ox.RdfFormat.N_QUADS, lenient=True)
            self._store.extend([quad for b in batch for quad in b.commit])      # the commit
        except BaseException as err:
            self._undo(batch, loads)
            if not isinstance(err, (OSError, SyntaxError)):
                loads.broken = True
                raise
            if len(batch) > 1:           # which report failed: each one alone
                for b in batch:
                    yield from self._write([b], loads)
                return
            yield batch[0].extraction, StoreError(
                f"{self.path}: write failed, the stored version is unchanged: {' '.join(str(err).split())[:300]}")
            return
        for b in batch:
            if b.old:
                loads.unnamed |= set().union(*(self._referenced(g) for g in b.old)) - b.entities
                self._retire(b.doc, b.old)
            yield b.extraction, b.quads
        loads.forget_unnamed(self._forget_unnamed)

    def _undo(self, batch: list[_Batched], loads: _Loads) -> None:
        """Drop what a batch that is not committed wrote."""
        for b in batch:
            self._discard(b.target)
        loads.unnamed |= set().union(*(b.entities for b in batch))
        loads.forget_unnamed(self._forget_unnamed)

    def put_parts(self, parts: Iterable[Extraction]) -> int:
        """Store one report given as consecutive parts of one extraction (``govkg.parts``: a very
        large report), replacing its earlier version. Each part's triples are built and written
        before the next is extracted, so memory holds one part; the version is committed once,
        after the last part, so readers see the old version or the whole new one."""
        self._writable()
        parts = iter(parts)
        first = next(parts)
        doc = first.report.id
        old = self._versions(doc)
        target = ox.NamedNode(f"{iri.graph_iri(doc)}/v{_version(old[-1]) + 1 if old else 1}")
        described: set = set()             # the entity nodes this version names
        report = ox.NamedNode(str(iri.report_iri(doc)))
        count = n_parts = 0
        tally = ReportTally()              # report-summary's counts, gathered part by part
        try:
            for part in itertools.chain([first], parts):
                terms, entities = report_terms(part), entity_terms(part)
                described.update(ox.NamedNode(s[1:-1]) for s, _, _ in entities)    # (dropped again on failure)
                self._store.bulk_load((nquads(terms, target.value) + nquads(entities, _ENTITIES.value)).encode("utf-8"),
                                      ox.RdfFormat.N_QUADS, lenient=True)
                tally.add_terms(terms)
                count, n_parts = count + len(terms) + len(entities), n_parts + 1
                del terms, entities
            self._store.extend([ox.Quad(t.subject, t.predicate, t.object, target) for t in tally.triples(report)]
                               + [ox.Quad(target, _VERSION_OF, ox.Literal(doc), _CATALOG)])   # the commit
        except BaseException as err:       # a failed write, or a later part's extraction failed
            self._discard(target)
            self._forget_unnamed(described)
            if isinstance(err, UnicodeEncodeError):
                raise ReportError(first.report.source or doc,
                                  f"text that cannot be stored (not Unicode: {err.reason})") from None
            if isinstance(err, (OSError, SyntaxError)):
                raise StoreError(f"{self.path}: write failed, the stored version is unchanged: {err}") from None
            raise
        superseded = set().union(*(self._referenced(g) for g in old)) if old else set()
        self._retire(doc, old)
        self._forget_unnamed(superseded - described)
        if n_parts > 1:     # parts repeat the report's node, open sections, entity links: count what is stored
            count = self._size(target) + sum(1 for e in described for _ in self._store.quads_for_pattern(
                e, None, None, _ENTITIES))
        return count

    def _size(self, graph: ox.NamedNode) -> int:
        """The number of the report's own triples in one version's graph, counted by Oxigraph."""
        from govkg.named_queries import internal_query

        result = self._store.query(internal_query("store-graph-size").text, default_graph=graph)
        assert isinstance(result, ox.QuerySolutions)
        total = int(next(iter(result))["n"].value)
        return total - sum(1 for name in _AGGREGATES for _ in self._store.quads_for_pattern(None, name, None, graph))

    def _discard(self, graph: ox.NamedNode) -> None:
        try:
            self._store.remove_graph(graph)
        except OSError:
            pass   # invisible to readers; dropped at the next open for writing

    def remove(self, doc: str) -> bool:
        """Remove a report (by its id, or by a base name only one stored report has): its current
        version goes first (atomically), then the catalog entries."""
        self._writable()
        graphs = self._versions(doc)
        if not graphs:
            named = [key for key in self._catalog() if key.rsplit("/", 1)[-1] == doc]
            if len(named) > 1:
                raise QueryError(f"{doc}: {len(named)} stored reports have this name; give the file's path: "
                                 + ", ".join(sorted(named)))
            doc = named[0] if named else doc
            graphs = self._versions(doc)
        if not graphs:
            return False
        entities = set().union(*(self._referenced(g) for g in graphs))
        for graph in reversed(graphs):
            self._store.remove_graph(graph)
        self._retire(doc, graphs)
        self._forget_unnamed(entities)
        return True

    def compact(self) -> None:
        """Merge the store's files into one sorted run per index (Oxigraph's ``optimize``, a full
        RocksDB compaction). Each bulk load of ``put_many`` adds files whose keys overlap the
        others', and every index lookup of a query then looks in each of them: on the 100 MB
        store (1,925 reports) the named queries took 2-3 times the CPU before it (bench/results.md).
        It rewrites the store: about 90 s for that one, well under a second for the corpus."""
        self._writable()
        for quad in list(self._store.quads_for_pattern(_THIS_STORE, _WRITTEN, None, _CATALOG)):
            self._store.remove(quad)
        try:
            self._store.optimize()
        except OSError as err:
            raise StoreError(f"{self.path}: compaction failed (the stored data is unchanged): {err}") from None

    def count_written(self, triples: int) -> int:
        """Add a load's triples to those written since the last compaction; the sum."""
        self._writable()
        old = list(self._store.quads_for_pattern(_THIS_STORE, _WRITTEN, None, _CATALOG))
        total = triples + sum(int(cast(ox.Literal, q.object).value) for q in old)
        if triples:
            for quad in old:
                self._store.remove(quad)
            self._store.add(ox.Quad(_THIS_STORE, _WRITTEN, ox.Literal(str(total), datatype=_INTEGER), _CATALOG))
        return total

    def update(self, text: str) -> None:
        self._writable()
        try:
            self._store.update(text)
        except SyntaxError as err:
            raise QueryError(f"SPARQL update: {err}") from None

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")

    # ---------------------------------------------------------------- reading
    @_one_read
    def report_digest(self, doc: str) -> str | None:
        versions = self._versions(doc)
        if not versions:
            return None
        report, sha = ox.NamedNode(str(iri.report_iri(doc))), ox.NamedNode(str(vocab.sha256))
        found = next(self._store.quads_for_pattern(report, sha, None, versions[-1]), None)
        return cast(ox.Literal, found.object).value if found else None

    @_one_read
    def reports(self) -> list[ReportInfo]:
        """The current reports, by base name then id; ``key`` is each one's id in the catalog."""
        found = []
        label = ox.NamedNode(str(RDFS.label))
        for key, graph in self._current().items():
            node = ox.NamedNode(str(iri.report_iri(key)))
            values = {q.predicate.value: q.object for q in self._store.quads_for_pattern(node, None, None, graph)}
            year, reported = values.get(str(vocab.year)), values.get(str(vocab.reportedYear))
            author = cast("ox.NamedNode | None", values.get(str(vocab.author)))
            names = sorted(cast(ox.Literal, q.object).value for q in self._store.quads_for_pattern(author, label, None, None)) \
                if author is not None else []
            found.append(ReportInfo(doc=from_ox(values.get(str(vocab.docName))) or key,
                                    title=from_ox(values.get(str(vocab.title))) or "",
                                    sha256=from_ox(values.get(str(vocab.sha256))) or "",
                                    year=from_ox(year) if year is not None else None, key=key,
                                    issuer=names[0] if names else "",
                                    level=from_ox(values.get(str(vocab.level))) or "",
                                    kind=from_ox(values.get(str(vocab.kind))) or "",
                                    reported_year=from_ox(reported) if reported is not None else None))
        return sorted(found, key=lambda r: (r.doc, r.key))

    @_one_read
    def raw_query(self, text: str, params: Mapping[str, object] | None = None,
                  prefixes: Mapping[str, str] | None = None,
                  graphs: list[ox.NamedNode] | None = None) -> QueryResult:
        """Oxigraph's own result (solutions, triples or a boolean), over the current reports (or
        over ``graphs`` only).

        Parameters are bound as values (never pasted into the text); Oxigraph substitutes only
        variables of the SELECT clause, so a parameter must be projected.
        """
        substitutions = {ox.Variable(k): _param_term(v) for k, v in (params or {}).items()}
        dataset = {"default_graph": graphs} if graphs is not None else self._visible_graphs()
        try:
            return self._store.query(text, prefixes=dict(prefixes) if prefixes else None,
                                     substitutions=substitutions, **dataset)
        except SyntaxError as err:
            raise QueryError(syntax_message(str(err), text)) from None
        except OSError as err:
            raise StoreError(f"{self.path}: query failed: {err}") from None

    @_one_read
    def select(self, text: str, params: Mapping[str, object] | None = None,
               prefixes: Mapping[str, str] | None = None, graphs: list[ox.NamedNode] | None = None) -> Table:
        """Run a query with bound parameters; the answer as a plain table."""
        return self._table(text, params, prefixes, graphs)

    def _table(self, text: str, params: Mapping[str, object] | None, prefixes: Mapping[str, str] | None,
               graphs: list[ox.NamedNode] | None = None) -> Table:
        result = self.raw_query(text, params, prefixes, graphs)
        if isinstance(result, ox.QueryBoolean):
            return Table(("ask",), ((bool(result),),))
        if isinstance(result, ox.QuerySolutions):
            columns = tuple(v.value for v in result.variables)
            return Table(columns, tuple(tuple(from_ox(sol[c]) for c in columns) for sol in result))
        rows = tuple((t.subject.value, t.predicate.value, from_ox(t.object)) for t in result)
        return Table(("subject", "predicate", "object"), rows)

    @_one_read
    def run_named(self, name: str, params: Mapping[str, str], limit: int | None = None, offset: int = 0) -> Table:
        """A named query's rows: all of them, or the page of ``limit`` rows after ``offset``."""
        from govkg.named_queries import load_query

        query = load_query(name, "sparql")
        bound, text = query.bind(params), query.page(limit, offset)    # (page checks limit and offset)
        if name in _LOOKUPS:
            return query.project(_LOOKUPS[name](self, bound, limit, offset))
        if limit is not None and query.by_issuer:
            return query.project(self._page_by_issuer(query, bound, limit, offset))
        if limit is not None and query.ordered_by_report(bound):
            page = self._page_by_report(query, bound, limit, offset)
            if page is not None:
                return query.project(page)
        return query.project(self.select(text, bound))

    def _page_by_report(self, query: NamedQuery, bound: dict[str, str], limit: int, offset: int) -> Table | None:
        """A page of a query whose rows come report by report, filled from one report's graph at a
        time (in file-name order, with the entities and, if the query reads it, the schema) instead
        of joining through the union of every report and sorting the whole answer. A report
        without the query's mark (``# rows only in reports with:``) is passed over at the cost of
        one lookup. None when the first reports did not fill the page: the whole query then runs
        as usual, which a sparse answer makes cheap."""
        groups, want, table = self._graphs_by_doc_name(), offset + limit, None
        shared = [_ENTITIES, _SCHEMA] if query.reads_schema else [_ENTITIES]
        mark = tuple(ox.NamedNode(term) for term in query.rows_mark) if query.rows_mark else None
        rows: list[tuple] = []
        empty = seen = 0       # reports read for nothing; reports looked at
        for _, graphs in groups:
            if len(rows) >= want or empty == _REPORTS_TRIED or seen == _REPORTS_LOOKED_AT:
                break
            seen += 1
            if mark and not any(self._has(mark, g) or not self._has((_RELATIONS_COUNTED, None), g) for g in graphs):
                continue   # (a report stored before the marks existed is read, not passed over)
            table = self.select(query.page(want - len(rows)), bound, graphs=[*graphs, *shared])
            rows += table.rows
            empty += not table.rows     # a report with rows brings the page nearer: only empty ones count
        if len(rows) < want and seen < len(groups):
            return None
        columns = table.columns if table is not None else self.select(query.page(0), bound, graphs=shared).columns
        return Table(columns, tuple(rows[offset:want]))

    def _has(self, pattern: tuple, graph: ox.NamedNode) -> bool:
        """Whether the graph holds a triple (any subject) with this predicate and object (None: any)."""
        predicate, obj = pattern
        return next(self._store.quads_for_pattern(None, predicate, obj, graph), None) is not None

    def _page_by_issuer(self, query: NamedQuery, bound: dict[str, str], limit: int, offset: int) -> Table:
        """A page of a query whose rows come ordered by issuer, year and report first (theme-trend):
        the reports are taken in that order (each label of each author, as the query's join gives
        them), honouring the issuer and level parameters, and each one's rows read from its graph
        with ?issuer bound to the label, until the page is full."""
        want, table = offset + limit, None
        rows: list[tuple] = []
        shared = [_ENTITIES, _SCHEMA] if query.reads_schema else [_ENTITIES]
        for (issuer, _, _), levels in self._reports_by_issuer():
            if len(rows) >= want:
                break
            if bound.get("issuer", issuer) != issuer:
                continue
            graphs = [g for level, g in levels if bound.get("level", level) == level]
            if graphs:
                table = self.select(query.page(want - len(rows)), {**bound, "issuer": issuer}, graphs=[*graphs, *shared])
                rows += table.rows
        columns = table.columns if table is not None else self.select(query.page(0), bound, graphs=shared).columns
        return Table(columns, tuple(rows[offset:want]))

    def _reports_by_issuer(self) -> list[tuple[tuple, list[tuple[str, ox.NamedNode]]]]:
        """(issuer label, year, file name) -> the (level, graph) of the reports with them, in the
        order SPARQL sorts the three (no year first); reports without an author label or a level
        are left out, as a query joining them leaves them out."""
        return self._kept("by_issuer", self._compute_reports_by_issuer)

    def _compute_reports_by_issuer(self) -> list[tuple[tuple, list[tuple[str, ox.NamedNode]]]]:
        current = set(self._current().values())
        author, year, level = (ox.NamedNode(str(term)) for term in (vocab.author, vocab.year, vocab.level))
        label = ox.NamedNode(str(RDFS.label))
        keyed: dict[tuple, list[tuple[str, ox.NamedNode]]] = {}
        for quad in self._store.quads_for_pattern(None, _DOC_NAME, None, None):
            graph, node = quad.graph_name, quad.subject
            if not isinstance(graph, ox.NamedNode) or graph not in current:
                continue
            def values(predicate):
                return [q.object for q in self._store.quads_for_pattern(node, predicate, None, graph)]
            years: list[int | None] = [int(cast(ox.Literal, y).value) for y in values(year)] or [None]
            levels = [cast(ox.Literal, v).value for v in values(level)]
            issuers = [cast(ox.Literal, q.object).value for a in values(author)
                       for q in self._store.quads_for_pattern(a, label, None, _ENTITIES)]
            for issuer, when, at in itertools.product(issuers, years, levels):
                keyed.setdefault((issuer, when, cast(ox.Literal, quad.object).value), []).append((at, graph))
        return sorted(keyed.items(), key=lambda item: (item[0][0], item[0][1] is not None, item[0][1] or 0, item[0][2]))

    def _graphs_by_doc_name(self) -> list[tuple[str, list[ox.NamedNode]]]:
        """The current report graphs grouped by the report's file name (two files may share one),
        in the order SPARQL sorts the names."""
        return self._kept("by_doc_name", self._compute_graphs_by_doc_name)

    def _compute_graphs_by_doc_name(self) -> list[tuple[str, list[ox.NamedNode]]]:
        current = set(self._current().values())
        names: dict[str, list[ox.NamedNode]] = {}
        for quad in self._store.quads_for_pattern(None, _DOC_NAME, None, None):
            graph = quad.graph_name
            if isinstance(graph, ox.NamedNode) and graph in current and isinstance(quad.object, ox.Literal):
                names.setdefault(quad.object.value, []).append(graph)
        return sorted(names.items())

    @_one_read
    def count_named(self, name: str, params: Mapping[str, str]) -> int:
        """How many rows a named query answers, counted in Oxigraph without building them in Python."""
        from govkg.named_queries import load_query

        query = load_query(name, "sparql")
        if name in _LOOKUPS:
            return len(_LOOKUPS[name](self, query.bind(params), None, 0).rows)
        result = self.raw_query(query.text, query.bind(params))
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError(f"named query '{name}' is not a SELECT")
        return sum(1 for _ in result)

    @_one_read
    def triple_count(self) -> int:
        """Triples of the current versions of the reports and of the entities they name."""
        return sum(sum(1 for q in self._store.quads_for_pattern(None, None, None, graph) if q.predicate not in _AGGREGATES)
                   for graph in [*self._current().values(), _ENTITIES])

    def _report_quads(self, graph: ox.NamedNode, aggregates: bool = False, predicates: Iterable[str] | None = None):
        """A report version's own quads (without the store's aggregates unless asked; only those
        with one of ``predicates`` when given), then the descriptions of the entities it names."""
        if predicates is not None:      # a pattern per predicate: Oxigraph decodes no other quad
            for predicate in sorted(predicates):
                node = ox.NamedNode(predicate)
                if aggregates or node not in _AGGREGATES:
                    yield from self._store.quads_for_pattern(None, node, None, graph)
        else:
            for quad in self._store.quads_for_pattern(None, None, None, graph):
                if aggregates or quad.predicate not in _AGGREGATES:
                    yield quad
        for entity in sorted(self._referenced(graph), key=lambda n: n.value):
            yield from self._store.quads_for_pattern(entity, None, None, _ENTITIES)

    @_one_read
    def report_triples(self, doc: str) -> list[ox.Triple]:
        """The current version of one report with the descriptions of the entities it names, as
        Oxigraph triples (what a push to a SPARQL server puts in the report's graph)."""
        return [ox.Triple(q.subject, q.predicate, q.object) for q in self.report_quads(doc, aggregates=True)]

    @_one_read
    def report_quads(self, doc: str, aggregates: bool = False,
                     predicates: Iterable[str] | None = None) -> Iterator[ox.Quad]:
        """The same as quads as Oxigraph gives them (no copy into triples; the graph of an entity
        description is the shared one), without the store's aggregates unless asked: what the
        Neo4j push reads. ``predicates`` (IRIs): of the report's own quads only those with one
        of them (what a reader needs; reading a quad out of Oxigraph costs ~6 µs, mostly
        decoding its terms), the entity descriptions whole."""
        versions = self._versions(doc)
        quads = self._report_quads(versions[-1], aggregates, predicates) if versions else iter(())
        return iter(list(quads)) if self.read_only else quads     # (read whole inside the read: see _one_read)

    @_one_read
    def schema_triples(self) -> list[ox.Triple]:
        """The ontology and the theme scheme (the named queries follow skos:narrower and read
        relation types from it)."""
        return [ox.Triple(q.subject, q.predicate, q.object)
                for q in self._store.quads_for_pattern(None, None, None, _SCHEMA)]

    @_one_read
    def dataset(self, include_schema: bool = False) -> Dataset:
        """Everything stored, one named graph per report, as an rdflib Dataset (for export)."""
        ds = Dataset()
        graphs = sorted(self._current().items()) + ([("", _SCHEMA)] if include_schema else [])
        for doc, graph in graphs:
            target = ds.graph(iri.graph_iri(doc) if doc else SCHEMA_GRAPH)
            quads = self._report_quads(graph) if doc else self._store.quads_for_pattern(None, None, None, graph)
            for quad in quads:
                target.add((_to_rdflib(quad.subject), _to_rdflib(quad.predicate), _to_rdflib(quad.object)))
        return ds

    def close(self) -> None:
        if not self.read_only:
            self._store.flush()
        del self._store


def _timeline(store: OxigraphStore, bound: dict[str, str], limit: int | None, offset: int) -> Table:
    from govkg.store.timeline_lookup import timeline_table

    return timeline_table(store, bound["name"], limit, offset)


# Named queries answered by index lookups in Python instead of their SPARQL text, where Oxigraph's
# join through the union of every report costs what the lookups do not (the rows are the text's:
# each lookup's tests compare the two)
_LOOKUPS = {"timeline": _timeline}


def syntax_message(error: str, text: str) -> str:
    """Oxigraph's parse error as one line: the line, column and text where it stopped, and what
    was expected unless that is a grammar dump (lists of Unicode ranges)."""
    found = re.match(r"error at (\d+):(\d+): (.*)", error, re.S)
    if not found:
        return "SPARQL syntax error: " + " ".join(error.split())
    line, column, expected = int(found.group(1)), int(found.group(2)), " ".join(found.group(3).split())
    lines = text.split("\n")
    near = lines[line - 1][column - 1:column + 29].strip() if line <= len(lines) else ""
    message = f"SPARQL syntax error at line {line}, column {column}"
    message += f", near '{near}'" if near else ", at the end of the query"
    if "\\u{" not in expected and len(expected) < 200:
        message += f": {expected}"
    return message


def _param_term(value):
    if isinstance(value, (ox.NamedNode, ox.Literal)):
        return value
    if isinstance(value, URIRef):
        return ox.NamedNode(str(value))
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false",
                          datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return ox.Literal(str(value))


def _to_rdflib(term):
    from rdflib import BNode, Literal

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    dt = term.datatype.value if term.datatype else None
    if dt == "http://www.w3.org/2001/XMLSchema#string":
        dt = None
    return Literal(term.value, datatype=URIRef(dt) if dt else None)
