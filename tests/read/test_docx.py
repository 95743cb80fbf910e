"""govkg.read.docx: a Word file reads to its paragraphs and table rows in document order, one a
line; a damaged one is refused in one line that names the file."""
import zipfile
from pathlib import Path

import pytest

from govkg.read import read_report
from testkit import refusal

docx = pytest.importorskip("docx")

PARAGRAPHS = ["xx县人民政府工作报告", "一、2023年工作回顾", "全面完成村级换届工作。"]


def _write(path: Path, before: list[str], rows: list[list[str]] = (), after: list[str] = ()) -> Path:
    document = docx.Document()
    for p in before:
        document.add_paragraph(p)
    if rows:
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                table.rows[r].cells[c].text = text
    for p in after:
        document.add_paragraph(p)
    document.save(path)
    return path


def test_docx_paragraphs_and_tables(tmp_path):
    report = read_report(_write(tmp_path / "report.docx", PARAGRAPHS, [["指标", "增长6.5%"]]))
    assert report.text.split("\n")[:3] == PARAGRAPHS
    assert "指标\t增长6.5%" in report.text
    assert report.format == "docx"


def test_a_table_stays_where_it_stands_between_paragraphs(tmp_path):
    path = _write(tmp_path / "report.docx", PARAGRAPHS[:2], [["项目", "金额"], ["衔接资金", "1200万元"]],
                  PARAGRAPHS[2:])
    assert read_report(path).text.split("\n") == [*PARAGRAPHS[:2], "项目\t金额", "衔接资金\t1200万元", PARAGRAPHS[2]]


def _rewritten(source: Path, target: Path, part: str, change) -> Path:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            zout.writestr(item, change(data) if item.filename == part else data)
    return target


def test_damaged_files_are_one_line_naming_the_file(tmp_path):
    good = _write(tmp_path / "good.docx", PARAGRAPHS)
    cut = tmp_path / "cut.docx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert "not a readable .docx (truncated or corrupt: File is not a zip file)" in refusal(cut)
    plain_zip = tmp_path / "plain.docx"
    with zipfile.ZipFile(plain_zip, "w") as z:
        z.writestr("report.txt", "内容")
    assert "not a readable .docx" in refusal(plain_zip)
    sheet = _rewritten(good, tmp_path / "sheet.docx", "[Content_Types].xml",
                       lambda xml: xml.replace(b"wordprocessingml.document.main", b"spreadsheetml.sheet.main"))
    message = refusal(sheet)
    assert "is not a Word file" in message and "BytesIO" not in message    # not python-docx's buffer name


def test_a_docx_without_text_says_so(tmp_path):
    path = _write(tmp_path / "blank.docx", ["", "  "])
    assert "no text found in the file" in refusal(path)
