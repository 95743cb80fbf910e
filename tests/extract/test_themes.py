"""Statement themes (spec §4): SKOS keywords, at most three, headings passing theirs down."""
import pytest

from govkg.extract.themes import MAX_THEMES, tag_themes, themes_of_text
from govkg.statements import split_statements

TABLE = [
    ("全市率先完成村级换届工作。", "village_governance"),
    ("年内共发展党员xxx人。", "party_building"),
    ("提高三类人才公寓使用率。", "talent"),
    ("紧盯安全生产，开展应急演练。", "work_safety"),
    ("深化“放管服”改革，优化营商环境。", "reform_opening"),
    ("加强生态环境保护，推进污染防治。", "ecology"),
]


@pytest.mark.parametrize("sentence,theme", TABLE)
def test_keyword_theme(sentence, theme):
    assert theme in themes_of_text(sentence)


def test_at_most_three():
    text = "党建引领乡村振兴，招商引资，人才引进，财政资金，疫情防控，安全生产。"
    assert len(themes_of_text(text)) <= MAX_THEMES


def test_section_theme_carries_to_items():
    text = "一、人才工作\n1.提高站位。\n建设三类人才公寓。\n一是做好这件事。"
    statements = tag_themes(split_statements(text))
    item = next(s for s in statements if s.text.startswith("一是"))
    assert "一、人才工作" in item.section
    assert "talent" in item.themes


def test_no_keyword_no_section_no_theme():
    assert tag_themes(split_statements("今天天气很好。"))[0].themes == ()
