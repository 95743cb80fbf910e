"""Helpers any test folder imports (``from testkit import ...``): a module with a name of its own,
since pytest puts every test folder on sys.path and each folder's conftest.py is ``conftest``
(``from conftest import`` got whichever folder's was imported first)."""
from __future__ import annotations

import contextlib
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

BENCH = Path(__file__).resolve().parent.parent / "bench"

GOOD_SENTENCES = ("县委组织部牵头开展村级换届工作。", "县农业农村局负责实施高标准农田建设项目。",
                  "乡镇党委落实《乡村振兴促进法》，推进美丽乡村建设。")


@contextlib.contextmanager
def bench_module(script: str):
    """bench/SCRIPT.py loaded as the module ``bench_SCRIPT`` (``script_module``)."""
    with script_module(BENCH / f"{script}.py", f"bench_{script}") as module:
        yield module


@contextlib.contextmanager
def script_module(path: Path, name: str):
    """The script at ``path`` loaded as the module ``name``, registered in sys.modules while the
    context lasts (its dataclasses look their module up)."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(name, None)


def write_text_report(path: Path, *sentences: str) -> Path:
    """A UTF-8 report of these sentences, one a line (GOOD_SENTENCES when none are given)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(sentences or GOOD_SENTENCES) + "\n", encoding="utf-8")
    return path


def two_folders_one_base_name(folder: Path, a: str, b: str, c: str) -> Path:
    """``folder`` with a/report.txt (``a``), b/report.txt (``b``) and c.txt (``c``): two reports that
    share a base name, and one that does not."""
    write_text_report(folder / "a" / "report.txt", a)
    write_text_report(folder / "b" / "report.txt", b)
    write_text_report(folder / "c.txt", c)
    return folder


def run_cli(*args, env: dict | None = None):
    """The govkg command in this process (typer's runner): exit code and output."""
    from govkg.cli import app

    return CliRunner().invoke(app, [str(a) for a in args], env=env)


