""".doc, .wps, .rtf and .odt reports, read through a real LibreOffice: the same text as the report
they were saved from, one-line refusals of what is not such a document, and a clear way out when
LibreOffice is not there."""
import shutil

import pytest

from govkg.extract import RULES, extract
from govkg.pipeline import expand_inputs, skip_reason
from govkg.read import office, read_report, read_text
from testkit import refusal, run_cli, save_as

OLE2_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    """Each test converts afresh, into a cache of its own."""
    monkeypatch.setenv("GOVKG_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "office"


@pytest.fixture(scope="module")
def saved(soffice, sample_report, tmp_path_factory):
    """The sample report saved by LibreOffice as .doc, .rtf and .odt, and the .doc renamed .wps
    (WPS writes Word's binary format)."""
    folder = tmp_path_factory.mktemp("office")
    source = folder / "report.txt"
    shutil.copy(sample_report, source)
    for target in ("doc", "rtf", "odt"):
        save_as(soffice, source, target)
    shutil.copy(folder / "report.doc", folder / "report.wps")
    return {suffix: folder / f"report{suffix}" for suffix in office.SUFFIXES}


@pytest.mark.parametrize("suffix", office.SUFFIXES)
def test_a_saved_report_reads_as_the_text_it_was_saved_from(saved, sample_report, suffix):
    text, kind = read_text(saved[suffix])
    assert kind == suffix.lstrip(".")
    assert text.strip() == read_text(sample_report)[0].strip()


def test_a_doc_gives_the_same_extraction_as_its_text(saved, sample_report):
    def found(path):
        return sorted((e.type, e.name) for e in extract(read_report(path), RULES).entities if not e.author)

    assert found(saved[".doc"]) == found(sample_report) != []


def test_a_conversion_is_kept_so_reading_it_again_needs_no_libreoffice(saved, own_cache, monkeypatch):
    text = read_text(saved[".doc"])[0]
    assert [p.suffix for p in own_cache.iterdir()] == [".docx"]
    monkeypatch.setenv("GOVKG_SOFFICE", "/nonexistent/soffice")
    assert read_text(saved[".doc"])[0] == text
    assert "install it" in refusal(saved[".odt"])            # other bytes: converted, so refused here


def test_a_damaged_cache_entry_is_converted_again(saved, own_cache):
    text = read_text(saved[".doc"])[0]
    [entry] = own_cache.iterdir()
    entry.write_bytes(b"PK\x03\x04 cut short")
    assert read_text(saved[".doc"])[0] == text and entry.read_bytes() != b"PK\x03\x04 cut short"


@pytest.mark.parametrize("name,data,reason", [
    ("noise.doc", bytes(range(256)) * 4, "not a .doc file: it does not open as a Word"),
    ("text.rtf", "只是文字".encode(), "not a .rtf file"),
])
def test_what_is_not_such_a_document_is_refused_before_libreoffice(tmp_path, monkeypatch, name, data, reason):
    monkeypatch.setenv("GOVKG_SOFFICE", "/nonexistent/soffice")     # refused without running it
    (tmp_path / name).write_bytes(data)
    assert reason in refusal(tmp_path / name)


def test_a_damaged_doc_is_named_in_one_line(soffice, tmp_path):
    path = tmp_path / "damaged.doc"
    path.write_bytes(OLE2_HEADER + b"\x00" * 100)
    message = refusal(path)
    assert "LibreOffice could not convert it" in message and "damaged.doc" in message and "\n" not in message


def test_without_libreoffice_a_named_doc_fails_and_one_in_a_folder_is_skipped(tmp_path, monkeypatch, sample_report):
    monkeypatch.setenv("GOVKG_SOFFICE", "/nonexistent/soffice")
    (tmp_path / "old.doc").write_bytes(OLE2_HEADER + b"\x00" * 100)
    shutil.copy(sample_report, tmp_path / "new.txt")
    assert "install it" in refusal(tmp_path / "old.doc")
    skipped: list = []
    assert expand_inputs([tmp_path], skipped) == [tmp_path / "new.txt"]
    assert skipped == [tmp_path / "old.doc"] and "save the file as .docx" in skip_reason(tmp_path / "old.doc")
    result = run_cli("load", tmp_path, "--store", tmp_path / "kg")
    assert result.exit_code == 0 and "skipped" in result.output and "loaded 1 report" in result.output


def test_a_folder_of_doc_and_txt_loads_both(saved, sample_report, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(saved[".doc"], folder / "a.doc")
    shutil.copy(saved[".odt"], folder / "b.odt")
    result = run_cli("load", folder, "--store", tmp_path / "kg", "--jobs", "2")
    assert result.exit_code == 0, result.output
    assert "loaded 2 reports" in result.output
