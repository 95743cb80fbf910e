"""Case 2: a report is not its base name alone. dup/a/report.txt and dup/b/report.txt are two
reports; loading the same file again changes nothing; a changed file replaces its own earlier
version only. The interchange JSONL keeps the spec's ``doc`` = base name."""
from __future__ import annotations

import json

from testkit import error_lines, govkg, two_folders_one_base_name, write_text_report

from govkg.pipeline import expand_inputs, load_files
from govkg.store import open_store

A = "县委组织部牵头开展村级换届工作。"
B = "县农业农村局负责实施高标准农田建设项目。"
C = "县司法局开展法治乡村建设示范活动。"
A2 = "县民政局牵头推进村务公开工作。"


def statement_texts(db) -> set[str]:
    table = db.select("SELECT ?t WHERE { ?s a <https://w3id.org/govkg/ontology#Statement> ; "
                      "<https://w3id.org/govkg/ontology#text> ?t }", {})
    return {row[0] for row in table.rows}


def test_same_base_name_in_two_folders_is_two_reports(tmp_path):
    folder = two_folders_one_base_name(tmp_path / "dup", A, B, C)
    with open_store(tmp_path / "store") as db:
        first = load_files(expand_inputs([folder]), db)
        assert len(first.loaded) == 3 and not first.failed
        assert sorted(r.doc for r in db.reports()) == ["c.txt", "report.txt", "report.txt"]
        assert {A, B, C} <= statement_texts(db)
        triples = db.triple_count()

        again = load_files(expand_inputs([folder]), db)
        assert again.loaded == [] and len(again.unchanged) == 3
        assert db.triple_count() == triples

        write_text_report(folder / "a" / "report.txt", A2)
        changed = load_files(expand_inputs([folder]), db)
        assert changed.loaded == ["report.txt"] and len(changed.unchanged) == 2
        texts = statement_texts(db)
        assert A2 in texts and A not in texts and {B, C} <= texts
        assert len(db.reports()) == 3


def test_the_same_file_by_another_path_is_the_same_report(tmp_path):
    folder = two_folders_one_base_name(tmp_path / "dup", A, B, C)
    with open_store(tmp_path / "store") as db:
        load_files(expand_inputs([folder]), db)
        again = load_files([folder / "a" / ".." / "a" / "report.txt"], db)
        assert again.unchanged and not again.loaded and len(db.reports()) == 3


def test_cli_reload_remove_and_jsonl_doc(tmp_path):
    folder = two_folders_one_base_name(tmp_path / "dup", A, B, C)
    store = tmp_path / "store"
    first = govkg("load", folder, "--store", store)
    assert first.returncode == 0 and "loaded 3 reports" in first.stderr, first.stderr
    assert "3 unchanged" in govkg("load", folder, "--store", store).stderr

    ambiguous = govkg("remove", "report.txt", "--store", store)
    assert ambiguous.returncode == 1 and len(error_lines(ambiguous.stderr)) == 1
    assert "report.txt" in ambiguous.stderr and "2" in ambiguous.stderr

    removed = govkg("remove", folder / "b" / "report.txt", "--store", store)
    assert removed.returncode == 0, removed.stderr
    with open_store(store, read_only=True) as db:
        texts = statement_texts(db)
    assert A in texts and B not in texts and C in texts

    out = tmp_path / "x.jsonl"
    assert govkg("extract", folder, "-o", out).returncode == 0
    docs = [json.loads(line)["doc"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert docs == ["report.txt", "report.txt", "c.txt"]
