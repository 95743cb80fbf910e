"""govkg.unpack: a table of reports (CSV, TSV, Excel; one report a row) written as report files and
the folder's govkg-metadata.csv, which a load then reads; again, it writes nothing; a clash is an
error before anything is written."""
import csv
import io
import re
import zipfile

import pytest

from govkg.errors import ReportError, UsageError
from govkg.pipeline import load_files
from govkg.unpack import Columns, unpack
from testkit import GOOD_SENTENCES, govkg

HEADER = ["标题", "发文机关", "发布日期", "类型", "层级", "正文"]
ROWS = [
    ["xx县2023年政府工作报告", "xx县人民政府", "2023-01-12", "政府工作报告", "county", "\n".join(GOOD_SENTENCES)],
    ["yy镇2022年工作总结", "yy镇人民政府", "2022年12月", "summary", "乡镇", "镇党委牵头开展人居环境整治行动。"],
    ["空的一行", "", "", "", "", "   "],
    ["xx县2023年政府工作报告", "", "2023", "", "", "重名的报告：县委组织部牵头开展党史学习教育。"],
]


def _csv(path, rows=ROWS, header=HEADER, encoding="utf-8-sig", delimiter=","):
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows([header, *rows])
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def _sidecar(folder):
    with open(folder / "govkg-metadata.csv", encoding="utf-8-sig", newline="") as fh:
        return {row["file"]: row for row in csv.DictReader(fh)}


def test_each_row_with_text_becomes_a_report_file_and_a_metadata_row(tmp_path):
    folder = tmp_path / "reports"
    done = unpack(_csv(tmp_path / "dataset.csv"), folder)
    names = ["xx县2023年政府工作报告.txt", "yy镇2022年工作总结.txt", "xx县2023年政府工作报告-5.txt"]
    assert [p.name for p in done.written] == names and done.empty_rows == [4]
    assert (folder / names[0]).read_text(encoding="utf-8") == "\n".join(GOOD_SENTENCES) + "\n"
    assert done.columns == {"text": "正文", "title": "标题", "issuer": "发文机关", "year": "发布日期", "kind": "类型",
                            "level": "层级"}
    rows = _sidecar(folder)
    assert rows[names[0]] == {"file": names[0], "issuer": "xx县人民政府", "kind": "政府工作报告", "year": "2023",
                              "level": "county", "title": "xx县2023年政府工作报告"}
    assert (rows[names[1]]["kind"], rows[names[1]]["level"], rows[names[1]]["year"]) == ("", "", "2022")
    assert [n for n in done.notes if "'类型'" in n and "'summary'" in n and "left to detection" in n]
    assert [n for n in done.notes if "'层级'" in n and "'乡镇'" in n]


def test_a_load_reads_the_metadata_and_unpacking_again_writes_nothing(tmp_path, store):
    table, folder = _csv(tmp_path / "dataset.csv"), tmp_path / "reports"
    unpack(table, folder)
    stamps = {p: p.stat().st_mtime_ns for p in folder.iterdir()}
    again = unpack(table, folder)
    assert again.written == [] and len(again.unchanged) == 3
    assert {p: p.stat().st_mtime_ns for p in folder.iterdir() if p.suffix == ".txt"} == \
           {p: t for p, t in stamps.items() if p.suffix == ".txt"}
    load_files(sorted(folder.glob("*.txt")), store)
    info = {r.doc: r for r in store.reports()}["xx县2023年政府工作报告.txt"]
    assert (info.title, info.year, info.kind, info.level) == ("xx县2023年政府工作报告", 2023, "政府工作报告", "county")


def test_a_file_with_other_text_is_an_error_before_anything_is_written_unless_forced(tmp_path):
    table, folder = _csv(tmp_path / "dataset.csv"), tmp_path / "reports"
    folder.mkdir()
    (folder / "yy镇2022年工作总结.txt").write_text("另一份报告。\n", encoding="utf-8")
    with pytest.raises(ReportError, match=r"yy镇2022年工作总结.txt: already exists with other content \(row 3"):
        unpack(table, folder)
    assert sorted(p.name for p in folder.iterdir()) == ["yy镇2022年工作总结.txt"]      # the first row not written
    assert len(unpack(table, folder, force=True).written) == 3


def test_a_tsv_in_gb18030_with_a_report_longer_than_a_csv_cell_reads(tmp_path):
    long_text = "县委组织部牵头开展村级换届工作。" * 10_000                    # 160,000 characters
    table = _csv(tmp_path / "dataset.tsv", [["长报告", long_text], ["短报告", "乡镇党委落实责任。"]],
                 header=["name", "content"], encoding="gb18030", delimiter="\t")
    done = unpack(table, tmp_path / "out")
    assert [p.name for p in done.written] == ["长报告.txt", "短报告.txt"]
    assert (tmp_path / "out" / "长报告.txt").read_text(encoding="utf-8") == long_text + "\n"


def test_without_known_names_the_text_is_the_longest_column_and_files_are_named_by_row(tmp_path):
    table = _csv(tmp_path / "policies.csv", [["1", "县委组织部牵头开展村级换届工作，推进治理。"], ["", ""],
                                             ["2", "乡镇党委落实责任。"]], header=["编号", "x"], delimiter=";")
    done = unpack(table, tmp_path / "out")
    assert done.columns == {"text": "x"} and done.empty_rows == []          # a blank row is no report
    assert [p.name for p in done.written] == ["policies-2.txt", "policies-4.txt"]    # the rows' own numbers


