// merge-metrics.cypher: a report's metrics (quantities), each a node of the report linked to the
// statement that states it and to its undertaking (or the report's author).
// $rows = [{iri, subject, statement, props: {iri, report, valueText, value, text, unit, counted,
//           year, masked, start, end}}]          value: the number, null when masked
UNWIND $rows AS row
MATCH (s:Statement {iri: row.statement})
MERGE (m:Metric {iri: row.iri})
SET m += row.props
MERGE (m)-[:EVIDENCE]->(s)
WITH m, row
MATCH (e:Entity {iri: row.subject})
MERGE (m)-[:METRIC_OF]->(e);
