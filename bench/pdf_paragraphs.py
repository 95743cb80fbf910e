"""What a report loses when it comes as a PDF. ../shared/corpus is printed to PDF three ways by
LibreOffice: from the text as it is, from a Word document of it with the title as running header
and the page number as footer (as offices print reports), and from the same in two columns below
its first lines (as gazettes print documents). Each PDF is read back and its
statements (compared without white space) and its extraction set against those of the text.
Run by hand (LibreOffice on the PATH; about three minutes on 2 cores):

    python bench/pdf_paragraphs.py [--each]
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def word_document(text: str, title: str, out: Path, columns: int = 1) -> None:
    """A Word document of the text, a paragraph a line, headed by the title and footed by the page
    number; with ``columns`` 2, its first four lines (title, date, speaker) across the page and the
    rest in two columns, as a gazette prints a document."""
    import docx
    from docx.enum.section import WD_SECTION
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    lines = text.split("\n")
    for n, line in enumerate(lines):
        if n == 4 and columns > 1:
            split = document.add_section(WD_SECTION.CONTINUOUS)
            cols = OxmlElement("w:cols")
            cols.set(qn("w:num"), str(columns))
            cols.set(qn("w:space"), "425")
            split._sectPr.append(cols)
        document.add_paragraph(line)
    section = document.sections[0]
    section.header.paragraphs[0].text = title
    footer = section.footer.paragraphs[0]
    footer.add_run("— ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    footer._p.append(field)
    footer.add_run(" —")
    document.save(out)


def statements(path: Path) -> set[str]:
    """The report's statements, without white space."""
    from govkg.read import read_text
    from govkg.statements import split_statements

    return {re.sub(r"\s", "", st.text) for st in split_statements(read_text(path)[0]) if st.text.strip()}


def found(path: Path) -> tuple[set, set]:
    """The report's entities (type, name) and relations (head, type, tail; the author as @author)."""
    from govkg.extract import extract
    from govkg.read import read_report

    extraction = extract(read_report(path))
    names = {e.id: ("@author" if e.author else e.name) for e in extraction.entities}
    return ({(e.type, e.name) for e in extraction.entities if not e.author},
            {(names[r.head], r.type, names[r.tail]) for r in extraction.relations})


def compare(text: Path, copy: Path) -> tuple[int, ...]:
    """Statements, entities and relations of the text, and how many of each the copy gives too."""
    written = statements(text)
    (ents, rels), (copy_ents, copy_rels) = found(text), found(copy)
    return (len(written), len(written & statements(copy)), len(ents), len(ents & copy_ents),
            len(rels), len(rels & copy_rels))


def compare_all(texts: list[Path], copy_of, each: bool) -> tuple[list[int], float]:
    """``compare`` summed over the texts (a line for each when ``each``), and the seconds spent
    reading and splitting the copies."""
    totals, reading = [0] * 6, 0.0
    for text in texts:
        copy = copy_of(text)
        started = time.perf_counter()
        statements(copy)
        reading += time.perf_counter() - started
        row = compare(text, copy)
        totals = [a + b for a, b in zip(totals, row)]
        if each:
            print(f"{copy.parent.name:10s} {text.name:55s} statements {row[1] / row[0]:.3f}  "
                  f"entities {row[3] / row[2]:.3f}  relations {row[5] / max(row[4], 1):.3f}")
    return totals, reading


def shares(totals: list[int]) -> str:
    return (f"statements {totals[1]:,} of {totals[0]:,} as in the text ({totals[1] / totals[0]:.3f}); entities "
            f"{totals[3]:,} of {totals[2]:,} ({totals[3] / totals[2]:.3f}); relations {totals[5]:,} of "
            f"{totals[4]:,} ({totals[5] / totals[4]:.3f})")


def main() -> None:
    from govkg.read import read_report

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--each", action="store_true", help="a line for each report")
    args = ap.parse_args()
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        raise SystemExit("LibreOffice (soffice) is not on the PATH")

    def printed(sources: list[Path], folder: Path, *options: str) -> None:
        subprocess.run([program, "--headless", f"-env:UserInstallation={(folder / 'profile').as_uri()}", *options,
                        "--convert-to", "pdf", "--outdir", str(folder), *map(str, sources)],
                       check=True, capture_output=True, timeout=1800)

    texts = sorted(CORPUS.glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        plain, word, columns = Path(tmp) / "from-text", Path(tmp) / "from-word", Path(tmp) / "in-two-columns"
        for folder in (plain, word, columns):
            folder.mkdir()
        printed(texts, plain, "--infilter=Text (encoded):UTF8,,,")
        for text in texts:
            report = read_report(text)
            word_document(report.text, report.title or text.stem, word / f"{text.stem}.docx")
            word_document(report.text, report.title or text.stem, columns / f"{text.stem}.docx", columns=2)
        printed(sorted(word.glob("*.docx")), word)
        printed(sorted(columns.glob("*.docx")), columns)
        for folder in (plain, word, columns):
            totals, reading = compare_all(texts, lambda text: folder / f"{text.stem}.pdf", args.each)
            print(f"{len(texts)} reports printed {folder.name.replace('-', ' ')}, read from PDF: {shares(totals)}; "
                  f"the PDFs read and split in {reading:.1f} s", flush=True)


if __name__ == "__main__":
    main()
