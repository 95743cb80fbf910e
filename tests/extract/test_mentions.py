"""mentions.find_mentions: golden table for entity mentions (spec §2): types, minimal spans, no
leading verbs, counts or quotes, fields of work and bare class nouns left out, masked names kept;
mentions.explain: the rule that decided each candidate."""
import pytest

from govkg.extract.mentions import find_mentions

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
    # named strategies and campaigns without a head noun (named_initiatives.txt)
    ("推进健康中国建设，深入推进简政放权。", ("Initiative", "健康中国")),
    ("推进健康中国建设，深入推进简政放权。", ("Initiative", "简政放权")),
    ("大力提升乡村治理效能，推进农村移风易俗。", ("Initiative", "移风易俗")),
    ("实施积极的财政政策和稳健的货币政策。", ("Initiative", "稳健的货币政策")),
    ("深入实施藏粮于地、藏粮于技战略。", ("Initiative", "藏粮于地、藏粮于技战略")),
    ("深化国有企业改革和农村综合改革。", ("Initiative", "农村综合改革")),
    ("市际交叉互检中对我县驻村工作评价第一。", ("Initiative", "驻村工作")),
    # a quoted name governed by a verb, with a verb after it
    ("加大“走流程”推进力度。", ("Initiative", "走流程")),
    # roads, bridges and airports named by a common word; places inside a Program's name
    ("实施了农林桥和呼达罕桥改造、谢尔塔拉公路等工程。", ("Place", "农林桥")),
    ("实施了农林桥和呼达罕桥改造、谢尔塔拉公路等工程。", ("Place", "呼达罕桥")),
    ("打造温州城步行街、白桦东路等特色街道。", ("Place", "白桦东路")),
    ("加快天府国际机场二期等工程前期工作。", ("Place", "天府国际机场")),
    # organizations: a level and a bureau, an ordinal school
    ("在市人才办公众号刊发信息。", ("Organization", "市人才办")),
    ("第一职业学校晋升为示范学校。", ("Organization", "第一职业学校")),
    ("应当立即报告市政务数据主管部门。", ("Organization", "市政务数据主管部门")),
    ("深化新一轮义乌国际贸易综合改革。", ("Initiative", "义乌国际贸易综合改革")),
    ("开展主题党日活动。", ("Initiative", "主题党日")),
    ("深入开展拥军优属、拥政爱民活动。", ("Initiative", "拥军优属、拥政爱民活动")),
    # a verb of building before a body or a place is no part of its name
    ("县供销社与xx农业发展有限公司共建农产品冷链物流中心。", ("Organization", "xx农业发展有限公司")),
    ("县供销社与xx农业发展有限公司共建农产品冷链物流中心。", ("Organization", "县供销社")),
    ("xx市对口帮扶我县，援建xx镇产业园项目。", ("Place", "xx镇")),
    ("xx市对口帮扶我县，援建xx镇产业园项目。", ("Program", "xx镇产业园项目")),
    ("相继关停蒙西水泥有限公司。", ("Organization", "蒙西水泥有限公司")),
]