def govkg(*args, timeout: float = 300, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    """The real command in a child process (real exit codes, real stderr, real worker processes)."""
    return subprocess.run([sys.executable, "-m", "govkg", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, "COLUMNS": "200", **(env or {})}, **kwargs)


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


def sorted_rows(table) -> list[tuple]:
    """A query's rows as sorted tuples of strings, so that ties in ORDER BY (and one backend's
    integers beside another's strings) cannot make equal answers differ."""
    return sorted(tuple("" if c is None else str(c) for c in row) for row in table.rows)


HAILAR = ("gwr-hailar-district-2012.txt", "gwr-hailar-district-2015.txt", "gwr-hailar-district-2016.txt",
          "gwr-hailar-district-2018.txt")     # one issuer's work reports across years, in ../shared/corpus


# Three statements of gwr-hailar-district-2018.txt write 脱贫攻坚 (脱贫攻坚扎实推进。, 打好精准脱贫攻坚战。,
# ...巩固提升脱贫攻坚成果。): a count of the statements naming it is one of these, at least the two that
# every model since stop 20 reads (the shipped model of stop 33 reads 精准脱贫 in the heading), never more.
POVERTY_2018 = (2, 3)


def hailar_store(corpus: Path, path: Path) -> Path:
    """A store at ``path`` holding the four Hailar district reports of the corpus (HAILAR)."""
    from govkg.pipeline import load_files
    from govkg.store import open_store

    with open_store(path) as db:
        result = load_files([corpus / name for name in HAILAR], db)
    assert not result.failed, result.failed
    return path


def refusal(path: Path, stated=None) -> str:
    """The message of the ReportError that reading the report at ``path`` raises; fails when the
    file reads, or when the message does not name the file."""
    import pytest

    from govkg.errors import ReportError
    from govkg.read import read_report

    with pytest.raises(ReportError) as info:
        read_report(path, stated)
    message = str(info.value)
    assert str(path) in message and "\n" not in message, message
    return message


def save_as(soffice: str, source: Path, target: str) -> Path:
    """A UTF-8 text file (or a document LibreOffice opens) saved by LibreOffice as ``target`` (doc,
    odt, rtf, pdf) beside it."""
    folder = source.parent
    text = ["--infilter=Text (encoded):UTF8,,,"] if source.suffix == ".txt" else []
    subprocess.run([soffice, "--headless", f"-env:UserInstallation={(folder / '.profile').as_uri()}",
                    *text, "--convert-to", target, "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=300)
    return source.with_suffix(f".{target}")


def pdf_with_text(path: Path, *pages: list[str]) -> Path:
    """A PDF with a text layer (Helvetica, so Latin text) of these pages, each a list of lines."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    for lines in pages:
        page = writer.add_blank_page(width=400, height=200)
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
        stream = DecodedStreamObject()
        body = "".join(f"BT /F1 12 Tf 20 {160 - 20 * i} Td ({line}) Tj ET\n" for i, line in enumerate(lines))
        stream.set_data(body.encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
    with open(path, "wb") as fh:
        writer.write(fh)
    return path


def with_scanned_pages(path: Path, text_pages: list[list[str]], scanned_at: list[int]) -> Path:
    """A PDF of these text pages with a page that holds only an image put in at each of ``scanned_at``."""
    import pytest

    PIL = pytest.importorskip("PIL.Image")
    from pypdf import PdfReader, PdfWriter

    image = path.with_suffix(".scan.pdf")
    PIL.new("L", (200, 100), 128).save(image)
    writer = PdfWriter(clone_from=pdf_with_text(path.with_suffix(".text.pdf"), *text_pages))
    for at in scanned_at:
        writer.insert_page(PdfReader(image).pages[0], at)
    writer.write(path)
    return path


def scanned_pdf(printed: Path, out: Path, keep_text_on: tuple[int, ...] = (), pages: int | None = None,
                dpi: int = 200) -> list[str]:
    """A PDF at ``out`` of the first ``pages`` (None: all) pages of the PDF ``printed``, each an image
    rendered at ``dpi`` with no text layer (a scan), but those in ``keep_text_on`` (0-based), kept as
    printed; each page's text layer as printed."""
    import pypdfium2

    source, scan = pypdfium2.PdfDocument(printed), pypdfium2.PdfDocument.new()
    texts = []
    for n in range(len(source) if pages is None else min(pages, len(source))):
        page = source[n]
        texts.append(page.get_textpage().get_text_range())
        if n in keep_text_on:
            scan.import_pages(source, [n])
            continue
        image = pypdfium2.PdfImage.new(scan)
        image.set_bitmap(page.render(scale=dpi / 72, grayscale=True))
        width, height = page.get_size()
        image.set_matrix(pypdfium2.PdfMatrix().scale(width, height))
        target = scan.new_page(width, height)
        target.insert_obj(image)
        target.gen_content()
    scan.save(out)
    return texts


def outlined_pdf(printed: Path, out: Path, keep_text_on: tuple[int, ...] = ()) -> int:
    """A PDF at ``out`` of the PDF ``printed`` with its text turned into outlines by Ghostscript (no
    text layer, every character a drawn path, as some publishers print), but the pages in
    ``keep_text_on`` (0-based), kept as printed; the number of pages."""
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        drawn = Path(tmp) / "drawn.pdf"
        subprocess.run([shutil.which("gs") or "gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite",
                        "-dNoOutputFonts", f"-sOutputFile={drawn}", str(printed)], check=True, capture_output=True,
                       timeout=600)
        return _pages_of(printed, drawn, out, keep_text_on)


def unmapped_pdf(printed: Path, out: Path, keep_text_on: tuple[int, ...] = ()) -> int:
    """A PDF at ``out`` of the PDF ``printed`` with its fonts' character maps (ToUnicode) taken out,
    so its text reads as the fonts' glyph numbers (garbage when copied, as some PDFs come), but the
    pages in ``keep_text_on`` (0-based), kept as printed; the number of pages."""
    import tempfile

    from pypdf import PdfWriter
    from pypdf.generic import NameObject

    with tempfile.TemporaryDirectory() as tmp:
        writer = PdfWriter(clone_from=printed)
        for page in writer.pages:
            for font in page["/Resources"].get_object().get("/Font", {}).get_object().values():
                font.get_object().pop(NameObject("/ToUnicode"), None)
        unmapped = Path(tmp) / "unmapped.pdf"
        writer.write(unmapped)
        return _pages_of(printed, unmapped, out, keep_text_on)


def _pages_of(printed: Path, altered: Path, out: Path, keep_text_on: tuple[int, ...]) -> int:
    """The altered PDF's pages, but those in ``keep_text_on`` taken from the printed one, saved at ``out``."""
    import pypdfium2

    source, changed, mixed = pypdfium2.PdfDocument(printed), pypdfium2.PdfDocument(altered), pypdfium2.PdfDocument.new()
    for n in range(len(source)):
        mixed.import_pages(source if n in keep_text_on else changed, [n])
    mixed.save(out)
    return len(source)
