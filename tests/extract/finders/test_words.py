"""The shared word-level tests of the finders: head nouns and tokens that stop a name."""
import pytest

from govkg.extract.finders.words import head_of, stop, token_head
from govkg.extract.tokens import Token, tokenize


@pytest.mark.parametrize(("name", "head"), [
    ("党建示范村建设工程", ("工程", "Program")), ("荣誉退休制度", ("制度", "Initiative")),
    ("人才工作领导小组", ("工作领导小组", "Organization")), ("奋斗镇", ("镇", "Place")), ("持续推进", None)])
def test_head_of(name, head):
    assert head_of(name) == head


@pytest.mark.parametrize(("word", "tag", "head"), [
    ("教育部", "nt", ("部", "Organization")), ("广大干部", "n", None), ("总体布局", "n", None),
    ("改革", "vn", ("改革", "Initiative"))])
def test_token_head(word, tag, head):
    assert token_head(Token(word, 0, len(word), tag)) == head


@pytest.mark.parametrize(("text", "stops"), [("实施", True), ("，", True), ("xx", False), ("示范", False)])
def test_stop(text, stops):
    [token] = tokenize(text)
    assert stop(token) is stops
