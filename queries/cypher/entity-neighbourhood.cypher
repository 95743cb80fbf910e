// name: entity-neighbourhood
// purpose: Every relation an entity takes part in, in either direction, with the evidence sentence.
// param name: the entity's name (or one of its aliases), e.g. 县委组织部
// columns: subject, relation, object, report, sentence
MATCH (e:Entity)
WHERE e.name = $name OR $name IN e.aliases
MATCH (e)-[r]-(:Entity)
WHERE r.sentence IS NOT NULL
WITH startNode(r).name AS subject, type(r) AS relation, endNode(r).name AS object,
     r.report AS report, r.sentence AS sentence, min(r.start) AS start
RETURN subject, relation, object, report, sentence
ORDER BY report, start, relation, subject, object
