// merge-report.cypher: the Report node. $report = {iri, doc, title, name, sha256, format, year}
MERGE (r:Report {iri: $report.iri})
SET r += $report;
