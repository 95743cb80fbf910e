"""Reports across years: an entity's timeline, what changed between two reports, an issuer's series.

Plain functions over any store with ``run_named`` and ``reports`` (the embedded store or Neo4j),
returning dataclasses; ``govkg timeline``, ``govkg diff`` and the explorer wrap them. Each runs the
named queries of ``queries/`` (timeline, new-in-report, dropped-in-report, continued-in-report,
series, theme-trend), so both backends give the same answers.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from govkg.errors import UsageError
from govkg.store import GraphStore

__all__ = ["Appearance", "Change", "ReportDiff", "Timeline", "diff", "next_report", "previous_report", "series",
           "series_of", "theme_trend", "timeline"]

CHANGE_KINDS = ("new", "dropped", "continued")
_QUERY = {"new": "new-in-report", "dropped": "dropped-in-report", "continued": "continued-in-report"}


@dataclass(frozen=True)
class Appearance:
    """An entity in one report: how many statements name it and the first of them."""
    year: int | None
    report: str
    issuer: str
    statements: int
    sentence: str
    entity: str
    type: str


@dataclass(frozen=True)
class Timeline:
    name: str                              # as asked
    names: tuple[str, ...]                 # the names looked up: as asked, then its identity name
    appearances: tuple[Appearance, ...]    # by year, then report

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted({a.year for a in self.appearances if a.year}))

    @property
    def first_seen(self) -> Appearance | None:
        dated = [a for a in self.appearances if a.year]
        return min(dated, key=lambda a: (a.year, a.report)) if dated else None

    @property
    def last_seen(self) -> Appearance | None:
        dated = [a for a in self.appearances if a.year]
        return max(dated, key=lambda a: (a.year, a.report)) if dated else None


@dataclass(frozen=True)
class Change:
    """An undertaking or body that is new in, dropped from or continued in a report."""
    status: str          # new, dropped or continued
    name: str
    type: str
    statements: int      # statements naming it in ``report``
    sentence: str        # the first of them: the evidence
    report: str          # the report the evidence comes from (the earlier one for "dropped")


@dataclass(frozen=True)
class ReportDiff:
    before: str
    after: str
    new: tuple[Change, ...]
    dropped: tuple[Change, ...]
    continued: tuple[Change, ...]

    def changes(self) -> tuple[Change, ...]:
        return self.new + self.dropped + self.continued


def timeline(store: GraphStore, name: str) -> Timeline:
    """Where an entity appears, report by report. The name is looked up as given and by its
    identity across years (乡村振兴战略 finds 乡村振兴; see govkg.identity)."""
    from govkg.extract import lexicon
    from govkg.identity import identity_name, label_form

    name = name.strip()
    if not name:
        raise UsageError("give the name of an entity, e.g. 脱贫攻坚")
    names = tuple(dict.fromkeys([label_form(name), label_form(identity_name(name, lexicon.aliases().get(name, "")))]))
    found: dict[tuple, Appearance] = {}
    for looked_up in names:
        for row in store.run_named("timeline", {"name": looked_up}).as_dicts():
            item = Appearance(row["year"], row["report"], row["issuer"] or "", int(row["statements"]),
                              row["sentence"], row["entity"], row["type"])
            found.setdefault((item.entity, item.type, item.report), item)
    ordered = sorted(found.values(), key=lambda a: (a.year or 0, a.report, a.entity, a.type))
    return Timeline(name, names, tuple(ordered))


def diff(store: GraphStore, before: str, after: str | None = None) -> ReportDiff:
    """What the undertakings and bodies of report ``after`` are against report ``before``: new,
    dropped and continued, each with its evidence. With one report, it is compared with the
    previous report of its series (same issuer and kind, the latest earlier year)."""
    docs = {r.doc for r in store.reports()}
    if after is None:
        earlier = previous_report(store, before)
        if earlier is None:
            raise UsageError(f"{before}: no earlier report of the same issuer and kind is stored; "
                             "name the report to compare it with")
        after, before = before, earlier
    for doc in (before, after):
        if doc not in docs:
            raise UsageError(f"not in the store: {doc} (see `govkg reports`)")
    params = {"report": after, "previous": before}
    found = {}
    for status in CHANGE_KINDS:
        rows = store.run_named(_QUERY[status], params).as_dicts()
        source = before if status == "dropped" else after
        found[status] = tuple(Change(status, r["name"], r["type"], int(r["statements"]), r["sentence"], source)
                              for r in sorted(rows, key=lambda r: (r["type"], r["name"])))
    return ReportDiff(before, after, found["new"], found["dropped"], found["continued"])


def previous_report(store: GraphStore, doc: str) -> str | None:
    """The report before ``doc`` in its series: same issuer and kind, the latest earlier year."""
    reports = {r.doc: r for r in store.reports()}
    this = reports.get(doc)
    if this is None:
        raise UsageError(f"not in the store: {doc} (see `govkg reports`)")
    if not this.issuer or not this.year:
        return None
    earlier = [r for r in reports.values() if r.issuer == this.issuer and r.kind == this.kind
               and r.year and r.year < this.year]
    return max(earlier, key=lambda r: (r.year, r.doc)).doc if earlier else None


def next_report(store: GraphStore, doc: str) -> str | None:
    """The report after ``doc`` in its series: same issuer and kind, the earliest later year."""
    chain = series_of(store, doc)
    year = next((r.year for r in chain if r.doc == doc), None)
    later = [r for r in chain if year and r.year > year]
    return later[0].doc if later else None


def series_of(store: GraphStore, doc: str) -> list:
    """The reports of ``doc``'s series (``doc`` included) by year: the ReportInfo of every stored
    report with its issuer and kind and a year; [] when its issuer or year is unknown."""
    reports = {r.doc: r for r in store.reports()}
    this = reports.get(doc)
    if this is None:
        raise UsageError(f"not in the store: {doc} (see `govkg reports`)")
    if not this.issuer or not this.year:
        return []
    return sorted((r for r in reports.values() if r.issuer == this.issuer and r.kind == this.kind and r.year),
                  key=lambda r: (r.year, r.doc))


def series(store: GraphStore, issuer: str) -> list[dict]:
    """An issuer's reports by year (rows of the ``series`` query)."""
    return store.run_named("series", {"issuer": issuer}).as_dicts()


def theme_trend(store: GraphStore, issuer: str | None = None, level: str | None = None) -> dict[str, dict[int, int]]:
    """Statements per theme per year (summed over the reports of each year): theme -> {year: n}."""
    params = {k: v for k, v in (("issuer", issuer), ("level", level)) if v}
    trend: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for row in store.run_named("theme-trend", params).as_dicts():
        if row["year"]:
            trend[row["theme"]][int(row["year"])] += int(row["statements"])
    return {theme: dict(sorted(years.items())) for theme, years in sorted(trend.items())}
