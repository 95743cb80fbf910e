"""Quantities in a statement (not scored; spec §5 allows them as extra fields).

A metric is a number, its unit and what it counts: ``年内共发展党员xxx人`` -> value ``xxx`` (masked),
unit 人, counted 党员; ``三百二十户`` -> 320 户; ``百分之六十四点七`` -> 64.7 %. Masked values
(x, xx, xx.x) stay as written. The year is the nearest ``20xx年`` before the number in the
statement, else the report's year. A metric is linked to the undertaking named before it in the
same clause, else to the report's author.
"""
from __future__ import annotations

import re
from functools import cache

from govkg.extract import lexicon
from govkg.extract.entities import AUTHOR_ID
from govkg.model import Mention, Metric, Statement

__all__ = ["chinese_number", "find_metrics"]

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
           "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_LARGE = {"万": 10_000, "亿": 100_000_000}
_CN = "零〇一二三四五六七八九两十百千"

_YEAR = re.compile(r"((?:19|20)[0-9]{2})年")
_COUNTED = re.compile(r"([\u4e00-\u9fa5]{2,6})$")


def _words(key: str) -> frozenset[str]:
    return lexicon.rule_words("metrics", key)


def _setting(key: str):
    return lexicon.rule_setting("metrics", key)


@cache
def _number() -> re.Pattern:
    """A number (digits, a Chinese numeral or a mask), its 万/亿, and a unit from metrics.toml."""
    units = lexicon.rule_words_in_order("metrics", "numbers.units")
    unit = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    return re.compile(
        r"(?P<pct>百分之)?(?P<num>[xX×]+(?:\.[xX×]+)?|[0-9０-９]+(?:[.．][0-9０-９]+)?|[" + _CN + r"][" + _CN + r"万亿]*(?:点[" + _CN + r"]+)?)"
        r"(?P<big>[万亿]+)?(?P<more>余|多)?(?P<unit>" + unit + r")?")


def chinese_number(text: str) -> float | None:
    """Value of a Chinese numeral (三百二十 -> 320, 一万三千 -> 13000, 十一点六 -> 11.6); None if not one."""
    if not text or any(ch not in _DIGITS and ch not in _SMALL and ch not in _LARGE and ch != "点" for ch in text):
        return None
    whole, _, frac = text.partition("点")
    total, section, digit = 0, 0, None
    if all(ch in _DIGITS for ch in whole) and len(whole) > 1:     # 二〇二〇: digit by digit
        value = float("".join(str(_DIGITS[ch]) for ch in whole))
    else:
        for ch in whole:
            if ch in _DIGITS:
                digit = _DIGITS[ch]
            elif ch in _SMALL:
                section += (1 if digit is None else digit) * _SMALL[ch]
                digit = None
            elif ch in _LARGE:
                total = (total + section + (digit or 0)) * _LARGE[ch]
                section, digit = 0, None
        value = float(total + section + (digit or 0))
    if frac:
        if any(ch not in _DIGITS for ch in frac):
            return None
        value += float("0." + "".join(str(_DIGITS[ch]) for ch in frac))
    return value


def _format(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(round(value, 6))


def find_metrics(statement: Statement, mentions: list[Mention], ids: dict[Mention, str],
                 report_year: int | None = None) -> list[Metric]:
    text, base = statement.text, statement.start
    found = []
    for m in _number().finditer(text):
        num, unit, pct = m.group("num"), m.group("unit") or "", bool(m.group("pct"))
        big = m.group("big") or ""
        while num and num[0] in _CN and num[-1] in "万亿":
            num, big = num[:-1], num[-1] + big
        if not num or (not unit and not pct):
            continue
        if unit == _setting("numbers.year_unit") and not big:
            continue                          # a year or a duration, not a quantity
        masked = bool(re.match(r"[xX×]", num))
        if masked:
            value = num
        elif num[0] in _CN:
            if num in _words("numbers.article_numbers") and unit in _words("numbers.article_units") and not big:
                continue                      # 一个, 一批: an article, not a count
            number = chinese_number(num)
            if number is None:
                continue
            value = _format(number)
        else:
            value = num.replace("．", ".").translate(str.maketrans("０１２３４５６７８９", "0123456789"))
        if pct:
            unit = "%"
        else:
            unit = big + unit
        before = text[: m.start()]
        counted = _counted(before)
        if not counted and unit not in _words("numbers.share_units"):
            counted = _counted_after(text[m.end(): m.end() + 8])
        year = _year(before, report_year)
        span = (base + m.start(), base + m.end())
        found.append(Metric(value, unit, counted, span, masked, _subject(text, base, m.start(), mentions, ids),
                            year))
    return found


def _counted(before: str) -> str:
    tail = re.split(r"[，,；;：:。、（）()“”\s0-9xX%]", before)[-1]
    cut = 0
    for word in _cut_words():
        k = tail.rfind(word)
        if k >= 0 and k + len(word) > cut and k + len(word) < len(tail):
            cut = k + len(word)
    tail = tail[cut:].lstrip("年")
    not_counted = lexicon.rule_pattern("metrics", "counted.not_counted")
    while tail and not_counted.search(tail):
        tail = not_counted.sub("", tail)
    found = _COUNTED.search(tail)
    return found.group(1) if found else ""


@cache
def _cut_words() -> tuple[str, ...]:
    """Verbs and determiners that open the counted noun phrase (发放, 新增, 各类 ...)."""
    openers = _words("counted.openers")
    return tuple(sorted(set(lexicon.words("boundary_words")) | openers, key=len, reverse=True))


def _counted_after(after: str) -> str:
    found = re.match(r"[\u4e00-\u9fa5]{2,6}", after)
    return found.group() if found else ""


def _year(before: str, report_year: int | None) -> int | None:
    years = _YEAR.findall(before)
    return int(years[-1]) if years else report_year


def _subject(text: str, base: int, at: int, mentions: list[Mention], ids: dict[Mention, str]) -> str:
    clause_start = base + max(text.rfind(c, 0, at) for c in "，；。：") + 1
    near = [m for m in mentions if m.type in ("Program", "Initiative") and clause_start <= m.start
            and m.end <= base + at]
    return ids[near[-1]] if near else AUTHOR_ID
