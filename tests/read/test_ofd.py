"""govkg.read.ofd: an OFD package reads to its text, page after page, its lines joined back into
paragraphs. The reports are written as OFD by ofdrw (tests/ofd-writer, through Maven: a producer
that is not govkg's), the odd cases of the standard by hand; damaged packages are refused in one
line naming the file."""
import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from govkg.read import read_noted, read_text
from govkg.statements import split_statements
from testkit import govkg, refusal

WRITER = Path(__file__).resolve().parents[1] / "ofd-writer"


class OfdrwUnavailable(Exception):
    pass


@pytest.fixture(scope="module")
def ofdrw_classpath() -> str:
    """ofdrw's classpath; skips without java or mvn, or fails under GOVKG_REQUIRE_OFDRW=1."""
    import java_server

    try:
        return java_server.build_classpath(WRITER / "pom.xml", WRITER / "target", "ofdrw", OfdrwUnavailable)
    except OfdrwUnavailable as err:
        if os.environ.get("GOVKG_REQUIRE_OFDRW") == "1":
            pytest.fail(f"GOVKG_REQUIRE_OFDRW=1 but {err}")
        pytest.skip(str(err))


def _ofdrw(classpath: str, source: Path) -> Path:
    target = source.with_suffix(".ofd")
    subprocess.run(["java", "-cp", classpath, str(WRITER / "OfdWriter.java"), str(source), str(target)],
                   check=True, capture_output=True, timeout=300)
    return target


def _statements(text: str) -> list[str]:
    return [st.text.strip() for st in split_statements(text) if st.text.strip()]


def test_a_report_written_by_ofdrw_reads_as_the_paragraphs_it_was_written_from(ofdrw_classpath, sample_report,
                                                                               tmp_path):
    """Statement for statement, but for spaces: ofdrw breaks a line inside a Latin word (xx, a
    masked number), which comes back with a space, as a word wrapped by a word processor should."""
    source = tmp_path / "report.txt"
    source.write_bytes(sample_report.read_bytes())
    text, fmt, notes = read_noted(_ofdrw(ofdrw_classpath, source))
    assert (fmt, notes) == ("ofd", ())
    squeezed = [re.sub(r"\s", "", st) for st in _statements(text)]
    assert squeezed == [re.sub(r"\s", "", st) for st in _statements(read_text(source)[0])]


@pytest.mark.parametrize("name", ["gwr-hailar-district-2015.txt", "policy-national-2022-digital-government-opinions.txt"])
def test_corpus_reports_written_as_ofd_keep_their_statements(ofdrw_classpath, corpus, tmp_path, name):
    """Paragraphs run over lines and pages; each is read back whole."""
    source = tmp_path / name
    source.write_bytes((corpus / name).read_bytes())
    printed, written = _statements(read_text(_ofdrw(ofdrw_classpath, source))[0]), _statements(read_text(source)[0])
    assert len(set(printed) & set(written)) >= 0.97 * len(written)


def test_govkg_load_reads_an_ofd_report(ofdrw_classpath, sample_report, tmp_path):
    source = tmp_path / "xx县2023年政府工作报告.txt"
    source.write_bytes(sample_report.read_bytes())
    path = _ofdrw(ofdrw_classpath, source)
    done = govkg("load", str(path), "--store", str(tmp_path / "store"))
    assert done.returncode == 0, done.stderr
    assert "loaded 1 report" in done.stderr


# Packages written by hand, for what the standard allows and ofdrw does not write.
NS = "http://www.ofdspec.org/2016"


def _text_object(text: str, x: float, y: float, attributes: str = "", delta_x: str = "", size: float = 4.0) -> str:
    advances = f' DeltaX="{delta_x}"' if delta_x else ""
    return (f'<ofd:TextObject ID="1" Boundary="{x} {y} 170 {size * 1.5}" Font="1" Size="{size}" {attributes}>'
            f'<ofd:TextCode X="0" Y="{size}"{advances}>{text}</ofd:TextCode></ofd:TextObject>')


