"""Split a report's text into statements (spec §1) and give each its section path.

A statement ends at 。！？ (with any closing quotes or brackets after it) or at a line end;
surrounding whitespace is trimmed, so ``text[start:end] == statement.text``. A heading is the
first statement of a line that opens with an enumeration marker (一、 （一） 1. 第一章 ...);
a 一是/二是 item opens a sub-section (labelled by its first clause) that ends with its line;
web-page debris lines (字号, 打印 ...) are statements but never headings;
because headings open lines and statements never span lines, a statement never crosses a heading.
"""
from __future__ import annotations

import re

from govkg.model import Statement
from govkg.structure import heading_level, item_marker

__all__ = ["split_statements"]

_SENTENCE = re.compile(r"[^。！？!?\n]*(?:[。！？!?]+[”’」』）)】〕]*|$)")
_TRIM = " \t\u3000\u00a0\ufeff\u200b"
_ITEM_LEVEL = 100
_CLAUSE_END = re.compile(r"[，,；;：:。！？]")
MAX_STATEMENT = 1000   # characters; the longest sentence of ../shared/corpus has 482
_CLAUSE_MARKS = "；;，,、：: "


def split_statements(text: str) -> list[Statement]:
    statements: list[Statement] = []
    stack: list[tuple[int, str]] = []     # (level, heading text) from the outermost in
    offset = 0
    for line in text.split("\n"):
        _close(stack, _ITEM_LEVEL)        # 一是/二是 items end with their paragraph
        statements.extend(_line_statements(line, offset, stack))
        offset += len(line) + 1
    return statements


def sentence_pieces(line: str):
    """(start, end) of each sentence of a line; a sentence longer than MAX_STATEMENT is cut at its
    last clause mark before the limit (or at the limit), so no statement makes extraction, whose
    work grows faster than a statement's length, run for minutes."""
    for found in _SENTENCE.finditer(line):
        start, end = found.start(), found.end()
        while end - start > MAX_STATEMENT:
            window = line[start:start + MAX_STATEMENT]
            cut = max(window.rfind(mark) for mark in _CLAUSE_MARKS) + 1
            cut = cut if cut > MAX_STATEMENT // 2 else MAX_STATEMENT
            yield start, start + cut
            start += cut
        yield start, end


def _line_statements(line: str, offset: int, stack: list[tuple[int, str]]):
    first = True
    for found_start, found_end in sentence_pieces(line):
        start, end = _trim(line, found_start, found_end)
        if start >= end:
            continue
        sentence = line[start:end]
        level = heading_level(sentence) if first else None
        first = False
        if level is not None:
            _close(stack, level)
            yield Statement(offset + start, offset + end, sentence, _path(stack), heading=True)
            stack.append((level, sentence))
            continue
        if item_marker().match(sentence):
            _close(stack, _ITEM_LEVEL)
            stack.append((_ITEM_LEVEL, _CLAUSE_END.split(sentence, 1)[0]))
        yield Statement(offset + start, offset + end, sentence, _path(stack))


def _trim(line: str, start: int, end: int) -> tuple[int, int]:
    while start < end and line[start] in _TRIM:
        start += 1
    while end > start and line[end - 1] in _TRIM:
        end -= 1
    return start, end


def _close(stack: list[tuple[int, str]], level: int) -> None:
    while stack and stack[-1][0] >= level:
        stack.pop()


def _path(stack: list[tuple[int, str]]) -> tuple[str, ...]:
    return tuple(text for _, text in stack)
