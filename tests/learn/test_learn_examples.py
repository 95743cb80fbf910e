import json

import pytest

from govkg.errors import GovKGError
from govkg.learn.examples import load_examples, load_first_and_rest, locate, marked_first


@pytest.mark.parametrize("name, text, spans", [
    ("县委党校", "县委党校举办培训班", [(0, 4)]),
    ("我为群众办实事", "开展“我为群众办实事”实践活动", [(3, 10)]),
    ("村两委换届", "完成村“两委”换届", [(2, 9)]),           # quotes inside the name are ignored
    ("红旗村", "红旗村和红旗村", [(0, 3), (4, 7)]),            # every occurrence
    ("河长制", "推行林长制", []),
])
def test_locate(name, text, spans):
    assert locate(name, text) == spans


def test_sample_gold_aligns(sample_gold, examples_dir):
    examples = load_examples(sample_gold, examples_dir)
    assert len(examples) == 8
    for ex in examples:
        for entity in ex.entities:
            assert entity.spans, entity
            lo, hi = entity.spans[0]
            assert ex.statement.text[lo:hi].replace("“", "").replace("”", "") == entity.name.replace("“", "").replace("”", "")
    assert {ex.statement.section[:1] for ex in examples} >= {("一、2022年工作回顾",)}


def test_gold_text_not_in_report_is_named(tmp_path, sample_gold, examples_dir):
    row = json.loads(sample_gold.read_text(encoding="utf-8").splitlines()[0])
    row["text"] = "别的句子：" + row["text"]            # still holds its names: a valid line of another text
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(GovKGError, match="does not match the report"):
        load_examples(bad, examples_dir)


def test_missing_report_is_named_with_every_folder_looked_in(tmp_path, sample_gold):
    elsewhere = tmp_path / "elsewhere"
    with pytest.raises(GovKGError, match=f"in none of {tmp_path} or {elsewhere}"):
        load_examples(sample_gold, [tmp_path, elsewhere])


def test_gold_of_several_files_and_reports_of_several_folders(tmp_path, sample_gold, examples_dir):
    rows = sample_gold.read_text(encoding="utf-8").splitlines()
    mine = tmp_path / "mine.jsonl"
    mine.write_text("\n".join(rows[5:]) + "\n", encoding="utf-8")          # 3 of the 8 again
    ours = tmp_path / "ours.jsonl"
    ours.write_text("\n".join(rows[:6]) + "\n", encoding="utf-8")
    examples = load_examples([ours, mine], [tmp_path / "no-reports-here", examples_dir])
    assert len(examples) == 8                  # a statement given by both files counts once
    assert [ex.statement.start for ex in examples] == [json.loads(r)["start"] for r in rows[:6] + rows[6:]]


def test_not_json_is_named(tmp_path, examples_dir):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(GovKGError, match="bad.jsonl:1: not JSON"):
        load_examples(bad, examples_dir)


def test_a_gold_folders_own_corpus_is_looked_in_after_the_folders_given(tmp_path, sample_gold, examples_dir):
    # annotations/ keeps reports of its own in annotations/corpus: `--corpus my-reports/` must not hide them
    gold_dir, reports = tmp_path / "notes" / "statements", tmp_path / "notes" / "corpus"
    gold_dir.mkdir(parents=True)
    reports.mkdir()
    (gold_dir / "sample.jsonl").write_bytes(sample_gold.read_bytes())
    for report in examples_dir.glob("*.txt"):
        (reports / report.name).write_bytes(report.read_bytes())
    examples = load_examples(gold_dir, [tmp_path / "my-reports"])
    assert len(examples) == 8 and {ex.source.parent for ex in examples} == {reports}


def test_the_first_gold_beside_others_is_marked_and_gives_the_statements_both_give(two_golds, examples_dir):
    first, rest, rest_starts = two_golds
    firsts, rests = load_first_and_rest(first, rest, examples_dir)
    assert [ex.first_gold for ex in firsts] == [True] * 5
    assert [(ex.statement.start, ex.first_gold) for ex in rests] == [(start, False) for start in rest_starts]


def test_a_gold_alone_is_not_marked_first(two_golds, examples_dir):
    first, _, _ = two_golds
    firsts, rests = load_first_and_rest(first, None, examples_dir)
    assert len(firsts) == 5 and rests == [] and not any(ex.first_gold for ex in firsts)


def test_a_gold_beside_only_its_own_statements_is_not_marked_first(two_golds, examples_dir):
    first = two_golds[0]
    firsts, rests = load_first_and_rest(first, [first], examples_dir)
    assert len(firsts) == 5 and rests == [] and not any(ex.first_gold for ex in firsts)


def test_examples_of_several_golds_keep_their_order_with_the_first_golds_marked(two_golds, examples_dir):
    first, rest, rest_starts = two_golds
    examples = load_examples([first, rest], examples_dir)
    marked = marked_first(examples, first)
    assert [ex.statement.start for ex in marked] == [ex.statement.start for ex in examples]
    assert [ex.first_gold for ex in marked] == [True] * 5 + [False] * 3
    assert marked_first(examples[:5], first) == examples[:5]     # nothing beside it
