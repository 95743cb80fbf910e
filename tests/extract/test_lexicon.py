"""The data files behind extraction, read through govkg.extract.lexicon."""
from __future__ import annotations

import re

import pytest

from govkg.extract import lexicon
from govkg.resources import data_path

RULE_FILES = sorted(p.stem for p in data_path("lexicon").glob("*.toml") if p.stem != "relation_cues")


@pytest.mark.parametrize("name", RULE_FILES)
def test_every_pattern_of_a_rule_file_compiles(name):
    tables = lexicon.rules(name)
    assert tables, f"{name}.toml is empty"
    for table, entries in tables.items():
        for key, value in entries.items():
            if isinstance(value, str) and len(value) > 1 and any(ch in value for ch in "[(^$|"):
                assert isinstance(lexicon.rule_pattern(name, f"{table}.{key}"), re.Pattern)


@pytest.mark.parametrize(("name", "key", "expected"), [
    ("mentions", "organization.jurisdictions", {"省", "市", "县", "区", "镇", "乡", "州", "旗", "盟"}),
    ("mentions", "specific.works_heads", {"项目", "工程"}),
    ("metrics", "numbers.share_units", {"%", "个百分点"}),
])
def test_rule_words_gives_a_set_of_words_or_of_characters(name, key, expected):
    assert lexicon.rule_words(name, key) == expected


def test_rule_words_in_order_keeps_the_files_order():
    titles = lexicon.rule_words_in_order("mentions", "persons.titles")
    assert titles[:2] == ("省长", "市长") and len(titles) == len(set(titles))


def test_a_missing_key_names_the_file_and_the_key():
    with pytest.raises(KeyError, match=r"mentions\.toml: no \[headed\] nonexistent"):
        lexicon.rule_setting("mentions", "headed.nonexistent")


@pytest.mark.parametrize("name", ["mentions", "relations", "metrics"])
def test_no_word_list_holds_a_word_twice(name):
    for table, entries in lexicon.rules(name).items():
        for key, value in entries.items():
            if isinstance(value, list):
                assert len(value) == len(set(value)), f"{name}.toml [{table}] {key} repeats a word"
