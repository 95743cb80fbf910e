"""What a report loses when it comes scanned, read by OCR (`govkg load --ocr`). Reports of
../shared/corpus are printed to PDF by LibreOffice, each page rendered to a grey image at 200 dpi
(a scan without its noise: the figures are a ceiling for real scans) and put in a PDF with no text
layer; each is read back by Tesseract and its statements (compared without white space) and its
extraction set against those of the text, as bench/pdf_paragraphs.py does for text layers.
With `--as outlined` the PDFs' text is turned into outlines by Ghostscript instead (every
character a drawn path, no text layer, as some publishers print), with `--as unmapped` their fonts
lose their character maps (the text copies as garbage, as some PDFs come); pdfium renders those
pages at 300 dpi. Run by hand (LibreOffice and Tesseract with chi_sim installed, Ghostscript for
`--as outlined`; about 3 s a page on 2 cores):

    python bench/ocr_pages.py [--each] [--as scanned|outlined|unmapped] [REPORT.txt ...]   # four reports
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pdf_paragraphs import CORPUS, compare_all, shares

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from testkit import outlined_pdf, scanned_pdf, unmapped_pdf  # noqa: E402 - the PDFs the OCR tests read

DEFAULT = ["gwr-hailar-district-2015.txt", "summary-county-organization-2021.txt",
           "policy-zhongshan-2020-government-data-management.txt", "gwr-national-2019.txt"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reports", nargs="*", default=DEFAULT, help="corpus file names")
    ap.add_argument("--each", action="store_true", help="a line for each report")
    ap.add_argument("--as", dest="kind", choices=("scanned", "outlined", "unmapped"), default="scanned",
                    help="pages scanned at 200 dpi, text turned into outlines, or fonts without character maps")
    args = ap.parse_args()
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None or shutil.which("tesseract") is None:
        raise SystemExit("LibreOffice (soffice) and Tesseract (tesseract) must be on the PATH")
    texts = [CORPUS / name for name in args.reports]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "scans"
        folder.mkdir()
        subprocess.run([program, "--headless", f"-env:UserInstallation={(Path(tmp) / 'profile').as_uri()}",
                        "--infilter=Text (encoded):UTF8,,,", "--convert-to", "pdf", "--outdir", str(folder),
                        *map(str, texts)], check=True, capture_output=True, timeout=1800)
        make = {"outlined": outlined_pdf, "unmapped": unmapped_pdf,
                "scanned": lambda pdf, out: len(scanned_pdf(pdf, out))}[args.kind]
        pages = sum(make(folder / f"{t.stem}.pdf", folder / f"{t.stem}.scan.pdf") for t in texts)
        os.environ.update(GOVKG_OCR="1", GOVKG_CACHE_DIR=str(Path(tmp) / "cache"))     # OCR each page once
        started = time.perf_counter()
        totals, _ = compare_all(texts, lambda text: folder / f"{text.stem}.scan.pdf", args.each)
        seconds = time.perf_counter() - started
    how = {"outlined": "their text turned into outlines", "unmapped": "their fonts' character maps taken out",
           "scanned": "scanned at 200 dpi"}[args.kind]
    print(f"{len(texts)} reports printed, {how} ({pages} pages), read by OCR: {shares(totals)}; "
          f"{seconds:.0f} s with their extraction ({seconds / pages:.1f} s a page)", flush=True)


if __name__ == "__main__":
    main()
