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

_DOCUMENT = re.compile(r"《([^《》\n]{1,80})》")
_QUOTED = re.compile(r"[“\"]([^“”\"\n]{1,30})[”\"]")
_MASKED_PLACE = re.compile(r"(?<![A-Za-z])([xX×＊*]{1,3}(?:省|市|县|区|旗|镇|乡|村))(?![A-Za-z])")
_MASK = re.compile(r"^[xX×＊*]+$")
_PERSON_BEFORE = re.compile(r"([\u4e00-\u9fa5]{2,3})同志")
_PERSON_TITLE = re.compile(r"(?:省长|市长|区长|县长|镇长|乡长|书记|主任|部长|局长|厅长|主席)[ \u3000]*([\u4e00-\u9fa5]{2,3})(?:同志)?$")
_CJK = re.compile(r"[\u4e00-\u9fa5]")
_COUNTED = re.compile(r"^[xX0-9０-９一二三四五六七八九十百千万两几多]+[个名项家所支条批类大次]")
_SLOGAN = re.compile(r"^[一二三四五六七八九十两]个[\u4e00-\u9fa5]{2}$")
_JURISDICTION = set("省市县区镇乡州旗盟")
_STOP_TAGS = {"q", "p", "c", "u", "uj", "ul", "uv", "ud", "ug", "uz", "r", "y", "e", "o", "x"}
_PROPER_TAGS = {"nr", "nrt", "nrfg", "ns", "nt", "nz", "j", ""}
# A head followed by one of these is a modifier of a longer noun (制度型开放, 改革发展), not a head.
_NEXT_CONTINUES = {"型", "性", "化", "式", "优势", "发展", "理论", "道路", "创新", "开放", "上"}
# Heads whose generic modifiers still name one undertaking (农村低保, 乡村振兴, 村级换届).
_NARROW_HEADS = {"振兴", "攻坚", "攻坚战", "低保", "最低生活保障", "养老保险", "医疗保险", "合作医疗",
                 "护理保险", "换届", "帮扶", "改造", "再开发", "更新", "学习教育", "主题教育", "党日"}
_MAX_NAME = 24
# Verbs that also name an activity between two nouns (农技推广骨干培训班, 人才发展体制).
_NOMINAL_VERBS = {"推广", "建设", "发展", "开发", "创新", "服务", "管理"}


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
    for m in re.finditer(r"“([^“”\n]{1,12})”(规划|纲要)", text):
        found.append(Mention(offset + m.start(1), offset + m.end(), "Document", text[m.start(1):m.end()]))
    return found


# 2. quoted names ----------------------------------------------------------------------------

def _quoted(text: str, offset: int) -> list[Mention]:
    kinds = lexicon.undertaking_kinds()
    by_length = sorted(kinds, key=len, reverse=True)
    found = []
    for m in _QUOTED.finditer(text):
        name = m.group(1).strip()
        if not _CJK.search(name) and not re.search(r"\d", name) or _SLOGAN.match(name):
            continue
        if re.fullmatch(r"十?[一二三四五六七八九]?五|[一五七八十]一", name):
            continue          # “十四五”, “七一”: a plan period or a date, not a name
        after = text[m.end():m.end() + 12]
        if after[:2] in ("规划", "纲要"):
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
        if not type_ and after[:1] in ("和", "与", "、") and _governed(text, m.start(), list_item=True):
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
        if any(b in part for b in ("的", "和", "与", "是", "在")):
            continue
        kind = next((k for k in kinds if part.endswith(k) and len(k) >= 2), "")
        if kind:
            return kind
    return ""


_GOVERNING = re.compile(
    r"(共建|推进|推动|推行|实施|开展|深化|加大|抓好|打造|办好|坚持和发展|坚持|发展|建设|完善|迭代完善|迭代建设|"
    r"培育|启动|实行|落实|创建|探索|加强|强化|包括|举办|参加|参与|开展了|实施了|健全|做好)"
    r"(新时代|新一轮|好|了|新)?$")


def _governed(text: str, quote_at: int, list_item: bool = False) -> bool:
    """A verb of doing stands right before the quote (or before the list it opens)."""
    before = text[max(0, quote_at - 12):quote_at]
    if list_item:
        return bool(_GOVERNING.search(before))
    before = re.sub(r"[“”\"]", "", before)
    return bool(_GOVERNING.search(before))


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
        elif text[end:end + 3].startswith(_NAMED_BLOCKED_AFTER) or text[start - 1:start] == "”":
            continue      # 全面从严治党要求, 乡村振兴中: a modifier; “…”主题教育: the kind of a quote
        clause = re.split(r"[，。；：]", text[end:], maxsplit=1)[0]
        if "等领域" in clause and ("、" in text[start - 1:start] or clause.startswith("、")):
            continue      # 校园餐、高标准农田建设等领域: a field in a list of fields
        found.append(Mention(offset + start, offset + end, type_, name))
    return found


