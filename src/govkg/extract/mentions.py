"""Find entity mentions in one statement, each with exact offsets into the report text.

The steps, each a function below:

1. ``_documents``: titles in 《》 (and a quoted name followed by 规划/纲要: “十四五”规划).
2. ``_quoted``: a quoted name is an undertaking when its kind follows (“X”实践活动, “X”工程), when
   a verb of doing governs it (推进“X”), or when it ends in a head noun itself (“产业链改造”).
3. ``_headed``: a name that ends in a head noun of the lexicons (工程, 改革, 制度, 委员会, 镇 ...)
   runs left from the head until a boundary word (a verb, adverb, function word, count or
   punctuation; ``boundary_words.txt``), so leading verbs and counts stay out. The part before
   the head must make it specific: generic class nouns (乡镇, 企业) and fields of work are not
   entities, organizations need a jurisdiction prefix, a place, a proper name or a mask (xx).
4. ``_listed``: the items of ``A、B等工程`` take the type of the shared head.
5. ``_places`` (gazetteer, masked xx县, and places by shape: a proper name + 镇/村/社区/路 ...),
   ``_bodies`` (党中央, 国务院 ...), ``_persons`` (X同志, a title and a name, X纪念馆).
6. ``_resolve_overlaps``: the longest mention wins; a place, organization or person that opens a
   longer Program, or a person inside a memorial's name, is kept as an entity of its own.
"""
from __future__ import annotations

import re
from functools import cache

from govkg.extract import lexicon
from govkg.extract.tokens import Token, tokenize
from govkg.model import Mention, Statement

__all__ = ["find_mentions"]

# Structure, not vocabulary: the words and patterns of each rule are in data/lexicon/mentions.toml.
_DOCUMENT = re.compile(r"《([^《》\n]{1,80})》")
_QUOTED = re.compile(r"[“\"]([^“”\"\n]{1,30})[”\"]")
_CJK = re.compile(r"[\u4e00-\u9fa5]")


def _words(key: str) -> frozenset[str]:
    return lexicon.rule_words("mentions", key)


def _words_in_order(key: str) -> tuple[str, ...]:
    return lexicon.rule_words_in_order("mentions", key)


def _pattern(key: str) -> re.Pattern:
    return lexicon.rule_pattern("mentions", key)


def _setting(key: str):
    return lexicon.rule_setting("mentions", key)


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in words)


@cache
def _heads() -> list[tuple[str, str]]:
    """(head, type) pairs, longest head first."""
    rows = [(h, "Program") for h in lexicon.words("program_heads")]
    rows += [(h, "Initiative") for h in lexicon.words("initiative_heads")]
    rows += [(h, "Organization") for h in lexicon.words("organization_suffixes")]
    rows += [(h, "Place") for h in lexicon.words("place_suffixes")]
    return sorted(rows, key=lambda r: (-len(r[0]), r[0]))


@cache
def _head_table() -> tuple[dict[str, str], int]:
    table: dict[str, str] = {}
    for head, type_ in _heads():
        table.setdefault(head, type_)
    return table, max(map(len, table))


@cache
def _boundary() -> frozenset[str]:
    return frozenset(lexicon.words("boundary_words"))


@cache
def _verbs() -> tuple[str, ...]:
    """Boundary verbs of two or more characters, for tokens that glue an adverb to a verb."""
    return tuple(w for w in lexicon.words("boundary_words") if len(w) >= 2)


@cache
def _generic() -> frozenset[str]:
    return frozenset(lexicon.words("generic_nouns")) | frozenset(lexicon.words("generic_modifiers"))


@cache
def _bodies() -> frozenset[str]:
    return frozenset(lexicon.words("known_bodies"))


def find_mentions(statement: Statement) -> list[Mention]:
    text, offset = statement.text, statement.start
    tokens = tokenize(text, offset)
    found: list[Mention] = []
    found += _documents(text, offset)
    found += _quoted(text, offset)
    found += _headed(tokens, text, offset)
    found += _listed(tokens, text, offset)
    found += _named(text, offset)
    found += _places(tokens, text, offset)
    found += _known_bodies(tokens)
    found += _persons(text, offset)
    return _resolve_overlaps(found)