def _page(*objects: str, namespace: str = NS, templates: tuple[int, ...] = ()) -> str:
    used = "".join(f'<ofd:Template TemplateID="{n + 50}" ZOrder="Background"/>' for n in templates)
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{namespace}">{used}<ofd:Content>'
            f'<ofd:Layer ID="2">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>')


def _package(path: Path, pages: list[str], namespace: str = NS, base: str = "Pages/Page_{n}/Content.xml",
             media: dict[str, bytes] | None = None, templates: list[str | None] = ()) -> Path:
    """A package of these pages; ``media`` (file name: bytes) are the images of its DocumentRes.xml,
    resource IDs 100, 101 ... in order; ``templates`` the contents of its template pages, IDs 50, 51
    ... in order (None: listed, but missing from the package)."""
    listed = "".join(f'<ofd:Page ID="{n + 10}" BaseLoc="{base.format(n=n)}"/>' for n in range(len(pages)))
    listed_templates = "".join(f'<ofd:TemplatePage ID="{n + 50}" BaseLoc="Tpls/Tpl_{n}/Content.xml"/>'
                               for n in range(len(templates)))
    resources = "".join(f'<ofd:MultiMedia ID="{100 + n}" Type="Image"><ofd:MediaFile>{name}</ofd:MediaFile>'
                        '</ofd:MultiMedia>' for n, name in enumerate(media or {}))
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{namespace}" '
                                    f'Version="1.2" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>1</ofd:DocID>'
                                    '</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
        package.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd='
                                               f'"{namespace}"><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 '
                                               f'297</ofd:PhysicalBox></ofd:PageArea><ofd:DocumentRes>DocumentRes.xml'
                                               f'</ofd:DocumentRes>{listed_templates}</ofd:CommonData><ofd:Pages>'
                                               f'{listed}</ofd:Pages></ofd:Document>')
        package.writestr("Doc_0/DocumentRes.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd='
                                                  f'"{namespace}" BaseLoc="Res"><ofd:MultiMedias>{resources}'
                                                  '</ofd:MultiMedias></ofd:Res>')
        for name, data in (media or {}).items():
            package.writestr(f"Doc_0/Res/{name}", data)
        for n, page in enumerate(pages):
            package.writestr(posix_join("Doc_0", base.format(n=n)), page)
        for n, template in enumerate(templates):
            if template is not None:
                package.writestr(f"Doc_0/Tpls/Tpl_{n}/Content.xml", template)
    return path


def posix_join(folder: str, location: str) -> str:
    return location.lstrip("/") if location.startswith("/") else f"{folder}/{location}"


IMAGE = '<ofd:ImageObject ID="9" CTM="170 0 0 250 0 0" Boundary="20 20 170 250" ResourceID="5"/>'


@pytest.mark.parametrize("pages, namespace, base, expected", [
    # a line's characters written one text object each, out of order; the lines bottom first
    ([_page(_text_object("工作", 28, 30), _text_object("政府", 20, 30), _text_object("报告。", 36, 30),
            _text_object("第二行。", 20, 20))], NS, "Pages/Page_{n}/Content.xml", ["第二行。", "政府工作报告。"]),
    # advances compressed as "g count advance", and a gap of a table's cells
    ([_page(_text_object("项目名称", 20, 20, delta_x="g 3 4"), _text_object("建设内容", 80, 20),
            _text_object("乡村振兴示范工程", 20, 30, delta_x="g 7 4"), _text_object("道路硬化", 80, 30))],
     NS, "Pages/Page_{n}/Content.xml", ["项目名称 建设内容", "乡村振兴示范工程 道路硬化"]),
    # a text object scaled by its CTM and nested in a page block; another namespace; absolute locations
    ([_page('<ofd:PageBlock ID="3">' + _text_object("各位代表：", 20, 20, attributes='CTM="2 0 0 2 0 0"', size=2)
            + "</ofd:PageBlock>", namespace="http://example.org/ofd")],
     "http://example.org/ofd", "/Doc_0/Pages/Page_{n}/Content.xml", ["各位代表："]),
    # pages follow each other
    ([_page(_text_object("第一页。", 20, 20)), _page(_text_object("第二页。", 20, 20))], NS,
     "Pages/Page_{n}/Content.xml", ["第一页。", "第二页。"]),
])
def test_what_the_standard_allows_reads(tmp_path, pages, namespace, base, expected):
    text, _, notes = read_noted(_package(tmp_path / "report.ofd", pages, namespace, base))
    assert [line.strip() for line in text.split("\n") if line.strip()] == expected and notes == ()


