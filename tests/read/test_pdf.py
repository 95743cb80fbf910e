"""govkg.read.pdf: a PDF reads to its text layer, page after page; a PDF without one (a scan), a
damaged one and a file that only calls itself .pdf are refused in one line naming the file."""
import os
import re
from pathlib import Path

import pytest

from govkg.read import read_report
from testkit import pdf_with_text, refusal, with_scanned_pages

pytest.importorskip("pypdf")


def test_pdf_text_layer(tmp_path):
    report = read_report(pdf_with_text(tmp_path / "report.pdf", ["Work Report 2023", "1. Village elections completed."]))
    assert "Work Report 2023" in report.text
    assert "Village elections completed." in report.text
    assert (report.year, report.format) == (2023, "pdf")


def test_pages_follow_each_other_one_line_apart(tmp_path):
    path = pdf_with_text(tmp_path / "report.pdf", ["Page one."], ["Page two."], ["Page three."])
    assert read_report(path).text.split("\n") == ["Page one.", "Page two.", "Page three."]


def test_a_pdf_without_a_text_layer_asks_for_ocr(tmp_path):
    path = pdf_with_text(tmp_path / "scan.pdf", [])
    assert "the PDF has no text layer (a scanned image?); load with --ocr to read it by OCR" in refusal(path)


