"""Gold lines (spec §6) are checked as they are read: each mistake a hand-corrected file can hold is
named with its file and line, and nothing learns from or is scored against such a file."""
import json

import pytest

from govkg.errors import UsageError
from govkg.evaluate import load_gold
from govkg.gold import locate, problems

LINE = {"doc": "r.txt", "start": 0, "end": 21, "text": "县委组织部牵头开展“村“两委”换届”工作。",
        "entities": [{"type": "Organization", "name": "县委组织部"}, {"type": "Initiative", "name": "村两委换届"}],
        "relations": [{"head": "县委组织部", "type": "LEADS", "tail": "村两委换届"}],
        "themes": ["village_governance"]}


def test_a_line_by_the_spec_has_no_problem_and_a_name_may_drop_its_quotes():
    assert problems(LINE) == []
    assert locate("村两委换届", LINE["text"]) == [(10, 17)]


@pytest.mark.parametrize("change, problem", [
    ({"entities": [{"type": "Programme", "name": "县委组织部"}]}, "entity type 'Programme'"),
    ({"entities": [{"type": "Organization", "name": "县委宣传部"}]}, "'县委宣传部' is not in the statement's text"),
    ({"entities": [{"type": "Organization"}]}, "has no name"),
    ({"relations": [{"head": "@author", "type": "LEADZ", "tail": "县委组织部"}]}, "relation type 'LEADZ'"),
    ({"relations": [{"head": "@Author", "type": "LEADS", "tail": "县委组织部"}]}, "relation head '@Author'"),
    ({"relations": [{"head": "县委组织部", "type": "LEADS", "tail": "换届"}]}, "relation tail '换届'"),
    ({"themes": ["villages"]}, "theme 'villages'"),
    ({"themes": ["economy", "ecology", "talent", "party_building"]}, "4 themes (at most 3)"),
    ({"themes": "economy"}, "'themes' is not a list"),
    ({"entities": {"type": "Organization"}}, "'entities' is not a list of objects"),
    ({"end": 0}, "'end' is missing or not an offset after start"),
    ({"doc": None}, "'doc' is missing"),
])
def test_each_mistake_is_named(change, problem):
    assert any(problem in found for found in problems({**LINE, **change})), problems({**LINE, **change})


def test_every_mistake_of_a_gold_folder_is_listed_with_its_file_and_line(tmp_path):
    rows = [LINE, {**LINE, "start": 30, "end": 40, "themes": ["villages"]},
            {**LINE, "start": 50, "end": 60, "entities": [{"type": "Person", "name": "张三"}], "relations": []}]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    with pytest.raises(UsageError) as info:
        load_gold(tmp_path)
    lines = str(info.value).splitlines()
    assert lines[0] == f"{tmp_path / 'a.jsonl'}:2: theme 'villages' (not a theme id of the spec)"
    assert lines[1].startswith(f"{tmp_path / 'a.jsonl'}:3: entity name '张三'")
    assert lines[-1] == "2 problems in the gold (spec §6); nothing was done"


def test_the_shared_gold_has_no_problem(gold):
    assert sum(len(rows) for rows in load_gold(gold).values()) == 3218
