"""scripts/draw_round.py: a statement that any annotation already covers, however that annotation
cut its statements, is never drawn again."""
from __future__ import annotations

from pathlib import Path

import pytest

from govkg.statements import split_statements
from testkit import script_module

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "draw_round.py"
SENTENCES = ("成立县乡村振兴工作领导小组，统筹全县工作。", "完成村“两委”换届选举工作，选优配强村级班子。",
             "实施农村人居环境整治提升行动，建成美丽乡村示范村十个。")


@pytest.fixture(scope="module")
def draw_round():
    with script_module(SCRIPT, "draw_round") as module:
        yield module


@pytest.fixture
def report(tmp_path) -> Path:
    path = tmp_path / "county-2021.txt"
    path.write_text("\n".join(SENTENCES) + "\n", encoding="utf-8")
    return path


def _statements(report: Path):
    return split_statements(report.read_text(encoding="utf-8"))


def test_nothing_annotated_draws_every_statement(draw_round, report):
    drawn = draw_round.candidates([report], None, {})
    assert [row["text"] for row in drawn] == [st.text for st in _statements(report)] and len(drawn) == 3


@pytest.mark.parametrize("cut, left", [((0, 0), [0, 2]), ((3, -3), [0, 2]), ((-3, 0), [2])],
                         ids=["same", "inside", "across"])
def test_a_statement_an_annotation_overlaps_is_not_drawn(draw_round, report, cut, left):
    second = _statements(report)[1]
    taken = {report.name: [(second.start + cut[0], second.end + cut[1])]}
    drawn = draw_round.candidates([report], None, taken)
    assert [row["text"] for row in drawn] == [SENTENCES[i] for i in left]


def test_a_cue_keeps_only_the_statements_it_finds(draw_round, report):
    assert [row["text"] for row in draw_round.candidates([report], "成立|设立", {})] == [SENTENCES[0]]


def test_a_batch_drawn_before_in_the_round_is_taken(draw_round, report, tmp_path):
    first = _statements(report)[0]
    keys = tmp_path / "keys.jsonl"
    keys.write_text(f'{{"id": 1, "doc": "{report.name}", "start": {first.start}, "end": {first.end}}}\n',
                    encoding="utf-8")
    taken = draw_round.with_spans({report.name: [(0, 1)], "other.txt": [(5, 9)]}, draw_round.drawn_spans(keys))
    assert taken == {report.name: [(0, 1), (first.start, first.end)], "other.txt": [(5, 9)]}
