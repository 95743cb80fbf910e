"""The vocabulary module is generated from the ontology: regenerate it and compare."""
from govkg import vocab
from govkg.model import ENTITY_TYPES, RELATION_TYPES
from govkg.vocab_build import TARGET, render_vocab

SPEC_THEMES = {
    "party_building", "village_governance", "grassroots_governance", "cadre_management", "talent",
    "rural_revitalization", "economy", "fiscal_finance", "reform_opening", "science_education",
    "public_health", "social_welfare", "ecology", "work_safety", "rule_of_law", "ideology_culture",
    "conduct_integrity", "infrastructure", "defense_foreign",
}


def test_vocab_module_matches_the_ontology():
    assert TARGET.read_text(encoding="utf-8") == render_vocab(), \
        "src/govkg/vocab.py is out of date: run python -m govkg.vocab_build"


def test_ontology_encodes_every_spec_type_relation_and_theme():
    assert set(vocab.ENTITY_CLASSES) == set(ENTITY_TYPES)
    assert set(vocab.RELATION_PROPERTIES) == set(RELATION_TYPES)
    assert set(vocab.THEMES) == SPEC_THEMES


def test_every_class_and_property_has_zh_and_en_labels():
    from rdflib import OWL, RDF, RDFS, Graph

    from govkg.resources import resource_path

    g = Graph().parse(resource_path("ontology", "govkg.ttl"))
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        for term in g.subjects(RDF.type, kind):
            langs = {label.language for label in g.objects(term, RDFS.label)}
            assert {"zh", "en"} <= langs, f"{term} lacks a zh or en label"
