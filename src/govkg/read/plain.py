"""Plain text: the encoding is detected from the bytes, never assumed (Markdown and HTML decode so too)."""
from __future__ import annotations

import codecs
from pathlib import Path

from govkg.errors import ReportError

__all__ = ["decode", "read"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_CHINESE_CODECS = ("gb18030", "big5")


def read(path: Path, data: bytes) -> str:
    return decode(data, path)


def decode(data: bytes, path: Path | str = "<bytes>") -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, path)
    if b"\x00" in data:
        raise ReportError(path, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for encoding in _candidates(data):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_like_text(text):
            return text
    raise ReportError(path, "cannot decode the text: not UTF-8, UTF-16 or GB18030/GBK")


def _strict(data: bytes, encoding: str, path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        # utf-8-sig counts from after its BOM (utf-16 and utf-32 from the file's start): say where in the file
        offset = err.start + (len(codecs.BOM_UTF8) if encoding == "utf-8-sig" else 0)
        raise ReportError(path, f"undecodable bytes at offset {offset} for {encoding} "
                                f"(the file starts with its byte-order mark)") from None


def _candidates(data: bytes) -> list[str]:
    """charset-normalizer's guesses first, then the Chinese codecs it may rank lower."""
    from charset_normalizer import from_bytes

    guesses = [m.encoding for m in from_bytes(data[:200_000])]
    chinese = [g for g in guesses if g in ("gb18030", "gbk", "gb2312", "big5", "hz")]
    return list(dict.fromkeys(["gb18030" if g in ("gbk", "gb2312") else g for g in chinese]
                              + list(_CHINESE_CODECS)))


def _looks_like_text(text: str) -> bool:
    """Reject decodings that are mostly control or private-use characters."""
    if not text:
        return False
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\n\r\t\f") or 0xE000 <= ord(ch) <= 0xF8FF)
    return bad / len(text) < 0.01
