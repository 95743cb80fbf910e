"""OFD (GB/T 33190, the Chinese standard for fixed-layout documents, in which party and government
bodies exchange official documents): a zip package of XML. ``OFD.xml`` names each document's
``Document.xml``, which lists its pages; a page's ``Content.xml`` holds text objects, each a box
(``Boundary``, millimetres from the page's top left) with text codes whose characters are placed
by an origin (``X``, ``Y``) and the advances between them (``DeltaX``, ``DeltaY``). Each character
is placed on the page and the lines and paragraphs rebuilt as for a PDF (``printed``, ``wrapped``).

Read with the standard library: the Python OFD packages read the same XML but bring PDF
renderers with them (easyofd: PyMuPDF, reportlab), and their lists of text objects would still
need this placing. Elements are matched by local name, since some producers write another
namespace than the standard's. A page's templates (``TemplatePage``: a letterhead, a running
header, page numbers) are printed with it, as a PDF prints them, and read with it; the running
header and page numbers are then dropped as a PDF's are (``wrapped``). A page that holds an image
and no text of its own (a scan) is read by OCR with `--ocr` (``ocr``), from the image the package
holds; its templates are not read, since the image shows what they print. A page whose text is
turned into outlines (path objects only) is named in a note: OCR needs it printed to PDF first.
"""
from __future__ import annotations

import io
import math
import posixpath
import re
import zipfile
from pathlib import Path
from typing import NamedTuple
from xml.etree import ElementTree

from govkg.errors import ReportError
from govkg.read import ocr
from govkg.read.printed import DRAWN, SCANNED, PrintedChar, page_text, scanned_note
from govkg.read.wrapped import join_wrapped, width

__all__ = ["read"]

_MAX_XML = 64 * 1024 * 1024      # a page's XML or image larger than this is not a report's
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_STROKE = re.compile(r"(?<![A-Za-z])[LQBA](?![A-Za-z])")      # line, quadratic, cubic, arc commands
_DRAWN_STROKES = 2000
_PRINT_TO_PDF = "print it to PDF (an OFD reader's Print or Save As) and load that with --ocr"


def read(path: Path, data: bytes) -> tuple[str, tuple[str, ...]]:
    """The text of every page of every document in the package, and notes naming the pages that
    hold an image and no text (scanned pages: read by OCR with `--ocr`) or text turned into
    outlines (drawn: read once printed to PDF)."""
    package = _package(path, data)
    pages = [page for document in _documents(path, package) for page in _pages(path, package, document)]
    texts: list[str] = []
    blank: list[int] = []           # pages with no text of their own
    scanned: list[int] = []
    for n, page in enumerate(pages):
        chars = _chars(page.root)
        if not "".join(ch.text for ch in chars).strip():
            blank.append(n)
            if _has_image(page.root):
                scanned.append(n)
        texts.append(page_text(chars if n in scanned else page.template_chars + chars))
    media: dict[str, dict[str, str]] = {}       # by document, read when a scanned page's image is wanted

    def image_of(n: int) -> bytes | None:
        root, document, _ = pages[n]
        if document not in media:
            media[document] = _media(path, package, document)
        return _page_image(package, root, media[document])

    texts, notes = ocr.read_scanned(data, texts, {SCANNED: scanned}, image_of, dpi=None)
    drawn = [n for n in blank if n not in scanned and _is_drawn(pages[n].root)]
    text = join_wrapped(texts)
    if not text.strip():
        if drawn and not scanned:
            raise ReportError(path, f"the OFD has no text (its text is drawn as outlines?); {_PRINT_TO_PDF}")
        raise ReportError(path, f"the OFD has no text (scanned images?); {ocr.remedy('read it')}")
    if drawn:       # no renderer of OFD paths here: pdfium renders them once they are a PDF's
        notes += (scanned_note([n + 1 for n in drawn], len(pages), _PRINT_TO_PDF, DRAWN),)
    return text, notes


def _package(path: Path, data: bytes) -> zipfile.ZipFile:
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ReportError(path, "not an OFD file (not a zip package)") from None
    if _entry_name(package, "OFD.xml") is None:
        raise ReportError(path, "not an OFD file (no OFD.xml in the package)")
    return package


