"""Names by their head noun: a name ends in a head noun of the lexicons (工程, 改革, 制度, 委员会 ...)
and runs left from it until a boundary (a verb, adverb, function word, count or punctuation;
``boundary_words.txt``), so ``持续实施党建示范村建设工程`` gives 党建示范村建设工程. A verb used as a
noun between nouns stays inside (农技推广骨干培训班). Whether the name is specific enough is for the
cascades of :mod:`~govkg.extract.finders.specific`; a place word goes to
:func:`~govkg.extract.finders.places.place_by_shape`."""
from __future__ import annotations

from govkg.extract.finders.places import not_a_place_prefix, place_by_shape
from govkg.extract.finders.rules import Decision, record
from govkg.extract.finders.specific import HeadedName, cascade_for
from govkg.extract.finders.words import pattern, setting, stop, token_head, words
from govkg.extract.tokens import Token
from govkg.model import Mention

__all__ = ["find", "left_edge", "trim_left"]


def find(text: str, offset: int, tokens: list[Token]) -> list[Mention]:
    found = []
    for i, token in enumerate(tokens):
        head = token_head(token)
        if head is None:
            continue
        word, type_ = head
        nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
        if _head_continues(type_, nxt):
            continue
        if type_ == "Place":
            mention = place_by_shape(tokens, i, word)
            if mention:
                found.append(mention)
            continue
        j = left_edge(tokens, i)
        name, start = trim_left(text[tokens[j].start - offset:token.end - offset], tokens[j].start)
        candidate = HeadedName(name, word, type_, tuple(tokens[j:i + 1]), tuple(tokens[max(0, j - 2):j]),
                               text[start - offset - 1:start - offset], tuple(tokens[i + 1:i + 3]))
        cascade = cascade_for(type_)
        accepted, rule = cascade.decide(candidate)
        record(Decision(cascade.name, start, token.end, type_, name, accepted, rule))
        if not accepted:
            continue
        found.append(Mention(start, token.end, type_, name))
        if type_ == "Program":
            found += _place_prefix(name, start)
    return found


def _head_continues(type_: str, next_word: str) -> bool:
    """制度型开放, 改革发展: the head modifies a longer noun; 党建工作: an organization word names a field."""
    if type_ == "Organization":
        return next_word == setting("headed.organization_field")
    return next_word in words("headed.head_continues")


def _place_prefix(name: str, start: int) -> list[Mention]:
    """The township or village a project's name opens with (北联镇新兴村 in 北联镇新兴村甜玉米加工项目)."""
    m = pattern("headed.place_prefix").match(name)
    if not m or m.end() >= len(name) - 1:
        return []
    place = m.group()
    if not_a_place_prefix(place):
        return []
    return [Mention(start, start + len(place), "Place", place)]


def left_edge(tokens: list[Token], i: int) -> int:
    """The first token of the name whose head is ``tokens[i]``."""
    j = i
    while j > 0:
        t = tokens[j - 1]
        if tokens[i].end - t.start > setting("headed.max_name"):
            break
        if stop(t) and not _nominal_verb(tokens, j - 1, i):
            break
        j -= 1
    return j


def _nominal_verb(tokens: list[Token], k: int, i: int) -> bool:
    """A verb used as a noun between nouns stays inside the name (农技推广骨干培训班)."""
    t = tokens[k]
    return ((t.tag in words("headed.nominal_verb_tags") or t.text in words("headed.nominal_verbs")) and k < i
            and k >= 1 and tokens[k - 1].tag in words("headed.noun_tags_before_nominal")
            and not stop(tokens[k - 1]) and tokens[k + 1].tag in words("headed.noun_tags_after_nominal"))


def trim_left(name: str, start: int) -> tuple[str, int]:
    """The name without leading counts, levels and times (x个, 新一轮, 县级, 今年)."""
    while True:
        m = pattern("headed.leading").match(name)
        if not m or m.end() >= len(name):
            return name, start
        name, start = name[m.end():], start + m.end()
