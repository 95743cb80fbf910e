"""What a slow reading step made (LibreOffice's conversions, OCR), kept by the hash of the file it
came from ($GOVKG_CACHE_DIR, else $XDG_CACHE_HOME/govkg or ~/.cache/govkg, one folder per step):
loading a folder again finds its unchanged reports without doing that step again."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["folder", "keep"]


def folder(step: str) -> Path:
    """Where ``step`` (office, ocr) keeps what it made."""
    named = os.environ.get("GOVKG_CACHE_DIR")
    if named:
        return Path(named) / step
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "govkg" / step


def keep(cached: Path, made: bytes) -> None:
    """Write to the cache, whole or not at all; a cache that cannot be written is skipped."""
    part = None
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        handle, part = tempfile.mkstemp(dir=cached.parent, suffix=".part")
        with os.fdopen(handle, "wb") as out:
            out.write(made)
        os.replace(part, cached)
    except OSError:
        if part:
            Path(part).unlink(missing_ok=True)
