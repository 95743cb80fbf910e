// name: metrics
// purpose: The quantities an undertaking (or a report's author) is given, or all of a report's,
//   each with its unit, what it counts, its year and the sentence that states it. A masked value
//   (xx) is shown as written, with masked = true.
// param entity (optional): an undertaking's (or author's) name as in the entity column, e.g. 城镇老旧小区改造
// param report (optional): a report's file name, e.g. xx县2023年政府工作报告.txt
// columns: entity, value, unit, counted, year, masked, report, sentence
MATCH (m:Metric)-[:METRIC_OF]->(e:Entity)
WHERE ($report IS NULL OR m.report = $report)
  AND ($entity IS NULL OR e.name = $entity)
MATCH (m)-[:EVIDENCE]->(s:Statement)
RETURN e.name AS entity, m.valueText AS value, m.unit AS unit, m.counted AS counted, m.year AS year,
       m.masked AS masked, m.report AS report, s.text AS sentence
ORDER BY report, m.start, entity, value, unit, counted, year, sentence
