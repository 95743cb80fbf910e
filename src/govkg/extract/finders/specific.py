"""Is a name found by its head noun specific enough to name one thing? Two cascades of named rules.

A candidate is a :class:`HeadedName`: the name (its leading counts and 新一轮/县级 trimmed), its
head noun, the head's type, the tokens from the name's left edge to the head, and what stands
around it. The first rule that holds decides (see :mod:`govkg.extract.finders.rules`):

* ``UNDERTAKING`` (Program, Initiative): the part before the head (the modifier) must make it
  one undertaking — not a class (重点项目, 体制改革), a field's system (农村工作领导体制机制), an
  abstract modifier (深层次改革), or works with no place or proper name (水利工程);
* ``ORGANIZATION``: a body needs a jurisdiction prefix (市审计部门), a place, a proper name, a
  mask (xx日报), a team head (人才工作领导小组), a bureau head (教育部), a level and a bureau
  (市人才办) or an ordinal school (第一职业学校).
"""
from __future__ import annotations

from dataclasses import dataclass

from govkg.extract import lexicon
from govkg.extract.finders.rules import Cascade
from govkg.extract.finders.words import (CJK, bodies, boundary, generic, names_a_bureau, pattern, setting,
                                         token_head, words, words_in_order)
from govkg.extract.tokens import Token

__all__ = ["ORGANIZATION", "OTHER", "UNDERTAKING", "HeadedName", "cascade_for"]


@dataclass(frozen=True)
class HeadedName:
    name: str                      # as it will be written (leading counts and levels trimmed)
    head: str                      # the head noun it ends with
    type: str                      # the head's entity type
    parts: tuple[Token, ...]       # the tokens from the left edge to the head (before trimming)
    before: tuple[Token, ...] = ()  # up to two tokens before the left edge, the nearest last
    char_before: str = ""          # the character right before the name
    after: tuple[Token, ...] = ()  # up to two tokens after the head

    @property
    def modifier(self) -> str:
        return self.name[: len(self.name) - len(self.head)]

    @property
    def next_word(self) -> str:
        """The token after the head."""
        return self.after[0].text if self.after else ""


UNDERTAKING: Cascade[HeadedName] = Cascade("undertaking", default=(True, "specific_undertaking"))
ORGANIZATION: Cascade[HeadedName] = Cascade("organization", default=(False, "no_proper_part"))
OTHER: Cascade[HeadedName] = Cascade("other", default=(True, "specific_name"))


def cascade_for(type_: str) -> Cascade[HeadedName]:
    if type_ in ("Program", "Initiative"):
        return UNDERTAKING
    return ORGANIZATION if type_ == "Organization" else OTHER


# -- rules every type starts with --------------------------------------------------------------

def every_body_of_a_kind(c: HeadedName) -> bool:
    """各镇政府, 有关部门: every body of a kind, not one body."""
    return c.type == "Organization" and bool(c.before) and c.before[-1].text in words("headed.every_of_kind")


def second_half_of_coordination(c: HeadedName) -> bool:
    """利率形成和传导机制: a short 机制/制度 name after a coordinator whose conjunct has no head of its
    own — the true name is the whole coordination (公平竞争审查制度和荣誉退休制度 keeps both)."""
    return (c.head in words("headed.system_heads") and len(c.before) == 2
            and c.before[-1].text in words("headed.coordinators")
            and c.parts[-1].end - c.parts[0].start - len(c.head) <= setting("headed.coordinated_max_modifier")
            and token_head(c.before[0]) is None)


def kind_of_a_quote(c: HeadedName) -> bool:
    """“八七”扶贫攻坚计划: the kind of the quoted name right before it, not a name."""
    return c.char_before == setting("headed.closing_quote") and c.type in ("Program", "Initiative")


def name_is_generic(c: HeadedName) -> bool:
    """重点项目, 医疗机构: a class noun of generic_nouns.txt / generic_modifiers.txt."""
    return c.name in generic()


def name_too_short(c: HeadedName) -> bool:
    """A one-character name."""
    return len(c.name) < 2


def name_opens_with_count(c: HeadedName) -> bool:
    """三项改革, x个项目: a count of things, not a name."""
    return bool(pattern("specific.counted").match(c.name))


for _cascade in (UNDERTAKING, ORGANIZATION, OTHER):
    for _rule in (every_body_of_a_kind, second_half_of_coordination, kind_of_a_quote, name_is_generic, name_too_short,
                  name_opens_with_count):
        _cascade.reject(_rule)


# -- undertakings (Program, Initiative) ----------------------------------------------------------

@UNDERTAKING.reject
def modifier_too_short(c: HeadedName) -> bool:
    """新机制: one character before the head does not say which one."""
    return len(c.modifier) < 2


@UNDERTAKING.reject
def generic_modifier(c: HeadedName) -> bool:
    """体制改革, 重大项目; narrow heads (农村低保, 乡村振兴) accept a generic modifier."""
    return c.modifier in generic() and c.head not in words("specific.narrow_heads")


