"""Find entity mentions in one statement, each with exact offsets into the report text.

The finders of :mod:`govkg.extract.finders` run in turn over the statement's text and its jieba
words (documents, quoted names, headed names, list items, named strategies, places, bodies,
persons); where their mentions overlap the longest wins (:mod:`~govkg.extract.finders.overlaps`).
Their word lists and patterns are data (``data/lexicon/mentions.toml`` and the ``*.txt`` lists).

Whether a quoted phrase or a name found by its head noun is kept is decided by cascades of named rules (one small
predicate each, tried in order, the first that holds decides): ``finders.quoted.QUOTED``,
``finders.specific.UNDERTAKING``, ``finders.specific.ORGANIZATION`` and ``finders.places.PLACE``. :func:`explain` says which rule
accepted or rejected each candidate of a statement::

    >>> [(d.name, d.rule) for d in explain("持续实施党建示范村建设工程和水利工程")]
    [('党建示范村', 'no_proper_name'), ('党建示范村建设工程', 'specific_undertaking'), ('水利工程', 'works_without_proper_part')]
"""
from __future__ import annotations

from dataclasses import dataclass

from govkg.extract.brackets import with_whole_brackets
from govkg.extract.finders import FINDERS, WRITTEN
from govkg.extract.finders.overlaps import resolve_overlaps
from govkg.extract.finders.rules import Decision, tracing
from govkg.extract.tokens import tokenize
from govkg.model import Mention, Statement

__all__ = ["Decision", "RuleMentions", "explain", "find_mentions", "rule_mentions"]


@dataclass(frozen=True)
class RuleMentions:
    """The rules' mentions of one statement in the two forms extraction uses."""
    features: list[Mention]   # every finder but ``WRITTEN``: what the learned tagger reads
    found: list[Mention]      # with ``WRITTEN``'s names: the rules' answer and the tagger's supplement
    written: list[Mention]    # ``WRITTEN``'s names alone, before any overlap is resolved
    places: list[Mention]     # every finder's places, before any overlap is resolved (model.places_in_programs)


def rule_mentions(statement: Statement) -> RuleMentions:
    """Both forms at once. ``WRITTEN``'s names are resolved against the other finders' resolved
    mentions, not among them, so ``features`` is a step on the way to ``found``."""
    text, offset = statement.text, statement.start
    tokens = tokenize(text, offset)
    candidates = _whole([mention for finder in FINDERS for mention in finder.find(text, offset, tokens)], text, offset)
    features = resolve_overlaps(candidates)
    written = _whole([mention for finder in WRITTEN for mention in finder.find(text, offset, tokens)], text, offset)
    places = [m for m in candidates if m.type == "Place"]
    return RuleMentions(features, resolve_overlaps([*features, *written]), written, places)


def _whole(mentions: list[Mention], text: str, offset: int) -> list[Mention]:
    return [m for m in (with_whole_brackets(m, text, offset) for m in mentions) if m is not None]


def find_mentions(statement: Statement) -> list[Mention]:
    """The rules' mentions of a statement."""
    return rule_mentions(statement).found


def explain(statement: Statement | str, name: str | None = None) -> list[Decision]:
    """The decisions of the named rules on a statement's candidate names, in the order they were
    made (only those for ``name`` when it is given). Each says the cascade (undertaking,
    organization, place), the candidate, whether it was accepted, and the rule that decided.
    A candidate accepted here may still lose to a longer overlapping mention."""
    if isinstance(statement, str):
        statement = Statement(0, len(statement), statement)
    with tracing() as trace:
        find_mentions(statement)
    return [d for d in trace if name is None or d.name == name]
