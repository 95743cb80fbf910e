// name: theme-trend
// purpose: Statements per theme in each report of one issuer, of one administrative level, or of
//   every issuer (reports whose issuer and level are known), with the report's year.
// param issuer (optional): the issuing body's name, e.g. 国务院
// param level (optional): national, provincial, city, county, township or village
// columns: issuer, level, year, report, theme, statements
MATCH (r:Report)-[:AUTHOR]->(a:Entity)
WHERE r.level IS NOT NULL AND ($issuer IS NULL OR a.name = $issuer) AND ($level IS NULL OR r.level = $level)
MATCH (s:Statement)-[:IN_REPORT]->(r)
MATCH (s)-[:HAS_THEME]->(t:Theme)
RETURN a.name AS issuer, r.level AS level, r.year AS year, r.doc AS report, t.id AS theme,
       count(DISTINCT s) AS statements
ORDER BY issuer, year, report, theme
