"""Word .docx: paragraphs and table cells in document order, one per line."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from govkg.errors import ReportError

__all__ = ["read"]


def read(path: Path, data: bytes) -> str:
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as err:
        raise ReportError(path, f"not a readable .docx (truncated or corrupt: {err})") from None
    return "\n".join(_blocks(document))


def _blocks(document):
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, Table):
            for row in block.rows:
                yield "\t".join(cell.text for cell in row.cells)
