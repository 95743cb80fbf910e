"""govkg.read.html: a web page reads to the text a person sees, one block a line (inline markup
joined to the words around it): markup, scripts, styles and the head dropped, line breaks kept, in
whatever encoding the page was saved."""
import pytest

from govkg.read import read_report
from testkit import refusal


def _read(tmp_path, markup: str, encoding: str = "utf-8", suffix: str = ".html") -> str:
    path = tmp_path / f"report{suffix}"
    path.write_bytes(markup.encode(encoding))
    report = read_report(path)
    assert report.format == suffix.lstrip(".")
    return report.text


def test_html_drops_markup_scripts_and_styles(tmp_path):
    text = _read(tmp_path, "<html><head><title>t</title><style>p{}</style></head><body>"
                           "<script>alert(1)</script><h1>xx县人民政府工作报告</h1>"
                           "<p>一、2023年工作回顾</p><div>全面完成<b>村级换届</b>工作。</div></body></html>", "gbk")
    assert "alert" not in text and "p{}" not in text
    assert text.split("\n")[0] == "xx县人民政府工作报告"
    assert "全面完成村级换届工作。" in text.split("\n")


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_blocks_and_line_breaks_are_lines_and_blank_lines_go(tmp_path, suffix):
    text = _read(tmp_path, "<html><head><meta charset='utf-8'><title>标题不算正文</title></head><body>"
                           "<noscript>请启用脚本</noscript><template><p>模板</p></template>"
                           "<p>  一、总体要求  </p>\n\n<p>第一行<br>第二行<br/>第三行</p>"
                           "<ul><li>甲</li><li>乙</li></ul></body></html>", suffix=suffix)
    assert text.split("\n") == ["一、总体要求", "第一行", "第二行", "第三行", "甲", "乙"]


@pytest.mark.parametrize("body, lines", [
    # inline markup joins its words to those around it, as a browser shows them
    ("<p>全面完成<strong>村级换届</strong>工作，<span style='color:red'>县委<font>组织部</font></span>牵头开展"
     "<a href='#'>党史学习教育</a>。</p>", ["全面完成村级换届工作，县委组织部牵头开展党史学习教育。"]),
    # the source's line breaks inside Chinese text go; a space typed between words stays
    ("<p>全面完成村级\n      换届工作。</p><p>版权所有：xx县人民政府办公室 备案号</p><p>GDP\n增长</p>",
     ["全面完成村级换届工作。", "版权所有：xx县人民政府办公室 备案号", "GDP 增长"]),
    # a table row a line, its cells joined by tabs; comments dropped
    ("<table><tr><th>项目</th><th> 金额 </th></tr><tr><td>衔接<!-- 注 -->资金</td><td>1200<b>万元</b></td></tr>"
     "</table>", ["项目\t金额", "衔接资金\t1200万元"]),
])
def test_inline_markup_joins_and_blocks_and_rows_are_lines(tmp_path, body, lines):
    assert _read(tmp_path, f"<html><body>{body}</body></html>").split("\n") == lines


def test_a_page_of_nothing_but_markup_has_no_text(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>只有标题</title></head><body><script>x()</script></body></html>",
                    encoding="utf-8")
    assert "no text found in the file" in refusal(path)