# 1. documents -------------------------------------------------------------------------------

def _documents(text: str, offset: int) -> list[Mention]:
    found = [Mention(offset + m.start(1), offset + m.end(1), "Document", m.group(1).strip())
             for m in _DOCUMENT.finditer(text) if m.group(1).strip()]
    for m in _quoted_plan().finditer(text):
        found.append(Mention(offset + m.start(1), offset + m.end(), "Document", text[m.start(1):m.end()]))
    return found


@cache
def _quoted_plan() -> re.Pattern:
    return re.compile(r"“([^“”\n]{1,12})”(" + _alternatives(_words_in_order("documents.quoted_plan_kinds")) + ")")


# 2. quoted names ----------------------------------------------------------------------------

def _quoted(text: str, offset: int) -> list[Mention]:
    kinds = lexicon.undertaking_kinds()
    by_length = sorted(kinds, key=len, reverse=True)
    found = []
    for m in _QUOTED.finditer(text):
        name = m.group(1).strip()
        if not _CJK.search(name) and not re.search(r"\d", name) or _pattern("quoted.slogan").match(name):
            continue
        if _pattern("quoted.period_or_date").fullmatch(name):
            continue          # “十四五”, “七一”: a plan period or a date, not a name
        after = text[m.end():m.end() + 12]
        if after[:2] in _words("documents.quoted_plan_kinds"):
            continue
        kind = next((k for k in by_length if after.startswith(k)), "")
        if not kind:
            kind = _chunk_kind(after, by_length)
        type_ = kinds.get(kind, "")
        head = _head_of(name)
        if not type_ and head and head[1] in ("Program", "Initiative") and len(name) > len(head[0]):
            type_ = head[1]
        if not type_ and _governed(text, m.start()) and not _modifies_next(after):
            type_ = "Initiative"
        if not type_ and after[:1] in _words("quoted.list_joiners") and _governed(text, m.start(), list_item=True):
            type_ = "Initiative"
        if type_:
            found.append(Mention(offset + m.start(1), offset + m.end(1), type_, name, kind))
    return found


def _modifies_next(after: str) -> bool:
    """A noun follows the quote, which the quoted phrase modifies (培育“三型”职业农民, 解决好“三农”问题):
    the quote names a kind of that noun, not an undertaking (a verb after it does not count:
    加大“走流程”推进力度)."""
    words = tokenize(after[:8]) if after[:1] and _CJK.match(after[:1]) else []
    return bool(words) and words[0].tag.startswith("n") and words[0].tag != "nr" and len(words[0].text) >= 2


def _chunk_kind(after: str, kinds: list[str]) -> str:
    """The kind that ends the short noun chunk right after a quote (“八七”扶贫攻坚计划 -> 计划)."""
    chunk = re.match(r"[\u4e00-\u9fa5]{1,8}", after)
    if not chunk:
        return ""
    words = chunk.group()
    for end in range(len(words), 1, -1):
        part = words[:end]
        if any(b in part for b in _words_in_order("quoted.chunk_breakers")):
            continue
        kind = next((k for k in kinds if part.endswith(k) and len(k) >= 2), "")
        if kind:
            return kind
    return ""


@cache
def _governing() -> re.Pattern:
    """A verb of doing (and a word after it) that ends the text before a quote."""
    return re.compile("(" + _alternatives(_words_in_order("quoted.governing_verbs")) + ")"
                      "(" + _alternatives(_words_in_order("quoted.governing_suffixes")) + ")?$")


def _governed(text: str, quote_at: int, list_item: bool = False) -> bool:
    """A verb of doing stands right before the quote (or before the list it opens)."""
    before = text[max(0, quote_at - 12):quote_at]
    if list_item:
        return bool(_governing().search(before))
    before = re.sub(r"[“”\"]", "", before)
    return bool(_governing().search(before))


def _head_of(name: str) -> tuple[str, str] | None:
    table, longest = _head_table()
    for k in range(min(len(name), longest), 0, -1):
        if name[-k:] in table:
            return name[-k:], table[name[-k:]]
    return None


# 2b. named strategies and campaigns without a head noun (健康中国, 简政放权) ------------------

