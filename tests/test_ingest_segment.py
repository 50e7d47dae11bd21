"""Titles versus subheadings, decided from the text around them (never from a list of titles)."""

from generator.ingest.hints import Hints, LineRef
from generator.ingest.evidence import spaced_latin
from generator.ingest.review import review

from ingest_helpers import double_spaced, segmented

SATELLITE = [
    "低轨卫星完成首次组网测试",
    "近日，某航天企业宣布其低轨宽带通信卫星完成首次组网测试，卫星之间实现了星间链路通信，地面信关站接收信号稳定。",
    "据介绍，此次组网的卫星运行在五百公里轨道，单颗卫星覆盖范围可达数百公里，组网后可为偏远地区提供宽带通信服务。",
    "卫星组网进入新阶段",
    "业内人士认为，低轨卫星组网是卫星互联网建设的关键一步，卫星星座规模越大，覆盖越连续，通信服务越稳定。",
    "该企业表示，年底前还将发射多颗低轨卫星，扩大卫星星座规模，并与地面信关站协同完成更多通信测试。",
    "地面终端加速跟进",
    "与卫星配套的地面终端也在加速研发，卫星终端体积不断缩小，价格逐步下降，未来可安装在车辆和船舶上接入卫星网络。",
    "专家指出，卫星终端的成本决定了卫星互联网能否大规模商用，终端厂商正与卫星运营方共同推进卫星通信标准。",
]
MEMORY = [
    "存储芯片价格持续上涨",
    "8月3日，市场研究机构发布报告称，第三季度存储芯片合约价格继续上涨，内存和闪存颗粒的报价均有明显提升。",
    "报告指出，服务器厂商备货需求旺盛，存储芯片供应偏紧，主要存储厂商的库存水位下降，价格上涨趋势短期内难以改变。",
    "分析人士认为，存储芯片行业集中度高，几大存储厂商产能调整直接影响内存价格，下游整机厂商的采购成本随之上升。",
]
GOVERNMENT = [
    "政务服务一网通办再提速",
    "日前，某省印发政务服务改革方案，提出推动政务数据共享，让企业和群众办事少跑腿，高频政务服务事项实现网上办理。",
    "方案要求，各级政务部门打通数据壁垒，政务服务平台统一受理，办事材料能减则减，群众办事可在线查询办理进度。",
    "省政务服务数据管理局负责人表示，将持续优化政务服务流程，推动政务服务从能办向好办转变。",
]


def test_a_change_of_story_is_a_title_and_a_subtopic_of_the_same_story_a_subheading():
    text = double_spaced(*[line + " " for line in SATELLITE + MEMORY + GOVERNMENT])
    result = segmented(text)
    assert [a.title for a in result.articles] == [SATELLITE[0], MEMORY[0], GOVERNMENT[0]]
    assert [s.text for s in result.articles[0].subheadings] == [SATELLITE[3], SATELLITE[6]]
    assert len(result.articles[0].paragraphs) == 6


def test_the_first_heading_after_a_section_banner_is_always_a_title():
    text = double_spaced(*[line + " " for line in SATELLITE[:3]], " 市场观察 ", " ", *[line + " " for line in SATELLITE[3:6]])
    result = segmented(text)
    assert [a.title for a in result.articles] == [SATELLITE[0], SATELLITE[3]]
    assert result.articles[1].section == "市场观察"
    assert result.sections == ["市场观察"]


def test_a_heading_with_a_subtitle_is_a_title():
    text = double_spaced(*[line + " " for line in SATELLITE[:3]], "卫星组网进入新阶段 ", "——多颗卫星年底前发射 ",
                         *[line + " " for line in SATELLITE[4:6]])
    result = segmented(text)
    assert [a.title for a in result.articles] == [SATELLITE[0], SATELLITE[3]]
    assert result.articles[1].subtitle == "——多颗卫星年底前发射"


def test_parts_of_a_feature_mark_the_articles_that_follow():
    text = double_spaced(*[line + " " for line in MEMORY], "· 案例篇 · ", *[line + " " for line in GOVERNMENT])
    result = segmented(text)
    assert [(a.title, a.part) for a in result.articles] == [(MEMORY[0], None), (GOVERNMENT[0], "案例篇")]


def test_text_without_any_structure_becomes_one_article_with_a_warning():
    text = double_spaced(*[line + " " for line in MEMORY[1:]])
    result = segmented(text)
    assert len(result.articles) == 1
    assert result.articles[0].synthetic_title
    assert result.warnings


def test_hints_force_titles_subheadings_and_body():
    text = double_spaced(*[line + " " for line in SATELLITE + MEMORY])
    hints = Hints(titles=[LineRef(text="地面终端加速跟进")], subheadings=[LineRef(text=MEMORY[0])])
    result = segmented(text, hints)
    assert [a.title for a in result.articles] == [SATELLITE[0], SATELLITE[6]]
    assert MEMORY[0] in [s.text for s in result.articles[1].subheadings]


def test_headline_style_latin_spacing():
    assert spaced_latin("湖北建成 3.6 万个 5G 基站")
    assert spaced_latin("Neuralink 获业内最大规模融资")
    assert not spaced_latin("低时延高可靠 R16对工业物联网意义大")
    assert not spaced_latin("5G套餐用户渗透率达36.2%")


