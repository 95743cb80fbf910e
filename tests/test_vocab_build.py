"""govkg.vocab_build: vocab.py generated from the ontology, and --check failing when it is stale
(tests/test_vocab.py checks the checked-in vocab.py against the ontology and the spec)."""
from __future__ import annotations

import types

from govkg import vocab_build
from govkg.resources import ontology_graph
from govkg.vocab_build import GK, main, render_vocab


def _run(text: str) -> types.ModuleType:
    module = types.ModuleType("generated_vocab")
    exec(compile(text, "generated_vocab", "exec"), module.__dict__)
    return module


def test_the_generated_module_names_every_ontology_term_and_prefix():
    generated = _run(render_vocab())
    onto = ontology_graph("govkg.ttl")
    terms = {str(s)[len(GK):] for s in onto.subjects() if str(s).startswith(GK) and str(s) != GK}
    assert terms and all(str(getattr(generated, t)) == GK + t for t in terms)
    assert generated.ENTITY_CLASSES["Organization"] == generated.GK.Organization
    assert generated.RELATION_PROPERTIES["LEADS"] == generated.GK.leads
    assert generated.SPARQL_PREFIXES.splitlines()[0] == f"PREFIX gk: <{GK}>"
    assert set(generated.PREFIXES) == {"gk", "gkt", "rdf", "rdfs", "skos", "xsd"}
    assert render_vocab() == render_vocab(), "the same ontology gives the same text"


def test_check_fails_on_a_stale_file_and_passes_once_it_is_rewritten(tmp_path, monkeypatch, capsys):
    target = tmp_path / "vocab.py"
    monkeypatch.setattr(vocab_build, "TARGET", target)
    assert main(["--check"]) == 1, "a missing file is out of date"
    target.write_text(render_vocab().replace("LEADS", "LEADZ"), encoding="utf-8")
    assert main(["--check"]) == 1
    assert f"{target} is out of date: run python -m govkg.vocab_build" in capsys.readouterr().err
    assert main([]) == 0 and target.read_text(encoding="utf-8") == render_vocab()
    assert main(["--check"]) == 0
