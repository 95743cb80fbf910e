// themes.cypher: the theme scheme of ontology/themes.ttl, so that a query can follow
// (:Theme)-[:NARROWER*0..]->(:Theme). Two statements, run in order.
// $themes = [{iri, id, name, nameEn}], $narrower = [{broader, narrower}] (theme IRIs).
UNWIND $themes AS row
MERGE (t:Theme {iri: row.iri})
SET t.id = row.id, t.name = row.name, t.nameEn = row.nameEn;

UNWIND $narrower AS row
MATCH (b:Theme {iri: row.broader})
MATCH (n:Theme {iri: row.narrower})
MERGE (b)-[:NARROWER]->(n);
