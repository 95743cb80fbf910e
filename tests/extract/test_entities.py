"""Golden table for entity mentions (spec §2): types, minimal spans, no leading verbs, counts
or quotes, fields of work and bare class nouns left out, masked names kept."""
import pytest

from govkg.extract.mentions import find_mentions
from extract_helpers import mentions_of, statement

FOUND = [
    # leading verbs and adverbs stay out of the name
    ("持续实施党建示范村建设工程，年内完成改造。", ("Program", "党建示范村建设工程")),
    ("深化国有企业混合所有制改革。", ("Initiative", "国有企业混合所有制改革")),
    ("积极探索实施农村集体经营性建设用地入市制度。", ("Initiative", "农村集体经营性建设用地入市制度")),
    ("进一步完善村级保障激励机制。", ("Initiative", "村级保障激励机制")),
    ("稳步推进城中村改造。", ("Initiative", "城中村改造")),
    ("全面作好村居换届工作。", ("Initiative", "村居换届")),
    # quoted names: the kind after the quote decides the type, quotes are not part of the name
    ("扎实开展“我为群众办实事”实践活动。", ("Initiative", "我为群众办实事")),
    ("开展“学历提升工程”，共xxx人报名参学。", ("Program", "学历提升工程")),
    ("推行“网片一体化”综合改革。", ("Initiative", "网片一体化")),
    ("坚持和发展新时代“枫桥经验”。", ("Initiative", "枫桥经验")),
    ("认真落实并基本完成“八七”扶贫攻坚计划。", ("Program", "八七")),
    # documents
    ("制定了《xx县驻村第一书记和工作队管理办法》。", ("Document", "xx县驻村第一书记和工作队管理办法")),
    ("实现“十四五”规划和二〇三五年远景目标。", ("Document", "十四五”规划")),
    # organizations: jurisdiction prefix, team heads, bureaus, known bodies, universities
    ("依托县委党校共举办了各种培训班xx个班次。", ("Organization", "县委党校")),
    ("全年先后组织召开多次人才工作领导小组会议。", ("Organization", "人才工作领导小组")),
    ("先后选派xx名年轻干部到XX市农业部门挂职锻炼。", ("Organization", "XX市农业部门")),
    ("被教育部确定为试验区。", ("Organization", "教育部")),
    ("与东北农业大学和华源有机食品公司合作成功签约。", ("Organization", "东北农业大学")),
    ("与东北农业大学和华源有机食品公司合作成功签约。", ("Organization", "华源有机食品公司")),
    ("在市委、市政府和区委的坚强领导下。", ("Organization", "市政府")),
    ("与齐市广播电视大学联合办学委托培训。", ("Organization", "齐市广播电视大学")),
    # places: gazetteer, masked, by shape; persons
    ("在上海、xx、北京设立工作服务站。", ("Place", "上海")),
    ("选派干部到XX市挂职。", ("Place", "XX市")),
    ("推进奋斗镇创建国家级环境优美乡镇工作。", ("Place", "奋斗镇")),
    ("以习近平同志为核心的党中央。", ("Person", "习近平")),
    ("以习近平同志为核心的党中央。", ("Organization", "党中央")),
    ("依托县域内毛岸青纪念馆等红色资源。", ("Person", "毛岸青")),
    # items of a list sharing one head
    ("实施了农林桥和呼达罕桥改造、谢尔塔拉公路等工程。", ("Program", "谢尔塔拉公路")),
]

NOT_FOUND = [
    ("紧盯安全生产，狠抓意识形态工作。", "安全生产"),            # a field of work
    ("狠抓意识形态工作，推进法治建设。", "法治建设"),
    ("各乡镇、各部门和企业要加强配合。", "企业"),                # a bare class noun
    ("推进供销合作社、农民专业合作社融合发展。", "农民专业合作社"),
    ("深化农业农村、社会事业等领域改革。", "领域改革"),
    ("各级政府要树牢“四个意识”。", "四个意识"),                # a slogan, not an undertaking
    ("全面加强政府自身建设，努力建设法治政府、廉洁政府。", "法治政府"),
    ("城镇化率提高十一点六个百分点。", "城镇化率"),
    ("新增医疗机构床位超7000张。", "医疗机构"),
]


@pytest.mark.parametrize("sentence,expected", FOUND)
def test_entity_found(sentence, expected):
    assert expected in mentions_of(sentence)


@pytest.mark.parametrize("sentence,name", NOT_FOUND)
def test_not_an_entity(sentence, name):
    assert name not in {n for _, n in mentions_of(sentence)}


@pytest.mark.parametrize("sentence", [s for s, _ in FOUND])
def test_offsets_point_at_the_name(sentence):
    st = statement(sentence)
    for m in find_mentions(st):
        written = sentence[m.start:m.end]
        assert written == m.name or written.strip("“”") == m.name


def test_no_leading_count():
    names = {n for _, n in mentions_of("新成立百大项目党组织x个、设立xx个“党员先锋岗”。")}
    assert not any(n[:1] in "xX0123456789" and "个" in n[:3] for n in names)