@cache
def _named_kinds() -> tuple[str, ...]:
    """Kind words that a named strategy takes into its name (战略, 行动, 改革 ...), longest first."""
    return tuple(k for k in sorted(lexicon.undertaking_kinds(), key=lambda k: (-len(k), k))
                 if len(k) >= 2 and k not in _NOT_NAMED_KINDS)


_NOT_NAMED_KINDS = {"建设", "工作", "经验", "实践", "品牌", "称号", "常态化", "体系", "政策体系", "规划"}
# A named strategy followed by one of these is a modifier of a longer noun, not the undertaking.
_NAMED_BLOCKED_AFTER = ("要求", "理念", "新理念", "成果", "中", "水平", "道路", "思想", "精神", "进程",
                        "的要求", "意识", "之路", "重要论述", "队", "组")


# 3. names by their head noun ----------------------------------------------------------------

def _stop(token: Token) -> bool:
    """A token that cannot be inside a name (left of its head)."""
    word = token.text
    if word in _boundary():
        return True
    if not _CJK.search(word):
        return not (_MASK.match(word) or word.isdigit() or word in ("（", "）", "(", ")", "+"))
    if token.tag in _STOP_TAGS:
        return True
    if token.tag == "m" and not word.startswith("第") and not word.isdigit():
        return True
    if token.tag in ("q", "d", "v", "ad", "a", "j", "n", "l", "i") and len(word) >= 3 and word.endswith(_verbs()):
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
        if nxt in _NEXT_CONTINUES and type_ != "Organization" or type_ == "Organization" and nxt == "工作":
            continue
        if type_ == "Place":
            mention = _place_by_shape(tokens, i, word)
            if mention:
                found.append(mention)
            continue
        j = _left_edge(tokens, i)
        if type_ == "Organization" and j > 0 and tokens[j - 1].text in ("各", "该", "各级", "有关"):
            continue      # 各镇政府: every body of a kind, not one body
        if word in _SYSTEM_HEADS and j > 1 and tokens[j - 1].text in ("和", "与", "及", "、", "以及") \
                and token.end - tokens[j].start - len(word) <= 4 and _token_head(tokens[j - 2]) is None:
            continue      # 利率形成和传导机制: the second half of a coordinated phrase, not a name
        start, end = tokens[j].start, token.end
        name = text[start - offset:end - offset]
        name, start = _trim_left(name, start)
        if text[start - offset - 1:start - offset] == "”" and type_ in ("Program", "Initiative"):
            continue      # “八七”扶贫攻坚计划: the kind of the quoted name before it, not a name
        if not _specific(name, word, type_, tokens[j:i + 1], nxt):
            continue
        found.append(Mention(start, end, type_, name))
        if type_ == "Program":
            found += _place_prefix(name, start)
    return found


# Words that end in a head character without naming a body: 广大干部, 外交总体布局.
_NOT_HEADS = ("干部", "布局", "格局", "大局", "全局", "开局", "变局", "新局", "结局", "当局", "邮局", "部署", "好局")
_PREFIX_PLACE = re.compile(r"^(?:[\u4e00-\u9fa5]{2,3}?[县镇乡])?[\u4e00-\u9fa5]{2,3}?[村镇乡]")


def _place_prefix(name: str, start: int) -> list[Mention]:
    """The township or village a project's name opens with (北联镇新兴村 in 北联镇新兴村甜玉米加工项目)."""
    m = _PREFIX_PLACE.match(name)
    if not m or m.end() >= len(name) - 1:
        return []
    place = m.group()
    if any(place.startswith(g) for g in _PLACE_GENERIC) or place[:2] in ("全县", "各乡", "各村", "全镇") \
            or place in _NOT_PLACES or place[-2:] in _NOT_PLACES:
        return []
    return [Mention(start, start + len(place), "Place", place)]


