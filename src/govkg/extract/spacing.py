"""Reports whose text puts a space between every few words (some conversions from PDF or from old
word processors write 加大 " 五小 " 水利设施投入 , 建设曲靖 、 渔洞水库): jieba, the finders and the
tagger would read the words and names apart, and the names would be found cut or not at all.
Extraction reads such a text with those spaces taken out and maps every offset back to the text
as written; names are given without the spaces.

A text is read so only when its spaces beside Chinese characters are many: at least
``LAYOUT_SHARE`` of its Chinese characters (0.17 in such a report; at most 0.013 in the 31 of
../shared/corpus, whose few spaces indent tables or part a date from its digits).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from govkg.model import Extraction, Report, Span

__all__ = ["LAYOUT_SHARE", "Compacted", "compacted"]

LAYOUT_SHARE = 0.05
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_HAN = re.compile("[\u3400-\u9fff]")
# a run of spaces beside a Chinese character or mark, or between a digit or a mark and one
_BESIDE_CJK = re.compile(f"(?<=[{_CJK}]) +|(?<=[^\\sA-Za-z]) +(?=[{_CJK}])")
_SPACES = re.compile(" +")
_LATIN = re.compile("[A-Za-z]")


@dataclass(frozen=True)
class Compacted:
    """A text without its layout spaces; ``origin[i]`` is where its character ``i`` stands in the
    text as written (``origin[len(text)]``: that text's length)."""
    text: str
    origin: tuple[int, ...]

    def span(self, span: Span) -> Span:
        """``span`` of the compacted text in the text as written; an empty one (an unnamed
        author's placeholder) stays as it is."""
        start, end = span
        if end <= start:
            return span
        return self.origin[start], self.origin[end - 1] + 1

    def restore(self, ex: Extraction, report: Report) -> Extraction:
        """``ex``, an extraction of the compacted text, in the offsets of ``report``'s own text."""
        return ex.with_spans(self.span, report)


def compacted(text: str) -> Compacted | None:
    """``text`` without its layout spaces when it has many (module docstring), else None."""
    han = len(_HAN.findall(text))
    if not han or sum(1 for _ in _BESIDE_CJK.finditer(text)) < LAYOUT_SHARE * han:
        return None
    kept, origin, at = [], [], 0
    for gap in _SPACES.finditer(text):
        if _between_latin(text, gap.start(), gap.end()):
            continue                    # a name in English keeps its spaces
        kept.append(text[at:gap.start()])
        origin.extend(range(at, gap.start()))
        at = gap.end()
    kept.append(text[at:])
    origin.extend(range(at, len(text)))
    origin.append(len(text))
    return Compacted("".join(kept), tuple(origin))


def _between_latin(text: str, start: int, end: int) -> bool:
    return 0 < start and end < len(text) and bool(_LATIN.match(text[start - 1])) and bool(_LATIN.match(text[end]))
