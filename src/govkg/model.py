"""The plain data passed between the steps of the pipeline.

``Report`` (read) -> ``Statement`` (statements) -> ``Entity``/``Relation``/``Metric`` (extract)
-> ``Extraction`` (one report, ready for the graph or the interchange JSONL).
Offsets are Unicode code-point offsets into ``Report.text``, end exclusive.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

__all__ = ["ENTITY_TYPES", "RELATION_TYPES", "Entity", "Extraction", "Mention", "Metric", "Relation",
           "Report", "Statement"]

ENTITY_TYPES = ("Organization", "Program", "Initiative", "Document", "Place", "Person")
RELATION_TYPES = ("LEADS", "PARTICIPATES_IN", "ISSUES", "IMPLEMENTS", "ESTABLISHES",
                  "COOPERATES_WITH", "PART_OF", "LOCATED_IN", "REPORTED_BY")

Span = tuple[int, int]


@dataclass(frozen=True)
class Report:
    doc: str                 # the file's base name (the spec's "doc"; two reports may share it)
    text: str                # decoded, line endings normalised to "\n"
    sha256: str              # of text, UTF-8
    title: str = ""
    year: int | None = None
    author: str = ""         # the body that wrote it (its issuer); "" when unknown
    source: str = ""         # the path it was read from
    format: str = "txt"
    key: str = ""            # the report's identity in a store: its file's absolute path ("" = doc)
    kind: str = ""           # 政府工作报告, 述职报告, 工作总结, 五年规划, 政策文件, 党代会报告; "" unknown
    level: str = ""          # national, provincial, city, county, township, village; "" unknown
    reported_year: int | None = None   # the year it reports on (a 2019 work report: 2018)
    notes: tuple[str, ...] = ()        # what the reader could not read (pages a PDF holds as images)

    @property
    def id(self) -> str:
        """What tells this report from every other: the file, not its base name alone."""
        return self.key or self.doc


@dataclass(frozen=True)
class Statement:
    start: int
    end: int
    text: str
    section: tuple[str, ...] = ()   # headings above it, outermost first
    heading: bool = False           # the statement is itself a heading
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    type: str
    name: str                # the entity name this mention stands for (quotes and kinds removed)
    kind: str = ""           # e.g. 实践活动 after a quoted name


@dataclass(frozen=True)
class Entity:
    id: str
    type: str
    name: str
    mentions: tuple[Span, ...]
    author: bool = False
    aliases: tuple[str, ...] = ()
    scope: str = ""          # non-empty for masked names (xx县): the doc they belong to
    canonical: str = ""      # the full name that identifies the thing (上海交通大学 for 上海交大);
                             # "" when it is ``name``. Entities of one report with the same type
                             # and canonical name are the same thing written differently.


@dataclass(frozen=True)
class Relation:
    head: str                # entity ids
    type: str
    tail: str
    evidence: Span


@dataclass(frozen=True)
class Metric:
    value: str               # as written after numeral conversion; masked values stay masked
    unit: str
    counted: str
    span: Span
    masked: bool = False
    subject: str = ""        # entity id it is linked to
    year: int | None = None  # the year it refers to (20xx年 before it, else the report's year)


@dataclass(frozen=True)
class Extraction:
    report: Report
    statements: tuple[Statement, ...]
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    metrics: tuple[Metric, ...] = field(default=())

    def with_spans(self, moved: Callable[[Span], Span], report: Report) -> Extraction:
        """The same extraction as one of ``report``: every span (statements, mentions, evidence,
        metrics) moved by ``moved``, and each statement's text read from ``report`` there."""
        statements = tuple(replace(st, start=lo, end=hi, text=report.text[lo:hi])
                           for st in self.statements for lo, hi in [moved((st.start, st.end))])
        return Extraction(report=report, statements=statements,
                          entities=tuple(replace(e, mentions=tuple(map(moved, e.mentions))) for e in self.entities),
                          relations=tuple(replace(r, evidence=moved(r.evidence)) for r in self.relations),
                          metrics=tuple(replace(m, span=moved(m.span)) for m in self.metrics))
