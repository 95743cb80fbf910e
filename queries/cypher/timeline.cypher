// name: timeline
// purpose: An entity across reports: per report, its year, issuer, how many statements name it and
//   the first of them. Give the name it is known by (govkg timeline resolves spellings first).
// param name: the entity's name or one of its aliases, e.g. 脱贫攻坚
// columns: entity, type, year, report, issuer, statements, sentence
MATCH (e:Entity)
WHERE e.name = $name OR $name IN e.aliases
MATCH (e)-[:MENTIONED_IN]->(s:Statement)-[:IN_REPORT]->(r:Report)
OPTIONAL MATCH (r)-[:AUTHOR]->(a:Entity)
WITH e, r, a.name AS issuer, s ORDER BY s.start
WITH e, r, issuer, count(DISTINCT s) AS statements, collect(s.text)[0] AS sentence
RETURN e.name AS entity, [l IN labels(e) WHERE l <> 'Entity'][0] AS type, r.year AS year,
       r.doc AS report, issuer, statements, sentence
ORDER BY year, report, entity, type, issuer, statements, sentence
