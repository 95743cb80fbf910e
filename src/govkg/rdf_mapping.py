"""An extraction as an rdflib Graph, for what works on rdflib graphs (SHACL, tests that ask a graph).

The mapping itself is written once, in govkg.quads, as N-Triples terms; this reads those terms
with rdflib's N-Triples parser, so the Graph and what the load path writes into Oxigraph are the
same triples by construction (tests/test_quads.py checks the text both parsers read).
"""
from __future__ import annotations

from rdflib import Graph

from govkg.model import Extraction
from govkg.quads import entity_terms, ntriples, report_terms

__all__ = ["build_graph"]


def build_graph(ex: Extraction) -> Graph:
    """Everything one report says, entity descriptions included, as one rdflib Graph."""
    return Graph().parse(data=ntriples([*entity_terms(ex), *report_terms(ex)]), format="nt")
