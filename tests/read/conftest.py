"""A real LibreOffice for the tests that need documents it saves (.doc, .odt, .rtf, .pdf);
``testkit.save_as`` saves them."""
import os

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
