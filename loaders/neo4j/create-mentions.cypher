// create-mentions.cypher: where each entity is named (after delete-report.cypher, in the same
// transaction: the report's statements are new, so are their mentions).
// $rows = [{entity, statement, start, end}], one per (entity, statement, start, end)
// CYPHER replan=skip: why, in merge-report.cypher
CYPHER replan=skip
UNWIND $rows AS row
MATCH (e:Entity {iri: row.entity})
MATCH (s:Statement {iri: row.statement})
CREATE (e)-[:MENTIONED_IN {start: row.start, end: row.end}]->(s);
