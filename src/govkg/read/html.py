"""HTML: markup, scripts and styles dropped; block text kept one per line."""
from __future__ import annotations

from pathlib import Path

from govkg.read.plain import decode

__all__ = ["read"]

_DROP = ("script", "style", "noscript", "template", "head")


def read(path: Path, data: bytes) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(decode(data, path), "lxml")
    for tag in soup(_DROP):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    lines = (line.strip() for line in soup.get_text("\n").split("\n"))
    return "\n".join(line for line in lines if line)
