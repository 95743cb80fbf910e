// name: series
// purpose: An issuer's reports by year: kind, level, the year each reports on, and its title.
// param issuer: the issuing body's name or alias, e.g. 海拉尔区人民政府 or 国务院
// columns: issuer, level, kind, year, reported, report, title
MATCH (r:Report)-[:AUTHOR]->(a:Entity)
WHERE a.name = $issuer OR $issuer IN a.aliases
RETURN DISTINCT $issuer AS issuer, r.level AS level, r.kind AS kind, r.year AS year,
       r.reportedYear AS reported, r.doc AS report, r.title AS title
ORDER BY year, report, reported, kind, level, title
