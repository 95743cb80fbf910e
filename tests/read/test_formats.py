"""docx, pdf and html read to the text a person sees, with newlines between blocks."""
from pathlib import Path

import pytest

from govkg.read import read_report

PARAGRAPHS = ["xx县人民政府工作报告", "一、2023年工作回顾", "全面完成村级换届工作。"]


def test_docx_paragraphs_and_tables(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for p in PARAGRAPHS:
        document.add_paragraph(p)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "指标"
    table.rows[0].cells[1].text = "增长6.5%"
    path = tmp_path / "report.docx"
    document.save(path)
    report = read_report(path)
    assert report.text.split("\n")[:3] == PARAGRAPHS
    assert "指标\t增长6.5%" in report.text
    assert report.format == "docx"


def test_html_drops_markup_scripts_and_styles(tmp_path):
    path = tmp_path / "report.html"
    path.write_text("<html><head><title>t</title><style>p{}</style></head><body>"
                    "<script>alert(1)</script><h1>xx县人民政府工作报告</h1>"
                    "<p>一、2023年工作回顾</p><div>全面完成<b>村级换届</b>工作。</div></body></html>",
                    encoding="gbk")
    text = read_report(path).text
    assert "alert" not in text and "p{}" not in text
    assert text.split("\n")[0] == "xx县人民政府工作报告"
    assert "村级换届" in text


def _pdf_with_text(path: Path, lines: list[str]) -> None:
    """A one-page PDF with a text layer in a CJK font (via matplotlib if a CJK font is installed)."""
    pytest.importorskip("pypdf")
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=400, height=200)
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
    stream = DecodedStreamObject()
    body = "".join(f"BT /F1 12 Tf 20 {160 - 20 * i} Td ({line}) Tj ET\n" for i, line in enumerate(lines))
    stream.set_data(body.encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    with open(path, "wb") as fh:
        writer.write(fh)


def test_pdf_text_layer(tmp_path):
    path = tmp_path / "report.pdf"
    _pdf_with_text(path, ["Work Report 2023", "1. Village elections completed."])
    report = read_report(path)
    assert "Work Report 2023" in report.text
    assert "Village elections completed." in report.text
    assert report.year == 2023
