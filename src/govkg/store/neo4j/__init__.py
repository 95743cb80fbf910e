"""Neo4j, all in one package:

- ``store``: ``Neo4jStore``, the GraphStore protocol over Bolt with the Cypher files of loaders/neo4j/;
- ``mapping``: govkg's RDF model as typed property-graph rows (``property_graph``);
- ``push``: ``push_store``, the embedded store copied into Neo4j (``govkg push``);
- ``admin_import``: CSVs for ``neo4j-admin database import`` (``govkg export --format neo4j-admin``).

The driver is optional (``pip install 'govkg[neo4j]'``); importing this package does not need it.
"""
from govkg.store.neo4j.push import Neo4jPushResult, push_store
from govkg.store.neo4j.store import Neo4jStore, cypher_statements, redact

__all__ = ["Neo4jPushResult", "Neo4jStore", "cypher_statements", "push_store", "redact"]