def test_pages_that_are_only_an_image_are_named_in_a_note(tmp_path, ocr_cache):
    pages = [_page(_text_object("第一页。", 20, 20)), _page(IMAGE), _page(IMAGE), _page(_text_object("第四页。", 20, 20))]
    text, _, notes = read_noted(_package(tmp_path / "mixed.ofd", pages))
    assert text.split() == ["第一页。", "第四页。"]
    assert notes[0].startswith("pages 2-3 of 4 hold an image and no text (scanned?) and were not read; load with --ocr "
                               "to read them by OCR")


LETTERHEAD = _page(_text_object("xx县人民政府文件", 60, 15, size=8))
RUNNING_HEAD = _page(_text_object("xx县2023年政府工作报告", 70, 8))


@pytest.mark.parametrize("pages, templates, expected", [
    # a letterhead printed by the first page's template, above the page's own text
    ([_page(_text_object("各位代表：", 20, 40), templates=(0,)), _page(_text_object("第二页。", 20, 20))],
     [LETTERHEAD], ["xx县人民政府文件", "各位代表：", "第二页。"]),
    # a running head on every page: read once, as the first page's title (as a PDF's)
    ([_page(_text_object(f"第{n}页。", 20, 20), templates=(0,)) for n in "一二三"],
     [RUNNING_HEAD], ["xx县2023年政府工作报告", "第一页。", "第二页。", "第三页。"]),
    # a template listed but missing from the package, or not listed at all: the page reads
    ([_page(_text_object("第一页。", 20, 20), templates=(0, 1))], [None], ["第一页。"]),
])
def test_the_templates_a_page_uses_are_read_with_it(tmp_path, pages, templates, expected):
    text, _, notes = read_noted(_package(tmp_path / "report.ofd", pages, templates=templates))
    assert [line.strip() for line in text.split("\n") if line.strip()] == expected and notes == ()


def test_a_scanned_page_is_still_scanned_under_a_template_that_prints_text(tmp_path, ocr_cache):
    pages = [_page(_text_object("第一页。", 20, 40), templates=(0,)), _page(IMAGE, templates=(0,))]
    text, _, notes = read_noted(_package(tmp_path / "mixed.ofd", pages, templates=[RUNNING_HEAD]))
    assert text.split() == ["xx县2023年政府工作报告", "第一页。"]
    assert notes[0].startswith("page 2 of 2 holds an image and no text (scanned?) and was not read")


def _path_object(strokes: int) -> str:
    """A path of ``strokes`` line segments (text turned into outlines draws thousands)."""
    data = "M 10 10 " + " ".join(f"L {10 + n % 50} {10 + n % 7}" for n in range(strokes)) + " C"
    return f'<ofd:PathObject ID="7" Boundary="20 20 170 250" Fill="true"><ofd:AbbreviatedData>{data}</ofd:AbbreviatedData></ofd:PathObject>'


def test_a_page_of_text_turned_into_outlines_is_named_in_a_note_and_a_frame_is_not(tmp_path, ocr_cache):
    pages = [_page(_text_object("第一页。", 20, 20), _path_object(4)), _page(*[_path_object(1500)] * 2),
             _page(_path_object(4))]
    text, _, notes = read_noted(_package(tmp_path / "mixed.ofd", pages))
    assert text.split() == ["第一页。"]
    assert notes == ("page 2 of 3 holds drawings and no text (text turned into outlines?) and was not read; print it "
                     "to PDF (an OFD reader's Print or Save As) and load that with --ocr",)
    drawn = _package(tmp_path / "drawn.ofd", [_page(_path_object(3000))])
    assert "the OFD has no text (its text is drawn as outlines?); print it to PDF" in refusal(drawn)


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _damaged(path: Path, drop: str = "", replace: tuple[str, bytes] | None = None) -> Path:
    whole = _package(path.with_name("whole.ofd"), [_page(_text_object("正文。", 20, 20))])
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(path, "w") as target:
        for name in source.namelist():
            if name == drop:
                continue
            target.writestr(name, replace[1] if replace and replace[0] == name else source.read(name))
    return path


