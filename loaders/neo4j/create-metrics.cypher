// create-metrics.cypher: a report's metrics (quantities), each a node of the report linked to the
// statement that states it and to its undertaking (or the report's author). After
// delete-report.cypher, in the same transaction.
// $rows = [{subject, statement, props: {iri, report, valueText, value, text, unit, counted,
//           year, masked, start, end}}]          value: the number, null when masked
// CYPHER replan=skip: why, in merge-report.cypher
CYPHER replan=skip
UNWIND $rows AS row
MATCH (s:Statement {iri: row.statement})
CREATE (m:Metric)-[:EVIDENCE]->(s)
SET m = row.props
WITH m, row
MATCH (e:Entity {iri: row.subject})
CREATE (m)-[:METRIC_OF]->(e);
