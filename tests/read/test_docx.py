"""govkg.read.docx: a Word file reads to its paragraphs and table rows in document order, one a
line, with what Word keeps in content controls, tracked insertions, fields, text boxes and
footnotes, without page headers and footers; a damaged one is refused in one line that names the file."""
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


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
WPS = ('xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
       'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
       'xmlns:v="urn:schemas-microsoft-com:vml"')
CHANGED = '<w:ins w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z">'


def _run(text: str) -> str:
    return f"<w:r><w:t>{text}</w:t></w:r>"


def _box(text: str) -> str:
    """A text box as Word writes it: the drawing (wps) and its VML fallback, holding the same text."""
    content = f"<w:txbxContent><w:p>{_run(text)}</w:p></w:txbxContent>"
    return (f"<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>{content}</wps:txbx>"
            f"</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape>"
            "</w:pict></mc:Fallback></mc:AlternateContent></w:r>")


@pytest.mark.parametrize("xml, lines", [
    # a content control around paragraphs (templates of official documents hold titles so)
    (f"<w:sdt><w:sdtPr/><w:sdtContent><w:p>{_run('xx县人民政府文件')}</w:p></w:sdtContent></w:sdt>",
     ["xx县人民政府文件"]),
    # a tracked insertion is kept, a tracked deletion and a field's code are not
    (f"<w:p>{_run('全面完成')}{CHANGED}{_run('村级')}</w:ins><w:del w:id=\"2\" w:author=\"a\" "
     "w:date=\"2024-01-01T00:00:00Z\"><w:r><w:delText>乡镇</w:delText></w:r></w:del>"
     f"<w:r><w:instrText>PAGE</w:instrText></w:r>{_run('换届工作。')}</w:p>", ["全面完成村级换届工作。"]),
    # a simple field's result, a smart tag, a run-level content control, a hyperlink
    (f"<w:p><w:fldSimple w:instr=\"DATE\">{_run('2023年')}</w:fldSimple><w:smartTag w:uri=\"u\" w:element=\"e\">"
     f"{_run('县委')}</w:smartTag><w:sdt><w:sdtContent>{_run('组织部')}</w:sdtContent></w:sdt>"
     f"<w:hyperlink>{_run('牵头。')}</w:hyperlink></w:p>", ["2023年县委组织部牵头。"]),
    # a text box follows the paragraph that anchors it, once
    (f"<w:p>{_run('正文。')}{_box('框中文字。')}</w:p>", ["正文。", "框中文字。"]),
    # a merged cell once; a row in a content control; a table in a cell after its row
    ("<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p>" + _run("项目") + "</w:p></w:tc>"
     "<w:tc><w:p>" + _run("金额") + "</w:p></w:tc></w:tr><w:sdt><w:sdtContent><w:tr><w:tc><w:p>" + _run("衔接资金")
     + "</w:p><w:tbl><w:tr><w:tc><w:p>" + _run("其中") + "</w:p></w:tc></w:tr></w:tbl></w:tc><w:tc><w:p>"
     + _run("1200万元") + "</w:p></w:tc></w:tr></w:sdtContent></w:sdt></w:tbl>",
     ["项目\t金额", "衔接资金\t1200万元", "其中"]),
], ids=["content-control", "tracked-changes", "fields-and-tags", "text-box", "table-cells"])
def test_what_word_keeps_beside_plain_paragraphs_is_read(tmp_path, xml, lines):
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("开头。")
    body = document.element.body
    for element in parse_xml(f"<w:body {W} {WPS}>{xml}</w:body>"):
        body.insert(len(body) - 1, element)       # before the section properties
    document.save(tmp_path / "report.docx")
    assert read_report(tmp_path / "report.docx").text.split("\n") == ["开头。", *lines]


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


def _with_notes(path: Path, body: str, notes: dict[str, dict[str, str]]) -> Path:
    """A Word file whose body is ``body`` and whose footnotes and endnotes part hold ``notes``
    (kind -> id -> text), as Word writes them: the separators first, each note opening with its mark."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    document = docx.Document()
    element = document.element.body
    for child in parse_xml(f"<w:body {W}>{body}</w:body>"):
        element.insert(len(element) - 1, child)
    for kind, content_type, reltype in (("footnote", CT.WML_FOOTNOTES, RT.FOOTNOTES),
                                        ("endnote", CT.WML_ENDNOTES, RT.ENDNOTES)):
        xml = (f'<w:{kind}s {W}><w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
               + "".join(f'<w:{kind} w:id="{i}"><w:p><w:r><w:{kind}Ref/></w:r>{_run(text)}</w:p></w:{kind}>'
                         for i, text in notes.get(kind, {}).items()) + f"</w:{kind}s>")
        part = Part(PackURI(f"/word/{kind}s.xml"), content_type, xml.encode("utf-8"), document.part.package)
        document.part.relate_to(part, reltype)
    document.save(path)
    return path


def test_footnotes_and_endnotes_follow_the_paragraph_that_refers_to_them(tmp_path):
    body = (f"<w:p>{_run('推进城乡基本公共服务均等化')}<w:r><w:footnoteReference w:id='1'/></w:r>{_run('。')}</w:p>"
            f"<w:p>{_run('实施乡村建设行动')}<w:r><w:endnoteReference w:id='2'/></w:r>"
            f"{_run('，健全乡村治理体系')}<w:r><w:footnoteReference w:id='3'/></w:r>{_run('。')}</w:p>"
            f"<w:p>{_run('完成村“两委”换届。')}</w:p>")
    path = _with_notes(tmp_path / "plan.docx", body, {
        "footnote": {"1": "基本公共服务：指建立在一定社会共识基础上的公共服务。", "3": "乡村治理体系：自治、法治、德治相结合。",
                     "4": "无处引用的脚注。"},
        "endnote": {"2": "乡村建设行动：见《乡村建设行动实施方案》。"}})
    assert read_report(path).text.split("\n") == [
        "推进城乡基本公共服务均等化。", "基本公共服务：指建立在一定社会共识基础上的公共服务。",
        "实施乡村建设行动，健全乡村治理体系。", "乡村建设行动：见《乡村建设行动实施方案》。", "乡村治理体系：自治、法治、德治相结合。",
        "完成村“两委”换届。"]


def test_page_headers_and_footers_are_left_out(tmp_path):
    document = docx.Document()
    for text in PARAGRAPHS:
        document.add_paragraph(text)
    section = document.sections[0]
    section.header.paragraphs[0].text = "xx县人民政府文件"
    section.footer.paragraphs[0].text = "— 1 —"
    document.save(tmp_path / "report.docx")
    assert read_report(tmp_path / "report.docx").text.split("\n") == PARAGRAPHS
