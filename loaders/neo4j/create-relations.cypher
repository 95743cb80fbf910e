// create-relations.cypher: the spec's relations between entities, each with its evidence, after
// delete-report.cypher in the same transaction (which removed the report's earlier relations).
// One relationship per (head, type, tail, report, start, end): the rows are unique on that key.
// $rows = [{head, type, tail, props: {iri, report, start, end, statement, sentence, sectionPath}}]
//
// Relationship types cannot be parameters in Cypher (before Neo4j 5.26's dynamic types), so the
// nine relation types of the ontology (govkg.vocab.RELATION_PROPERTIES) are written out below;
// row.type only chooses among them and never becomes query text. tests/neo4j checks this list
// against the ontology.
// CYPHER replan=skip: why, in merge-report.cypher
CYPHER replan=skip
UNWIND $rows AS row
MATCH (h:Entity {iri: row.head})
MATCH (t:Entity {iri: row.tail})
FOREACH (_ IN CASE WHEN row.type = 'LEADS' THEN [1] ELSE [] END |
  CREATE (h)-[r:LEADS]->(t) SET r = row.props)
FOREACH (_ IN CASE WHEN row.type = 'PARTICIPATES_IN' THEN [1] ELSE [] END |
  CREATE (h)-[r:PARTICIPATES_IN]->(t) SET r = row.props)
FOREACH (_ IN CASE WHEN row.type = 'ISSUES' THEN [1] ELSE [] END |
  CREATE (h)-[r:ISSUES]->(t) SET r = row.props)
FOREACH (_ IN CASE WHEN row.type = 'IMPLEMENTS' THEN [1] ELSE [] END |
  CREATE (h)-[r:IMPLEMENTS]->(t) SET r = row.props)
FOREACH (_ IN CASE WHEN row.type = 'ESTABLISHES' THEN [1] ELSE [] END |
  CREATE (h)-[r:ESTABLISHES]->(t) SET r = row.props)
FOREACH (_ IN CASE WHEN row.type = 'COOPERATES_WITH' THEN [1] ELSE [] END |
  CREATE (h)-[r:COOPERATES_WITH]->(t) SET r = row.props)
FOREACH (_ IN CASE WHEN row.type = 'PART_OF' THEN [1] ELSE [] END |
  CREATE (h)-[r:PART_OF]->(t) SET r = row.props)
FOREACH (_ IN CASE WHEN row.type = 'LOCATED_IN' THEN [1] ELSE [] END |
  CREATE (h)-[r:LOCATED_IN]->(t) SET r = row.props)
FOREACH (_ IN CASE WHEN row.type = 'REPORTED_BY' THEN [1] ELSE [] END |
  CREATE (h)-[r:REPORTED_BY]->(t) SET r = row.props);
