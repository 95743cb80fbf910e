// merge-mentions.cypher: where each entity is named. $rows = [{entity, statement, start, end}]
UNWIND $rows AS row
MATCH (e:Entity {iri: row.entity})
MATCH (s:Statement {iri: row.statement})
MERGE (e)-[:MENTIONED_IN {start: row.start, end: row.end}]->(s);