NOT_FOUND = [
    ("紧盯安全生产，狠抓意识形态工作。", "安全生产"),            # a field of work
    ("狠抓意识形态工作，推进法治建设。", "法治建设"),
    ("各乡镇、各部门和企业要加强配合。", "企业"),                # a bare class noun
    ("推进供销合作社、农民专业合作社融合发展。", "农民专业合作社"),
    ("深化农业农村、社会事业等领域改革。", "领域改革"),
    ("各级政府要树牢“四个意识”。", "四个意识"),                # a slogan, not an undertaking
    ("命名示范党支部30个。", "命名示范党支部"),                # a verb of awarding, and a class left
    ("授予xx村党支部“先进基层党组织”称号。", "授予xx村党支部"),
    ("修订完善村规民约8部。", "村规民约8部"),                  # 部 counts the rules here, no ministry
    ("县供销社与xx农业发展有限公司共建农产品冷链物流中心。", "xx农业发展有限公司共建农产品冷链物流中心"),
    ("xx市对口帮扶我县，援建xx镇产业园项目。", "援建xx镇"),
    ("深化供销社综合改革。", "供销社"),                     # every county has one: a kind of body
    ("制定修订行政法规37部。", "行政法规37部"),
    ("全面加强政府自身建设，努力建设法治政府、廉洁政府。", "法治政府"),
    ("城镇化率提高十一点六个百分点。", "城镇化率"),
    ("新增医疗机构床位超7000张。", "医疗机构"),
    # a class of works is not a named project; a named project has a place or a proper name
    ("组织开展招商活动，洽谈项目二十个。", "洽谈项目"),
    ("再开工一批重大水利工程。", "水利工程"),
    ("五年共实施重点工业项目141个。", "工业项目"),
    # the kind after a quoted name is not a name of its own
    ("牵头实施“村企支部联建，助推乡村振兴”党建创新项目。", "党建创新项目"),
    ("认真落实并基本完成“八七”扶贫攻坚计划。", "扶贫攻坚计划"),
    # a quote that modifies the noun after it
    ("培育“三型”职业农民一百人。", "三型"),
    ("坚持把解决好“三农”问题作为重中之重。", "三农"),
    # a named strategy used as a modifier, or in a list of fields
    ("落实全面从严治党要求。", "全面从严治党"),
    ("深化整治校园餐、高标准农田建设、医保基金管理等领域腐败问题。", "高标准农田建设"),
    # a field's system, determiners, abstract modifiers, the second half of a coordination
    ("党的农村工作领导体制机制进一步健全。", "农村工作领导体制机制"),
    ("对相应管理机制进一步完善。", "相应管理机制"),
    ("统筹推进深层次改革和高水平开放。", "深层次改革"),
    ("健全市场化利率形成和传导机制。", "传导机制"),
    ("推动企业设备更新和技术改造。", "技术改造"),
    # quantities before works, 村 modifying a noun, every body of a kind, words ending in 部/局
    ("重点实施31.2公里农村公路等工程建设。", "31.2公里农村公路"),
    ("联建村集体节约支出十万元。", "联建村"),
    ("各镇政府应当与市政务大数据中心对接。", "镇政府"),
    ("我们完善外交总体布局。", "外交总体布局"),
    ("团结带领广大干部群众。", "广大干部"),
    ("新建民用机场和区域性机场。", "民用机场"),
    ("把中国人的饭碗牢牢端在自己手中。", "中国"),
    ("严厉整治违法排污行为。", "严厉整治"),              # an adverb is no modifier of a name
    # generalisation pass (reports without gold): words ending in 部署/局, regions tagged as bodies,
    # kinds of centres, a verb glued to a head, goals and classes of places, generic systems
    ("确保“十五五”开好局、起好步。", "开好局"),
    ("这是结构调整的战略部署。", "战略部署"),
    ("加快中西部铁路和公路建设。", "中西部"),
    ("以苦练内功来应对外部挑战。", "对外部"),
    ("新建50个区域养老服务中心。", "区域养老服务中心"),
    ("高水平建设城市副中心。", "城市副中心"),
    ("组建紧密型城市医疗集团。", "紧密型城市医疗集团"),
    ("支持符合条件的幼儿园提供托育服务。", "幼儿园"),
    ("我代表省人民政府向大会报告工作。", "代表省人民政府"),
    ("深化改革是高质量发展的动力。", "深化改革"),
    ("推动集成电路重点项目扩产量产。", "集成电路重点项目"),
    ("制定实施打造开放新高地总体规划方案。", "总体规划"),
    ("坚持按劳分配为主体的分配制度。", "分配制度"),
    ("深入实施0.1微克攻坚行动。", "攻坚行动"),
    ("建设农业强县、旅游名县。", "旅游名县"),
    ("提高中西部地区和东北地区机场密度。", "东北地区机场"),
    ("增强沿海地区防台风能力。", "增强沿海地区"),
    ("推进大中城市协调发展。", "大中城市"),
    ("向中国国际服务贸易交易会致贺信。", "中国"),
]


@pytest.mark.parametrize("sentence,expected", FOUND)
def test_entity_found(mentions_of, sentence, expected):
    assert expected in mentions_of(sentence)


@pytest.mark.parametrize("sentence,name", NOT_FOUND)
def test_not_an_entity(mentions_of, sentence, name):
    assert name not in {n for _, n in mentions_of(sentence)}


@pytest.mark.parametrize("sentence", [s for s, _ in FOUND])
def test_offsets_point_at_the_name(statement, sentence):
    st = statement(sentence)
    for m in find_mentions(st):
        written = sentence[m.start:m.end]
        assert written == m.name or written.strip("“”") == m.name


def test_no_leading_count(mentions_of):
    names = {n for _, n in mentions_of("新成立百大项目党组织x个、设立xx个“党员先锋岗”。")}
    assert not any(n[:1] in "xX0123456789" and "个" in n[:3] for n in names)


def test_explain_names_the_rule_for_each_candidate_and_filters_by_name():
    from govkg.extract.mentions import explain

    every = explain("加快水利工程建设，成立人才工作领导小组")
    assert [(d.cascade, d.name, d.accepted, d.rule) for d in every] == [
        ("undertaking", "水利工程", False, "works_without_proper_part"),
        ("organization", "人才工作领导小组", True, "team_of_a_field")]
    assert [d.rule for d in explain("加快水利工程建设，成立人才工作领导小组", "水利工程")] == ["works_without_proper_part"]
    assert all(text[d.start:d.end] == d.name for text in ["加快水利工程建设，成立人才工作领导小组"] for d in every)
