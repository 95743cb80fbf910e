"""Counts of what a store holds: entities per type, relations per type, statements per theme."""
from __future__ import annotations

from govkg import vocab
from govkg.store import GraphStore

__all__ = ["store_stats"]

_PREFIXES = f"PREFIX gk: <{vocab.GK}>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"

_QUERIES = {
    "reports": "SELECT ?name (COUNT(?r) AS ?n) WHERE { ?r a gk:Report . BIND(\"reports\" AS ?name) } GROUP BY ?name",
    "statements": "SELECT ?name (COUNT(?s) AS ?n) WHERE { ?s a gk:Statement . BIND(\"statements\" AS ?name) } GROUP BY ?name",
    "entity types": ("SELECT ?name (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?c . ?c gk:entityType ?name } "
                     "GROUP BY ?name ORDER BY DESC(?n) ?name"),
    "relation types": ("SELECT ?name (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a gk:RelationAssertion ; "
                       "rdf:predicate ?p . ?p gk:relationType ?name } GROUP BY ?name ORDER BY DESC(?n) ?name"),
    "themes (statements)": ("SELECT ?name (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s gk:hasTheme ?t . "
                            "?t skos:notation ?name } GROUP BY ?name ORDER BY DESC(?n) ?name"),
}


def store_stats(store: GraphStore) -> dict[str, list[tuple[str, int]]]:
    prefixes = _PREFIXES + "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
    return {section: [tuple(row) for row in store.select(prefixes + query, {}).rows]
            for section, query in _QUERIES.items()}
