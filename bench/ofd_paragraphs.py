"""What a report loses when it comes as OFD (GB/T 33190). ../shared/corpus is written as OFD by
ofdrw (the Java library, through Maven: tests/ofd-writer), each line a paragraph wrapped over
lines and pages by ofdrw's layout; each OFD is read back and its statements (compared without white
space) and its extraction set against those of the text, as bench/pdf_paragraphs.py does for PDF.
Run by hand (java and mvn on the PATH; about two minutes on 2 cores):

    python bench/ofd_paragraphs.py [--each]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pdf_paragraphs import CORPUS, compare_all, shares

ROOT = Path(__file__).resolve().parents[1]
WRITER = ROOT / "tests" / "ofd-writer"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--each", action="store_true", help="a line for each report")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "tests"))
    import java_server

    classpath = java_server.build_classpath(WRITER / "pom.xml", WRITER / "target", "ofdrw", SystemExit)
    texts = sorted(CORPUS.glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        pairs = [str(p) for text in texts for p in (text, Path(tmp) / f"{text.stem}.ofd")]
        started = time.perf_counter()
        subprocess.run(["java", "-cp", classpath, str(WRITER / "OfdWriter.java"), *pairs], check=True, timeout=1800)
        writing = time.perf_counter() - started
        totals, reading = compare_all(texts, lambda text: Path(tmp) / f"{text.stem}.ofd", args.each)
    print(f"{len(texts)} reports written as OFD by ofdrw ({writing:.0f} s), read back: {shares(totals)}; "
          f"the OFDs read and split in {reading:.1f} s", flush=True)


if __name__ == "__main__":
    main()
