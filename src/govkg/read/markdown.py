"""Markdown: the text it shows (``markdown-it-py``, the CommonMark parser rich already brings, with
tables): a line per heading, list item and table row (cells joined by tabs) and the source's lines
of each paragraph, with the marks (#, **, `, [](), |---|) and the lines' indentation taken out;
an ordered item keeps its number, code blocks their text, HTML reads as the HTML reader reads it.
The source's lines stay lines (a paragraph's soft breaks are not joined): Chinese reports written
as Markdown put a paragraph on a line, often with no blank line between, and joining them would
run headings into the text after them."""
from __future__ import annotations

from pathlib import Path

from govkg.read.html import text_of
from govkg.read.plain import decode

__all__ = ["read"]


def read(path: Path, data: bytes) -> str:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(decode(data, path))
    lines = (line.strip() for text in _lines(tokens) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _lines(tokens) -> list[str]:
    lines: list[str] = []
    row: list[str] | None = None
    numbers: list[str] = []          # each open list item's number, until its first line takes it
    for token in tokens:
        kind = token.type
        if kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            lines.append("\t".join(row))
            row = None
        elif kind == "list_item_open":
            numbers.append(f"{token.info}{token.markup} " if token.info else "")
        elif kind == "list_item_close":
            numbers.pop()
        elif kind == "inline" and row is not None:
            row.append(_inline(token.children or []))
        elif kind == "inline":
            number = numbers[-1] if numbers else ""
            if numbers:
                numbers[-1] = ""
            lines.append(number + _inline(token.children or []))
        elif kind in ("fence", "code_block"):
            lines.extend(token.content.rstrip("\n").split("\n"))
        elif kind == "html_block":
            lines.extend(text_of(token.content).split("\n"))
    return lines


def _inline(children) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "image":
            parts.append(_inline(child.children or []))
    return "".join(parts)
