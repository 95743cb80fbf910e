// name: initiatives-by-theme
// purpose: Initiatives and programs that touch a theme or any narrower theme (NARROWER),
//   each with the report and the sentence that supports it.
// param theme [theme]: a theme id of ontology/themes.ttl, e.g. village_governance
// columns: initiative, type, report, sentence
MATCH (:Theme {id: $theme})-[:NARROWER*0..]->(:Theme)<-[:HAS_THEME]-(s:Statement)
MATCH (s)<-[:MENTIONED_IN]-(e:Entity)
WHERE e:Initiative OR e:Program
WITH DISTINCT e, s
WITH e.name AS initiative, CASE WHEN e:Initiative THEN 'Initiative' ELSE 'Program' END AS type,
     s.report AS report, s.text AS sentence, min(s.start) AS start
RETURN initiative, type, report, sentence
ORDER BY report, start, initiative, type