@cache
def _named_automaton():
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for name, type_ in lexicon.named_initiatives().items():
        automaton.add_word(name, (name, type_))
    automaton.make_automaton()
    return automaton


def _named(text: str, offset: int) -> list[Mention]:
    """Entries of ``named_initiatives.txt`` in the text, the longest at a place, no overlaps."""
    automaton = _named_automaton()
    if not len(automaton):
        return []
    hits = sorted(((end - len(name) + 1, end + 1, name, type_) for end, (name, type_) in automaton.iter(text)),
                  key=lambda h: (h[0], -(h[1] - h[0])))
    found, taken = [], -1
    for start, end, name, type_ in hits:
        if start < taken:
            continue
        taken = end
        kind = next((k for k in _named_kinds() if text.startswith(k, end)), "")
        if kind:          # 藏粮于地、藏粮于技战略, 健康中国行动: the name runs over its kind
            end, type_, name = end + len(kind), lexicon.undertaking_kinds()[kind], name + kind
            taken = end
        elif text[end:end + 3].startswith(_words_in_order("named.modifier_followers")) or text[start - 1:start] == "”":
            continue      # 全面从严治党要求, 乡村振兴中: a modifier; “…”主题教育: the kind of a quote
        clause = re.split(r"[，。；：]", text[end:], maxsplit=1)[0]
        if _setting("named.field_list_marker") in clause and ("、" in text[start - 1:start] or clause.startswith("、")):
            continue      # 校园餐、高标准农田建设等领域: a field in a list of fields
        found.append(Mention(offset + start, offset + end, type_, name))
    return found


@cache
def _named_kinds() -> tuple[str, ...]:
    """Kind words that a named strategy takes into its name (战略, 行动, 改革 ...), longest first."""
    return tuple(k for k in sorted(lexicon.undertaking_kinds(), key=lambda k: (-len(k), k))
                 if len(k) >= 2 and k not in _words("named.kinds_not_taken"))


# 3. names by their head noun ----------------------------------------------------------------

def _stop(token: Token) -> bool:
    """A token that cannot be inside a name (left of its head)."""
    word = token.text
    if word in _boundary():
        return True
    if not _CJK.search(word):
        return not (_pattern("places.mask").match(word) or word.isdigit() or word in _words("headed.inner_marks"))
    if token.tag in _words("headed.stop_tags"):
        return True
    if token.tag == "m" and not word.startswith("第") and not word.isdigit():
        return True
    if token.tag in _words("headed.glued_verb_tags") and len(word) >= 3 and word.endswith(_verbs()):
        return True
    return False


def _headed(tokens: list[Token], text: str, offset: int) -> list[Mention]:
    found = []
    for i, token in enumerate(tokens):
        head = _token_head(token)
        if head is None:
            continue
        word, type_ = head
        nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
        if nxt in _words("headed.head_continues") and type_ != "Organization" \
                or type_ == "Organization" and nxt == _setting("headed.organization_field"):
            continue
        if type_ == "Place":
            mention = _place_by_shape(tokens, i, word)
            if mention:
                found.append(mention)
            continue
        j = _left_edge(tokens, i)
        if type_ == "Organization" and j > 0 and tokens[j - 1].text in _words("headed.every_of_kind"):
            continue      # 各镇政府: every body of a kind, not one body
        if word in _words("headed.system_heads") and j > 1 and tokens[j - 1].text in _words("headed.coordinators") \
                and token.end - tokens[j].start - len(word) <= _setting("headed.coordinated_max_modifier") \
                and _token_head(tokens[j - 2]) is None:
            continue      # 利率形成和传导机制: the second half of a coordinated phrase, not a name
        start, end = tokens[j].start, token.end
        name = text[start - offset:end - offset]
        name, start = _trim_left(name, start)
        if text[start - offset - 1:start - offset] == _setting("headed.closing_quote") and type_ in ("Program", "Initiative"):
            continue      # “八七”扶贫攻坚计划: the kind of the quoted name before it, not a name
        if not _specific(name, word, type_, tokens[j:i + 1], nxt):
            continue
        found.append(Mention(start, end, type_, name))
        if type_ == "Program":
            found += _place_prefix(name, start)
    return found




