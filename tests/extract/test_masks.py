"""masks: other spellings of a mask (某某大学, ××县, XX市) read as the corpus's x's, and the names
found keep the report's own characters.

The property that matters: what is found in a sentence does not depend on how its masks are
spelled, for the rules and for the shipped model alike."""
import pytest

from govkg.extract import RULES, extract
from govkg.extract.masks import as_written, read_masks
from govkg.model import Report


@pytest.mark.parametrize("text, read", [
    ("与某某大学签订合作协议", "与xx大学签订合作协议"),
    ("××县投入××万元", "xx县投入xx万元"),
    ("XX市和ＸＸ镇", "xx市和xx镇"),
    ("某县某镇某公司", "x县x镇x公司"),
    ("李某某带领群众", "李xx带领群众"),
])
def test_masks_read_as_x(text, read):
    assert read_masks(text) == read
    assert len(read_masks(text)) == len(text)


@pytest.mark.parametrize("text", [
    "某些地方存在某种问题，某个环节",     # 某 as a word of its own
    "二〇〇八年，二○○○年",               # zeros, not masks
    "1+X证书，软X射线，**重点**",           # a single X; Markdown's stars
])
def test_what_is_no_mask_is_left_alone(text):
    assert read_masks(text) == text


def test_a_name_goes_back_to_the_reports_characters():
    assert as_written("xx大学", "xx大学", "某某大学") == "某某大学"
    assert as_written("xx红旗村", "“xx红旗村”", "“××红旗村”") == "××红旗村"    # quotes left out
    assert as_written("乡村振兴", "xx乡村振兴", "某某乡村振兴") == "乡村振兴"


SENTENCES = {
    "cooperation": "与{m}大学签订人才合作协议，共建乡村振兴研究院。",
    "company": "引进{m}农业科技有限公司，建成蔬菜产业园。",
    "branch": "{m}村党支部书记带领群众发展特色产业。",
    "bureau": "会同{m}县财政局出台《关于加强村级组织运转经费保障的通知》。",
}
SPELLINGS = {"mou": "某某", "times": "××", "upper": "XX", "fullwidth": "ＸＸ"}


def _found(sentence: str, model: str | None, spelling: str = "xx"):
    """Entities (type, name, scoped?) and relations (head, type, tail), names with masks as xx."""
    ex = extract(Report(doc="t.txt", text=sentence, sha256="", author="xx县人民政府"), model)
    names = {e.id: e.name.replace(spelling, "xx") for e in ex.entities}
    return ({(e.type, names[e.id], bool(e.scope)) for e in ex.entities},
            {(names[r.head], r.type, names[r.tail]) for r in ex.relations})


@pytest.mark.parametrize("model", [RULES, None], ids=["rules", "model"])
@pytest.mark.parametrize("spelling", SPELLINGS.values(), ids=SPELLINGS.keys())
@pytest.mark.parametrize("template", SENTENCES.values(), ids=SENTENCES.keys())
def test_what_is_found_does_not_depend_on_how_masks_are_spelled(template, spelling, model):
    assert _found(template.format(m=spelling), model, spelling) == _found(template.format(m="xx"), model)


@pytest.mark.parametrize("spelling", SPELLINGS.values(), ids=SPELLINGS.keys())
def test_a_masked_name_keeps_its_spelling_and_belongs_to_its_report(spelling):
    ex = extract(Report(doc="t.txt", text=f"与{spelling}大学签订人才合作协议。", sha256="", author="xx县人民政府"))
    assert ("Organization", f"{spelling}大学", "t.txt") in {(e.type, e.name, e.scope) for e in ex.entities}
    assert [st.text for st in ex.statements] == [f"与{spelling}大学签订人才合作协议。"]


def test_a_masked_number_stays_as_written_and_masked():
    ex = extract(Report(doc="t.txt", text="全年投入××万元，培训村干部某某名。", sha256="", author="xx县人民政府"), RULES)
    assert [(m.value, m.unit, m.masked) for m in ex.metrics] == [("××", "万元", True), ("某某", "名", True)]
