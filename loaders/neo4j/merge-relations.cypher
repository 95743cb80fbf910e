// merge-relations.cypher: the spec's relations between entities, each with its evidence.
// A relationship is keyed by (head, type, tail, report, start, end).
// $rows = [{iri, head, type, tail, report, start, end, statement, sentence, sectionPath}]
//
// Relationship types cannot be parameters in Cypher, so the nine relation types of the ontology
// (govkg.vocab.RELATION_PROPERTIES) are written out below; row.type only chooses among them and
// never becomes query text. tests/neo4j checks this list against the ontology.
UNWIND $rows AS row
MATCH (h:Entity {iri: row.head})
MATCH (t:Entity {iri: row.tail})
WITH h, t, row, {report: row.report, start: row.start, end: row.end} AS key,
     {iri: row.iri, statement: row.statement, sentence: row.sentence, sectionPath: row.sectionPath} AS evidence
FOREACH (_ IN CASE WHEN row.type = 'LEADS' THEN [1] ELSE [] END |
  MERGE (h)-[r:LEADS {report: key.report, start: key.start, end: key.end}]->(t) SET r += evidence)
FOREACH (_ IN CASE WHEN row.type = 'PARTICIPATES_IN' THEN [1] ELSE [] END |
  MERGE (h)-[r:PARTICIPATES_IN {report: key.report, start: key.start, end: key.end}]->(t) SET r += evidence)
FOREACH (_ IN CASE WHEN row.type = 'ISSUES' THEN [1] ELSE [] END |
  MERGE (h)-[r:ISSUES {report: key.report, start: key.start, end: key.end}]->(t) SET r += evidence)
FOREACH (_ IN CASE WHEN row.type = 'IMPLEMENTS' THEN [1] ELSE [] END |
  MERGE (h)-[r:IMPLEMENTS {report: key.report, start: key.start, end: key.end}]->(t) SET r += evidence)
FOREACH (_ IN CASE WHEN row.type = 'ESTABLISHES' THEN [1] ELSE [] END |
  MERGE (h)-[r:ESTABLISHES {report: key.report, start: key.start, end: key.end}]->(t) SET r += evidence)
FOREACH (_ IN CASE WHEN row.type = 'COOPERATES_WITH' THEN [1] ELSE [] END |
  MERGE (h)-[r:COOPERATES_WITH {report: key.report, start: key.start, end: key.end}]->(t) SET r += evidence)
FOREACH (_ IN CASE WHEN row.type = 'PART_OF' THEN [1] ELSE [] END |
  MERGE (h)-[r:PART_OF {report: key.report, start: key.start, end: key.end}]->(t) SET r += evidence)
FOREACH (_ IN CASE WHEN row.type = 'LOCATED_IN' THEN [1] ELSE [] END |
  MERGE (h)-[r:LOCATED_IN {report: key.report, start: key.start, end: key.end}]->(t) SET r += evidence)
FOREACH (_ IN CASE WHEN row.type = 'REPORTED_BY' THEN [1] ELSE [] END |
  MERGE (h)-[r:REPORTED_BY {report: key.report, start: key.start, end: key.end}]->(t) SET r += evidence);