def _place_prefix(name: str, start: int) -> list[Mention]:
    """The township or village a project's name opens with (北联镇新兴村 in 北联镇新兴村甜玉米加工项目)."""
    m = _pattern("headed.place_prefix").match(name)
    if not m or m.end() >= len(name) - 1:
        return []
    place = m.group()
    not_places = _words("places.not_places")
    if any(place.startswith(g) for g in _words_in_order("places.generic_modifiers")) \
            or place[:2] in _words("headed.place_prefix_not") or place in not_places or place[-2:] in not_places:
        return []
    return [Mention(start, start + len(place), "Place", place)]


def _token_head(token: Token) -> tuple[str, str] | None:
    """The head noun a token ends with; a one-character head must be the whole token or an
    organization/place word of the dictionary (教育部, 海淀区)."""
    word = token.text
    if word.endswith(_words_in_order("headed.not_heads")):
        return None
    table, longest = _head_table()
    for k in range(min(len(word), longest), 0, -1):
        head = word[-k:]
        type_ = table.get(head)
        if type_ is None:
            continue
        if len(head) == 1 and word != head and token.tag not in ("nt", "ns") and not (
                head in _words("organization.bureaus") and len(word) >= 3
                and word[-2] not in _words("headed.not_bureau_before")):
            continue
        if len(head) == 1 and word == head and type_ == "Organization" \
                and token.tag not in _words("organization.lone_head_tags"):
            continue
        return head, type_
    return None


def _left_edge(tokens: list[Token], i: int) -> int:
    j = i
    while j > 0:
        t = tokens[j - 1]
        if tokens[i].end - t.start > _setting("headed.max_name"):
            break
        if _stop(t) and not _nominal_verb(tokens, j - 1, i):
            break
        j -= 1
    return j


def _nominal_verb(tokens: list[Token], k: int, i: int) -> bool:
    """A verb used as a noun between nouns stays inside the name (农技推广骨干培训班)."""
    t = tokens[k]
    return ((t.tag in _words("headed.nominal_verb_tags") or t.text in _words("headed.nominal_verbs")) and k < i
            and k >= 1 and tokens[k - 1].tag in _words("headed.noun_tags_before_nominal")
            and not _stop(tokens[k - 1]) and tokens[k + 1].tag in _words("headed.noun_tags_after_nominal"))


def _trim_left(name: str, start: int) -> tuple[str, int]:
    while True:
        m = _pattern("headed.leading").match(name)
        if not m or m.end() >= len(name):
            return name, start
        name, start = name[m.end():], start + m.end()


def _specific(name: str, head: str, type_: str, parts: list[Token], nxt_word: str = "") -> bool:
    if name in _generic() or len(name) < 2 or _pattern("specific.counted").match(name):
        return False
    modifier = name[: len(name) - len(head)]
    narrow, works = _words("specific.narrow_heads"), _words("specific.works_heads")
    if type_ in ("Program", "Initiative"):
        if len(modifier) < 2 or (modifier in _generic() and head not in narrow):
            return False
        if modifier in _boundary() or (head in works and modifier.endswith(_words_in_order("specific.works_class_modifier_ends"))):
            return False      # 深化改革 (a verb and the head), 集成电路重点项目 (a class of projects)
        if name.endswith(_setting("specific.field_system_end")) \
                or modifier.startswith(_words_in_order("specific.determiners")) \
                or _pattern("specific.abstract_modifier").fullmatch(modifier):
            return False      # 农村工作领导体制机制 (a field's system), 相应管理机制, 深层次改革
        if head in narrow and modifier.startswith(_words_in_order("specific.class_subjects")):
            return False      # 企业技术改造, 行业超低排放改造: a kind of work done by a class
        if head in _words("specific.reform_heads") and (modifier in lexicon.places()
                                                         or modifier == _setting("specific.home_country")):
            return False      # 中国改革: the reform of a whole place is a field
        if head in works and nxt_word == _setting("specific.works_standard_follower"):
            return False      # 自然灾害防御工程标准: a standard for a class of works
        if head in works and not _proper_part(name, parts[:-1]):
            # 工业项目, 水利工程, 信息化项目: a class of works; a named project has a place or a
            # proper name (北联镇新兴村甜玉米加工项目), a named 工程 a distinguishing phrase of its
            # own (学历提升工程, 文化惠民工程)
            if head in _words("specific.works_heads_needing_proper_part") \
                    or len(modifier) < _setting("specific.works_min_modifier"):
                return False
        return not modifier.endswith(_words_in_order("specific.open_modifier_ends"))
    if type_ == "Organization":
        return _specific_organization(name, head, modifier, parts)
    return True


