"""Named rules: an accept/reject cascade as a table of small predicate functions.

A :class:`Cascade` holds rules in the order they are written; the first rule whose predicate
holds for a candidate decides, and its name says why. Finders record each decision while
:func:`tracing` is on, so ``mentions.explain`` can tell which rule accepted or rejected a
candidate (and a golden test can pin that down)::

    UNDERTAKING = Cascade("undertaking", default=(True, "specific_undertaking"))

    @UNDERTAKING.reject
    def modifier_too_short(c):
        "重点项目 ... the part before the head must say which one"
        return len(c.modifier) < 2
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Callable, Generic, Iterator, TypeVar

__all__ = ["Cascade", "Decision", "Rule", "record", "tracing"]

C = TypeVar("C")


@dataclass(frozen=True)
class Rule(Generic[C]):
    name: str
    accepts: bool
    holds: Callable[[C], bool]
    doc: str


@dataclass(frozen=True)
class Decision:
    """What a cascade decided about one candidate name, and the rule that decided it."""
    cascade: str
    start: int
    end: int
    type: str
    name: str
    accepted: bool
    rule: str


class Cascade(Generic[C]):
    """Rules tried in order; the first that holds decides (``default`` when none does)."""

    def __init__(self, name: str, default: tuple[bool, str]):
        self.name = name
        self.default = default
        self.rules: list[Rule[C]] = []

    def accept(self, holds: Callable[[C], bool]) -> Callable[[C], bool]:
        self.rules.append(Rule(holds.__name__, True, holds, (holds.__doc__ or "").strip()))
        return holds

    def reject(self, holds: Callable[[C], bool]) -> Callable[[C], bool]:
        self.rules.append(Rule(holds.__name__, False, holds, (holds.__doc__ or "").strip()))
        return holds

    def decide(self, candidate: C) -> tuple[bool, str]:
        """(accepted, rule name) for the candidate."""
        for rule in self.rules:
            if rule.holds(candidate):
                return rule.accepts, rule.name
        return self.default

    def rule_names(self) -> list[str]:
        return [r.name for r in self.rules] + [self.default[1]]


_TRACE: ContextVar[list[Decision] | None] = ContextVar("govkg_rule_trace", default=None)


def record(decision: Decision) -> None:
    """Keep the decision when a caller is tracing (``mentions.explain``); free otherwise."""
    trace = _TRACE.get()
    if trace is not None:
        trace.append(decision)


@contextmanager
def tracing() -> Iterator[list[Decision]]:
    """Collect the decisions of every cascade run inside the ``with`` block."""
    trace: list[Decision] = []
    token = _TRACE.set(trace)
    try:
        yield trace
    finally:
        _TRACE.reset(token)