def test_excel_sheets_and_named_columns(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "封面"
    book.active.append(["说明"])
    sheet = book.create_sheet("2021")
    sheet.append(["政策名称", "政策内容", "备注"])
    sheet.append(["山东省教育发展规划", "省教育厅负责实施高标准农田建设项目。", "x"])
    sheet.append(["第二份", 2021, None])
    path = tmp_path / "policies.xlsx"
    book.save(path)
    done = unpack(path, tmp_path / "out", Columns(text="政策内容", title="政策名称"), sheet="2021")
    assert [p.name for p in done.written] == ["山东省教育发展规划.txt", "第二份.txt"]
    assert (tmp_path / "out" / "第二份.txt").read_text(encoding="utf-8") == "2021\n"
    with pytest.raises(ReportError, match=r"no sheet '2022' \(sheets: 封面, 2021\)"):
        unpack(path, tmp_path / "out", sheet="2022")
    with pytest.raises(UsageError, match=r"no column '正文' \(columns: 政策名称, 政策内容, 备注\)"):
        unpack(path, tmp_path / "out", Columns(text="正文"), sheet="2021")


@pytest.mark.parametrize("name, data, reason", [
    ("empty.csv", "标题,正文\n".encode(), "the table has no rows under its header"),
    ("blank.csv", "标题,正文\n甲,\n".encode(), "no row has text in column '正文'"),
    ("report.txt", "县委组织部。".encode(), "not a table of reports (.csv, .tsv, .xlsx)"),
    ("broken.xlsx", b"PK\x03\x04 not really", "not a readable Excel file"),
    ("old.xls", b"\xd0\xcf\x11\xe0", "an Excel 97-2003 file: save it as .xlsx or .csv and unpack that"),
], ids=["header-only", "no-text", "not-a-table", "broken-excel", "old-excel"])
def test_what_is_not_a_table_of_reports_is_one_line_naming_the_file(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReportError, match=re.escape(reason)) as caught:
        unpack(path, tmp_path / "out")
    assert str(caught.value).startswith(str(path)) and not (tmp_path / "out").exists()


def test_govkg_unpack_then_load_and_a_table_given_to_load_points_to_unpack(tmp_path):
    table, folder, store = _csv(tmp_path / "dataset.csv"), tmp_path / "reports", tmp_path / "store"
    done = govkg("unpack", table, "-o", folder)
    assert done.returncode == 0, done.stderr
    assert f"unpacked 3 reports into {folder} (3 written, 0 unchanged); next: govkg load {folder}" in done.stderr
    assert "1 row without text left out (rows 4)" in done.stderr
    loaded = govkg("load", folder, "--store", store)
    assert loaded.returncode == 0 and "loaded 3 reports" in loaded.stderr, loaded.stderr
    refused = govkg("load", table, "--store", store)
    assert refused.returncode == 1
    assert "a table, not a report: if its rows hold reports, `govkg unpack FILE -o DIR`" in refused.stderr


class _GbkName(zipfile.ZipInfo):
    """A member named in GBK without the UTF-8 flag, as Windows' zip tools in Chinese write it."""
    def _encodeFilenameFlags(self):
        return self.filename.encode("gbk"), self.flag_bits


def test_a_zip_of_reports_is_taken_out_with_gbk_names_and_what_is_not_a_report_left_out(tmp_path):
    archive = tmp_path / "2023年报告.zip"
    with zipfile.ZipFile(archive, "w") as package:
        package.writestr(_GbkName("县级/xx县2023年政府工作报告.txt"), "\n".join(GOOD_SENTENCES).encode("gbk"))
        package.writestr("yy镇工作总结.txt", "镇党委牵头开展人居环境整治行动。")
        package.writestr("govkg-metadata.csv", "file,issuer,kind,year,level,title\nyy镇工作总结.txt,yy镇人民政府,,2022,,\n")
        package.writestr("照片.png", b"\x89PNG")
        package.writestr("__MACOSX/._yy镇工作总结.txt", b"x")
        package.writestr("../逃出.txt", "不应写到文件夹外。")
    folder = tmp_path / "reports"
    done = unpack(archive, folder)
    assert sorted(p.relative_to(folder).as_posix() for p in done.written) == \
        ["govkg-metadata.csv", "yy镇工作总结.txt", "县级/xx县2023年政府工作报告.txt"]
    assert not (tmp_path / "逃出.txt").exists()
    assert any("../逃出.txt: a path outside the folder" in n for n in done.notes)
    assert any("1 files that are not reports left out (e.g. 照片.png)" in n for n in done.notes)
    assert unpack(archive, folder).written == []                  # again: nothing written
    (folder / "yy镇工作总结.txt").write_text("改过。", encoding="utf-8")
    with pytest.raises(ReportError, match="already exists with other content .yy镇工作总结.txt of the archive"):
        unpack(archive, folder)


@pytest.mark.parametrize("make, reason", [
    (lambda path: path.write_bytes(b"PK\x03\x04 cut"), "not a readable zip archive"),
    (lambda path: zipfile.ZipFile(path, "w").close(), "the archive holds no report files"),
], ids=["damaged", "empty"])
def test_a_zip_that_gives_no_reports_is_one_line_naming_it(tmp_path, make, reason):
    archive = tmp_path / "bundle.zip"
    make(archive)
    with pytest.raises(ReportError, match=reason) as caught:
        unpack(archive, tmp_path / "out")
    assert str(caught.value).startswith(str(archive)) and not (tmp_path / "out").exists()
