"""Case 9, standards out of the box: the Turtle export conforms to ontology/shapes.ttl with no
flags; the same files give byte-identical exports from two fresh loads; SPARQLWrapper's default
CONSTRUCT request (format=xml) gets RDF/XML."""
from __future__ import annotations

import pytest

from faultkit import ROOT_SHAPES
from testkit import GOOD_SENTENCES, govkg, write_text_report


def test_turtle_export_conforms_to_the_shapes_without_flags(tmp_path, small_store):
    pyshacl = pytest.importorskip("pyshacl")
    from rdflib import Graph

    out = tmp_path / "graph.ttl"
    assert govkg("export", "--format", "ttl", "-o", out, "--store", small_store).returncode == 0
    conforms, _, text = pyshacl.validate(Graph().parse(out), shacl_graph=Graph().parse(ROOT_SHAPES))
    assert conforms, text[:2000]


@pytest.mark.parametrize("fmt", ["nq", "ttl"])
def test_two_fresh_loads_export_byte_identical_files(tmp_path, fmt):
    reports = [write_text_report(tmp_path / "in" / f"r{i}.txt", *GOOD_SENTENCES[i:]) for i in range(3)]
    exports = []
    for run, seed in enumerate(("1", "2")):
        store, out = tmp_path / f"store{run}", tmp_path / f"export{run}.{fmt}"
        env = {"PYTHONHASHSEED": seed}
        assert govkg("load", *reports, "--store", store, env=env).returncode == 0
        assert govkg("export", "--format", fmt, "-o", out, "--store", store, env=env).returncode == 0
        exports.append(out.read_bytes())
    assert exports[0] == exports[1]
    assert len(exports[0]) > 1000


def test_sparqlwrapper_construct_gets_rdf_xml(small_store, serve_store):
    from SPARQLWrapper import XML, SPARQLWrapper

    server = serve_store(small_store)
    client = SPARQLWrapper(server.url + "/sparql")
    client.setQuery("CONSTRUCT { ?s ?p ?o } WHERE { ?s a <https://w3id.org/govkg/ontology#Report> ; ?p ?o }")
    client.setReturnFormat(XML)
    graph = client.query().convert()
    assert len(graph) > 3


def test_full_width_and_half_width_spellings_are_one_label(tmp_path):
    """互联网+ and 互联网＋ (and Ａ/A, full-width digits, doubled spaces) name one node with one
    label in the store, whichever report wrote which; a query given either spelling finds it."""
    from govkg.model import Entity, Extraction, Relation, Report, Statement
    from govkg.pipeline import load_extractions
    from govkg.store import open_store

    def report(doc: str, program: str) -> Extraction:
        text = f"县委组织部牵头实施{program}行动。"
        start = text.index(program)
        return Extraction(
            report=Report(doc=doc, text=text, sha256=doc, key=f"/reports/{doc}"),
            statements=(Statement(0, len(text), text),),
            entities=(Entity("e1", "Organization", "县委组织部", ((0, 5),)),
                      Entity("e2", "Initiative", program, ((start, start + len(program)),))),
            relations=(Relation("e1", "LEADS", "e2", (0, len(text))),))

    spellings = ["互联网+政务服务", "互联网＋政务服务", "互联网 ＋ 政务服务", "互联网\u3000+  政务服务",
                 "ＡＩ赋能１００村", "AI赋能100村", "Made in China 2025", "Made　in　China　２０２５"]
    with open_store(tmp_path / "store") as db:
        load_extractions([report(f"r{i}.txt", s) for i, s in enumerate(spellings)], db)
        labels = db.select("SELECT ?e ?l WHERE { ?e a <https://w3id.org/govkg/ontology#Initiative> ; "
                           "<http://www.w3.org/2000/01/rdf-schema#label> ?l }", {}).rows
        assert sorted(label for _, label in labels) == ["AI赋能100村", "Made in China 2025", "互联网+政务服务"]
        assert len({node for node, _ in labels}) == 3
        for given in ("互联网＋政务服务", "互联网+政务服务"):
            rows = db.run_named("organizations-leading", {"organization": "县委组织部"}).rows
            found = db.run_named("entity-neighbourhood", {"name": given}).rows
            assert found and len(rows) == len(spellings), (given, rows, found)