@UNDERTAKING.reject
def modifier_is_boundary_word(c: HeadedName) -> bool:
    """深化改革: a verb and the head."""
    return c.modifier in boundary()


@UNDERTAKING.reject
def works_of_a_class(c: HeadedName) -> bool:
    """集成电路重点项目: a class of projects."""
    return c.head in words("specific.works_heads") and c.modifier.endswith(
        words_in_order("specific.works_class_modifier_ends"))


@UNDERTAKING.reject
def system_of_a_field(c: HeadedName) -> bool:
    """农村工作领导体制机制: the system of a field of work."""
    return c.name.endswith(setting("specific.field_system_end"))


@UNDERTAKING.reject
def determiner_modifier(c: HeadedName) -> bool:
    """相应管理机制, 有关改革: a determiner points at something named elsewhere."""
    return c.modifier.startswith(words_in_order("specific.determiners"))


@UNDERTAKING.reject
def abstract_modifier(c: HeadedName) -> bool:
    """牵引性系统性改革, 深层次改革."""
    return bool(pattern("specific.abstract_modifier").fullmatch(c.modifier))


@UNDERTAKING.reject
def work_done_by_a_class(c: HeadedName) -> bool:
    """企业技术改造, 行业超低排放改造: a narrow head done by a class of actors."""
    return c.head in words("specific.narrow_heads") and c.modifier.startswith(
        words_in_order("specific.class_subjects"))


@UNDERTAKING.reject
def reform_of_a_whole_place(c: HeadedName) -> bool:
    """中国改革: the reform of a whole place is a field."""
    return c.head in words("specific.reform_heads") and (
        c.modifier in lexicon.places() or c.modifier == setting("specific.home_country"))


@UNDERTAKING.reject
def standard_for_works(c: HeadedName) -> bool:
    """自然灾害防御工程标准: a standard for a class of works."""
    return c.head in words("specific.works_heads") and c.next_word == setting("specific.works_standard_follower")


@UNDERTAKING.reject
def works_without_proper_part(c: HeadedName) -> bool:
    """工业项目, 水利工程: a class of works. A named project has a place or a proper name
    (北联镇新兴村甜玉米加工项目), a named 工程 a phrase of 4+ characters of its own (学历提升工程)."""
    return (c.head in words("specific.works_heads") and not _proper_part(c.name, c.parts[:-1])
            and (c.head in words("specific.works_heads_needing_proper_part")
                 or len(c.modifier) < setting("specific.works_min_modifier")))


@UNDERTAKING.reject
def open_modifier(c: HeadedName) -> bool:
    """合作等项目, 各类工程: the modifier ends in 等/的/类."""
    return c.modifier.endswith(words_in_order("specific.open_modifier_ends"))


@UNDERTAKING.reject
def body_acting_on_a_place(c: HeadedName) -> bool:
    """市农业农村局定点帮扶张家湾村: a bureau opens it and a place follows, so the head is the
    bureau's verb and the place its object (区医院120急救中心项目 names a project)."""
    return any(names_a_bureau(t) for t in c.parts[:-1]) and _opens_a_place(c.after)


def _opens_a_place(tokens: tuple[Token, ...]) -> bool:
    """The tokens open a place's name: a known place, or a proper name and a place word."""
    if not tokens:
        return False
    first = tokens[0]
    if first.text in lexicon.places():
        return True
    head = token_head(tokens[1]) if len(tokens) > 1 else None
    return first.tag in words("specific.proper_part_tags") and head is not None and head[1] == "Place" \
        and head[0] == tokens[1].text


def _masked_or_quoted(name: str) -> bool:
    return setting("specific.mask") in name.lower() or setting("specific.open_quote") in name


def _proper_part(name: str, parts: tuple[Token, ...]) -> bool:
    """The name holds a place, a body, a proper noun, a mask or a number: it names one thing."""
    if _masked_or_quoted(name):
        return True
    places, proper_tags = lexicon.places(), words("specific.proper_part_tags")
    return any(t.text in places or t.text in bodies() or t.tag in proper_tags
               or (t.tag == "" and CJK.search(t.text)) for t in parts)


# -- organizations -------------------------------------------------------------------------------

@ORGANIZATION.accept
def known_body(c: HeadedName) -> bool:
    """国务院, 上海交大: known_bodies.txt or the alias table."""
    return c.name in bodies() or c.name in lexicon.aliases()


@ORGANIZATION.reject
def head_counted_by_a_number(c: HeadedName) -> bool:
    """村规民约8部, 电梯6000部, 第一部: a one-character head after a number is its measure word."""
    return len(c.head) == 1 and bool(pattern("organization.number_ending").search(c.modifier))


