"""govkg.read.sidecar: what a user states about reports, by option or in a metadata CSV beside them
(or named with --metadata): it wins over detection, an option wins over the CSV, and a bad CSV is
one line naming the file and the line."""
import pytest

from govkg.errors import ReportError
from govkg.read import read_report
from govkg.read.sidecar import SIDECAR_NAME, MetaOverride, read_sidecar, sidecar_for
from testkit import refusal


def _reports(folder, *names):
    for name in names:
        (folder / name).write_text("为抢抓人工智能发展新机遇，全市制定本行动计划。\n", encoding="utf-8")


def test_a_sidecar_csv_fills_what_the_text_does_not_say(tmp_path):
    _reports(tmp_path, "plan.txt", "other.txt")
    (tmp_path / SIDECAR_NAME).write_text("file,issuer,kind,year\nplan.txt,青岛市人民政府,,2024\n", encoding="utf-8")
    plan = read_report(tmp_path / "plan.txt")
    assert (plan.author, plan.level, plan.kind, plan.year) == ("青岛市人民政府", "city", "政策文件", 2024)
    assert read_report(tmp_path / "other.txt").author == ""
    # the command line wins over the sidecar
    assert read_report(tmp_path / "plan.txt", MetaOverride(issuer="国务院")).author == "国务院"


def test_a_named_csv_comes_before_the_folders_own(tmp_path):
    _reports(tmp_path, "plan.txt", "other.txt")
    (tmp_path / SIDECAR_NAME).write_text("file,issuer\nplan.txt,青岛市人民政府\nother.txt,济南市人民政府\n",
                                         encoding="utf-8")
    given = tmp_path / "given.csv"
    given.write_text("file,issuer,title\nplan.txt,国务院,新一代人工智能发展规划\n", encoding="utf-8")
    assert sidecar_for(tmp_path / "plan.txt", str(given)) == MetaOverride(issuer="国务院", title="新一代人工智能发展规划")
    assert sidecar_for(tmp_path / "other.txt", str(given)) == MetaOverride(issuer="济南市人民政府")
    assert read_report(tmp_path / "plan.txt", MetaOverride(sidecar=str(given))).title == "新一代人工智能发展规划"
    assert sidecar_for(tmp_path / "absent.txt") is None


def test_a_spreadsheets_csv_reads_with_its_bom_and_spaces(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("file,issuer,year,level\n plan.txt , 青岛市人民政府 ,2024,\n,国务院,,\n".encode("utf-8-sig"))
    assert read_sidecar(path) == {"plan.txt": MetaOverride(issuer="青岛市人民政府", year=2024)}


def test_merged_over_keeps_what_is_set_and_takes_the_rest():
    stated = MetaOverride(issuer="国务院", year=None, kind="政策文件")
    other = MetaOverride(issuer="青岛市人民政府", year=2024, level="city")
    assert stated.merged_over(other) == MetaOverride(issuer="国务院", kind="政策文件", year=2024, level="city")
    assert stated.merged_over(None) is stated


@pytest.mark.parametrize("stated,message", [
    (MetaOverride(kind="年报"), "unknown kind '年报' (one of "),
    (MetaOverride(level="galactic"), "unknown level 'galactic' (one of national, provincial"),
    (MetaOverride(year=20240), "year 20240 is not a year"),
])
def test_a_stated_value_is_checked_before_reading(tmp_path, stated, message):
    _reports(tmp_path, "plan.txt")
    assert message in refusal(tmp_path / "plan.txt", stated)


@pytest.mark.parametrize("content,message", [
    ("file,kind\nplan.txt,年报\n", f"{SIDECAR_NAME}:2: unknown kind '年报'"),
    ("file,year\nother.txt,2020\nplan.txt,二〇二四\n", f"{SIDECAR_NAME}:3: year '二〇二四' is not a number"),
    ("name,issuer\nplan.txt,国务院\n", "a metadata CSV needs a 'file' column"),
    ("file,issuer,author\nplan.txt,国务院,x\n", "(unknown: author)"),
])
def test_a_bad_sidecar_names_the_file_and_line(tmp_path, content, message):
    _reports(tmp_path, "plan.txt")
    (tmp_path / SIDECAR_NAME).write_text(content, encoding="utf-8")
    with pytest.raises(ReportError) as info:
        read_report(tmp_path / "plan.txt")
    assert message in str(info.value) and str(tmp_path / SIDECAR_NAME) in str(info.value)


def test_a_sidecar_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes("file,issuer\nplan.txt,国务院\n".encode("gbk"))
    with pytest.raises(ReportError, match="cannot read the metadata CSV"):
        read_sidecar(path)