def _documents(path: Path, package: zipfile.ZipFile) -> list[str]:
    """The paths of the package's Document.xml files, in order."""
    roots = [_text(node) for node in _all(_xml(path, package, "OFD.xml"), "DocRoot")]
    if not [root for root in roots if root]:
        raise ReportError(path, "not a readable OFD (OFD.xml names no document)")
    return [_resolve("", root) for root in roots if root]


class _Page(NamedTuple):
    root: ElementTree.Element                   # the page's Content.xml
    document: str                               # the Document.xml it belongs to
    template_chars: list[PrintedChar]           # what the templates it uses print


def _pages(path: Path, package: zipfile.ZipFile, document: str) -> list[_Page]:
    folder = posixpath.dirname(document)
    root = _xml(path, package, document)
    locations = {node.get("ID", ""): _resolve(folder, node.get("BaseLoc", "")) for node in _all(root, "TemplatePage")}
    printed: dict[str, list[PrintedChar]] = {}      # by template, placed once for all its pages
    pages = []
    for listed in [page for pages in _all(root, "Pages") for page in _children(pages, "Page")]:
        content = _xml(path, package, _resolve(folder, listed.get("BaseLoc", "")))
        used = [_template_chars(path, package, locations.get(node.get("TemplateID", "")), printed)
                for node in _children(content, "Template")]
        pages.append(_Page(content, document, [ch for chars in used for ch in chars]))
    return pages


def _template_chars(path: Path, package: zipfile.ZipFile, location: str | None,
                    printed: dict[str, list[PrintedChar]]) -> list[PrintedChar]:
    """What a template prints, placed once per document; a template that is missing or damaged
    prints nothing (the pages' own text still reads)."""
    if not location:
        return []
    if location not in printed:
        try:
            printed[location] = _chars(_xml(path, package, location))
        except ReportError:
            printed[location] = []
    return printed[location]


def _media(path: Path, package: zipfile.ZipFile, document: str) -> dict[str, str]:
    """The multimedia (a scanned page's image) of the document at ``document``, by resource ID,
    from its public and document resource files; one that is missing or damaged is passed over
    (only OCR needs it)."""
    folder = posixpath.dirname(document)
    media: dict[str, str] = {}
    for listed in [node for name in ("PublicRes", "DocumentRes") for node in _all(_xml(path, package, document), name)]:
        location = _resolve(folder, _text(listed))
        try:
            resources = _xml(path, package, location) if _text(listed) else None
        except ReportError:
            resources = None
        if resources is None:
            continue
        base = _resolve(posixpath.dirname(location), resources.get("BaseLoc", ""))
        for item in _all(resources, "MultiMedia"):
            files = _children(item, "MediaFile")
            if files and _text(files[0]):
                media[item.get("ID", "")] = _resolve(base, _text(files[0]))
    return media


def _page_image(package: zipfile.ZipFile, page: ElementTree.Element, media: dict[str, str]) -> bytes | None:
    """The bytes of the page's largest image (a scan fills its page), as the package holds them."""
    images = sorted(_all(page, "ImageObject"), key=lambda node: -_area(node.get("Boundary")))
    for image in images:
        entry = _entry_name(package, media.get(image.get("ResourceID", ""), ""))
        if entry is not None and package.getinfo(entry).file_size <= _MAX_XML:
            try:
                return package.read(entry)
            except (zipfile.BadZipFile, ValueError, OSError):
                return None
    return None


def _area(boundary: str | None) -> float:
    sizes = (_numbers(boundary) + [0.0] * 4)[2:4]
    return sizes[0] * sizes[1]


def _chars(page: ElementTree.Element) -> list[PrintedChar]:
    return [ch for text_object in _all(page, "TextObject") for ch in _object_chars(text_object)]


