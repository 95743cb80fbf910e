"""govkg.model: the plain data between the steps; what little behaviour it has (a report's
identity, immutability, equality by value) is what the stores and the workers rely on."""
from __future__ import annotations

import dataclasses
import pickle

import pytest

from govkg.model import Entity, Extraction, Metric, Relation, Report, Statement


def _report(**fields) -> Report:
    return Report(**{"doc": "a.txt", "text": "县委牵头。", "sha256": "0", **fields})


def test_a_report_is_identified_by_its_file_and_by_its_base_name_only_without_one():
    assert _report().id == "a.txt"
    assert _report(key="/in/x/a.txt").id == "/in/x/a.txt"
    assert _report(key="/in/x/a.txt").id != _report(key="/in/y/a.txt").id


def test_the_data_is_frozen_equal_by_value_hashable_and_crosses_processes():
    statement = Statement(0, 5, "县委牵头。", section=("一、",), themes=("economy",))
    entity = Entity("e1", "Organization", "县委", ((0, 2),), author=True)
    ex = Extraction(_report(), (statement,), (entity,), (Relation("e1", "LEADS", "e1", (0, 5)),))
    with pytest.raises(dataclasses.FrozenInstanceError):
        ex.report.doc = "b.txt"
    assert ex.metrics == () and ex == dataclasses.replace(ex)
    assert len({statement, Statement(0, 5, "县委牵头。", section=("一、",), themes=("economy",))}) == 1
    assert pickle.loads(pickle.dumps(ex)) == ex
    assert Metric("5", "个", "村", (0, 1)).masked is False and Metric("x", "个", "村", (0, 1), masked=True) != \
        Metric("x", "个", "村", (0, 1))

