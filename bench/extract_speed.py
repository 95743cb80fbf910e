"""Extraction speed on ../shared/corpus, one process, warm: bare jieba.cut (the reference), the
rules alone (`--fast`) and the hybrid (the shipped model), each as CPU seconds and as a ratio to
jieba. Run by hand: `python bench/extract_speed.py` (about a minute on 2 cores)."""
from __future__ import annotations

import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def cpu(fn) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def main() -> None:
    import jieba

    from govkg.extract import RULES, extract, resolve_model
    from govkg.read import read_report

    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    paths = sorted(p for p in corpus.glob("*.txt"))
    reports = [read_report(p) for p in paths]
    chars = sum(len(r.text) for r in reports)
    jieba.setLogLevel(60)
    jieba.initialize()
    extract(reports[0], RULES)
    resolve_model(None)
    extract(reports[0])                       # lexicons, dictionaries and model loaded outside the timing
    t_jieba = cpu(lambda: [list(jieba.cut(r.text)) for r in reports])
    t_rules = cpu(lambda: [extract(r, RULES) for r in reports])
    t_hybrid = cpu(lambda: [extract(r) for r in reports])
    print(f"{len(reports)} reports, {chars / 1e6:.2f} M characters, CPU seconds, one process")
    for name, t in (("bare jieba.cut", t_jieba), ("govkg extract --fast (rules)", t_rules),
                    ("govkg extract (hybrid, shipped model)", t_hybrid)):
        print(f"{name:40s} {t:6.2f} s  {chars / t / 1000:6.0f}k chars/s  ratio to jieba {t / t_jieba:.2f}")


if __name__ == "__main__":
    main()
