// name: documents-implemented
// purpose: Which policy documents a report's author (or any body) implemented (IMPLEMENTS),
//   with the evidence sentence.
// param report (optional): a report's file name, e.g. xx县2023年政府工作报告.txt
// columns: implementer, document, report, sentence
MATCH (who:Entity)-[r:IMPLEMENTS]->(doc:Entity)
WHERE r.sentence IS NOT NULL AND ($report IS NULL OR r.report = $report)
WITH who.name AS implementer, doc.name AS document, r.report AS report, r.sentence AS sentence,
     min(r.start) AS start
RETURN implementer, document, report, sentence
ORDER BY report, start, document, implementer
