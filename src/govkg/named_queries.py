"""The library of named queries: ``queries/sparql/NAME.rq`` and ``queries/cypher/NAME.cypher``.

Each file opens with a comment header::

    # name: initiatives-by-theme
    # purpose: what it answers
    # param theme: what to pass (required)
    # param report (optional): ...
    # columns: initiative, type, report, sentence

``# param theme [theme]: ...`` declares a kind: the value must then be a theme id.

How the embedded store may page a query (it runs whole, with LIMIT/OFFSET, without these):

    # pages: by report [when|unless PARAM is given]   rows come ordered by the report's file name first
    # pages: by issuer                                rows come ordered by issuer, year, report first
    # reads: report, entities                         a report's page needs no ontology or theme scheme
    # rows only in reports with: gks:relationsOf gk:implements   (a triple the store keeps per report)

Parameters are bound as values by the store (SPARQL substitutions, Cypher ``$params``); they are
never pasted into the query text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Mapping

from govkg.errors import QueryError
from govkg.resources import resource_path

if TYPE_CHECKING:
    from govkg.store import GraphStore, Table

__all__ = ["NamedQuery", "list_queries", "load_query", "parse_header", "run_page"]

_SUFFIX = {"sparql": ".rq", "cypher": ".cypher"}
_PARAM = re.compile(r"^param\s+(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?P<opt>\(optional\))?\s*"
                    r"(?:\[(?P<kind>[a-z]+)\])?\s*:\s*(?P<doc>.*)$")

_PAGES = re.compile(r"^by (?P<order>report|issuer)"
                    r"(?: (?P<when>when|unless) (?P<param>[A-Za-z_][A-Za-z0-9_]*) is given)?$")
_MARK = re.compile(r"^(?P<p>gks?:[A-Za-z]+) (?P<o>gks?:[A-Za-z]+)$")


# parameters that name an entity: matched against labels, so written as labels are (label_form)
NAME_PARAMS = frozenset({"entity", "issuer", "name", "organization"})


@dataclass(frozen=True)
class Param:
    name: str
    doc: str
    required: bool = True
    kind: str = ""           # "theme": the value must be a theme id of ontology/themes.ttl

    def check(self, value: str) -> None:
        from govkg.vocab import THEMES

        if self.kind == "theme" and value not in THEMES:
            raise QueryError(f"unknown theme '{value}' for --param {self.name} (choose from {', '.join(THEMES)})")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    language: str
    text: str
    purpose: str = ""
    params: tuple[Param, ...] = ()
    columns: tuple[str, ...] = ()
    path: Path | None = field(default=None, compare=False)
    by_report: str = ""      # "always", or a parameter: the rows come ordered by report first (when it is given)
    unless: str = ""         # a parameter: ... but not when it is given
    by_issuer: bool = False  # the rows come ordered by issuer, year and report first
    reads_schema: bool = True                 # a report's page needs the ontology and the theme scheme
    rows_mark: tuple[str, str] | None = None  # (predicate, object) IRIs a report with rows has

    def ordered_by_report(self, bound: dict[str, str]) -> bool:
        """Whether the rows, as bound, come report by report (so a page can be filled one report's
        graph at a time): declared in the header by ``# pages: by report [when|unless PARAM is given]``."""
        if self.unless and bound.get(self.unless):
            return False
        return self.by_report == "always" or bool(self.by_report and bound.get(self.by_report))

    def project(self, table):
        """The declared columns of a result (parameters are projected too, for binding)."""
        if not self.columns or table.columns == self.columns:
            return table
        index = [table.columns.index(c) for c in self.columns]
        return type(table)(self.columns, tuple(tuple(row[i] for i in index) for row in table.rows))

    def page(self, limit: int | None = None, offset: int = 0) -> str:
        """The query text asking for one page of rows: ``limit`` rows (None: all) after ``offset``.

        The engine then stops producing rows after the page (the ORDER BY still sees every
        match); limit and offset are integers, checked here, never text from the user.
        """
        limit, offset = _count_arg(limit, "limit"), _count_arg(offset, "offset") or 0
        if limit is None and not offset:
            return self.text
        if self.language == "cypher":
            return self.text.rstrip().rstrip(";") + f"\nSKIP {offset}" + (f" LIMIT {limit}" if limit is not None else "")
        return self.text.rstrip() + (f"\nLIMIT {limit}" if limit is not None else "") + f" OFFSET {offset}"

    def bind(self, given: Mapping[str, str]) -> dict[str, str]:
        """The parameters to bind; raises QueryError for missing or unknown ones."""
        known = {p.name for p in self.params}
        unknown = sorted(set(given) - known)
        if unknown:
            raise QueryError(f"query '{self.name}' has no parameter {', '.join(unknown)} "
                             f"(it takes: {', '.join(sorted(known)) or 'none'})")
        missing = [p.name for p in self.params if p.required and not given.get(p.name)]
        if missing:
            raise QueryError(f"query '{self.name}' needs --param {missing[0]}=VALUE "
                             f"({next(p.doc for p in self.params if p.name == missing[0])})")
        for p in self.params:
            if given.get(p.name):
                p.check(given[p.name])
        from govkg.identity import label_form

        return {k: label_form(v) if k in NAME_PARAMS else v for k, v in given.items() if v != ""}


