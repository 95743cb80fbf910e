"""The explorer's pages across years, as plain data over govkg.series: an entity's timeline, a
report's place in its issuer's series (previous and next), and the diff of two reports.
"""
from __future__ import annotations

from govkg.errors import GovKGError
from govkg.serve.pages import PageError
from govkg.series import diff, next_report, previous_report, series_of, timeline
from govkg.store import GraphStore

__all__ = ["diff_page", "series_page", "timeline_page"]


def _report(info) -> dict:
    return {"doc": info.doc, "title": info.title, "year": info.year}


def timeline_page(store: GraphStore, name: str, type_: str = "") -> dict:
    """Where the entity ``name`` (of ``type_`` when given) appears, report by report, and for each
    year its issuers have a stored report how many statements name it (0 shows a gap)."""
    try:
        found = timeline(store, name)
    except GovKGError as e:
        raise PageError(str(e)) from None
    shown = [a for a in found.appearances if not type_ or a.type == type_]
    issuers = {a.issuer for a in shown if a.issuer}
    stored: dict[int, int] = {}
    for r in store.reports():
        if r.year and r.issuer in issuers:
            stored[r.year] = stored.get(r.year, 0) + 1
    years = []
    for year in sorted(set(stored) | {a.year for a in shown if a.year}):
        here = [a for a in shown if a.year == year]
        years.append({"year": year, "statements": sum(a.statements for a in here),
                      "reports": len({a.report for a in here}), "stored": stored.get(year, len(here))})
    dated = [a for a in shown if a.year]
    first = min(dated, key=lambda a: (a.year, a.report)) if dated else None
    last = max(dated, key=lambda a: (a.year, a.report)) if dated else None
    return {"name": found.name, "names": list(found.names),
            "appearances": [{"year": a.year, "report": a.report, "issuer": a.issuer, "statements": a.statements,
                             "sentence": a.sentence, "entity": a.entity, "type": a.type} for a in shown],
            "years": years,
            "firstSeen": {"year": first.year, "report": first.report, "issuer": first.issuer} if first else None,
            "lastSeen": {"year": last.year, "report": last.report, "issuer": last.issuer} if last else None}


def series_page(store: GraphStore, doc: str) -> dict:
    """``doc``'s series (its issuer's reports of its kind, by year) with the previous and next one."""
    try:
        chain = series_of(store, doc)
    except GovKGError as e:
        raise PageError(str(e)) from None
    this = next((r for r in store.reports() if r.doc == doc))
    by_doc = {r.doc: r for r in chain}
    before, after = previous_report(store, doc), next_report(store, doc)
    return {"doc": doc, "issuer": this.issuer, "kind": this.kind, "series": [_report(r) for r in chain],
            "previous": _report(by_doc[before]) if before else None,
            "next": _report(by_doc[after]) if after else None}


def diff_page(store: GraphStore, before: str, after: str) -> dict:
    """What is new in, dropped from and continued in report ``after`` against ``before`` (the
    previous report of ``after``'s series when ``before`` is empty), with the neighbouring pairs."""
    if not after:
        raise PageError("give the later report: /diff?before=A.txt&after=B.txt")
    try:
        found = diff(store, before, after) if before else diff(store, after)
        earlier, later = previous_report(store, found.before), next_report(store, found.after)
    except GovKGError as e:
        raise PageError(str(e)) from None
    reports = {r.doc: r for r in store.reports()}
    changes = {status: [{"name": c.name, "type": c.type, "statements": c.statements, "report": c.report,
                         "sentence": c.sentence} for c in getattr(found, status)]
               for status in ("new", "dropped", "continued")}
    return {"before": _report(reports[found.before]), "after": _report(reports[found.after]), **changes,
            "earlier": {"before": earlier, "after": found.before} if earlier else None,
            "later": {"before": found.after, "after": later} if later else None}
