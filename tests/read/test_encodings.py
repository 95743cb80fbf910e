"""Golden table: the same report text saved in every supported encoding reads back identically."""
import codecs

import pytest

from govkg.errors import ReportError
from govkg.read import read_report, read_text

TEXT = "xx县人民政府工作报告\r\n一、2023年工作回顾\r\n全面完成村级换届，选派驻村第一书记xx名。\r\n二是深化“放管服”改革。"
EXPECTED = TEXT.replace("\r\n", "\n")

ENCODINGS = [
    ("utf-8", b""),
    ("utf-8", codecs.BOM_UTF8),
    ("gb18030", b""),
    ("gbk", b""),
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
]


@pytest.mark.parametrize("encoding,bom", ENCODINGS, ids=[f"{e}{'-bom' if b else ''}" for e, b in ENCODINGS])
def test_each_encoding_reads_to_the_same_text(tmp_path, encoding, bom):
    path = tmp_path / "report.txt"
    path.write_bytes(bom + TEXT.encode(encoding))
    text, fmt = read_text(path)
    assert text == EXPECTED
    assert fmt == "txt"


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_endings_are_normalised_and_nothing_else(tmp_path, newline):
    path = tmp_path / "r.txt"
    path.write_bytes(f"　　第一行 \t{newline}第二行".encode("utf-8"))
    assert read_text(path)[0] == "　　第一行 \t\n第二行"


def test_metadata_from_title_and_header(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("2023年xx县政府工作报告\n县长 张明远\n各位代表：\n", encoding="utf-8")
    report = read_report(path)
    assert (report.title, report.year, report.author) == ("2023年xx县政府工作报告", 2023, "xx县人民政府")
    assert len(report.sha256) == 64


def test_author_option_overrides_detection(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("2023年xx县政府工作报告\n", encoding="utf-8")
    assert read_report(path, author="县委组织部").author == "县委组织部"


BAD = [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file"),
    ("binary.txt", b"\x00\x01\x02\x03PK\x00\x00", "binary file"),
    ("latin.txt", bytes(range(0x80, 0x100)) * 4, "cannot decode"),
    ("report.xlsx", "内容".encode(), "unsupported file type"),
    ("cut.docx", b"PK\x03\x04\x14\x00\x00\x00", "not a readable .docx"),
    ("cut.pdf", b"%PDF-1.7\n1 0 obj\n<<", "PDF"),
    ("fake.pdf", b"hello", "not a PDF file"),
]


@pytest.mark.parametrize("name,data,reason", BAD, ids=[b[0] for b in BAD])
def test_bad_input_names_the_file_and_the_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReportError) as info:
        read_report(path)
    assert str(path) in str(info.value)
    assert reason in str(info.value)
