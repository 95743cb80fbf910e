"""The command line: help that teaches, one-line errors, exit codes, and the main round trip."""
import json
import re
from pathlib import Path

import pytest

from testkit import run_cli

def _commands() -> list[str]:
    from govkg.cli import app

    return sorted(info.name or info.callback.__name__.replace("_", "-") for info in app.registered_commands)


COMMANDS = _commands()


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    result = run_cli(command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command):
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert f"govkg {command}" in readme


def test_load_query_stats_export_round_trip(tmp_path, sample_report):
    store = tmp_path / "kg"
    result = run_cli("load", sample_report, "--store", store)
    assert result.exit_code == 0, result.output
    assert re.search(r"loaded 1 report: \d+ statements, \d+ entities, \d+ relations", result.output)

    again = run_cli("load", sample_report, "--store", store)
    assert "1 unchanged" in again.output

    rows = json.loads(run_cli("query", "initiatives-by-theme", "--param", "theme=village_governance",
                          "--format", "json", "--store", store).output)
    assert rows and all(r["sentence"] and r["report"] == sample_report.name for r in rows)

    csv_out = run_cli("query", "--sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s a gk:Statement }",
                  "-f", "csv", "--store", store).output
    assert csv_out.splitlines()[0] == "n" and int(csv_out.splitlines()[1]) > 10

    assert "entity types" in run_cli("stats", "--store", store).output
    out = tmp_path / "graph.ttl"
    assert run_cli("export", "--format", "ttl", "-o", out, "--store", store).exit_code == 0
    assert out.stat().st_size > 1000


def test_store_from_environment(tmp_path, sample_report):
    store = tmp_path / "env-store"
    assert run_cli("load", sample_report, env={"GOVKG_STORE": str(store)}).exit_code == 0
    assert store.is_dir()


def test_a_folder_of_mixed_files(tmp_path, sample_report):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(sample_report.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\xff\x00\xfe")
    (folder / "cut.docx").write_bytes(b"PK\x03\x04")
    (folder / "photo.png").write_bytes(b"\x89PNG")
    store = tmp_path / "kg"
    result = run_cli("load", folder, "--store", store)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    for name, reason in [("empty.txt", "empty file"), ("binary.txt", "binary file"), ("cut.docx", "docx")]:
        assert any(name in line and reason in line for line in lines), result.output
    assert any("photo.png" in line and "skipped" in line and "not a report file type" in line for line in lines)
    assert "Traceback" not in result.output
    listed = run_cli("reports", "--store", store).output
    assert "good.txt" in listed and "empty.txt" not in listed


def test_loading_a_folder_that_holds_the_store_skips_the_store_as_one(tmp_path, sample_report):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "r.txt").write_text(sample_report.read_text(encoding="utf-8"), encoding="utf-8")
    store = folder / "govkg-data"                      # what `govkg load .` makes in the reports' folder
    assert run_cli("load", folder, "--store", store).exit_code == 0
    again = run_cli("load", folder, "--store", store)
    assert again.exit_code == 0 and "1 unchanged" in again.output
    skipped = [line for line in again.output.splitlines() if line.startswith("skipped")]
    assert skipped == [f"skipped: {store}: a graph store, not reports"]


def test_user_errors_are_one_line_without_traceback(tmp_path):
    result = run_cli("query", "no-such-query", "--store", tmp_path / "nothing")
    assert result.exit_code == 1
    assert result.output.strip().startswith("error:") and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_update_is_refused_without_write(tmp_path, sample_report):
    store = tmp_path / "kg"
    run_cli("load", sample_report, "--store", store)
    result = run_cli("query", "--sparql", "DELETE WHERE { ?s ?p ?o }", "--store", store)
    assert result.exit_code == 1 and "--write" in result.output


def test_remove(tmp_path, sample_report):
    store = tmp_path / "kg"
    run_cli("load", sample_report, "--store", store)
    assert run_cli("remove", sample_report.name, "--store", store).exit_code == 0
    assert sample_report.name not in run_cli("reports", "--store", store).output
    missing = run_cli("remove", "nope.txt", "--store", store)
    assert missing.exit_code == 1 and "not in the store" in missing.output


def test_extract_writes_interchange_jsonl(tmp_path, sample_report):
    out = tmp_path / "x.jsonl"
    assert run_cli("extract", sample_report, "-o", out).exit_code == 0
    record = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert record["doc"] == sample_report.name
    assert sum(e["author"] for e in record["entities"]) == 1
    text = sample_report.read_text(encoding="utf-8")
    for e in record["entities"]:
        for s, t in e["mentions"]:
            assert t == s == 0 or text[s:t]


def test_python_dash_m(sample_report):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "govkg", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "load" in result.stdout
