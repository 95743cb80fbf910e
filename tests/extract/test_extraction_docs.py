"""docs/extraction.md stays true to the rules: every named rule and every data file is described,
and the examples of explain() give what they say."""
from __future__ import annotations

import doctest
from pathlib import Path

import pytest

from govkg.extract import mentions
from govkg.extract.finders.places import PLACE
from govkg.extract.finders.quoted import QUOTED
from govkg.extract.finders.specific import ORGANIZATION, UNDERTAKING
from govkg.resources import data_path

DOC = Path(__file__).resolve().parents[2] / "docs" / "extraction.md"


@pytest.fixture(scope="module")
def doc() -> str:
    return DOC.read_text(encoding="utf-8")


@pytest.mark.parametrize("cascade", [QUOTED, UNDERTAKING, ORGANIZATION, PLACE], ids=lambda c: c.name)
def test_every_named_rule_is_in_the_docs(doc, cascade):
    missing = [name for name in cascade.rule_names() if f"`{name}`" not in doc]
    assert not missing, f"docs/extraction.md does not name these {cascade.name} rules: {missing}"


def test_every_lexicon_file_is_in_the_docs(doc):
    missing = [p.name for p in sorted(data_path("lexicon").iterdir()) if p.stem not in doc]
    assert not missing, f"docs/extraction.md does not describe {missing}"


def test_the_explain_examples_hold(doc):
    failures, tried = doctest.testmod(mentions, verbose=False)
    assert tried and not failures
    block = doc.split("```python\n", 1)[1].split("```", 1)[0]
    parser = doctest.DocTestParser()
    test = parser.get_doctest(block, {}, "docs/extraction.md", str(DOC), 0)
    runner = doctest.DocTestRunner()
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
