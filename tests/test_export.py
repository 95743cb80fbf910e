"""Exports write real files that their readers parse back."""
import networkx as nx
import pytest
from rdflib import Dataset, Graph

from govkg.errors import GovKGError
from govkg.export import export_store
from govkg.pipeline import load_files


@pytest.fixture
def loaded(store, sample_report):
    load_files([sample_report], store)
    return store


@pytest.mark.parametrize("fmt,reader", [
    ("ttl", lambda p: len(Graph().parse(p, format="turtle"))),
    ("jsonld", lambda p: len(Graph().parse(p, format="json-ld"))),
    ("nq", lambda p: sum(1 for _ in Dataset().parse(p, format="nquads").quads())),
])
def test_rdf_exports_round_trip(tmp_path, loaded, fmt, reader):
    out = tmp_path / f"graph.{fmt}"
    written = export_store(loaded, fmt, out)
    assert written == loaded.triple_count() or fmt != "nq"
    assert reader(out) == written


def test_nquads_keep_one_named_graph_per_report(tmp_path, loaded):
    out = tmp_path / "graph.nq"
    export_store(loaded, "nq", out)
    graphs = {str(c.identifier) for c in Dataset().parse(out, format="nquads").graphs() if len(c)}
    assert any(g.startswith("https://w3id.org/govkg/id/graph/") for g in graphs)


def test_graphml_for_gephi(tmp_path, loaded):
    out = tmp_path / "graph.graphml"
    export_store(loaded, "graphml", out)
    graph = nx.read_graphml(out)
    assert graph.number_of_nodes() > 0 and graph.number_of_edges() > 0
    types = {d["type"] for _, d in graph.nodes(data=True)}
    assert "Organization" in types
    assert all(d.get("sentence") for _, _, d in graph.edges(data=True))


def test_unknown_format(tmp_path, loaded):
    with pytest.raises(GovKGError, match="unknown export format"):
        export_store(loaded, "xlsx", tmp_path / "x")
