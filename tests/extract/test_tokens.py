"""Words and tags: jieba without HMM, the lexicons' words kept whole, offsets into the report."""
import pytest

from govkg.extract.tokens import tag_of, tokenize


@pytest.mark.parametrize(("text", "word", "tag"), [
    ("召开人才工作领导小组会议", "工作领导小组", "nt"),     # an organization suffix
    ("黑龙江省哈尔滨市", "哈尔滨市", "ns"),                 # a place of the gazetteer
    ("上海交大举办", "上海交大", "nt"),                     # an alias
    ("党中央国务院", "党中央", "nt"),                       # a known body
])
def test_lexicon_words_stay_whole_with_their_tag(text, word, tag):
    assert (word, tag) in [(t.text, t.tag) for t in tokenize(text)]


def test_offsets_are_report_offsets_and_cover_the_text():
    text = "持续实施党建示范村建设工程。"
    tokens = tokenize(text, 500)
    assert "".join(t.text for t in tokens) == text
    assert all(text[t.start - 500:t.end - 500] == t.text for t in tokens)


@pytest.mark.parametrize(("word", "tag"), [("，", "x"), ("黑龙江省", "ns"), ("推进", "v")])
def test_tag_of(word, tag):
    assert tag_of(word) == tag
