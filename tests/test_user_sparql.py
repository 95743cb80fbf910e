"""A user's own SPARQL (govkg.user_sparql): predeclared prefixes, updates refused unless allowed."""
import pytest

from govkg.errors import QueryError
from govkg.user_sparql import run_sparql

REPORT = """xx县人民政府工作报告
一、2023年工作回顾
我们认真落实《中华人民共和国乡村振兴促进法》，县委组织部印发《xx县驻村第一书记和工作队管理办法》。
"""


@pytest.fixture
def loaded(store_with):
    return store_with(REPORT)


def test_updates_are_refused_unless_allowed(loaded):
    update = "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = loaded.triple_count()
    with pytest.raises(QueryError, match="--write"):
        run_sparql(loaded, update, {})
    assert loaded.triple_count() == before
    run_sparql(loaded, update, {}, allow_update=True)
    assert loaded.triple_count() == 0


def test_own_sparql_with_predeclared_prefixes(loaded):
    table = run_sparql(loaded, "SELECT ?name WHERE { ?e a gk:Document ; rdfs:label ?name } ORDER BY ?name", {})
    assert ("中华人民共和国乡村振兴促进法",) in table.rows
