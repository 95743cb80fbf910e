// create-statements.cypher: a report's statements, IN_REPORT and HAS_THEME.
// Run after delete-report.cypher in the same transaction (the report has no statements left, so
// they are CREATEd, not MERGEd: no lookup per row). $report = the report's IRI;
// $rows = [{iri, report, text, start, end, sectionPath, isHeading, themes}]
// CYPHER replan=skip: why, in merge-report.cypher
CYPHER replan=skip
MATCH (r:Report {iri: $report})
UNWIND $rows AS row
CREATE (s:Statement {iri: row.iri, report: row.report, text: row.text, start: row.start, end: row.end,
                     sectionPath: row.sectionPath, isHeading: row.isHeading})
CREATE (s)-[:IN_REPORT]->(r)
WITH s, row
UNWIND row.themes AS theme
MATCH (t:Theme {id: theme})
CREATE (s)-[:HAS_THEME]->(t);
