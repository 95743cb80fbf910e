// merge-entities.cypher: a report's entities, shared with other reports by IRI (MERGEd); HAS_ENTITY
// records what this report says of each (its aliases, whether it is the author), AUTHOR too.
// After delete-report.cypher in the same transaction, so the report has neither: both are CREATEd.
// $report = the report's IRI; $rows = [{iri, label, name, aliases, scope, isAuthor}], one per IRI
//
// Labels cannot be parameters in Cypher (before Neo4j 5.26's dynamic labels), so the six
// entity classes of the ontology (govkg.vocab.ENTITY_CLASSES) are written out below; row.label
// only chooses among them and never becomes query text. tests/neo4j checks this list against
// the ontology.
// CYPHER replan=skip: why, in merge-report.cypher
CYPHER replan=skip
MATCH (r:Report {iri: $report})
UNWIND $rows AS row
MERGE (e:Entity {iri: row.iri})
  ON CREATE SET e.name = row.name, e.reports = [], e.aliases = [], e.isAuthor = false
SET e.scope = row.scope,
    e.reports = CASE WHEN r.doc IN e.reports THEN e.reports ELSE e.reports + r.doc END,
    e.aliases = e.aliases + [a IN row.aliases WHERE NOT a IN e.aliases],
    e.isAuthor = e.isAuthor OR row.isAuthor
CREATE (r)-[:HAS_ENTITY {aliases: row.aliases, isAuthor: row.isAuthor}]->(e)
FOREACH (_ IN CASE WHEN row.isAuthor THEN [1] ELSE [] END | CREATE (r)-[:AUTHOR]->(e))
FOREACH (_ IN CASE WHEN row.label = 'Organization' THEN [1] ELSE [] END | SET e:Organization)
FOREACH (_ IN CASE WHEN row.label = 'Program' THEN [1] ELSE [] END | SET e:Program)
FOREACH (_ IN CASE WHEN row.label = 'Initiative' THEN [1] ELSE [] END | SET e:Initiative)
FOREACH (_ IN CASE WHEN row.label = 'Document' THEN [1] ELSE [] END | SET e:Document)
FOREACH (_ IN CASE WHEN row.label = 'Place' THEN [1] ELSE [] END | SET e:Place)
FOREACH (_ IN CASE WHEN row.label = 'Person' THEN [1] ELSE [] END | SET e:Person);