def test_merge_and_split_hints():
    from generator.ingest.hints import Split
    text = double_spaced(*[line + " " for line in SATELLITE + MEMORY + GOVERNMENT])
    merged = segmented(text, Hints(merge=[LineRef(text=MEMORY[0])]))
    assert [a.title for a in merged.articles] == [SATELLITE[0], GOVERNMENT[0]]
    assert MEMORY[0] in [s.text for s in merged.articles[0].subheadings]

    split = segmented(text, Hints(split=[Split(at=LineRef(text="分析人士认为"), title="存储厂商调整产能")]))
    titles = [a.title for a in split.articles]
    assert titles == [SATELLITE[0], MEMORY[0], "存储厂商调整产能", GOVERNMENT[0]]
    assert split.articles[2].paragraphs[0].text.startswith("分析人士认为")
    assert split.articles[2].synthetic_title


def test_numbered_headings_divide_an_article():
    text = double_spaced(*[line + " " for line in MEMORY[:2]], "一、政务服务一网通办再提速 ", *[line + " " for line in GOVERNMENT[1:]])
    result = segmented(text)
    assert [a.title for a in result.articles] == [MEMORY[0]]
    assert result.articles[0].subheadings[0].text == "一、政务服务一网通办再提速"


def test_a_table_of_contents_is_removed_and_names_the_titles():
    contents = ["目  录 ", f"{SATELLITE[0]} ………………… 1 ", f"{SATELLITE[6]} ………………… 2 ", f"{MEMORY[0]} ………… 3 "]
    text = double_spaced(*contents, *[line + " " for line in SATELLITE + MEMORY])
    result = segmented(text)
    # The contents list 地面终端加速跟进 as an article: it is one, whatever the text around it says.
    assert [a.title for a in result.articles] == [SATELLITE[0], SATELLITE[6], MEMORY[0]]
    assert all("………" not in p.text for a in result.articles for p in a.paragraphs)


def test_a_bulletin_that_numbers_its_articles():
    text = double_spaced("1. " + SATELLITE[0] + " ", *[line + " " for line in SATELLITE[1:3]],
                         "2. " + MEMORY[0] + " ", *[line + " " for line in MEMORY[1:]],
                         "3. " + GOVERNMENT[0] + " ", *[line + " " for line in GOVERNMENT[1:]])
    articles = segmented(text).articles
    # The number goes to `order`: the title is the headline only.
    assert [a.title for a in articles] == [SATELLITE[0], MEMORY[0], GOVERNMENT[0]]
    assert [a.printed_number for a in articles] == ["1.", "2.", "3."]


def test_a_table_of_contents_with_section_names_and_plain_page_numbers():
    contents = ["目录 ", "市场观察 ", f"{SATELLITE[0]} 2 ", f"{SATELLITE[6]} 3 ", "政策动向 ", f"{MEMORY[0]} 5 "]
    body = [" 市场观察 ", " ", *[line + " " for line in SATELLITE], " 政策动向 ", " ", *[line + " " for line in MEMORY]]
    result = segmented(double_spaced(*contents, *body))
    assert result.sections == ["市场观察", "政策动向"]
    assert [a.title for a in result.articles] == [SATELLITE[0], SATELLITE[6], MEMORY[0]]


COMPANY_BRIEFS = [
    "华为轮值董事长：未来五年聚焦软件和生态",
    "华为轮值董事长在近日举行的一场行业大会上表示，面对外部环境的变化，华为将把软件作为战略重点，持续加大在操作系统、数据库和开发工具等领域的投入。",
    "他表示，硬件的竞争力可以通过软件持续提升，华为将坚持硬件开放、软件开源的思路，与合作伙伴共同构建产业生态。",
    "他同时透露，鸿蒙操作系统的设备数量已超过1亿台，下一步将推动鸿蒙在家居、出行和办公等场景的应用。",
    "华为发布分布式数据库新品",
    "华为在同一大会上发布新一代分布式数据库，面向金融、政务等行业的核心业务系统，支持两地三中心部署。",
    "华为开发者大会将于10月在东莞举行",
    "华为方面表示，华为开发者大会将于10月下旬在东莞举行，届时将公布鸿蒙操作系统的最新进展。",
]


def test_briefs_after_a_short_feature_are_never_merged_silently():
    """Briefs of the same company: no dateline, words shared with the feature before them; each
    lead restates its headline and runs a paragraph. Each is an article, or the outline offers the
    line that makes it one."""
    text = double_spaced(*[line + " " for line in SATELLITE + COMPANY_BRIEFS + GOVERNMENT])
    result = segmented(text)
    titles = [a.title for a in result.articles]
    warnings = review(result.decisions)
    for brief in (COMPANY_BRIEFS[0], COMPANY_BRIEFS[4], COMPANY_BRIEFS[6]):
        assert brief in titles or any(f"titles: [{brief}]" in warning for warning in warnings), (titles, warnings)
    assert [s.text for s in result.articles[0].subheadings] == [SATELLITE[3], SATELLITE[6]]


def test_a_closing_byline_that_says_more_keeps_every_word():
    text = double_spaced(SATELLITE[0] + " ", "本刊记者 宋雨桐 ", *[line + " " for line in SATELLITE[1:3]],
                         "（本刊记者 宋雨桐 整理） ")
    [article] = segmented(text).articles
    assert article.author == "本刊记者 宋雨桐 整理"