def _token_head(token: Token) -> tuple[str, str] | None:
    """The head noun a token ends with; a one-character head must be the whole token or an
    organization/place word of the dictionary (教育部, 海淀区)."""
    word = token.text
    if word.endswith(_NOT_HEADS):
        return None
    table, longest = _head_table()
    for k in range(min(len(word), longest), 0, -1):
        head = word[-k:]
        type_ = table.get(head)
        if type_ is None:
            continue
        if len(head) == 1 and word != head and token.tag not in ("nt", "ns") and not (
                head in _BUREAU and len(word) >= 3 and word[-2] not in "东南西北中内外全总干"):
            continue
        if len(head) == 1 and word == head and type_ == "Organization" and token.tag not in ("n", "ng", "nt", "k", ""):
            continue
        return head, type_
    return None


def _left_edge(tokens: list[Token], i: int) -> int:
    j = i
    while j > 0:
        t = tokens[j - 1]
        if tokens[i].end - t.start > _MAX_NAME:
            break
        if _stop(t):
            # a verb used as a noun between nouns stays inside the name (农技推广骨干培训班)
            if not ((t.tag == "vn" or t.text in _NOMINAL_VERBS) and j - 1 < i and j >= 2 and tokens[j - 2].tag in ("n", "nz", "j", "vn")
                    and not _stop(tokens[j - 2]) and tokens[j].tag in ("n", "nz", "vn", "nt")):
                break
        j -= 1
    return j


_LEADING = re.compile(r"^(?:[xX0-9]+[个名项家所支条批类大人]|新一轮|新时代|国家级|省级|市级|县级|自治区级|"
                      r"年内|今年|去年|当年|全年)")


def _trim_left(name: str, start: int) -> tuple[str, int]:
    while True:
        m = _LEADING.match(name)
        if not m or m.end() >= len(name):
            return name, start
        name, start = name[m.end():], start + m.end()


def _specific(name: str, head: str, type_: str, parts: list[Token], nxt_word: str = "") -> bool:
    if name in _generic() or len(name) < 2 or _COUNTED.match(name):
        return False
    modifier = name[: len(name) - len(head)]
    if type_ in ("Program", "Initiative"):
        if len(modifier) < 2 or (modifier in _generic() and head not in _NARROW_HEADS):
            return False
        if modifier in _boundary() or (head in _WORKS_HEADS and modifier.endswith(("重点", "重大"))):
            return False      # 深化改革 (a verb and the head), 集成电路重点项目 (a class of projects)
        if name.endswith("体制机制") or modifier.startswith(_DETERMINERS) or _ABSTRACT.fullmatch(modifier):
            return False      # 农村工作领导体制机制 (a field's system), 相应管理机制, 深层次改革
        if head in _NARROW_HEADS and modifier.startswith(("企业", "行业")):
            return False      # 企业技术改造, 行业超低排放改造: a kind of work done by a class
        if head in ("改革", "综合改革") and (modifier in lexicon.places() or modifier == "中国"):
            return False      # 中国改革: the reform of a whole place is a field
        if head in _WORKS_HEADS and nxt_word == "标准":
            return False      # 自然灾害防御工程标准: a standard for a class of works
        if head in _WORKS_HEADS and not _proper_part(name, parts[:-1]):
            # 工业项目, 水利工程, 信息化项目: a class of works; a named project has a place or a
            # proper name (北联镇新兴村甜玉米加工项目), a named 工程 a distinguishing phrase of its
            # own (学历提升工程, 文化惠民工程)
            if head == "项目" or len(modifier) < 4:
                return False
        return not modifier.endswith(("等", "的", "类"))
    if type_ == "Organization":
        return _specific_organization(name, head, modifier, parts)
    return True


_WORKS_HEADS = {"项目", "工程"}
_SYSTEM_HEADS = {"机制", "体制", "制度", "体系"}
_DETERMINERS = ("相应", "相关", "有关", "该", "各", "其", "本", "这", "此", "上述")
_ABSTRACT = re.compile(r"(?:[\u4e00-\u9fa5]{1,3}性)+|深层次|全方位|多层次|新一轮|更深层次")


def _proper_part(name: str, parts: list[Token]) -> bool:
    """The name holds a place, a body, a proper noun, a mask or a number: it names one thing."""
    if "xx" in name.lower() or "“" in name:
        return True
    places = lexicon.places()
    return any(t.text in places or t.text in _bodies() or t.tag in ("nr", "nrt", "nrfg", "ns", "nt", "nz")
               or (t.tag == "" and _CJK.search(t.text)) for t in parts)