def _count_arg(value, name: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise QueryError(f"--{name} wants a whole number >= 0, got {value!r}")
    return value


def run_page(store: GraphStore, name: str, params: dict[str, str], limit: int | None = 100, offset: int = 0,
             total: bool = False) -> Table:
    """One page of a named query's rows (``limit`` None: all of them), on any store; with
    ``total``, the table also carries how many rows the whole answer has (that costs running
    the whole query, so it is asked for, not done by default)."""
    table = store.run_named(name, params, limit=limit, offset=offset)
    if total:
        if limit is None and not offset:
            count = len(table.rows)
        elif hasattr(store, "count_named"):
            count = store.count_named(name, params)
        else:
            count = len(store.run_named(name, params).rows)
        table = replace(table, total=count)
    return table


def parse_header(text: str) -> dict:
    header: dict = {"params": []}
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith(("#", "//")):
            if line:
                break
            continue
        body = line.lstrip("#/").strip()
        found = _PARAM.match(body)
        if found:
            header["params"].append(Param(found["name"], found["doc"].strip(), not found["opt"], found["kind"] or ""))
        elif ":" in body:
            key, _, value = body.partition(":")
            if key.strip() in ("name", "purpose", "columns"):
                header[key.strip()] = value.strip()
            elif key.strip() == "pages":
                found = _PAGES.match(value.strip())
                if found and found["order"] == "issuer":
                    header["by_issuer"] = True
                elif found:
                    header["by_report"] = found["param"] if found["when"] == "when" else "always"
                    header["unless"] = found["param"] if found["when"] == "unless" else ""
            elif key.strip() == "reads":
                header["reads_schema"] = "schema" in value
            elif key.strip() == "rows only in reports with":
                found = _MARK.match(value.strip())
                header["rows_mark"] = (_expand(found["p"]), _expand(found["o"])) if found else None
        elif "purpose" in header and not header.get("columns") and body:
            header["purpose"] += " " + body
    return header


def _expand(name: str) -> str:
    """gk:NAME or gks:NAME (the store's own terms) as a full IRI."""
    from govkg import iri, vocab

    prefix, _, local = name.partition(":")
    return (iri.STORE if prefix == "gks" else str(vocab.GK)) + local


def _folder(language: str) -> Path:
    return resource_path("queries", language)


def list_queries(language: str = "sparql") -> list[NamedQuery]:
    folder = _folder(language)
    return [load_query(p.stem, language) for p in sorted(folder.glob(f"*{_SUFFIX[language]}"))]


def load_query(name: str, language: str = "sparql") -> NamedQuery:
    path = _folder(language) / f"{name}{_SUFFIX[language]}"
    if not path.exists():
        names = ", ".join(p.stem for p in sorted(_folder(language).glob(f"*{_SUFFIX[language]}")))
        raise QueryError(f"no {language} query named '{name}' (available: {names})")
    return _read(path, name, language)


@cache
def internal_query(name: str) -> NamedQuery:
    """A SPARQL query govkg runs for itself (stats, export, the views, the explorer's pages):
    ``queries/internal/NAME.rq``, with the prefixes of ``vocab.PREFIXES`` put before it. These
    are not listed by ``govkg queries``."""
    from govkg.vocab import SPARQL_PREFIXES

    query = _read(resource_path("queries", "internal", f"{name}.rq"), name, "sparql")
    return replace(query, text=SPARQL_PREFIXES + query.text)


def internal_names() -> list[str]:
    return sorted(p.stem for p in resource_path("queries", "internal").glob("*.rq"))


def _read(path: Path, name: str, language: str) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    header = parse_header(text)
    columns = tuple(c.strip() for c in header.get("columns", "").split(",") if c.strip())
    return NamedQuery(name=name, language=language, text=text, purpose=header.get("purpose", ""),
                      params=tuple(header["params"]), columns=columns, path=path,
                      by_report=header.get("by_report", ""), unless=header.get("unless", ""),
                      by_issuer=header.get("by_issuer", False), reads_schema=header.get("reads_schema", True),
                      rows_mark=header.get("rows_mark"))
