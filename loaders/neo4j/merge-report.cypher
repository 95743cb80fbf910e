// merge-report.cypher: the Report node. $report = {iri, doc, title, name, sha256, format, year}
// CYPHER replan=skip: the plan (seeks on the IRI constraints, then writes) is the same on an empty
// database as on a loaded one (tests/neo4j/test_loader_plans.py compares them), so the planner need not
// replan it as a push makes the statistics move (it did, several times a push: 5-10% of the server's CPU).
CYPHER replan=skip
MERGE (r:Report {iri: $report.iri})
SET r += $report;