_BUREAU = set("部厅局委办署")
_NOT_BODY_WORD = re.compile(r"^(?:[东中西南北]+部$|[对非][\u4e00-\u9fa5]{1,2}$)")
_ABSTRACT_ORG = re.compile(r"[\u4e00-\u9fa5]{1,3}[性型][\u4e00-\u9fa5]{0,4}")
_ORDINAL = re.compile(r"^第[一二三四五六七八九十0-9]+")
_SCHOOL_HEADS = {"学校", "中学", "小学", "职业学校", "医院", "幼儿园", "实验小学", "实验中学"}
# Heads of bodies that a field of work names well enough (人才工作领导小组, 换届专班, 互联网党委).
_TEAM_HEADS = {"领导小组", "工作领导小组", "专班", "宣讲团", "督导组", "工作组", "工作站", "服务站", "中心组",
               "党委", "党组", "党支部", "党总支", "党工委", "临时党支部", "管理机构", "子站"}


def _specific_organization(name: str, head: str, modifier: str, parts: list[Token]) -> bool:
    if name in _bodies() or name in lexicon.aliases():
        return True
    if _NOT_BODY_WORD.match(name):
        return False      # 中西部, 对外部, 非银行: a region or a phrase jieba tags as a body
    if not modifier:
        return parts[-1].tag == "nt" and len(name) >= 3
    if modifier in _generic() or re.search(r"[各该本其]|有关|相关", modifier[:2]):
        return False
    if modifier.startswith("区域") or modifier.endswith("副") or _ABSTRACT_ORG.fullmatch(modifier):
        return False      # 区域养老服务中心, 城市副中心, 普惠性幼儿园, 紧密型城市医疗集团: a kind or a hub
    if name[0] in _JURISDICTION and len(modifier) >= 2:
        return True
    if modifier in _JURISDICTION and len(head) >= 2 and head[-1] in _BUREAU:
        return True       # 市人才办, 县组织部: a level and a bureau of it
    if _ORDINAL.match(name) and head in _SCHOOL_HEADS:
        return True       # 第一职业学校, 第三中学: an ordinal names one school
    if any(t.text in _JURISDICTION for t in parts[1:-1]) and len(modifier) >= 2:
        return True       # 齐市广播电视大学: a place name that jieba split before 市
    if head in _TEAM_HEADS and len(modifier) >= 2:
        return True
    if len(head) == 1 and head in _BUREAU and len(modifier) >= 2:
        return True       # 教育部, 农业农村厅: a bureau named by its field
    if "xx" in name.lower() or "“" in name:
        return True
    places = lexicon.places()
    for t in parts[:-1]:
        if t.text in places or t.text in _bodies() or t.text in lexicon.aliases():
            return True
        if t.tag in _PROPER_TAGS and _CJK.search(t.text) and t.tag != "j":
            return True
    if len(head) == 1 and parts[-1].tag == "nt":
        return True      # 教育部, 农业农村厅: a body the dictionary knows
    if len(parts) == 1 and parts[0].tag == "nt" and len(name) >= 3:
        return True
    return False


# 4. items of a list sharing one head: A、B等工程 ---------------------------------------------

_LIST = re.compile(r"((?:[^，。；：、,;:\s]{2,24}、)+[^，。；：、,;:\s]{2,24})等(?:[xX0-9一二三四五六七八九十两多]+[个项大条])?"
                   r"(重点)?(工程|项目|专项行动|行动|活动|改革|试点)")


def _listed(tokens: list[Token], text: str, offset: int) -> list[Mention]:
    found = []
    for m in _LIST.finditer(text):
        type_ = "Initiative" if m.group(3) in ("专项行动", "行动", "活动", "改革") else "Program"
        items = m.group(1).split("、")
        at = m.start(1)
        for n, item in enumerate(items):
            s = at
            at += len(item) + 1
            if n == 0:          # the first item starts after the verb that governs the list
                cut = _first_item_start(item)
                s, item = s + cut, item[cut:]
            if "和" in item and n == len(items) - 1 and type_ == "Program":
                pass
            if len(item) < 3 or _COUNTED.match(item) or _QUANTITY.match(item) or item in _generic() \
                    or not _CJK.search(item):
                continue
            if len(item) < 6 and not _FACILITY.search(item):
                continue      # 机器人、新能源汽车等项目: fields, not named works
            if re.search(r"^(城区|城市|农村|社区|各|全)", item) and not re.search(r"[镇乡村]", item[2:4]):
                continue
            found.append(Mention(offset + s, offset + s + len(item), type_, item))
    return found


