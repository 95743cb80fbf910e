"""govkg.read.markdown: a Markdown report reads to the text it shows: its marks taken out, a line
per heading, list item and table row, the source's lines kept as lines; plain Chinese text saved as
.md reads as it would as .txt."""
import re
import shutil

import pytest

from govkg.read import read_text


@pytest.mark.parametrize("source, lines", [
    ("# xx县2023年政府工作报告\n\n## 一、2023年工作回顾\n", ["xx县2023年政府工作报告", "一、2023年工作回顾"]),
    ("全面完成**村级换届**工作，[县委组织部](http://x.gov.cn)牵头开展`党史学习教育`，![图](a.png)*完成*。\n",
     ["全面完成村级换届工作，县委组织部牵头开展党史学习教育，图完成。"]),
    # bullets go, numbers stay; the lines of a paragraph stay lines (a report puts a paragraph a line)
    ("- 推进美丽乡村建设；\n- 实施高标准农田建设项目。\n\n1. 第一项。\n2. 第二项。\n", 
     ["推进美丽乡村建设；", "实施高标准农田建设项目。", "1. 第一项。", "2. 第二项。"]),
    ("一、总体要求\n\u3000\u3000坚持以人民为中心。\n二、重点任务\n", ["一、总体要求", "坚持以人民为中心。", "二、重点任务"]),
    ("| 项目 | 金额 |\n|---|---|\n| 衔接资金 | 1200万元 |\n\n> 引用一段。\n\n<div>网页<b>片段</b></div>\n",
     ["项目\t金额", "衔接资金\t1200万元", "引用一段。", "网页片段"]),
], ids=["headings", "inline-marks", "lists", "plain-lines", "table-quote-html"])
def test_markdown_reads_to_the_text_it_shows(tmp_path, source, lines):
    path = tmp_path / "report.md"
    path.write_text(source, encoding="utf-8")
    assert read_text(path)[0].split("\n") == lines


def test_corpus_reports_saved_as_markdown_keep_every_statement(corpus, tmp_path):
    from govkg.statements import split_statements

    def statements(path):
        return [re.sub(r"\s", "", s.text) for s in split_statements(read_text(path)[0])]

    for text in sorted(corpus.glob("*.txt")):
        markdown = shutil.copy(text, tmp_path / f"{text.stem}.md")
        assert statements(markdown) == statements(text), text.name
