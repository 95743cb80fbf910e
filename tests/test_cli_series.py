"""govkg reports / timeline / diff / viz --timeline on the Hailar 2016 and 2018 reports of ../shared."""
from __future__ import annotations

import csv
import io
import json

import pytest

from testkit import POVERTY_2018, run_cli

PAIR = ("gwr-hailar-district-2016.txt", "gwr-hailar-district-2018.txt")


@pytest.fixture(scope="module")
def store(corpus, tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-series") / "kg"
    result = run_cli("load", *[corpus / name for name in PAIR], "--store", path)
    assert result.exit_code == 0, result.output
    return path


def test_reports_show_issuer_level_kind_and_years(store):
    result = run_cli("reports", "--store", store, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = {r["report"]: r for r in csv.DictReader(io.StringIO(result.output))}
    assert [rows[PAIR[1]][k] for k in ("issuer", "level", "kind", "year", "reports_on", "title")] == \
        ["海拉尔区人民政府", "county", "政府工作报告", "2018", "2017", "2018年海拉尔区政府工作报告"]


def test_diff_as_csv_has_evidence(store):
    result = run_cli("diff", *PAIR, "--store", store, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert {r["status"] for r in rows} == {"new", "dropped", "continued"}
    poverty = next(r for r in rows if r["name"] == "脱贫攻坚")
    assert (poverty["status"], poverty["report"], poverty["sentence"]) == ("new", PAIR[1], "脱贫攻坚扎实推进。")
    only = run_cli("diff", *PAIR, "--store", store, "--format", "json", "--only", "dropped", "--type", "Initiative")
    items = json.loads(only.output)
    assert items and all(i["status"] == "dropped" and i["type"] == "Initiative" for i in items)
    assert "三严三实" in {i["name"] for i in items}


def test_diff_with_one_report_takes_the_previous_of_its_series(store):
    result = run_cli("diff", PAIR[1], "--store", store, "--format", "json")
    assert result.exit_code == 0 and json.loads(result.output)


def test_diff_of_an_unknown_report_is_one_line(store):
    result = run_cli("diff", "nope.txt", PAIR[1], "--store", store)
    assert result.exit_code == 1 and "not in the store: nope.txt" in result.output


def test_timeline(store):
    result = run_cli("timeline", "打赢脱贫攻坚战", "--store", store, "--format", "json")
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.output)
    assert (row["year"], row["report"], row["entity"]) == (2018, PAIR[1], "脱贫攻坚")
    assert row["statements"] in POVERTY_2018
    table = run_cli("timeline", "海拉尔区人民政府", "--store", store)
    assert "first seen 2016 (gwr-hailar-district-2016.txt), last seen 2018" in table.output
    missing = run_cli("timeline", "没有这个", "--store", store)
    assert missing.exit_code == 1 and "not named in any stored report" in missing.output


@pytest.mark.parametrize("suffix, magic", [("png", b"\x89PNG"), ("svg", b"<?xml"), ("html", b"<!doctype html>")])
def test_viz_timeline_writes_a_picture(store, tmp_path, suffix, magic):
    from govkg.errors import GovKGError
    from govkg.view.picture import find_cjk_font

    try:
        find_cjk_font()
    except GovKGError as err:
        pytest.skip(str(err))
    out = tmp_path / f"t.{suffix}"
    result = run_cli("viz", "--timeline", "脱贫攻坚", "-o", out, "--store", store)
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(magic) and out.stat().st_size > 5000
    if suffix == "html":
        assert "脱贫攻坚扎实推进。" in out.read_text(encoding="utf-8")
    theme = run_cli("viz", "--timeline", "economy", "-o", tmp_path / f"e.{suffix}", "--store", store)
    assert theme.exit_code == 0, theme.output


def test_a_new_issuer_for_an_unchanged_text_is_stored(corpus, tmp_path):
    path = tmp_path / "kg"
    report = corpus / "policy-qingdao-2024-ai-industry-action-plan.txt"
    assert run_cli("load", report, "--store", path).exit_code == 0
    again = run_cli("load", report, "--store", path)
    assert "1 unchanged" in again.output
    stated = run_cli("load", report, "--store", path, "--issuer", "青岛市人民政府")
    assert stated.exit_code == 0 and "loaded 1 report" in stated.output
    rows = list(csv.DictReader(io.StringIO(run_cli("reports", "--store", path, "--format", "csv").output)))
    assert (rows[0]["issuer"], rows[0]["level"]) == ("青岛市人民政府", "city")
    assert "1 unchanged" in run_cli("load", report, "--store", path, "--issuer", "青岛市人民政府").output
