"""The cascade of named rules: the first rule that holds decides, else the default."""
from govkg.extract.finders.rules import Cascade, Decision, record, tracing


def _cascade() -> Cascade[int]:
    cascade: Cascade[int] = Cascade("numbers", default=(True, "small_enough"))

    @cascade.reject
    def negative(n: int) -> bool:
        "below zero"
        return n < 0

    @cascade.accept
    def zero(n: int) -> bool:
        return n == 0

    @cascade.reject
    def too_big(n: int) -> bool:
        return n > 10

    return cascade


def test_first_rule_that_holds_decides():
    cascade = _cascade()
    assert [cascade.decide(n) for n in (-1, 0, 11, 5)] == [
        (False, "negative"), (True, "zero"), (False, "too_big"), (True, "small_enough")]
    assert cascade.rule_names() == ["negative", "zero", "too_big", "small_enough"]
    assert cascade.rules[0].doc == "below zero"


def test_decisions_are_kept_only_while_tracing():
    decision = Decision("numbers", 0, 1, "Program", "x", True, "zero")
    record(decision)                       # nobody is tracing: dropped
    with tracing() as trace:
        record(decision)
        with tracing() as inner:
            record(decision)
    assert trace == [decision] and inner == [decision]
