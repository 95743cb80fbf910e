"""Case 8, the smaller faults: a load of nothing leaves no store behind, --from-jsonl with files
keeps both, extract's output has the user's usual file mode, SPARQL syntax errors point at the
user's own line and column in one readable line."""
from __future__ import annotations

import os
import stat

from testkit import error_lines, govkg, write_text_report


def test_loading_nothing_creates_no_store(tmp_path):
    store = tmp_path / "store"
    result = govkg("load", tmp_path / "nothing.txt", "--store", store)
    assert result.returncode == 1
    errors = error_lines(result.stderr)
    assert len(errors) == 1 and "nothing.txt" in errors[0], result.stderr
    assert not store.exists()


def test_from_jsonl_and_files_load_both(tmp_path, stored_docs):
    extracted = tmp_path / "a.jsonl"
    assert govkg("extract", write_text_report(tmp_path / "in" / "a.txt"), "-o", extracted).returncode == 0
    b = write_text_report(tmp_path / "b.txt", "县司法局开展法治乡村建设示范活动。")
    result = govkg("load", "--from-jsonl", extracted, b, "--store", tmp_path / "store")
    assert result.returncode == 0, result.stderr
    assert "loaded 2 reports" in result.stderr, result.stderr
    assert stored_docs(tmp_path / "store") == ["a.txt", "b.txt"]


def test_extract_output_has_the_usual_file_mode(tmp_path):
    out = tmp_path / "x.jsonl"
    old = os.umask(0o022)
    try:
        assert govkg("extract", write_text_report(tmp_path / "a.txt"), "-o", out).returncode == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_sparql_syntax_error_points_at_the_users_text(small_store):
    result = govkg("query", "--sparql", "SELECT ?x WHERE {\n  ?x ?y }", "--store", small_store)
    assert result.returncode == 1
    errors = error_lines(result.stderr)
    assert len(errors) == 1 and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "line 2" in errors[0] and "\\u{" not in errors[0], errors[0]


def test_eval_author_reaches_the_extraction(tmp_path):
    """`govkg eval --author X` scores what extraction makes with X as the author (it was ignored):
    the records eval scores carry the author and name it as the author entity."""
    from govkg.evaluate import records_of

    report = write_text_report(tmp_path / "a.txt")
    plain = records_of([report], model="rules")[0]
    given = records_of([report], "青山县人民政府", model="rules")[0]
    assert plain["report"]["author"] != "青山县人民政府"
    assert given["report"]["author"] == "青山县人民政府"
    assert any(e["author"] and e["name"] == "青山县人民政府" for e in given["entities"])
