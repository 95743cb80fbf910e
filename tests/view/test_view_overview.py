"""govkg.view.overview: the picture of a big graph a person can read: the undertakings named by the
most reports, the bodies leading the most of them, and only those LEADS relations."""
from __future__ import annotations

from govkg.view import ViewGraph
from govkg.view.data import Edge, Node
from govkg.view.overview import overview

EVIDENCE = (("a.txt", "句。"),)


def _graph(title: str = "govkg") -> ViewGraph:
    """200 initiatives named by 1 to 5 reports, 30 bodies leading them in turn, and relations an
    overview leaves out: a body taking part, a body leading a body, a place."""
    bodies = [Node(f"urn:o{i}", f"第{i:02d}个县人民政府办公室", "Organization", reports=("a.txt",)) for i in range(30)]
    works = [Node(f"urn:w{i}", f"第{i:03d}项乡村振兴示范工程", "Initiative",
                  reports=tuple(f"r{j}.txt" for j in range(i % 5 + 1))) for i in range(200)]
    place = Node("urn:p", "测试县", "Place", reports=tuple(f"r{j}.txt" for j in range(9)))
    edges = [Edge(f"urn:o{i % 30}", f"urn:w{i}", "LEADS", EVIDENCE) for i in range(200)]
    edges += [Edge("urn:o1", "urn:w4", "PARTICIPATES_IN", EVIDENCE), Edge("urn:o2", "urn:o3", "LEADS", EVIDENCE),
              Edge("urn:p", "urn:w9", "LEADS", EVIDENCE)]
    return ViewGraph(tuple(bodies + works + [place]), tuple(edges), title=title)


def test_the_undertakings_named_by_the_most_reports_ties_by_name():
    view = overview(_graph())
    works = [n for n in view.nodes if n.type == "Initiative"]
    assert [n.name for n in works] == sorted(f"第{i:03d}项乡村振兴示范工程" for i in range(4, 200, 5))[:20]
    assert all(len(n.reports) == 5 for n in works)
    assert "测试县" not in {n.name for n in view.nodes}          # named by more reports, but no undertaking


def test_the_bodies_leading_them_most_first_and_only_leads():
    view = overview(_graph())
    bodies = [n for n in view.nodes if n.type == "Organization"]
    kept = {n.iri for n in view.nodes}
    assert view.nodes[: len(bodies)] == tuple(bodies)           # bodies first: the left column
    assert {e.type for e in view.edges} == {"LEADS"}
    assert all(e.head in kept and e.tail in kept for e in view.edges)
    led = {b.iri: sum(e.head == b.iri for e in view.edges) for b in bodies}
    assert list(led.values()) == sorted(led.values(), reverse=True) and min(led.values()) >= 1
    assert len(view.edges) == 20                                 # each chosen initiative's one leader


def test_limits_title_and_layout():
    whole = _graph("测试县")
    view = overview(whole, undertakings=6, bodies=2)
    assert [n.type for n in view.nodes] == ["Organization"] * 2 + ["Initiative"] * 6
    assert (view.title, view.layout, view.total_nodes) == ("测试县 · overview", "columns", len(whole.nodes))
    assert overview(_graph()).title == "overview"
    assert overview(ViewGraph((), ())).nodes == ()
