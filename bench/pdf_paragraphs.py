"""What a report loses when it comes as a PDF: ../shared/corpus printed to PDF by LibreOffice, each
PDF read back, its statements and its extraction set against those of the text it was printed
from. Run by hand (LibreOffice on the PATH; about a minute on 2 cores):

    python bench/pdf_paragraphs.py [--each]
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def main() -> None:
    from govkg.extract import extract
    from govkg.read import read_report, read_text
    from govkg.statements import split_statements

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--each", action="store_true", help="a line for each report")
    args = ap.parse_args()
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        raise SystemExit("LibreOffice (soffice) is not on the PATH")

    def statements(path: Path) -> list[str]:
        return [st.text for st in split_statements(read_text(path)[0]) if st.text.strip()]

    def found(path: Path) -> tuple[set, set]:
        extraction = extract(read_report(path))
        names = {e.id: ("@author" if e.author else e.name) for e in extraction.entities}
        return ({(e.type, e.name) for e in extraction.entities if not e.author},
                {(names[r.head], r.type, names[r.tail]) for r in extraction.relations})

    with tempfile.TemporaryDirectory() as tmp:
        texts = sorted(CORPUS.glob("*.txt"))
        subprocess.run([program, "--headless", f"-env:UserInstallation={(Path(tmp) / 'profile').as_uri()}",
                        "--infilter=Text (encoded):UTF8,,,", "--convert-to", "pdf", "--outdir", tmp,
                        *map(str, texts)], check=True, capture_output=True, timeout=1800)
        totals = [0] * 6
        for text in texts:
            pdf = Path(tmp) / text.with_suffix(".pdf").name
            written, printed = statements(text), statements(pdf)
            (ents, rels), (pdf_ents, pdf_rels) = found(text), found(pdf)
            row = (len(written), len(set(written) & set(printed)), len(ents), len(ents & pdf_ents),
                   len(rels), len(rels & pdf_rels))
            totals = [a + b for a, b in zip(totals, row)]
            if args.each:
                print(f"{text.name:55s} statements {row[1] / row[0]:.3f}  entities {row[3] / row[2]:.3f}  "
                      f"relations {row[5] / max(row[4], 1):.3f}")
    print(f"{len(texts)} reports read from PDF: {totals[1]:,} of {totals[0]:,} statements the same as the text's "
          f"({totals[1] / totals[0]:.3f}); entities {totals[3]:,} of {totals[2]:,} ({totals[3] / totals[2]:.3f}); "
          f"relations {totals[5]:,} of {totals[4]:,} ({totals[5] / totals[4]:.3f})")


if __name__ == "__main__":
    main()
