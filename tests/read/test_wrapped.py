"""govkg.read.wrapped: a PDF's lines joined back into the paragraphs they were cut from, and only
those; page numbers dropped; the spaces a PDF puts where the font changes taken out."""
import pytest

from govkg.read.wrapped import join_wrapped, width

INDENT = "\u3000\u3000"


def paragraph(first: str, *rest: str) -> list[str]:
    """Lines as a page cuts a paragraph: full lines of 40 characters (width 80), the last shorter."""
    return [INDENT + first * 38, *(ch * 40 for ch in rest[:-1]), rest[-1]]


BODY = paragraph("甲", "乙", "丙", "丁。") + paragraph("戊", "己", "庚。")


def test_width_counts_a_chinese_character_and_a_wide_quote_twice():
    assert (width("政府"), width("2023"), width("“两委”")) == (4, 4, 8)


def test_a_paragraph_cut_by_the_page_is_one_line_again():
    assert join_wrapped(["\n".join(BODY)]).split("\n") == [INDENT + "甲" * 38 + "乙" * 40 + "丙" * 40 + "丁。",
                                                          INDENT + "戊" * 38 + "己" * 40 + "庚。"]


def test_a_paragraph_goes_on_over_a_page_break_and_its_page_number():
    first, second = BODY[:2] + ["- 1 -"], ["2", *BODY[2:]]
    assert join_wrapped(["\n".join(first), "\n".join(second)]) == join_wrapped(["\n".join(BODY)])


@pytest.mark.parametrize("previous, line", [
    ("乙" * 39 + "。", "丙" * 10 + "。"),                  # the sentence ended
    ("乙" * 39 + "。”", "丙" * 10 + "。"),                 # ... inside a quotation
    ("乙" * 40, INDENT + "丙" * 10 + "。"),               # the next paragraph is indented
    ("乙" * 40, "（二）加强基层组织建设"),                   # a heading
    ("乙" * 30, "丙" * 10 + "。"),                         # the line was not full
])
def test_what_is_not_a_cut_stays_apart(previous, line):
    lines = BODY + [previous, line]
    assert join_wrapped(["\n".join(lines)]).split("\n")[-2:] == [previous, line]


@pytest.mark.parametrize("previous, line, joined", [
    ("乙" * 38 + "增长5.", "3%和7.2%。", True),             # a decimal point, its digits on the next line
    ("乙" * 38 + "增长5.", "丙" * 10 + "。", False),         # a sentence that ended in a full stop
    ("乙" * 38 + "第5.", INDENT + "3项任务。", False),        # the next paragraph is indented
])
def test_a_line_cut_at_a_decimal_point_goes_on(previous, line, joined):
    out = join_wrapped(["\n".join(BODY + [previous, line])]).split("\n")
    assert out[-1:] == [previous + line] if joined else out[-2:] == [previous, line]


def test_a_number_that_did_not_fit_may_end_the_line_early():
    short = "乙" * 36                                      # width 72: 8 short of full
    joined = join_wrapped(["\n".join(BODY + [short, "20152016年完成。"])]).split("\n")[-1]
    apart = join_wrapped(["\n".join(BODY + [short, "丙丙丙丙年完成。"])]).split("\n")[-2:]
    assert joined == short + "20152016年完成。" and apart == [short, "丙丙丙丙年完成。"]


@pytest.mark.parametrize("number", ["- 3 -", "— 3 —", "3", "第3页 共10页", "3/10", "－ 12 －"])
def test_a_page_number_at_the_top_or_bottom_of_a_page_is_dropped(number):
    page = "\n".join([number, *BODY, number])
    assert number not in join_wrapped([page]).split("\n")


def test_a_number_inside_a_page_is_kept():
    assert "2023" in join_wrapped(["\n".join([*BODY[:4], "2023", *BODY[4:]])]).split("\n")


@pytest.mark.parametrize("printed, read", [
    ("2021 年，全区完成 12 个项目", "2021年，全区完成12个项目"),
    ("落实 RCEP 协定", "落实RCEP协定"),
    ("Work Report 2023", "Work Report 2023"),
])
def test_the_space_a_change_of_font_leaves_is_taken_out(printed, read):
    assert join_wrapped([printed]) == read


def test_latin_words_cut_at_the_line_end_are_joined_with_a_space():
    lines = ["x" * 79 + "."] * 5 + ["a" * 79 + "b", "c" * 10 + "."]
    assert join_wrapped(["\n".join(lines)]).split("\n")[-1] == "a" * 79 + "b " + "c" * 10 + "."


def test_a_few_lines_are_left_as_they_are():
    assert join_wrapped(["乙" * 40 + "\n" + "丙" * 10]) == "乙" * 40 + "\n" + "丙" * 10


def test_a_running_header_on_every_page_is_dropped_and_the_first_page_keeps_it_as_the_title():
    title = "2023年政府工作报告"
    pages = [[title, *BODY], [title, *BODY], [title, *BODY], [title, *BODY]]
    lines = join_wrapped(["\n".join(page) for page in pages]).split("\n")
    assert lines[0] == title and lines.count(title) == 1


def test_a_running_footer_is_dropped_but_a_line_two_pages_happen_to_end_with_is_kept():
    footer, closing = "某县人民政府办公室印发", "特此报告。"
    footed = join_wrapped(["\n".join([*BODY, footer]) for _ in range(4)]).split("\n")
    ended = join_wrapped(["\n".join([*BODY, closing]), "\n".join(BODY), "\n".join(BODY),
                          "\n".join([*BODY, closing]), "\n".join(BODY), "\n".join(BODY)]).split("\n")
    assert footer not in footed and ended.count(closing) == 2
