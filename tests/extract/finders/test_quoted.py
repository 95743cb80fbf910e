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
