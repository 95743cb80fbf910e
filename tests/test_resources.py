"""Shipped files (govkg.resources): found from a checkout or a wheel, the ontology parsed once."""
from __future__ import annotations

from govkg import vocab
from govkg.resources import data_path, ontology_graph, resource_path


def test_the_shipped_folders_are_found():
    assert resource_path("ontology", "govkg.ttl").is_file()
    assert any(resource_path("queries", "sparql").glob("*.rq"))
    assert any(resource_path("queries", "internal").glob("*.rq"))
    assert resource_path("loaders", "neo4j", "create-relations.cypher").is_file()
    assert data_path("structure.toml").is_file() and data_path("identity.toml").is_file()


def test_an_ontology_file_is_parsed_once_per_process():
    themes = ontology_graph("themes.ttl")
    assert ontology_graph("themes.ttl") is themes
    assert len(themes) > 0
    assert (vocab.THEME["village_governance"], None, None) in themes
