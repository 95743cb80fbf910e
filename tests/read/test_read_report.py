"""govkg.read: a report file to a Report, whatever its format: newlines normalised and nothing else
changed, the metadata detected or stated, and what is not a readable file refused in one line."""
import os

import pytest

from govkg.read import SUPPORTED_SUFFIXES, read_report, read_text, report_key
from testkit import refusal


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


def test_the_same_file_named_two_ways_is_one_report(tmp_path):
    (tmp_path / "a").mkdir()
    path = tmp_path / "a" / "r.txt"
    path.write_text("内容。\n", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(path)
    assert report_key(tmp_path / "a" / ".." / "a" / "r.txt") == report_key(tmp_path / "link.txt") == path.as_posix()
    assert read_report(tmp_path / "link.txt").key == path.as_posix()


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file"),
    ("report.xlsx", "内容".encode(), "a table, not a report: if its rows hold reports, `govkg unpack FILE -o DIR`"),
    ("report.pptx", "内容".encode(), "unsupported file type '.pptx'"),
    ("README", "内容".encode(), "unsupported file type '(none)'"),
    ("report.ceb", b"CEB\x00", "a CEB file (.ceb, Founder Apabi) is not read: save it as .pdf or .ofd"),
])
def test_bad_input_names_the_file_and_the_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    message = refusal(path)
    assert reason in message
    if "unsupported" in reason:
        assert all(suffix in message for suffix in SUPPORTED_SUFFIXES)


def test_what_is_not_a_regular_file_is_refused_before_it_is_opened(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)                                   # reading it would wait forever
    assert "not a regular file" in refusal(fifo)
    (tmp_path / "folder.txt").mkdir()
    assert "not a regular file" in refusal(tmp_path / "folder.txt")
    assert "no such file" in refusal(tmp_path / "absent.txt")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "gone.txt")
    assert f"broken symbolic link (to {tmp_path / 'gone.txt'})" in refusal(tmp_path / "broken.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    assert "symbolic link loop" in refusal(tmp_path / "loop.txt")
