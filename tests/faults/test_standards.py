"""Case 9, standards out of the box: the Turtle export conforms to ontology/shapes.ttl with no
flags; the same files give byte-identical exports from two fresh loads; SPARQLWrapper's default
CONSTRUCT request (format=xml) gets RDF/XML."""
from __future__ import annotations

import pytest

from conftest import GOOD_SENTENCES, ROOT_SHAPES, govkg, write_text_report


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
