"""What a report is: its issuer, administrative level, kind, years and title, from its text.

Everything is detected from the first lines (and a signature at the end) with the patterns of
``data/structure.toml``; the file name is the last resort for the year only. ``override`` applies
what a user says (``--issuer``/``--kind``/``--year`` or a sidecar CSV) over what was detected.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from govkg.structure import KINDS, is_debris, kind_patterns, not_a_report, structure_patterns

__all__ = ["KINDS", "LEVELS", "ReportMeta", "describe", "is_debris", "issuer_level", "not_a_report",
           "override", "structure_patterns"]

_HEAD_LINES = 40
_KIND_CHARS = 1500      # the kind is told by the opening of a document, not by what it discusses
_YEAR = re.compile(r"(19[4-9][0-9]|20[0-9]{2})")
_CJK_DIGITS = "一二三四五六七八九"
LEVELS = ("national", "provincial", "city", "county", "township", "village")


@dataclass(frozen=True)
class ReportMeta:
    title: str
    year: int | None                 # the year it was delivered or issued (as its title names it)
    author: str                      # the issuing body; "" when the text does not name it
    kind: str = ""                   # one of KINDS, "" when unknown
    level: str = ""                  # one of LEVELS, "" when unknown
    reported_year: int | None = None  # the year it reports on, where that differs or is known

    @property
    def issuer(self) -> str:
        return self.author


def describe(text: str, file_name: str) -> ReportMeta:
    head = [_compact(ln) for ln in text.split("\n")[:_HEAD_LINES]]
    head = [ln for ln in head if ln and not is_debris(ln)]
    opening = "\n".join(head)[:_KIND_CHARS]
    title = _title(head)
    kind = _kind(title, opening)
    author = _issuer(title, head, text)
    year = _year(title, head, file_name, text)
    if title in KINDS:          # a bare 政府工作报告 says less than 2016年海拉尔区政府工作报告
        title = ""
    return ReportMeta(title=title or _composed_title(year, author, kind, file_name), year=year,
                      author=author, kind=kind, level=issuer_level(author) or _scope_level(text),
                      reported_year=_reported_year(kind, year, opening))


def override(meta: ReportMeta, issuer: str | None = None, kind: str | None = None,
             year: int | None = None, level: str | None = None, title: str | None = None) -> ReportMeta:
    """What the user says wins over what was detected; the level follows a new issuer."""
    changes: dict = {}
    if issuer:
        changes.update(author=issuer, level=issuer_level(issuer) or meta.level)
    if kind:
        changes["kind"] = kind
    if year:
        changes.update(year=year, reported_year=_reported_year(kind or meta.kind, year, ""))
    if level:
        changes["level"] = level
    if title:
        changes["title"] = title
    return replace(meta, **changes)


def _compact(line: str) -> str:
    return line.strip().replace("\u3000", "").replace(" ", "")


# ---------------------------------------------------------------- title
def _title(head: list[str]) -> str:
    """The first title-like line before the body starts; a title set over two lines (a party
    congress report's slogan) is joined when a subtitle line (——在…) follows it."""
    meta = structure_patterns()["metadata"]
    pattern = re.compile(meta["title"])
    not_title = re.compile("|".join(f"(?:{p})" for p in meta["not_title"]))
    for n, line in enumerate(head[:8]):
        if line.startswith(("各位代表", "同志们")) or len(line) > 60:
            break
        if re.match(r"^[—–-]{1,2}", line) and n > 0:
            lead = [ln for ln in head[:n] if not not_title.search(ln) and len(ln) <= 30]
            if lead and not pattern.search(lead[-1]):
                return " ".join(lead[-2:])
        if pattern.search(line) and not not_title.search(line):
            return line
    return ""


def _composed_title(year: int | None, issuer: str, kind: str, file_name: str) -> str:
    """For a text without a title line: 1988年国务院政府工作报告, or else the file's stem."""
    if issuer and kind in structure_patterns()["years"]["composed_titles"]:
        body = issuer[:-len("人民政府")] if kind == "政府工作报告" and issuer.endswith("人民政府") else issuer
        return f"{year or ''}{'年' if year else ''}{body}{kind}"
    return file_name.rsplit(".", 1)[0]


# ---------------------------------------------------------------- kind
def _kind(title: str, opening: str) -> str:
    for kind, pattern in kind_patterns():
        if (title and pattern.search(title)) or any(pattern.search(ln) for ln in opening.split("\n")):
            return kind
    return ""


# ---------------------------------------------------------------- issuer
def _issuer(title: str, head: list[str], text: str) -> str:
    meta = structure_patterns()["metadata"]
    name = _from_header(meta, title, head) or _from_signature(meta, text) or _from_speaker(meta, text)
    for pattern, canonical in meta["issuer_names"]:
        if re.search(pattern, name):
            return canonical
    return name


def _from_header(meta: dict, title: str, head: list[str]) -> str:
    lines = [title, *head]
    for pattern in meta["author"]:
        rx = re.compile(pattern)
        for line in lines:
            found = rx.search(line)
            if found:
                return _speaking_body(meta, found.group("author"))
    return ""


def _speaking_body(meta: dict, name: str) -> str:
    """The body that speaks for ``name`` when it is a place only (海拉尔区 → 海拉尔区人民政府)."""
    for ending, suffix in meta["government_suffixes"]:
        if re.search(ending, name):
            return name + suffix
    return name


def _from_signature(meta: dict, text: str) -> str:
    tail = [_compact(ln) for ln in text.rstrip().split("\n")[-6:]]
    tail = [ln for ln in tail if ln]
    signature, date = re.compile(meta["signature"]), re.compile(meta["signature_date"])
    for line, after in zip(tail, tail[1:]):
        found = signature.match(line)
        if found and date.match(after):
            return found.group("author")
    return ""


def _from_speaker(meta: dict, text: str) -> str:
    opening = text[:20000]
    found = re.search(meta["speaker"], opening)
    if not found:
        return ""
    prefix = next((p for p in meta["speaker_prefixes"] if p in opening), "")
    return f"{prefix}{found.group('dept')}部" if prefix else ""


# ---------------------------------------------------------------- level
def issuer_level(issuer: str) -> str:
    """national/provincial/city/county/township/village, from the body's name and the gazetteer."""
    if not issuer:
        return ""
    levels = structure_patterns()["levels"]
    if re.search(levels["national"], issuer):
        return "national"
    from govkg.extract import lexicon

    places = lexicon.places()
    for end in range(len(issuer), 1, -1):          # the longest place name the issuer starts with
        found = places.get(issuer[:end])
        if found and found[0] in levels["gazetteer"]:
            return levels["gazetteer"][found[0]]
    # the place part is the first place suffix of the name: 县 in 县委组织部, and in xx县农业农村局
    # (whose 村 is of 农村); of two ending at the same place the longer wins (自治区 over 区)
    ends = [(place.end(), -len(suffix), level) for suffix, level in levels["suffixes"]
            if (place := re.match(r"^[\u4e00-\u9fa5xX]*?" + suffix, issuer))]
    return min(ends)[2] if ends else ""


def _scope_level(text: str) -> str:
    counts: Counter = Counter()
    for word, level in structure_patterns()["levels"]["scope_words"]:
        counts[level] += text.count(word)
    best = counts.most_common(1)
    return best[0][0] if best and best[0][1] >= 3 else ""


# ---------------------------------------------------------------- years
def _year(title: str, head: list[str], file_name: str, text: str) -> int | None:
    delivered = re.compile(structure_patterns()["years"]["delivered"])
    for line in head[:10]:
        found = delivered.search(line)
        if found:
            return int(found.group(1))
    for source in (title, file_name):
        found = _YEAR.search(source)
        if found:
            return int(found.group(1))
    plan = re.search(structure_patterns()["years"]["five_year_plan"], title)
    if plan:
        return structure_patterns()["years"]["five_year_plan_base"] + 5 * (11 + _CJK_DIGITS.index(plan.group(1)))
    for line in head[:6]:
        found = _YEAR.search(line)
        if found:
            return int(found.group(1))
    return None


def _reported_year(kind: str, year: int | None, opening: str) -> int | None:
    years = structure_patterns()["years"]
    reviewed = re.search(years["reviewed"], opening)
    if reviewed:
        return int(reviewed.group(1))
    if year and kind in years["report_on_previous_year"]:
        return year - 1
    if year and kind in years["report_on_same_year"]:
        return year
    return None
