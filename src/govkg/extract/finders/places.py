"""Places: the gazetteer (``data/places.tsv``: provinces to counties, short forms, countries,
zones), masked places (xx县), and places by shape — a proper name and a place word (奋斗镇,
伊敏河, 白桦东路), decided by the named rules of ``PLACE``."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from govkg.extract import lexicon
from govkg.extract.finders.rules import Cascade, Decision, record
from govkg.extract.finders.words import (CJK, common_word_village, names_a_bureau, pattern, setting, stop,
                                         token_head, words, words_in_order)
from govkg.extract.tokens import Token, tokenize
from govkg.model import Mention

__all__ = ["PLACE", "PlaceShape", "find", "landform_opening", "not_a_place_prefix", "place_by_shape"]


def find(text: str, offset: int, tokens: list[Token]) -> list[Mention]:
    """Gazetteer places written as one word, and masked places (xx县)."""
    table = lexicon.places()
    found = []
    not_places, home = words("places.not_places"), words("places.home")
    for n, t in enumerate(tokens):
        if t.text in not_places or not (t.text in table or t.text in home):
            continue
        before = tokens[n - 1].text if n else ""
        after = tokens[n + 1].text if n + 1 < len(tokens) else ""
        if t.text in home and (before.endswith(words_in_order("places.home_not_after"))
                               or after.startswith(words_in_order("places.home_not_before"))):
            continue          # 新中国, 中国特色: not the country as a place
        if after[:2] in words("places.not_before"):
            continue          # 非洲猪瘟: a disease
        found.append(Mention(t.start, t.end, "Place", t.text))
    found += [Mention(offset + m.start(1), offset + m.end(1), "Place", m.group(1))
              for m in pattern("places.masked").finditer(text)]
    return found


def not_a_place_prefix(place: str) -> bool:
    """全县, 农村, 城区 ...: the opening of a project's name that is no place of its own."""
    not_places = words("places.not_places")
    return (any(place.startswith(g) for g in words_in_order("places.generic_modifiers"))
            or place[:2] in words("headed.place_prefix_not") or place in not_places or place[-2:] in not_places)


def landform_opening(name: str) -> str | None:
    """The river, lake, mountain or dam whose name opens ``name`` (伊敏河 in 伊敏河景观改造工程), the
    longest one ending on a word boundary, when its words are proper names, numbers, unknown words or
    single characters and one of its characters names no landform; ``None`` when there is none, when
    it is all of ``name``, or when ``name`` is a site's own (a bridge, a scenic area)."""
    if name.endswith(words_in_order("places.facility_heads") + words_in_order("places.site_heads")):
        return None      # 两河圣山旅游景区, 花江峡谷大桥: a site's own name (spec §2), nesting no place
    ends, tags = setting("places.landform_endings"), words("places.landform_word_tags")
    opening, found = "", None
    for token in tokenize(name, 0):
        if len(token.text) > 1 and token.tag not in tags:
            break
        opening += token.text
        if opening.endswith(tuple(ends)) and len(opening) < len(name):
            found = opening
    if found is None or found in words("places.not_landforms") or not set(found) - set(setting("places.landform_chars")):
        return None      # 江河湖 (in 江河湖库治理): landforms of every kind, no one named
    return found


# -- places by shape -----------------------------------------------------------------------------

@dataclass(frozen=True)
class PlaceShape:
    """A place word (``tokens[i]`` ends in ``head``) and the name walked left from it."""
    tokens: tuple[Token, ...]
    i: int
    head: str

    @property
    def token(self) -> Token:
        return self.tokens[self.i]

    @property
    def glued(self) -> bool:
        """The head is glued to its name in one token (海淀区, 伊敏河)."""
        return self.token.text != self.head

    @cached_property
    def walk(self) -> tuple[int, bool]:
        """(the name's first token, whether a proper name stands in it), walking left."""
        tokens, i, token = self.tokens, self.i, self.token
        proper = self.glued and token.tag in words("places.proper_tags")
        j = i
        while j > 0:
            t = tokens[j - 1]
            if stop(t) or token.end - t.start > setting("places.max_name") or _ends_a_name(t):
                break
            if t.tag in words("places.breaking_tags") and not t.text.isdigit():
                # a two-character verb opens a place only before a lone place word (奋斗镇)
                # (援建xx镇: a verb before a proper name is no part of the place's name)
                if not (t.tag in words("places.opening_verb_tags") and len(t.text) == 2 and not self.glued and (
                        (j == i and (j - 1 == 0 or stop(tokens[j - 2]))) or tokens[j - 2].text in lexicon.places())):
                    if not self._names_township_before(j):
                        break
                    proper = True
            j -= 1
            if t.tag in words("places.proper_tags") or t.text in lexicon.places() \
                    or pattern("places.mask").match(t.text) or t.text.isdigit():
                proper = True
        return j, proper

    def _names_township_before(self, j: int) -> bool:
        """奋斗镇胜利村: the two-character verb before ``tokens[j]``, a lone 镇 or 乡 inside the
        name, names that township, and opens the name."""
        tokens = self.tokens
        verb = tokens[j - 1]
        return (j < self.i and tokens[j].text in words("places.township_heads") and len(verb.text) == 2
                and verb.tag in words("places.opening_verb_tags") and (j - 1 == 0 or stop(tokens[j - 2])))

    @property
    def start(self) -> int:
        return self.walk[0]

    @cached_property
    def name(self) -> str:
        return "".join(t.text for t in self.tokens[self.start:self.i + 1])

    @property
    def modifier(self) -> str:
        return self.name[: -len(self.head)]

    @property
    def next_word(self) -> str:
        return self.tokens[self.i + 1].text if self.i + 1 < len(self.tokens) else ""

    @cached_property
    def facility_named_by_common_noun(self) -> bool:
        """农林桥, 天府国际机场: a common word names the bridge or the airport."""
        j, i = self.start, self.i
        return (self.head in words("places.facility_heads") and j < i
                and not self.tokens[i - 1].text.endswith(setting("places.abstract_ending"))
                and all(t.tag in words("places.facility_name_tags") and CJK.search(t.text) for t in self.tokens[j:i]))

    @cached_property
    def township_named_by_common_word(self) -> bool:
        """奋斗镇, 曙光乡, 胜利村: a two-character common word names the township or the village
        (written apart, or as one word that jieba knows as a common noun)."""
        if self.head not in words("places.township_heads"):
            return False
        if self.glued:
            return self.start == self.i and common_word_village(self.token.text, self.token.tag)
        return self.start == self.i - 1 and len(self.tokens[self.start].text) == 2

    @property
    def proper(self) -> bool:
        return self.walk[1] or self.facility_named_by_common_noun or self.township_named_by_common_word


