// name: dropped-in-report
// purpose: Undertakings and bodies (initiatives, programs, organizations) the previous report named
//   that a report no longer names, with the first sentence naming each in the previous report.
// param report: the later report's file name, e.g. gwr-hailar-district-2018.txt
// param previous: the report to compare it with, e.g. gwr-hailar-district-2016.txt (series lists an issuer's reports)
// columns: name, type, report, previous, statements, sentence
// (The other report names the entity when it names its name as an initiative, program or
//  organization, whatever the type: one report's Program 学府路中学 is the next one's Organization.)
MATCH (b:Report {doc: $report}), (a:Report {doc: $previous})
MATCH (e:Entity)-[:MENTIONED_IN]->(s:Statement {report: $previous})
WHERE (e:Initiative OR e:Program OR e:Organization)
  AND NOT EXISTS { MATCH (o:Entity {name: e.name})-[:MENTIONED_IN]->(:Statement {report: $report})
                       WHERE o:Initiative OR o:Program OR o:Organization }
WITH a, b, e, s ORDER BY s.start
WITH a, b, e, count(DISTINCT s) AS statements, collect(s.text)[0] AS sentence
RETURN e.name AS name, [l IN labels(e) WHERE l <> 'Entity'][0] AS type, b.doc AS report,
       a.doc AS previous, statements, sentence
ORDER BY type, name, statements, sentence