@pytest.mark.parametrize("name,data,reason", [
    ("cut.pdf", b"%PDF-1.7\n1 0 obj\n<<", "not a readable PDF (truncated or corrupt: "),
    ("fake.pdf", b"hello", "not a PDF file (no %PDF header)"),
])
def test_what_is_not_a_whole_pdf_is_refused(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    assert reason in refusal(path)


def test_a_truncated_pdf_is_refused(tmp_path):
    whole = pdf_with_text(tmp_path / "whole.pdf", ["Work Report 2023"]).read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole[: len(whole) // 3])
    assert "not a readable PDF (truncated or corrupt: " in refusal(cut)



@pytest.mark.parametrize("user_password, refused", [("", False), ("secret", True)])
def test_a_pdf_locked_by_a_password_is_refused_and_one_only_protected_from_editing_reads(
        tmp_path, user_password, refused):
    from pypdf import PdfWriter

    path = tmp_path / "locked.pdf"
    writer = PdfWriter(clone_from=pdf_with_text(tmp_path / "open.pdf", ["Work Report 2023"]))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    writer.write(path)
    if refused:
        assert "the PDF is locked by a password; save a copy without the password" in refusal(path)
    else:
        assert read_report(path).text == "Work Report 2023"


@pytest.mark.parametrize("scanned_at, said", [([1], "page 2 of 4 holds an image and no text (scanned?) and was not read"),
                                              ([1, 2, 4], "pages 2-3, 5 of 6 hold an image and no text")])
def test_pages_that_are_only_an_image_are_named_in_a_note(tmp_path, scanned_at, said):
    from govkg.read import read_noted

    path = with_scanned_pages(tmp_path / "mixed.pdf", [["Page one."]] + [["Page more."]] * 2, scanned_at)
    text, _, notes = read_noted(path)
    assert text.split("\n")[0] == "Page one." and len(notes) == 1 and notes[0].startswith(said)
    assert read_noted(pdf_with_text(tmp_path / "whole.pdf", ["Page one."], [], ["Page three."]))[2] == ()


def test_govkg_load_prints_the_note_and_loads_the_rest(tmp_path):
    from testkit import govkg

    path = with_scanned_pages(tmp_path / "mixed.pdf", [["Work Report 2023."], ["More work."]], [1])
    done = govkg("load", str(path), "--store", str(tmp_path / "store"))
    assert done.returncode == 0, done.stderr
    assert f"note: {path}: page 2 of 3 holds an image and no text (scanned?)" in " ".join(done.stderr.split())
    assert "loaded 1 report" in done.stderr
    again = govkg("load", str(path), "--store", str(tmp_path / "store"))     # recognised unchanged: still unread
    assert again.returncode == 0 and "unchanged" in again.stderr, again.stderr
    assert f"note: {path}: page 2 of 3 holds an image and no text (scanned?)" in " ".join(again.stderr.split())

def _statements(path: Path) -> list[str]:
    from govkg.read import read_text
    from govkg.statements import split_statements

    return [st.text for st in split_statements(read_text(path)[0]) if st.text.strip()]


def test_a_report_printed_to_pdf_reads_as_the_paragraphs_it_was_printed_from(soffice, sample_report, tmp_path):
    from testkit import save_as

    source = tmp_path / "report.txt"
    source.write_bytes(sample_report.read_bytes())
    assert _statements(save_as(soffice, source, "pdf")) == _statements(source)


@pytest.mark.parametrize("name", ["gwr-hailar-district-2015.txt", "gwr-national-2019.txt",
                                  "summary-county-organization-2021.txt"])
def test_corpus_reports_printed_to_pdf_keep_their_statements(soffice, corpus, tmp_path, name):
    """Before the lines were joined back into paragraphs, 41%, 48% and 41% of these reports'
    statements read the same from the PDF as from the text; 43% of the corpus's."""
    from testkit import save_as

    source = tmp_path / name
    source.write_bytes((corpus / name).read_bytes())
    printed, written = _statements(save_as(soffice, source, "pdf")), _statements(source)
    assert len(set(printed) & set(written)) >= 0.97 * len(written)


def test_a_report_printed_from_word_with_header_and_page_numbers_reads_as_its_text(soffice, corpus, tmp_path):
    """Printed from Word, a quote mark set in a Latin font stood, for a reader in content-stream
    order (pypdf), at the start of its line; each page began with the running title; pdfium puts
    spaces in the gaps of a justified line."""
    import docx

    from govkg.read import read_text
    from govkg.statements import split_statements
    from testkit import save_as

    def statements(text: str) -> set[str]:      # as written: a space in a justified line splits names
        return {st.text.strip() for st in split_statements(text) if st.text.strip()}

    text = read_text(corpus / "gwr-hailar-district-2015.txt")[0]
    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    document.sections[0].header.paragraphs[0].text = "海拉尔区政府工作报告"
    document.sections[0].footer.paragraphs[0].text = "— 1 —"
    source = tmp_path / "hailar.docx"
    document.save(source)
    printed = read_text(save_as(soffice, source, "pdf"))[0]
    squeezed = re.sub(r"\s", "", printed)
    assert "“菜篮子”" in squeezed and squeezed.count("海拉尔区政府工作报告") <= 1
    assert len(statements(printed) & statements(text)) >= 0.95 * len(statements(text))


def test_a_pdf_printed_where_no_chinese_font_was_installed_still_reads(soffice, sample_report, tmp_path):
    """pdfminer and pypdf read each Chinese character of such a PDF as one and the same (县县县)."""
    import subprocess

    from govkg.read import read_text

    fonts = tmp_path / "fonts.conf"
    fonts.write_text('<?xml version="1.0"?><fontconfig><dir>/usr/share/fonts/truetype/liberation</dir>'
                     f'<cachedir>{tmp_path / "cache"}</cachedir></fontconfig>')
    source = tmp_path / "report.txt"
    source.write_bytes(sample_report.read_bytes())
    subprocess.run([soffice, "--headless", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--infilter=Text (encoded):UTF8,,,", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(source)], check=True, capture_output=True, timeout=300,
                   env={**os.environ, "FONTCONFIG_FILE": str(fonts)})
    squeezed = {re.sub(r"\s", "", s) for s in _statements(tmp_path / "report.pdf")}
    written = {re.sub(r"\s", "", s) for s in _statements(source)}
    assert len(squeezed & written) >= 0.95 * len(written)


def test_the_cells_of_a_table_row_stay_apart(soffice, tmp_path):
    from govkg.read import read_text
    from testkit import save_as

    source = tmp_path / "table.txt"
    source.write_text("项目名称\t\t\t\t建设内容\n乡村振兴示范工程\t\t\t\t道路硬化\n", encoding="utf-8")
    assert read_text(save_as(soffice, source, "pdf"))[0].split("\n") == ["项目名称 建设内容", "乡村振兴示范工程 道路硬化"]


def _two_column_word_document(text: str, out: Path) -> Path:
    """A Word document of the text, a paragraph a line: its first four lines across the page,
    the rest in two columns (a continuous section break between), as a gazette prints it."""
    import docx
    from docx.enum.section import WD_SECTION
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    for n, line in enumerate(text.split("\n")):
        if n == 4:
            columns = OxmlElement("w:cols")
            columns.set(qn("w:num"), "2")
            columns.set(qn("w:space"), "425")
            document.add_section(WD_SECTION.CONTINUOUS)._sectPr.append(columns)
        document.add_paragraph(line)
    document.save(out)
    return out


def test_a_report_printed_in_two_columns_reads_column_after_column(soffice, sample_report, tmp_path):
    """Read line by line across the page, the two columns' lines interleaved: 10% of the corpus's
    statements read as in the text (`bench/pdf_paragraphs.py`)."""
    from govkg.read import read_text
    from testkit import save_as

    text = read_text(sample_report)[0]
    printed = read_text(save_as(soffice, _two_column_word_document(text, tmp_path / "gazette.docx"), "pdf"))[0]
    squeezed = {re.sub(r"\s", "", s) for s in _statements_of(printed)}
    written = {re.sub(r"\s", "", s) for s in _statements_of(text)}
    assert len(squeezed & written) >= 0.95 * len(written)


def test_a_page_of_short_lines_in_one_column_is_not_read_as_two(soffice, corpus, tmp_path):
    """The outline's list items leave the middle of many lines empty; the ends of its full lines
    are no column."""
    import pypdfium2

    from govkg.read import pdf, printed
    from testkit import save_as

    source = tmp_path / "outline.txt"
    source.write_bytes((corpus / "fyp-national-2006-11th-outline.txt").read_bytes())
    document = pypdfium2.PdfDocument(save_as(soffice, source, "pdf"))
    assert [n for n in range(len(document)) if len(printed._blocks(pdf._chars(document[n]))) > 1] == []


def _statements_of(text: str) -> list[str]:
    from govkg.statements import split_statements

    return [st.text for st in split_statements(text) if st.text.strip()]
