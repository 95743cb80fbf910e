"""govkg.read.plain: the encoding of a text file is found from its bytes; the same report saved in
every supported encoding reads back identically, and bytes that are not text are refused."""
import codecs

import pytest

from govkg.errors import ReportError
from govkg.read import read_report, read_text
from govkg.read.plain import decode
from testkit import refusal

TEXT = "xx县人民政府工作报告\r\n一、2023年工作回顾\r\n全面完成村级换届，选派驻村第一书记xx名。\r\n二是深化“放管服”改革。"
EXPECTED = TEXT.replace("\r\n", "\n")

ENCODINGS = [
    ("utf-8", b""),
    ("utf-8", codecs.BOM_UTF8),
    ("gb18030", b""),
    ("gbk", b""),
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-32-le", codecs.BOM_UTF32_LE),
]


@pytest.mark.parametrize("encoding,bom", ENCODINGS, ids=[f"{e}{'-bom' if b else ''}" for e, b in ENCODINGS])
def test_each_encoding_reads_to_the_same_text(tmp_path, encoding, bom):
    path = tmp_path / "report.txt"
    path.write_bytes(bom + TEXT.encode(encoding))
    text, fmt = read_text(path)
    assert text == EXPECTED
    assert fmt == "txt"


def test_big5_reads_a_traditional_text(tmp_path):
    text = "臺灣省政府工作報告\n全面推進鄉村振興，加強基層治理。\n"
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode("big5"))
    assert read_text(path)[0] == text


@pytest.mark.parametrize("suffix, text", [(".text", "# 2023年xx县政府工作报告\n全面完成村级换届。\n"),
                                          (".TXT", "# 2023年xx县政府工作报告\n全面完成村级换届。\n"),
                                          (".md", "2023年xx县政府工作报告\n全面完成村级换届。"),
                                          (".markdown", "2023年xx县政府工作报告\n全面完成村级换届。")])
def test_other_text_suffixes_read_as_text_and_markdown_without_its_marks(tmp_path, suffix, text):
    path = tmp_path / f"report{suffix}"
    path.write_bytes("# 2023年xx县政府工作报告\n全面完成村级换届。\n".encode("gb18030"))
    report = read_report(path)
    assert report.text == text
    assert report.format == suffix.lower().lstrip(".")


@pytest.mark.parametrize("name,data,reason", [
    ("binary.txt", b"\x00\x01\x02\x03PK\x00\x00", "binary file (contains NUL bytes)"),
    ("latin.txt", bytes(range(0x80, 0x100)) * 4, "cannot decode"),
    ("bom8.txt", codecs.BOM_UTF8 + "报告".encode() + b"\xff\xfe", "undecodable bytes at offset 9 for utf-8-sig"),
    ("bom16.txt", codecs.BOM_UTF16_LE + "报告".encode("utf-16-le") + b"\x00\xdc", "undecodable bytes at offset 6 for utf-16"),
])
def test_bytes_that_are_not_text_are_refused(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    assert reason in refusal(path)


def test_decode_names_what_it_was_given():
    assert decode("报告".encode("utf-16")) == "报告"
    with pytest.raises(ReportError, match="^<bytes>: binary file"):
        decode(b"a\x00b")
