"""Golden table for the quoted-names finder: the kind after the quote, a head noun inside it or a
governing verb before it makes an undertaking; slogans, plan periods, dates and modifiers do not."""
import pytest

from govkg.extract.finders import quoted

TABLE = [
    ("扎实开展“我为群众办实事”实践活动。", {("Initiative", "我为群众办实事")}),
    ("开展“学历提升工程”，共xxx人报名参学。", {("Program", "学历提升工程")}),
    ("推行“网片一体化”综合改革。", {("Initiative", "网片一体化")}),
    ("坚持和发展新时代“枫桥经验”。", {("Initiative", "枫桥经验")}),
    ("认真落实并基本完成“八七”扶贫攻坚计划。", {("Program", "八七")}),
    ("推进“五外联动”", {("Initiative", "五外联动")}),
    ("加大“走流程”推进力度", {("Initiative", "走流程")}),
    ("推进“一村一品”和“一县一业”", {("Initiative", "一村一品")}),
    ("增强“四个意识”", set()),          # a slogan
    ("实现“十四五”规划", set()),        # a plan: the documents finder's
    ("庆祝“七一”", set()),              # a date
    ("培育“三型”职业农民", set()),      # modifies the noun after it
    ("解决好“三农”问题", set()),
]


@pytest.mark.parametrize(("sentence", "expected"), TABLE)
def test_quoted(finder_of, sentence, expected):
    assert finder_of(quoted)(sentence) == expected


@pytest.mark.parametrize(("before", "governed"), [("深入推进", True), ("积极开展了", True), ("关于", False)])
def test_governed(before, governed):
    text = before + "“五外联动”"
    assert quoted.governed(text, len(before)) is governed


RULES = [
    ("扎实开展“我为群众办实事”实践活动。", "我为群众办实事", "Initiative", True, "kind_follows"),
    ("认真落实并基本完成“八七”扶贫攻坚计划。", "八七", "Program", True, "kind_follows"),
    ("开展“学历提升工程”", "学历提升工程", "Program", True, "ends_in_head"),
    ("推进“五外联动”", "五外联动", "Initiative", True, "governed_by_verb"),
    ("增强“四个意识”", "四个意识", "", False, "slogan"),
    ("庆祝“七一”", "七一", "", False, "period_or_date"),
    ("实现“十四五”规划", "十四五", "", False, "period_or_date"),
    ("编制“乡村振兴”规划", "乡村振兴", "", False, "plan_name"),
    ("培育“三型”职业农民", "三型", "", False, "no_kind_head_or_verb"),
    ("使用“A”标记", "A", "", False, "no_words"),
]


@pytest.mark.parametrize(("sentence", "name", "type_", "accepted", "rule"), RULES)
def test_quoted_rule(sentence, name, type_, accepted, rule):
    from govkg.extract.mentions import explain

    [decision] = [d for d in explain(sentence, name) if d.cascade == "quoted"]
    assert (decision.type, decision.accepted, decision.rule) == (type_, accepted, rule)


def test_quoted_rule_names_are_unique_and_documented():
    names = quoted.QUOTED.rule_names()
    assert len(names) == len(set(names)) and all(r.doc for r in quoted.QUOTED.rules)
