"""Golden table for the documents finder: 《》 titles and “X”规划/纲要."""
import pytest

from govkg.extract.finders import documents

TABLE = [
    ("制定了《xx县驻村第一书记和工作队管理办法》。", {("Document", "xx县驻村第一书记和工作队管理办法")}),
    ("学习《 》和《中国共产党章程》", {("Document", "中国共产党章程")}),
    ("实现“十四五”规划和二〇三五年远景目标。", {("Document", "十四五”规划")}),
    ("编制“十四五”纲要", {("Document", "十四五”纲要")}),
    ("推进“五外联动”", set()),
]


@pytest.mark.parametrize(("sentence", "expected"), TABLE)
def test_documents(finder_of, sentence, expected):
    assert finder_of(documents)(sentence) == expected


def test_offsets_are_report_offsets():
    from govkg.extract.tokens import tokenize

    text = "印发《人才发展规划》"
    [m] = documents.find(text, 1000, tokenize(text, 1000))
    assert (m.start, m.end) == (1003, 1009) and text[m.start - 1000:m.end - 1000] == m.name
