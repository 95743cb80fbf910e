// name: organizations-leading
// purpose: Which bodies lead which programs and initiatives (LEADS), with the evidence sentence.
//   The report's own voice (我们, 本县...) counts as its author body.
// param organization (optional): the name of one organization, e.g. 县委组织部
// columns: organization, undertaking, type, report, sentence
MATCH (org:Organization)-[r:LEADS]->(target:Entity)
WHERE r.sentence IS NOT NULL AND (target:Initiative OR target:Program)
  AND ($organization IS NULL OR org.name = $organization)
WITH org.name AS organization, target.name AS undertaking,
     CASE WHEN target:Initiative THEN 'Initiative' ELSE 'Program' END AS type,
     r.report AS report, r.sentence AS sentence, min(r.start) AS start
RETURN organization, undertaking, type, report, sentence
ORDER BY organization, report, start, undertaking, type
