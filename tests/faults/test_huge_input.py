"""Case 5: a huge sentence without a full stop costs time linear in its length (the work per
statement is bounded), and loading a large single report keeps memory bounded. The inputs are
generated and modest, so the test runs in seconds; what is checked is the bound, not a speed."""
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
