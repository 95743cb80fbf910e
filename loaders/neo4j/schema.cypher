// schema.cypher: constraints and indexes of the govkg property graph (docs/neo4j.md).
// Idempotent (IF NOT EXISTS); run by Neo4jStore before its first write, all in one transaction, when
// the server lacks any of these names (SHOW CONSTRAINTS / SHOW INDEXES), or by hand:
//   cypher-shell -a neo4j://localhost:7687 -u neo4j -f loaders/neo4j/schema.cypher
// Every node is keyed by its IRI, the same IRI as in the RDF store.
CREATE CONSTRAINT entity_iri IF NOT EXISTS FOR (n:Entity) REQUIRE n.iri IS UNIQUE;
CREATE CONSTRAINT report_iri IF NOT EXISTS FOR (n:Report) REQUIRE n.iri IS UNIQUE;
// a report is its file, not its base name: two reports may share `doc` (an older schema made it unique)
DROP CONSTRAINT report_doc IF EXISTS;
CREATE INDEX report_doc IF NOT EXISTS FOR (n:Report) ON (n.doc);
CREATE CONSTRAINT statement_iri IF NOT EXISTS FOR (n:Statement) REQUIRE n.iri IS UNIQUE;
CREATE CONSTRAINT theme_iri IF NOT EXISTS FOR (n:Theme) REQUIRE n.iri IS UNIQUE;
CREATE CONSTRAINT metric_iri IF NOT EXISTS FOR (n:Metric) REQUIRE n.iri IS UNIQUE;
CREATE INDEX metric_report IF NOT EXISTS FOR (n:Metric) ON (n.report);
CREATE INDEX theme_id IF NOT EXISTS FOR (n:Theme) ON (n.id);
CREATE INDEX statement_report IF NOT EXISTS FOR (n:Statement) ON (n.report);
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
// Names and aliases, searchable word by word in Chinese (Lucene's CJK bigram analyzer):
//   CALL db.index.fulltext.queryNodes('entity_names', '组织部') YIELD node, score
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
