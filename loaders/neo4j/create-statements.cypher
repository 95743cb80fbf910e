// create-statements.cypher: a report's statements, IN_REPORT and HAS_THEME.
// Run after delete-report.cypher in the same transaction (the report has no statements left, so
// they are CREATEd, not MERGEd: no lookup per row). $report = the report's IRI;
// $rows = [{iri, report, text, start, end, sectionPath, isHeading, themes}]
// CYPHER replan=skip: the plan (seeks on the IRI constraints, then writes) is the same on an empty
// database as on a loaded one (tests/neo4j/test_loader_plans.py compares them), so the planner need not
// replan it as a push makes the statistics move (it did, several times a push: 5-10% of the server's CPU).
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
