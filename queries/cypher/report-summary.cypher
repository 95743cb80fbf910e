// name: report-summary
// purpose: One row per stored report: its title, year, author body and how much was extracted.
// param report (optional): a report's file name, to see only that report
// columns: report, title, year, author, statements, entities, relations
MATCH (r:Report)
WHERE $report IS NULL OR r.doc = $report
OPTIONAL MATCH (r)-[:AUTHOR]->(a:Entity)
WITH r, a.name AS author,
     COUNT { (s:Statement)-[:IN_REPORT]->(r) } AS statements,
     COUNT { MATCH (e:Entity)-[:MENTIONED_IN]->(:Statement)-[:IN_REPORT]->(r) RETURN DISTINCT e } AS entities,
     COUNT { MATCH (r)-[:HAS_ENTITY]->(:Entity)-[x]->(:Entity)
             WHERE x.report = r.doc AND x.statement IS NOT NULL RETURN DISTINCT x } AS relations
RETURN r.doc AS report, r.title AS title, r.year AS year, author, statements, entities, relations
ORDER BY report