@ORGANIZATION.reject
def region_or_phrase(c: HeadedName) -> bool:
    """中西部, 对外部, 非银行: a region or a phrase jieba tags as a body."""
    return bool(pattern("organization.not_body_word").match(c.name))


@ORGANIZATION.accept
def bare_head_known_to_dictionary(c: HeadedName) -> bool:
    """A head of 3+ characters with nothing before it that jieba knows as a body."""
    return not c.modifier and c.parts[-1].tag == "nt" and len(c.name) >= 3


@ORGANIZATION.reject
def bare_head(c: HeadedName) -> bool:
    """委员会, 中心: the head alone."""
    return not c.modifier


@ORGANIZATION.reject
def generic_body_modifier(c: HeadedName) -> bool:
    """医疗机构, 重点企业."""
    return c.modifier in generic()


@ORGANIZATION.reject
def determiner_opening(c: HeadedName) -> bool:
    """各部门, 有关单位, 相关机构."""
    return bool(pattern("organization.determiner_opening").search(c.modifier[:2]))


@ORGANIZATION.reject
def preposition_glued_to_level(c: HeadedName) -> bool:
    """全部经村党支部提议: jieba glued the preposition 经 to 村."""
    return bool(pattern("organization.preposition_opening").match(c.name))


@ORGANIZATION.reject
def kind_or_hub(c: HeadedName) -> bool:
    """区域养老服务中心, 城市副中心, 普惠性幼儿园, 紧密型城市医疗集团: a kind of body or a hub."""
    return (c.modifier.startswith(setting("organization.hub_opening"))
            or c.modifier.endswith(setting("organization.hub_ending"))
            or bool(pattern("organization.abstract_modifier").fullmatch(c.modifier)))


@ORGANIZATION.accept
def jurisdiction_prefix(c: HeadedName) -> bool:
    """市审计部门, 县融媒体中心: a level opens the name."""
    return c.name[0] in words("organization.jurisdictions") and len(c.modifier) >= 2


@ORGANIZATION.accept
def level_and_bureau(c: HeadedName) -> bool:
    """市人才办, 县组织部: a level and a bureau of it."""
    return (c.modifier in words("organization.jurisdictions") and len(c.head) >= 2
            and c.head[-1] in words("organization.bureaus"))


@ORGANIZATION.accept
def level_and_its_body(c: HeadedName) -> bool:
    """区医院, 镇派出所: a body each level has one of."""
    return c.modifier in words("organization.jurisdictions") and c.head in words("organization.level_body_heads")


@ORGANIZATION.accept
def ordinal_school(c: HeadedName) -> bool:
    """第一职业学校, 第三中学: an ordinal names one school."""
    return bool(pattern("organization.ordinal").match(c.name)) and c.head in words("organization.school_heads")


@ORGANIZATION.accept
def place_split_before_level(c: HeadedName) -> bool:
    """齐市广播电视大学: a place name that jieba split before 市."""
    return any(t.text in words("organization.jurisdictions") for t in c.parts[1:-1]) and len(c.modifier) >= 2


@ORGANIZATION.accept
def team_of_a_field(c: HeadedName) -> bool:
    """人才工作领导小组, 换届专班, 互联网党委: a field of work names a team well enough."""
    return c.head in words("organization.team_heads") and len(c.modifier) >= 2


@ORGANIZATION.accept
def bureau_of_a_field(c: HeadedName) -> bool:
    """教育部, 农业农村厅: a bureau named by its field."""
    return len(c.head) == 1 and c.head in words("organization.bureaus") and len(c.modifier) >= 2


@ORGANIZATION.accept
def masked_or_quoted(c: HeadedName) -> bool:
    """xx日报社, “红色”宣讲团."""
    return _masked_or_quoted(c.name)


@ORGANIZATION.accept
def registered_company(c: HeadedName) -> bool:
    """绿源农业科技有限公司: a company's registered name, whatever words name it."""
    return c.name.endswith(words_in_order("organization.registered_endings")) and len(c.modifier) >= 4


@ORGANIZATION.accept
def proper_part(c: HeadedName) -> bool:
    """上海农科院, 海拉尔区人民医院: a place, a body, an alias or a proper noun inside."""
    places, proper_tags = lexicon.places(), words("organization.proper_tags")
    for t in c.parts[:-1]:
        if t.text in places or t.text in bodies() or t.text in lexicon.aliases():
            return True
        if t.tag in proper_tags and CJK.search(t.text):
            return True
    return False


@ORGANIZATION.accept
def bureau_known_to_dictionary(c: HeadedName) -> bool:
    """A one-character bureau head on a word jieba knows as a body."""
    return len(c.head) == 1 and c.parts[-1].tag == "nt"


@ORGANIZATION.accept
def body_known_to_dictionary(c: HeadedName) -> bool:
    """One word of 3+ characters that jieba knows as a body."""
    return len(c.parts) == 1 and c.parts[0].tag == "nt" and len(c.name) >= 3