def _proper_part(name: str, parts: list[Token]) -> bool:
    """The name holds a place, a body, a proper noun, a mask or a number: it names one thing."""
    if _setting("specific.mask") in name.lower() or _setting("specific.open_quote") in name:
        return True
    places, proper_tags = lexicon.places(), _words("specific.proper_part_tags")
    return any(t.text in places or t.text in _bodies() or t.tag in proper_tags
               or (t.tag == "" and _CJK.search(t.text)) for t in parts)


def _specific_organization(name: str, head: str, modifier: str, parts: list[Token]) -> bool:
    if name in _bodies() or name in lexicon.aliases():
        return True
    if _pattern("organization.not_body_word").match(name):
        return False      # 中西部, 对外部, 非银行: a region or a phrase jieba tags as a body
    if not modifier:
        return parts[-1].tag == "nt" and len(name) >= 3
    if modifier in _generic() or _pattern("organization.determiner_opening").search(modifier[:2]):
        return False
    if modifier.startswith(_setting("organization.hub_opening")) or modifier.endswith(_setting("organization.hub_ending")) \
            or _pattern("organization.abstract_modifier").fullmatch(modifier):
        return False      # 区域养老服务中心, 城市副中心, 普惠性幼儿园, 紧密型城市医疗集团: a kind or a hub
    jurisdictions, bureaus = _words("organization.jurisdictions"), _words("organization.bureaus")
    if name[0] in jurisdictions and len(modifier) >= 2:
        return True
    if modifier in jurisdictions and len(head) >= 2 and head[-1] in bureaus:
        return True       # 市人才办, 县组织部: a level and a bureau of it
    if _pattern("organization.ordinal").match(name) and head in _words("organization.school_heads"):
        return True       # 第一职业学校, 第三中学: an ordinal names one school
    if any(t.text in jurisdictions for t in parts[1:-1]) and len(modifier) >= 2:
        return True       # 齐市广播电视大学: a place name that jieba split before 市
    if head in _words("organization.team_heads") and len(modifier) >= 2:
        return True
    if len(head) == 1 and head in bureaus and len(modifier) >= 2:
        return True       # 教育部, 农业农村厅: a bureau named by its field
    if _setting("specific.mask") in name.lower() or _setting("specific.open_quote") in name:
        return True
    places, proper_tags = lexicon.places(), _words("organization.proper_tags")
    for t in parts[:-1]:
        if t.text in places or t.text in _bodies() or t.text in lexicon.aliases():
            return True
        if t.tag in proper_tags and _CJK.search(t.text):
            return True
    if len(head) == 1 and parts[-1].tag == "nt":
        return True      # 教育部, 农业农村厅: a body the dictionary knows
    if len(parts) == 1 and parts[0].tag == "nt" and len(name) >= 3:
        return True
    return False


# 4. items of a list sharing one head: A、B等工程 ---------------------------------------------

@cache
def _list_pattern() -> re.Pattern:
    return re.compile(r"((?:[^，。；：、,;:\s]{2,24}、)+[^，。；：、,;:\s]{2,24})等(?:[xX0-9一二三四五六七八九十两多]+[个项大条])?"
                      r"(重点)?(" + _alternatives(_words_in_order("listed.kinds_in_order")) + ")")


def _listed(tokens: list[Token], text: str, offset: int) -> list[Mention]:
    found = []
    for m in _list_pattern().finditer(text):
        type_ = "Initiative" if m.group(3) in _words("listed.initiative_kinds") else "Program"
        items = m.group(1).split("、")
        at = m.start(1)
        for n, item in enumerate(items):
            s = at
            at += len(item) + 1
            if n == 0:          # the first item starts after the verb that governs the list
                cut = _first_item_start(item)
                s, item = s + cut, item[cut:]
            if len(item) < 3 or _pattern("specific.counted").match(item) or _pattern("listed.quantity").match(item) \
                    or item in _generic() or not _CJK.search(item):
                continue
            if len(item) < _setting("listed.short_item") and not _pattern("listed.facility").search(item):
                continue      # 机器人、新能源汽车等项目: fields, not named works
            if _pattern("listed.area_opening").search(item) and not _pattern("listed.area_named").search(item[2:4]):
                continue
            found.append(Mention(offset + s, offset + s + len(item), type_, item))
    return found


