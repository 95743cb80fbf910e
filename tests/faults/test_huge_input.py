"""Case 5: no statement is longer than MAX_STATEMENT, so a huge sentence without a full stop
costs extraction time linear in its length (the work per statement is bounded), and loading a
generated large report stays under the README's 2 GB. The inputs are generated and modest, so the
test runs in seconds; what is checked is the bound, not a speed. (Memory still grows with the size
of one report: see the README's Faults section.)"""
from __future__ import annotations

from govkg.statements import MAX_STATEMENT, split_statements

CLAUSE = "县委组织部牵头开展村级换届工作，县农业农村局负责实施高标准农田建设项目，乡镇党委落实《乡村振兴促进法》，"


def test_no_statement_is_longer_than_the_bound():
    text = (CLAUSE * 3000)[:100_000] + "\n" + "无标点" * 2000
    statements = split_statements(text)
    assert max(len(s.text) for s in statements) <= MAX_STATEMENT
    assert all(text[s.start:s.end] == s.text for s in statements)
    covered = "".join(s.text for s in statements)
    assert covered == text.replace("\n", "")


PEAK = r"""
import resource, runpy, sys
sys.argv = ["govkg", *sys.argv[1:]]
try:
    runpy.run_module("govkg", run_name="__main__")
except SystemExit as done:
    code = done.code
print("peak-kb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "exit", code, file=sys.stderr)
"""


def test_loading_one_large_generated_report_stays_under_2_gb(tmp_path):
    """Peak RSS of `govkg load` on one generated ~2 MB report (one long line without full stops
    among ordinary ones), measured in its own process. The bound is the README's 2 GB."""
    import re
    import subprocess
    import sys

    report = tmp_path / "large.txt"
    line = CLAUSE * 40 + "。\n"
    with open(report, "w", encoding="utf-8") as out:
        out.write(CLAUSE * 2000 + "\n")                       # ~100k characters, no full stop
        while out.tell() < 2_000_000:
            out.write(line)
    result = subprocess.run([sys.executable, "-c", PEAK, "load", str(report), "--store", str(tmp_path / "s")],
                            capture_output=True, text=True, timeout=600)
    found = re.search(r"peak-kb (\d+) exit (\S+)", result.stderr)
    assert found and found.group(2) in ("0", "None"), result.stderr[-2000:]
    assert int(found.group(1)) < 2 * 1024 * 1024, f"peak RSS {int(found.group(1)) // 1024} MB"
