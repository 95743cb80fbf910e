"""HTML: the text a person sees, a line per block (paragraph, heading, list item, division) and a
line per table row with its cells joined by tabs; inline markup (<b>, <span>, <a>, <font>) joins
its text to the words around it, as a browser shows it. Scripts, styles and the head are dropped;
white space is collapsed as a browser collapses it, and a line break of the page's source between
two Chinese characters is taken out (a browser would show a space there, in the middle of a word).
A page saved from a government site loses the site around the report (``boilerplate``), with a note."""
from __future__ import annotations

import re
from pathlib import Path

from govkg.read.boilerplate import main_content
from govkg.read.plain import decode

__all__ = ["read", "text_of"]

_DROP = ("script", "style", "noscript", "template", "head")
_BLOCKS = frozenset(
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main nav ol p pre section summary "
    "table tbody tfoot thead tr ul".split())
_CELLS = frozenset(("td", "th"))
_CELL = "\x1f"         # between a row's cells until the line is made
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_WRAP_IN_CJK = re.compile(rf"(?<=[{_CJK}])[ \t\r\f\v]*\n\s*(?=[{_CJK}])")


def read(path: Path, data: bytes) -> tuple[str, tuple[str, ...]]:
    """The page's text without the site around its report, and a note of the lines left out."""
    markup = decode(data, path)
    return main_content(markup, text_of(markup))


def text_of(markup: str) -> str:
    """The text of a page (or a piece of one) as a browser shows it, a line per block."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    for tag in soup(_DROP):
        tag.decompose()
    lines: list[list[str]] = [[]]
    _walk(soup, lines)
    text = (_line("".join(parts)) for parts in lines)
    return "\n".join(line for line in text if line)


def _line(raw: str) -> str:
    """A line as a browser shows it; the cells of a table row joined by tabs."""
    cells = (_SPACE.sub(" ", _WRAP_IN_CJK.sub("", cell)).strip(" ") for cell in raw.split(_CELL))
    return "\t".join(cells).strip("\t")


def _walk(node, lines: list[list[str]]) -> None:
    from bs4 import NavigableString, Tag

    for child in node.children:
        if type(child) is NavigableString:      # not a comment, CDATA or doctype (its subclasses)
            lines[-1].append(str(child))
        elif isinstance(child, Tag):
            name = child.name.lower()
            if name == "br":
                lines.append([])
            elif name == "pre":
                lines.extend([line] for line in ["", *child.get_text().split("\n"), ""])
            elif name in _BLOCKS:
                lines.append([])
                _walk(child, lines)
                lines.append([])
            else:
                if name in _CELLS and "".join(lines[-1]).strip():
                    lines[-1].append(_CELL)
                _walk(child, lines)
