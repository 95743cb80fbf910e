"""A name holds whole brackets, whoever found it."""
import pytest

from govkg.extract.brackets import whole_brackets, with_whole_brackets
from govkg.extract.mentions import find_mentions
from govkg.model import Mention, Statement


@pytest.mark.parametrize("text, found, kept", [
    ("（省教育厅负责）", "（省教育厅负责", "省教育厅负责"),                       # opens on the bracket
    ("莱芜银保监分局）", "莱芜银保监分局）", "莱芜银保监分局"),                  # ends on it
    ("三）优化本科教育", "三）优化本科教育", "优化本科教育"),                    # starts inside it
    ("区域全面经济伙伴关系协定（RCEP）生效", "区域全面经济伙伴关系协定（RCEP", "区域全面经济伙伴关系协定（RCEP）"),
    ("中欧班列（义新欧、渝新欧）", "中欧班列（义新欧", "中欧班列"),               # the bracket lists: not closed soon
    ("党委（党组）", "党委（党组）", "党委（党组）"),                            # whole already
])
def test_a_span_is_cut_or_closed_to_whole_brackets(text, found, kept):
    lo = text.index(found)
    new_lo, new_hi = whole_brackets(text, lo, lo + len(found))
    assert text[new_lo:new_hi] == kept


def test_a_mention_named_otherwise_than_written_is_left_alone():
    quoted = Mention(10, 18, "Initiative", "一网通办")
    assert with_whole_brackets(quoted, "（“一网通办”改革", 10) is quoted


def test_nothing_is_left_of_a_bracket_and_one_character():
    assert with_whole_brackets(Mention(0, 2, "Place", "（京"), "（京）", 0) is None


def test_no_rule_mention_holds_half_a_bracket():
    text = "（二）突出深化改革。各地（省教育厅牵头）落实责任。"
    names = [m.name for m in find_mentions(Statement(0, len(text), text))]
    assert names and all(n.count("（") == n.count("）") for n in names)
