"""A report written with a space between every few words is read as if written without them, in
the offsets of the text as written (govkg.extract.spacing)."""
from __future__ import annotations

from dataclasses import replace

import pytest

from govkg.extract import extract
from govkg.extract.spacing import compacted
from govkg.extract.tokens import tokenize
from govkg.read import read_report


def test_a_text_with_few_spaces_is_read_as_written(sample_report):
    text = read_report(sample_report).text
    assert compacted(text) is None
    dated = "2021 年，全县巩固拓展脱贫攻坚成果，推进乡村振兴战略，建设宜居宜业和美乡村。"
    assert compacted(dated * 3) is None       # a space before each year's 年: one in 30 characters
    assert compacted("") is None and compacted("GDP growth is 5 percent") is None


def test_layout_spaces_go_and_every_character_keeps_its_place():
    text = "进一步建设曲靖 、 渔洞水库等 , 投资5 0亿元 。 The Belt and Road 倡议 。\n" * 3
    spaced = compacted(text)
    assert spaced is not None
    assert spaced.text.startswith("进一步建设曲靖、渔洞水库等,投资50亿元。The Belt and Road倡议。\n")
    assert all(text[spaced.origin[i]] == ch for i, ch in enumerate(spaced.text))
    at = spaced.text.index("渔洞水库")
    assert text[slice(*spaced.span((at, at + 4)))] == "渔洞水库"
    assert spaced.span((0, 0)) == (0, 0)            # an unnamed author's placeholder


def _spaced(text: str) -> str:
    """``text`` with a space after every jieba word, as some conversions write it."""
    return " ".join(token.text for token in tokenize(text, 0))


@pytest.mark.parametrize("model", ["rules", None], ids=["rules", "shipped model"])
def test_a_spaced_report_gives_what_the_same_report_gives_unspaced(sample_report, model):
    unspaced = read_report(sample_report)
    unspaced = replace(unspaced, text=unspaced.text.replace(" ", ""))
    spaced = replace(unspaced, text=_spaced(unspaced.text))
    assert compacted(spaced.text) is not None
    plain, read = extract(unspaced, model), extract(spaced, model)
    assert read.report is spaced
    assert [(e.type, e.name) for e in read.entities] == [(e.type, e.name) for e in plain.entities]
    assert [(r.head, r.type, r.tail) for r in read.relations] == [(r.head, r.type, r.tail) for r in plain.relations]
    assert [st.text.replace(" ", "") for st in read.statements] == [st.text for st in plain.statements]
    assert all(st.text == spaced.text[st.start:st.end] for st in read.statements)
    for written, unwritten in zip(read.entities, plain.entities):
        assert [spaced.text[lo:hi].replace(" ", "") for lo, hi in written.mentions] == \
            [unspaced.text[lo:hi] for lo, hi in unwritten.mentions]
    for written, unwritten in zip(read.metrics, plain.metrics):
        assert spaced.text[slice(*written.span)].replace(" ", "") == unspaced.text[slice(*unwritten.span)]
