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
    # village items: the collective, village/community cadres, village-level elections
    ("盘活资产，村集体年增收二十万元。", "village_governance"),
    ("投入专项资金，全面提升村、社区干部保障水平。", "village_governance"),
    ("投入专项资金，全面提升村、社区干部保障水平。", "grassroots_governance"),
    ("加强基层政权建设，全面作好村居换届工作。", "village_governance"),
    ("大力培育农村社会组织，积极发展农村社会工作。", "village_governance"),
]


def test_narrower_theme_not_dropped_beside_its_broader():
    """农村社会治安 (village) beside 社会治安 ×2 (grassroots): the narrower theme is no passing mention."""
    themes = themes_of_text("健全社会治安综合治理责任制，推进农村社会治安防控体系建设，推动社会治安防控力量下沉。")
    assert "village_governance" in themes and "grassroots_governance" in themes


def test_narrower_theme_first_on_a_tie():
    themes = themes_of_text("完成化解债务任务，村集体增收明显。")
    assert themes[0] == "village_governance"


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