def _ends_a_name(token: Token) -> bool:
    """市农业农村局定点帮扶张家湾村: a bureau's name (农业农村局) or an undertaking's head (帮扶)
    ends where a place's name could begin."""
    head = token_head(token)
    return names_a_bureau(token) or (head is not None and head[0] == token.text
                                     and head[1] in ("Program", "Initiative"))


PLACE: Cascade[PlaceShape] = Cascade("place", default=(True, "proper_name_and_place_word"))


@PLACE.reject
def in_gazetteer(c: PlaceShape) -> bool:
    """The gazetteer finds it (the places finder)."""
    return c.token.text in lexicon.places()


@PLACE.reject
def one_character_head_in_short_word(c: PlaceShape) -> bool:
    """中国人, 全市: a one-character place word glued to a short word or to 人."""
    return c.glued and len(c.head) == 1 and (len(c.token.text) < 3 or setting("places.person_mark") in c.token.text)


@PLACE.reject
def head_character_in_next_word(c: PlaceShape) -> bool:
    """文明乡风: the place character is part of another word."""
    tokens, i = c.tokens, c.i
    return (not c.glued and len(c.head) == 1 and i + 1 < len(tokens) and len(tokens[i + 1].text) == 1
            and bool(CJK.match(tokens[i + 1].text)) and tokens[i + 1].tag not in words("headed.stop_tags"))


@PLACE.reject
def bare_place_word(c: PlaceShape) -> bool:
    """镇, 路: a place word with nothing before it."""
    return c.start == c.i and not c.glued


@PLACE.reject
def village_modifies_next(c: PlaceShape) -> bool:
    """在职村“老三位”, 联建村集体: 村 modifies the noun after it."""
    return (c.head in words("places.village_heads") and not c.glued
            and (c.next_word[:1] == "“" or c.next_word in words("places.village_nouns")))


@PLACE.reject
def not_one_place(c: PlaceShape) -> bool:
    """各乡镇, 10条特色亮点街道: every place or a count of places."""
    return setting("places.every") in c.name or bool(pattern("places.counted").match(c.name))


@PLACE.reject
def no_proper_name(c: PlaceShape) -> bool:
    """美丽乡村, 市民公园: no proper name, place or mask before the place word."""
    return not c.proper


@PLACE.reject
def generic_place_modifier(c: PlaceShape) -> bool:
    """农村公路, 特色小镇, 国际机场: the modifier is one of the generic words (or too short)."""
    return not c.modifier or c.modifier in words("places.generic_modifiers") or len(c.modifier) < 2


@PLACE.reject
def kind_of_area(c: PlaceShape) -> bool:
    """大城市, 旧城区, 整村: a kind of area."""
    return c.name in words("places.not_places")


@PLACE.reject
def generic_place_modifier_ending(c: PlaceShape) -> bool:
    """新建农村公路: the modifier ends in a generic word (城关镇 stays: a township before it)."""
    return any(c.modifier.endswith(g) for g in words("places.generic_modifiers") if len(g) >= 2) \
        and c.modifier[-1] not in words("places.generic_ok_after")


@PLACE.reject
def region_or_goal(c: PlaceShape) -> bool:
    """东北地区机场 (a kind of airport in a region), 旅游名县, 农业强县 (a goal)."""
    return c.modifier.endswith(words_in_order("places.region_endings")) or (
        c.head in words("places.goal_heads") and c.modifier[-1] in words("places.goal_marks"))


@PLACE.accept
def facility_named_by_common_noun(c: PlaceShape) -> bool:
    """农林桥, 天府国际机场."""
    return not c.walk[1] and c.facility_named_by_common_noun


@PLACE.accept
def township_named_by_common_word(c: PlaceShape) -> bool:
    """奋斗镇, 曙光乡, 胜利村."""
    return not c.walk[1] and c.township_named_by_common_word


def place_by_shape(tokens: list[Token], i: int, head: str) -> Mention | None:
    """A place named by a proper name and a place word: 奋斗镇, 河南乡二河村, 哈萨尔大街."""
    candidate = PlaceShape(tuple(tokens), i, head)
    accepted, rule = PLACE.decide(candidate)
    start = tokens[candidate.walk[0]].start if accepted or rule not in _BEFORE_WALK else tokens[i].start
    name = candidate.name if accepted or rule not in _BEFORE_WALK else tokens[i].text
    record(Decision(PLACE.name, start, tokens[i].end, "Place", name, accepted, rule))
    return Mention(start, tokens[i].end, "Place", name) if accepted else None


# Rules decided on the place word alone, before the name is walked.
_BEFORE_WALK = {"in_gazetteer", "one_character_head_in_short_word", "head_character_in_next_word"}