_QUANTITY = re.compile(r"^[0-9xX.]+[万千百]?(?:公里|千米|米|亩|平方米|平方公里|座|处|户|套|间|所|条|个|吨|千瓦)")
_FACILITY = re.compile(r"(院|馆|中心|中学|小学|学校|大学|路|桥|街|枢纽|堤防|改造|扩建|新建|厂|站|场|园|所|楼|大厦|"
                       r"工程|项目|公路|铁路|机场|港|码头|水库|电站|基地)$")


def _first_item_start(item: str) -> int:
    best = 0
    for verb in _verbs():
        k = item.rfind(verb)
        if k >= 0 and k + len(verb) > best and k + len(verb) < len(item) - 1:
            best = k + len(verb)
    while best < len(item) and item[best] in "了着":
        best += 1
    return best


# 5. places, bodies, persons -----------------------------------------------------------------

_PLACE_GENERIC = {"农村", "城市", "市民", "人民", "休闲", "口袋", "湿地", "郊野", "森林", "主干", "环城", "城际", "快速", "硬化", "民用", "通用", "支线", "干线", "国际", "区域", "城乡", "城镇", "乡村", "特色", "重点", "中心", "贫困", "新型", "美丽",
                  "和美", "样板", "示范", "先行", "行政", "专业", "自然", "传统", "偏远", "边远", "革命",
                  "老区", "补短", "试点", "街道", "居住", "农业", "工业", "产业", "开发", "高新", "保税",
                  "经济", "风景", "旅游", "历史", "文化", "生态", "美丽宜居", "易地", "搬迁", "安置",
                  "重点镇", "中心镇", "小城", "城关", "社区", "老旧", "高速", "国道", "省道", "县道",
                  "乡道", "村道", "道", "河道", "湖泊", "江河", "山区", "海岛", "园区", "空港", "口岸"}


def _place_by_shape(tokens: list[Token], i: int, head: str) -> Mention | None:
    """A place named by a proper name and a place word: 奋斗镇, 河南乡二河村, 哈萨尔大街."""
    token = tokens[i]
    if token.text in lexicon.places():
        return None               # the gazetteer finds it
    j = i
    proper = False
    if token.text != head:        # the head is glued to its name (海淀区, 伊敏河)
        if len(head) == 1 and (len(token.text) < 3 or "人" in token.text):
            return None
        proper = token.tag in ("ns", "nr", "nrt", "nz", "")
    elif len(head) == 1 and i + 1 < len(tokens) and len(tokens[i + 1].text) == 1 \
            and _CJK.match(tokens[i + 1].text) and tokens[i + 1].tag not in _STOP_TAGS:
        return None               # 文明乡风: the character is part of another word
    while j > 0:
        t = tokens[j - 1]
        if _stop(t) or token.end - t.start > 12:
            break
        if t.tag in ("v", "vn", "a", "ad", "d", "m", "q", "f") and not t.text.isdigit():
            if not (t.tag in ("v", "a") and len(t.text) == 2 and token.text == head and
                    (j - 1 == 0 or _stop(tokens[j - 2]) or tokens[j - 2].text in lexicon.places())):
                break
        j -= 1
        if t.tag in ("ns", "nr", "nrt", "nz", "") or t.text in lexicon.places() or _MASK.match(t.text) \
                or t.text.isdigit():
            proper = True
    if j == i and token.text == head:
        return None
    if not proper and head in _FACILITY_PLACE_HEADS and j < i and not tokens[i - 1].text.endswith("性") and all(
            t.tag in ("n", "nz", "nt", "nr", "ns", "") and _CJK.search(t.text) for t in tokens[j:i]):
        proper = True             # 农林桥, 天府国际机场: a common word names the bridge or the airport
    if token.text == head and head in ("镇", "乡", "村") and j == i - 1 and len(tokens[j].text) == 2:
        proper = True             # 奋斗镇, 曙光乡: a common word names the township
    name = "".join(t.text for t in tokens[j:i + 1])
    modifier = name[: -len(head)]
    nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
    if head in ("村", "镇", "乡") and token.text == head and (nxt[:1] == "“" or nxt in _VILLAGE_NOUNS):
        return None               # 在职村“老三位”, 联建村集体: 村 modifies the noun after it
    if "各" in name or re.match(r"^[0-9xX.]+[条个座处]", name):
        return None               # 各乡镇, 10条特色亮点街道: not one named place
    if not proper or not modifier or modifier in _PLACE_GENERIC or len(modifier) < 2 or name in _NOT_PLACES:
        return None
    if any(modifier.endswith(g) for g in _PLACE_GENERIC if len(g) >= 2) and not modifier[-1] in "镇乡县":
        return None
    if modifier.endswith(("地区", "城市")) or (head in ("县", "市", "镇", "村") and modifier[-1] in "名强大旺"):
        return None               # 东北地区机场 (a kind of airport in a region), 旅游名县 (a goal)
    return Mention(tokens[j].start, token.end, "Place", name)


