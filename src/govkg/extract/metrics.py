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

_UNITS = ("个百分点", "平方公里", "平方米", "万千瓦", "千瓦时", "公里", "人次", "万亩", "万吨", "万元", "亿元",
          "万人", "万户", "万套", "亿斤", "美元", "亿美元", "万台", "余人", "余次", "余场", "余本",
          "元", "人", "名", "个", "户", "家", "项", "次", "场", "篇", "所", "套", "台", "条", "亩",
          "吨", "斤", "倍", "岁", "年", "支", "件", "本", "枚", "间", "座", "批", "%", "％")
_UNIT = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
_NUMBER = re.compile(
    r"(?P<pct>百分之)?(?P<num>[xX×]+(?:\.[xX×]+)?|[0-9０-９]+(?:[.．][0-9０-９]+)?|[" + _CN + r"][" + _CN + r"万亿]*(?:点[" + _CN + r"]+)?)"
    r"(?P<big>[万亿]+)?(?P<more>余|多)?(?P<unit>" + _UNIT + r")?")
_YEAR = re.compile(r"((?:19|20)[0-9]{2})年")
_COUNTED = re.compile(r"([\u4e00-\u9fa5]{2,6})$")
_NOT_COUNTED = re.compile(r"(共|累计|达到|达|超过|超|提高到|提高|增加|增长|新增|发放|投入|完成|培训|约|近|"
                          r"突破|实现|选派|引进|储备|提拔重用|调整|其中|以上|以下|为|至|到|和|、)$")


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
    for m in _NUMBER.finditer(text):
        num, unit, pct = m.group("num"), m.group("unit") or "", bool(m.group("pct"))
        big = m.group("big") or ""
        while num and num[0] in _CN and num[-1] in "万亿":
            num, big = num[:-1], num[-1] + big
        if not num or (not unit and not pct):
            continue
        if unit == "年" and not big:
            continue                          # a year or a duration, not a quantity
        masked = bool(re.match(r"[xX×]", num))
        if masked:
            value = num
        elif num[0] in _CN:
            if num in ("一", "两") and unit in ("个", "名", "项", "批", "次") and not big:
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
        if not counted and unit not in ("%", "个百分点"):
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
    while tail and _NOT_COUNTED.search(tail):
        tail = _NOT_COUNTED.sub("", tail)
    found = _COUNTED.search(tail)
    return found.group(1) if found else ""


@cache
def _cut_words() -> tuple[str, ...]:
    """Verbs and determiners that open the counted noun phrase (发放, 新增, 各类 ...)."""
    extra = ("发放", "新增", "改造", "发展", "培育", "引进", "培训", "收回", "化解", "增收", "节约", "各类", "年内",
             "全年", "累计", "共", "达到", "提高", "增加", "下拨", "采购", "组建", "建立", "设立", "投入", "举办")
    return tuple(sorted(set(lexicon.words("boundary_words")) | set(extra), key=len, reverse=True))


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
