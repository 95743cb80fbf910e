// delete-report.cypher: everything report $doc contributed, and nothing else.
// Run in order in ONE transaction (Neo4jStore runs it, then the merge-*.cypher files, in the
// same transaction when a report is replaced). Entities other reports still name are kept,
// with their `reports` and `aliases` recomputed from the remaining HAS_ENTITY relationships.

// 1. the report's relations between entities (keyed by report and offsets)
MATCH (:Report {doc: $doc})-[:HAS_ENTITY]->(:Entity)-[r]->(:Entity)
WHERE r.report = $doc
DELETE r;

// 2. its metrics, with their METRIC_OF and EVIDENCE relationships
MATCH (m:Metric {report: $doc})
DETACH DELETE m;

// 3. its statements, with their MENTIONED_IN, HAS_THEME and IN_REPORT relationships
MATCH (s:Statement {report: $doc})
DETACH DELETE s;

// 4. its entities: forget this report; delete those no other report names
MATCH (:Report {doc: $doc})-[h:HAS_ENTITY]->(e:Entity)
OPTIONAL MATCH (other:Report)-[o:HAS_ENTITY]->(e)
WHERE other.doc <> $doc
WITH h, e, collect(other.doc) AS docs, collect(o) AS others
DELETE h
SET e.reports = docs,
    e.aliases = reduce(acc = [], o IN others | acc + [a IN o.aliases WHERE NOT a IN acc]),
    e.isAuthor = any(o IN others WHERE o.isAuthor)
WITH e, docs
WHERE size(docs) = 0
DETACH DELETE e;

// 5. the report node itself (with AUTHOR); returns how many there were (0 or 1)
MATCH (r:Report {doc: $doc})
DETACH DELETE r
RETURN count(*) AS deleted;
