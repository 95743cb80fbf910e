// delete-report.cypher: everything report $iri (its Report node's IRI) contributed, and nothing else.
// A report is known by its IRI, not its file's base name: two folders' report.txt are two reports.
// Run in order in ONE transaction (Neo4jStore runs it, then the merge-*.cypher files, in the
// same transaction when a report is replaced). Entities other reports still name are kept,
// with their `reports` and `aliases` recomputed from the remaining HAS_ENTITY relationships.

// 1. the report's relations between entities (their assertion IRIs lie under the report's)
MATCH (:Report {iri: $iri})-[:HAS_ENTITY]->(:Entity)-[r]->(:Entity)
WHERE r.iri STARTS WITH $iri + '/'
DELETE r;

// 2. its metrics (through the statement each is evidenced by), with their relationships
MATCH (m:Metric)-[:EVIDENCE]->(:Statement)-[:IN_REPORT]->(:Report {iri: $iri})
DETACH DELETE m;

// 3. its statements, with their MENTIONED_IN, HAS_THEME and IN_REPORT relationships
MATCH (s:Statement)-[:IN_REPORT]->(:Report {iri: $iri})
DETACH DELETE s;

// 4. its entities: forget this report; delete those no other report names
MATCH (:Report {iri: $iri})-[h:HAS_ENTITY]->(e:Entity)
OPTIONAL MATCH (other:Report)-[o:HAS_ENTITY]->(e)
WHERE other.iri <> $iri
WITH h, e, collect(other.doc) AS docs, collect(o) AS others
DELETE h
SET e.reports = docs,
    e.aliases = reduce(acc = [], o IN others | acc + [a IN o.aliases WHERE NOT a IN acc]),
    e.isAuthor = any(o IN others WHERE o.isAuthor)
WITH e, docs
WHERE size(docs) = 0
DETACH DELETE e;

// 5. the report node itself (with AUTHOR); returns how many there were (0 or 1)
MATCH (r:Report {iri: $iri})
DETACH DELETE r
RETURN count(*) AS deleted;