@pytest.mark.parametrize("make, reason", [
    (lambda p: _written(p, b"%PDF-1.7 not a package"), "not an OFD file (not a zip package)"),
    (lambda p: _damaged(p, drop="OFD.xml"), "not an OFD file (no OFD.xml in the package)"),
    (lambda p: _damaged(p, drop="Doc_0/Pages/Page_0/Content.xml"),
     "not a readable OFD (Doc_0/Pages/Page_0/Content.xml is missing from the package)"),
    (lambda p: _damaged(p, replace=("Doc_0/Document.xml", b"<ofd:Document")),
     "not a readable OFD (Doc_0/Document.xml is damaged: "),
    (lambda p: _package(p, [_page(IMAGE)]), "the OFD has no text (scanned images?); load with --ocr to read it"),
])
def test_what_is_not_a_whole_ofd_is_refused(tmp_path, ocr_cache, make, reason):
    path = make(tmp_path / "report.ofd")
    said = refusal(path)
    assert reason in said and str(path) in said and "\n" not in said.strip()


def test_a_damaged_resource_file_does_not_keep_the_text_from_being_read(tmp_path):
    path = _damaged(tmp_path / "report.ofd", replace=("Doc_0/DocumentRes.xml", b"<ofd:Res"))
    assert read_noted(path)[0] == "正文。"


def test_govkg_load_refuses_a_damaged_ofd_in_one_line_and_keeps_the_store(tmp_path):
    store = tmp_path / "store"
    good = tmp_path / "good.ofd"
    _package(good, [_page(_text_object("xx县2023年政府工作报告。全面推进乡村振兴。", 20, 20))])
    assert govkg("load", str(good), "--store", str(store)).returncode == 0
    bad = _damaged(tmp_path / "bad.ofd", drop="OFD.xml")
    done = govkg("load", str(bad), "--store", str(store))
    assert done.returncode != 0
    assert re.search(rf"{re.escape(str(bad))}: not an OFD file \(no OFD.xml in the package\)", done.stderr)
    listed = govkg("reports", "--store", str(store))
    assert "good.ofd" in listed.stdout


def test_a_scanned_page_is_read_by_ocr_from_the_image_the_package_holds(tesseract, soffice, sample_report, tmp_path,
                                                                       ocr_cache, monkeypatch):
    """The first page of the sample printed by LibreOffice, as a PNG image filling an OFD page."""
    import difflib
    import io

    import pypdfium2

    from testkit import save_as

    source = tmp_path / "report.txt"
    source.write_bytes(sample_report.read_bytes())
    printed = pypdfium2.PdfDocument(save_as(soffice, source, "pdf"))[0]
    png = io.BytesIO()
    printed.render(scale=200 / 72, grayscale=True).to_pil().save(png, format="PNG", dpi=(200, 200))
    scan = '<ofd:ImageObject ID="9" CTM="210 0 0 297 0 0" Boundary="0 0 210 297" ResourceID="100"/>'
    path = _package(tmp_path / "scan.ofd", [_page(scan), _page(_text_object("第二页。", 20, 20))],
                    media={"page1.png": png.getvalue()})
    monkeypatch.setenv("GOVKG_OCR", "1")
    text, _, notes = read_noted(path)
    assert notes == ("page 1 of 2 was read by OCR (Tesseract, chi_sim): names and numbers in it may be misread",)
    squeezed, expected = re.sub(r"\s", "", text), re.sub(r"\s", "", printed.get_textpage().get_text_range()) + "第二页。"
    assert difflib.SequenceMatcher(None, squeezed, expected, autojunk=False).ratio() >= 0.95
