"""A real LibreOffice for the tests that need documents it saves (.doc, .odt, .rtf, .pdf);
``testkit.save_as`` saves them. A real Tesseract for the OCR tests, with a cache of their own, and
a real Ghostscript for PDFs whose text is turned into outlines (``testkit.outlined_pdf``)."""
import os
import shutil

import pytest

from govkg.read import office


@pytest.fixture(scope="module")
def soffice():
    """The LibreOffice program; skips without one, or fails under GOVKG_REQUIRE_SOFFICE=1."""
    program = office.soffice()
    if program is None:
        reason = "LibreOffice is absent (apt-get install libreoffice-writer-nogui)"
        if os.environ.get("GOVKG_REQUIRE_SOFFICE") == "1":
            pytest.fail(f"GOVKG_REQUIRE_SOFFICE=1 but {reason}")
        pytest.skip(reason)
    return program


@pytest.fixture(scope="module")
def tesseract():
    """Tesseract with its Chinese model; skips without it, or fails under GOVKG_REQUIRE_TESSERACT=1."""
    from govkg.read import ocr

    if ocr.missing():
        if os.environ.get("GOVKG_REQUIRE_TESSERACT") == "1":
            pytest.fail(f"GOVKG_REQUIRE_TESSERACT=1 but {ocr.missing()}")
        pytest.skip(ocr.missing())


@pytest.fixture(scope="module")
def ghostscript():
    """Ghostscript; skips without it, or fails under GOVKG_REQUIRE_GHOSTSCRIPT=1."""
    if shutil.which("gs") is None:
        reason = "Ghostscript is absent (apt-get install ghostscript)"
        if os.environ.get("GOVKG_REQUIRE_GHOSTSCRIPT") == "1":
            pytest.fail(f"GOVKG_REQUIRE_GHOSTSCRIPT=1 but {reason}")
        pytest.skip(reason)


@pytest.fixture
def ocr_cache(tmp_path, monkeypatch):
    """A cache of this test's own; OCR off until the test asks for it."""
    monkeypatch.setenv("GOVKG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("GOVKG_OCR", raising=False)
    return tmp_path / "cache"
