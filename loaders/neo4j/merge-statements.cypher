// merge-statements.cypher: a report's statements, IN_REPORT and HAS_THEME.
// $report = the report's IRI; $rows = [{iri, report, text, start, end, sectionPath, isHeading, themes}]
MATCH (r:Report {iri: $report})
UNWIND $rows AS row
MERGE (s:Statement {iri: row.iri})
SET s.report = row.report, s.text = row.text, s.start = row.start, s.end = row.end,
    s.sectionPath = row.sectionPath, s.isHeading = row.isHeading
MERGE (s)-[:IN_REPORT]->(r)
WITH s, row
UNWIND row.themes AS theme
MATCH (t:Theme {id: theme})
MERGE (s)-[:HAS_THEME]->(t);