def _first_item_start(item: str) -> int:
    best = 0
    for verb in _verbs():
        k = item.rfind(verb)
        if k >= 0 and k + len(verb) > best and k + len(verb) < len(item) - 1:
            best = k + len(verb)
    while best < len(item) and item[best] in _words("listed.aspect_particles"):
        best += 1
    return best


# 5. places, bodies, persons -----------------------------------------------------------------

def _place_by_shape(tokens: list[Token], i: int, head: str) -> Mention | None:
    """A place named by a proper name and a place word: 奋斗镇, 河南乡二河村, 哈萨尔大街."""
    token = tokens[i]
    if token.text in lexicon.places():
        return None               # the gazetteer finds it
    j = i
    proper = False
    proper_tags, mask = _words("places.proper_tags"), _pattern("places.mask")
    if token.text != head:        # the head is glued to its name (海淀区, 伊敏河)
        if len(head) == 1 and (len(token.text) < 3 or _setting("places.person_mark") in token.text):
            return None
        proper = token.tag in proper_tags
    elif len(head) == 1 and i + 1 < len(tokens) and len(tokens[i + 1].text) == 1 \
            and _CJK.match(tokens[i + 1].text) and tokens[i + 1].tag not in _words("headed.stop_tags"):
        return None               # 文明乡风: the character is part of another word
    while j > 0:
        t = tokens[j - 1]
        if _stop(t) or token.end - t.start > _setting("places.max_name"):
            break
        if t.tag in _words("places.breaking_tags") and not t.text.isdigit():
            if not (t.tag in _words("places.opening_verb_tags") and len(t.text) == 2 and token.text == head and
                    (j - 1 == 0 or _stop(tokens[j - 2]) or tokens[j - 2].text in lexicon.places())):
                break
        j -= 1
        if t.tag in proper_tags or t.text in lexicon.places() or mask.match(t.text) or t.text.isdigit():
            proper = True
    if j == i and token.text == head:
        return None
    if not proper and head in _words("places.facility_heads") and j < i \
            and not tokens[i - 1].text.endswith(_setting("places.abstract_ending")) \
            and all(t.tag in _words("places.facility_name_tags") and _CJK.search(t.text) for t in tokens[j:i]):
        proper = True             # 农林桥, 天府国际机场: a common word names the bridge or the airport
    if token.text == head and head in _words("places.township_heads") and j == i - 1 and len(tokens[j].text) == 2:
        proper = True             # 奋斗镇, 曙光乡: a common word names the township
    name = "".join(t.text for t in tokens[j:i + 1])
    modifier = name[: -len(head)]
    nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
    if head in _words("places.village_heads") and token.text == head \
            and (nxt[:1] == "“" or nxt in _words("places.village_nouns")):
        return None               # 在职村“老三位”, 联建村集体: 村 modifies the noun after it
    if _setting("places.every") in name or _pattern("places.counted").match(name):
        return None               # 各乡镇, 10条特色亮点街道: not one named place
    generic = _words("places.generic_modifiers")
    if not proper or not modifier or modifier in generic or len(modifier) < 2 or name in _words("places.not_places"):
        return None
    if any(modifier.endswith(g) for g in generic if len(g) >= 2) and not modifier[-1] in _words("places.generic_ok_after"):
        return None
    if modifier.endswith(_words_in_order("places.region_endings")) \
            or (head in _words("places.goal_heads") and modifier[-1] in _words("places.goal_marks")):
        return None               # 东北地区机场 (a kind of airport in a region), 旅游名县 (a goal)
    return Mention(tokens[j].start, token.end, "Place", name)


