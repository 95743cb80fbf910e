"""The files `govkg viz` writes, through the command: an HTML page of the filtered graph, and bad
filters or a missing font as one line."""
from __future__ import annotations

import json
import re

import pytest

from testkit import run_cli


def test_cli_writes_html(sample_store, tmp_path):
    out = tmp_path / "graph.html"
    result = run_cli("viz", "-o", out, "--store", sample_store, "--type", "Organization")
    assert result.exit_code == 0, result.output
    assert "wrote 3 entities" in result.output
    data = re.search(r'<script type="application/json" id="govkg-data">(.*?)</script>', out.read_text(), re.S)
    assert sorted(n["type"] for n in json.loads(data.group(1))["nodes"]) == ["Organization"] * 3


def test_cli_reports_bad_filters_in_one_line(sample_store, tmp_path):
    result = run_cli("viz", "-o", tmp_path / "g.html", "--store", sample_store, "--entity", "nobody")
    assert result.exit_code == 1 and "no entity named 'nobody'" in result.output


def test_a_missing_font_is_one_line_naming_what_to_install(sample_store, tmp_path):
    pytest.importorskip("matplotlib")
    result = run_cli("viz", "-o", tmp_path / "g.png", "--store", sample_store, "--font", "No Such Font Family")
    assert result.exit_code == 1
    assert "apt-get install fonts-noto-cjk" in result.output and "--font" in result.output
