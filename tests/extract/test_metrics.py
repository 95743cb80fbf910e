"""Golden table for quantities: value, unit, what is counted, masking, Chinese numerals, year."""
import pytest

from govkg.extract.metrics import chinese_number, find_metrics
from govkg.model import Statement

NUMERALS = [
    ("三百二十", 320), ("一万三千", 13000), ("十一点六", 11.6), ("十", 10), ("二〇二〇", 2020),
    ("两千", 2000), ("五千五百七十五", 5575), ("一百", 100), ("六十四点七", 64.7),
]


@pytest.mark.parametrize("text,value", NUMERALS)
def test_chinese_number(text, value):
    assert chinese_number(text) == value


TABLE = [
    ("改造农村危房三百二十户。", ("320", "户", "农村危房", False)),
    ("年内共发展党员xxx人。", ("xxx", "人", "党员", True)),
    ("发放奖金和慰问金xx.x万元。", ("xx.x", "万元", "慰问金", True)),
    ("全年发放各类社保金3.6亿元。", ("3.6", "亿元", "社保金", False)),
    ("城镇化率达到百分之六十四点七。", ("64.7", "%", "城镇化率", False)),
]


def metrics_of(text: str, year=2021):
    return find_metrics(Statement(0, len(text), text), [], {}, year)


@pytest.mark.parametrize("sentence,expected", TABLE)
def test_metric(sentence, expected):
    found = [(m.value, m.unit, m.counted, m.masked) for m in metrics_of(sentence)]
    assert expected in found


def test_year_in_the_statement_wins():
    m = metrics_of("2019年新增就业1.4万人。", year=2021)[0]
    assert m.year == 2019


def test_span_is_exact():
    text = "年内共发展党员xxx人。"
    m = metrics_of(text)[0]
    assert text[m.span[0]:m.span[1]] == "xxx人"


def test_metrics_are_written_to_the_interchange_record(extraction_of):
    from govkg.interchange import from_record, to_record

    ex = extraction_of("持续实施党建示范村建设工程，年内xx个村改造升级。")
    row = to_record(ex)
    assert row["metrics"] and row["metrics"][0]["value"] == "xx"
    assert from_record(row).metrics == ex.metrics