def _places(tokens: list[Token], text: str, offset: int) -> list[Mention]:
    table = lexicon.places()
    found = []
    not_places, home = _words("places.not_places"), _words("places.home")
    for n, t in enumerate(tokens):
        if t.text in not_places or not (t.text in table or t.text in home):
            continue
        before = tokens[n - 1].text if n else ""
        after = tokens[n + 1].text if n + 1 < len(tokens) else ""
        if t.text in home and (before.endswith(_words_in_order("places.home_not_after"))
                               or after.startswith(_words_in_order("places.home_not_before"))):
            continue          # 新中国, 中国特色: not the country as a place
        if after[:2] in _words("places.not_before"):
            continue
        found.append(Mention(t.start, t.end, "Place", t.text))
    found += [Mention(offset + m.start(1), offset + m.end(1), "Place", m.group(1))
              for m in _pattern("places.masked").finditer(text)]
    return found


def _known_bodies(tokens: list[Token]) -> list[Mention]:
    bodies = _bodies()
    aliases = lexicon.aliases()
    found = [Mention(t.start, t.end, "Organization", t.text) for t in tokens
             if t.text in aliases and t.text not in lexicon.places() and len(t.text) >= 2]
    for n, t in enumerate(tokens):
        if t.text in bodies:
            nxt = tokens[n + 1].text if n + 1 < len(tokens) else ""
            if t.text == _setting("bodies.central") and nxt not in _words("bodies.central_followers"):
                continue
            found.append(Mention(t.start, t.end, "Organization", t.text))
    return found


def _persons(text: str, offset: int) -> list[Mention]:
    found = []
    surnames = _words("persons.surnames")
    for m in _pattern("persons.before_comrade").finditer(text):
        name = m.group(1)
        start = m.start(1)
        if len(name) == 3 and name[0] in _words("persons.function_openers"):
            name, start = name[1:], start + 1
        if name[0] in surnames:
            found.append(Mention(offset + start, offset + start + len(name), "Person", name))
    for m in _memorial().finditer(text):
        name = m.group(1)
        if name[0] not in surnames:
            name = name[1:] if len(name) == 3 and name[1] in surnames else ""
        if len(name) >= 2:
            s = m.end(1) - len(name)
            found.append(Mention(offset + s, offset + m.end(1), "Person", name))
    m = _person_title().search(text)
    if m:
        found.append(Mention(offset + m.start(1), offset + m.end(1), "Person", m.group(1)))
    return found


@cache
def _memorial() -> re.Pattern:
    """The name before a memorial hall, a former residence or a cemetery (毛岸青纪念馆)."""
    return re.compile(r"([\u4e00-\u9fa5]{2,3})(?:" + _alternatives(_words_in_order("persons.memorials")) + ")")


@cache
def _person_title() -> re.Pattern:
    """A title and a name at the end of a statement (县长 王明)."""
    return re.compile(r"(?:" + _alternatives(_words_in_order("persons.titles")) + r")[ \u3000]*([\u4e00-\u9fa5]{2,3})(?:同志)?$")


# 6. overlaps --------------------------------------------------------------------------------


def _resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions; some nested ones stay (see module docstring)."""
    priority = _setting("overlaps.priority")
    ordered = sorted(set(mentions), key=lambda m: (-(m.end - m.start), priority[m.type], m.start, m.type))
    kept: list[Mention] = []
    for m in ordered:
        clash = [k for k in kept if k.start < m.end and m.start < k.end]
        if not clash or all(_may_nest(m, k) for k in clash):
            kept.append(m)
    return sorted(kept, key=lambda m: (m.start, m.end, m.type))


def _may_nest(inner: Mention, outer: Mention) -> bool:
    if not (outer.start <= inner.start and inner.end <= outer.end) or inner == outer:
        return False
    if outer.type == "Program" and inner.start == outer.start and inner.type in ("Place", "Organization"):
        return True
    if outer.type == "Organization" and inner.start == outer.start and inner.type == "Organization" \
            and inner.name not in _bodies() and len(inner.name) >= _setting("overlaps.nested_organization_min"):
        return True
    if inner.type == "Person" and outer.type == "Place":
        return True
    if outer.type == "Program" and inner.type == "Place" and len(inner.name) >= _setting("overlaps.nested_place_min"):
        return True       # 农林桥和呼达罕桥改造: the bridges are places of their own
    return False
