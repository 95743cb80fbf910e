"""Word .docx: paragraphs and table cells in document order, one per line."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from govkg.errors import ReportError

__all__ = ["read"]


def read(path: Path, data: bytes) -> str:
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import LxmlError

    try:
        document = docx.Document(io.BytesIO(data))
        return "\n".join(_blocks(document))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, LxmlError, EOFError) as err:
        # str(err) only: lxml's error objects carry an error log that cannot be pickled to a worker
        raise ReportError(path, f"not a readable .docx (truncated or corrupt: {_one_line(err)})") from None


def _one_line(err: Exception) -> str:
    text = " ".join(str(err).split())
    text = re.sub(r"^file '<_io\.BytesIO object at \w+>' ", "", text)   # python-docx names a buffer
    return text[:200]


def _blocks(document):
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, Table):
            for row in block.rows:
                yield "\t".join(cell.text for cell in row.cells)
