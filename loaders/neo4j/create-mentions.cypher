// create-mentions.cypher: where each entity is named (after delete-report.cypher, in the same
// transaction: the report's statements are new, so are their mentions).
// $rows = [{entity, statement, start, end}], one per (entity, statement, start, end)
// CYPHER replan=skip: the plan (seeks on the IRI constraints, then writes) is the same on an empty
// database as on a loaded one (tests/neo4j/test_loader_plans.py compares them), so the planner need not
// replan it as a push makes the statistics move (it did, several times a push: 5-10% of the server's CPU).
CYPHER replan=skip
UNWIND $rows AS row
MATCH (e:Entity {iri: row.entity})
MATCH (s:Statement {iri: row.statement})
CREATE (e)-[:MENTIONED_IN {start: row.start, end: row.end}]->(s);