def _places(tokens: list[Token], text: str, offset: int) -> list[Mention]:
    table = lexicon.places()
    found = []
    for n, t in enumerate(tokens):
        if t.text in _NOT_PLACES or not (t.text in table or t.text in _HOME):
            continue
        before = tokens[n - 1].text if n else ""
        after = tokens[n + 1].text if n + 1 < len(tokens) else ""
        if t.text in _HOME and (before.endswith("新") or after.startswith(("特色", "式", "改革", "梦", "人", "国际", "·"))):
            continue          # 新中国, 中国特色: not the country as a place
        if after[:2] in ("猪瘟",):
            continue
        found.append(Mention(t.start, t.end, "Place", t.text))
    found += [Mention(offset + m.start(1), offset + m.end(1), "Place", m.group(1))
              for m in _MASKED_PLACE.finditer(text)]
    return found


_HOME = {"中国"}
_FACILITY_PLACE_HEADS = {"桥", "大桥", "路", "街", "大街", "机场", "国际机场", "广场", "公园", "步行街", "大道"}
_VILLAGE_NOUNS = {"集体", "干部", "书记", "党组织", "党支部", "两委", "集体经济", "组织", "班子", "级"}
_NOT_PLACES = {"城市", "城区", "老城区", "新城区", "市区", "城中村", "地区", "山区", "辖区", "园区", "社区",
               "城镇", "乡镇", "农村", "港澳", "港澳台", "老区苏区", "大城市", "特大城市", "超大城市",
               "大中城市", "中小城市", "中小城镇", "旧城区", "整村", "全村"}


def _known_bodies(tokens: list[Token]) -> list[Mention]:
    bodies = _bodies()
    aliases = lexicon.aliases()
    found = [Mention(t.start, t.end, "Organization", t.text) for t in tokens
             if t.text in aliases and t.text not in lexicon.places() and len(t.text) >= 2]
    for n, t in enumerate(tokens):
        if t.text in bodies:
            nxt = tokens[n + 1].text if n + 1 < len(tokens) else ""
            if t.text == "中央" and nxt not in ("关于", "的", "和", "、", "，", "决定", "精神", "要求", "部署"):
                continue
            found.append(Mention(t.start, t.end, "Organization", t.text))
    return found


def _persons(text: str, offset: int) -> list[Mention]:
    found = []
    for m in _PERSON_BEFORE.finditer(text):
        name = m.group(1)
        start = m.start(1)
        if len(name) == 3 and name[0] in "以和与及为在是的同向":
            name, start = name[1:], start + 1
        if name[0] in _SURNAMES:
            found.append(Mention(offset + start, offset + start + len(name), "Person", name))
    for m in re.finditer(r"([\u4e00-\u9fa5]{2,3})(?:纪念馆|事迹陈列馆|故居|烈士陵园)", text):
        name = m.group(1)
        if name[0] not in _SURNAMES:
            name = name[1:] if len(name) == 3 and name[1] in _SURNAMES else ""
        if len(name) >= 2:
            s = m.end(1) - len(name)
            found.append(Mention(offset + s, offset + m.end(1), "Person", name))
    m = _PERSON_TITLE.search(text)
    if m:
        found.append(Mention(offset + m.start(1), offset + m.end(1), "Person", m.group(1)))
    return found


_SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
                "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严"
                "覃武戴莫孔向汤习")


# 6. overlaps --------------------------------------------------------------------------------

_PRIORITY = {"Document": 0, "Program": 1, "Initiative": 1, "Organization": 2, "Person": 3, "Place": 4}


def _resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions; some nested ones stay (see module docstring)."""
    ordered = sorted(set(mentions), key=lambda m: (-(m.end - m.start), _PRIORITY[m.type], m.start, m.type))
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
            and inner.name not in _bodies() and len(inner.name) >= 3:
        return True
    if inner.type == "Person" and outer.type == "Place":
        return True
    if outer.type == "Program" and inner.type == "Place" and len(inner.name) >= 3:
        return True       # 农林桥和呼达罕桥改造: the bridges are places of their own
    return False
