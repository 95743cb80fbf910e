"""govkg.settings: the shared limits, overridable by GOVKG_<NAME>, refused when not a number."""
import os
import subprocess
import sys

SHOW = "from govkg import settings; print(settings.SPARQL_TIMEOUT, settings.PICTURE_NODE_LIMIT)"


def _run(**env):
    return subprocess.run([sys.executable, "-c", SHOW], capture_output=True, text=True,
                          env={**os.environ, **env})


def test_defaults_and_an_override_from_the_environment():
    assert _run().stdout.split() == ["10.0", "300"]
    assert _run(GOVKG_PICTURE_NODE_LIMIT="50").stdout.split() == ["10.0", "50"]


def test_a_bad_value_stops_with_one_line():
    done = _run(GOVKG_SPARQL_TIMEOUT="soon")
    assert done.returncode == 1
    assert done.stderr.strip() == "govkg: GOVKG_SPARQL_TIMEOUT='soon' is not a float"
