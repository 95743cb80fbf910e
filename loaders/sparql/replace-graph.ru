# name: replace-graph
# purpose: Replace one report's named graph on a SPARQL 1.1 server that has no Graph Store HTTP
#   Protocol endpoint: one update request, so the server applies both operations or neither.
# placeholders (filled by govkg.store.sparql, never from user text): {graph} is the graph's IRI
#   written as an N-Triples term (<...>), {triples} the graph's triples as N-Triples, canonical
#   and serialized by Oxigraph.
DROP SILENT GRAPH {graph} ;
INSERT DATA { GRAPH {graph} {
{triples}} }