def _object_chars(text_object: ElementTree.Element) -> list[PrintedChar]:
    """The object's characters placed on the page: each text code's origin and advances in the
    object's space, mapped by its CTM (scale, rotation) and moved to its box."""
    left, top = (_numbers(text_object.get("Boundary")) + [0.0, 0.0])[:2]
    ctm = _numbers(text_object.get("CTM"))
    a, b, c, d, e, f = ctm if len(ctm) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    font_size = _number(text_object.get("Size"), 3.5)           # in the object's space
    size = font_size * (math.sqrt(abs(a * d - b * c)) or 1.0)     # on the page
    chars: list[PrintedChar] = []
    x = y = 0.0
    for code in _children(text_object, "TextCode"):
        x = _number(code.get("X"), x)
        y = _number(code.get("Y"), y)
        delta_x, delta_y = _advances(code.get("DeltaX")), _advances(code.get("DeltaY"))
        text = code.text or ""
        for n, ch in enumerate(text):
            if n:       # without an advance given, the previous character's width (full or half)
                x += delta_x[n - 1] if n - 1 < len(delta_x) else font_size * width(text[n - 1]) / 2
                y += delta_y[n - 1] if n - 1 < len(delta_y) else 0.0
            chars.append(PrintedChar(ch, left + a * x + c * y + e, -(top + b * x + d * y + f), size))
        if text:
            x += font_size * width(text[-1]) / 2
    return chars


def _advances(spec: str | None) -> list[float]:
    """A DeltaX or DeltaY list; ``g 6 5.62`` stands for six advances of 5.62."""
    out: list[float] = []
    tokens = (spec or "").split()
    n = 0
    while n < len(tokens):
        if tokens[n] == "g" and n + 2 < len(tokens):
            out += [_number(tokens[n + 2], 0.0)] * int(_number(tokens[n + 1], 0.0))
            n += 3
        else:
            out.append(_number(tokens[n], 0.0))
            n += 1
    return out


def _has_image(page: ElementTree.Element) -> bool:
    return next(_all(page, "ImageObject"), None) is not None


def _is_drawn(page: ElementTree.Element) -> bool:
    """Whether the page draws enough path strokes to be text turned into outlines (a frame or a
    rule takes a handful)."""
    strokes = 0
    for data in _all(page, "AbbreviatedData"):
        strokes += len(_STROKE.findall(data.text or ""))
        if strokes >= _DRAWN_STROKES:
            return True
    return False


def _xml(path: Path, package: zipfile.ZipFile, name: str) -> ElementTree.Element:
    entry = _entry_name(package, name)
    if entry is None:
        raise ReportError(path, f"not a readable OFD ({name} is missing from the package)")
    if package.getinfo(entry).file_size > _MAX_XML:
        raise ReportError(path, f"not a readable OFD ({name} is larger than {_MAX_XML >> 20} MB)")
    try:
        return ElementTree.fromstring(package.read(entry))
    except (ElementTree.ParseError, zipfile.BadZipFile, ValueError, OSError) as err:
        raise ReportError(path, f"not a readable OFD ({name} is damaged: {err})") from None


def _entry_name(package: zipfile.ZipFile, name: str) -> str | None:
    """The package's entry of that name; producers differ in the case of a name."""
    names = package.namelist()
    if name in names:
        return name
    return next((entry for entry in names if entry.lower() == name.lower()), None)


def _resolve(folder: str, location: str) -> str:
    """A location inside the package: absolute (from the package's root) or relative to folder."""
    location = location.strip().replace("\\", "/")
    joined = location.lstrip("/") if location.startswith("/") else posixpath.join(folder, location)
    return posixpath.normpath(joined).lstrip("/")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _all(root: ElementTree.Element, name: str):
    return (node for node in root.iter() if _local(node.tag) == name)


def _children(node: ElementTree.Element, name: str) -> list[ElementTree.Element]:
    return [child for child in node if _local(child.tag) == name]


def _text(node: ElementTree.Element) -> str:
    return (node.text or "").strip()


def _numbers(spec: str | None) -> list[float]:
    return [float(n) for n in _NUMBER.findall(spec or "")]


def _number(spec: str | None, default: float) -> float:
    found = _numbers(spec)
    return found[0] if found else default
