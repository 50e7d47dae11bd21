"""Each block rule alone: what it labels and what it must leave alone."""

from generator.ingest.layout import Block
from generator.ingest.lines import Line
from generator.ingest.rules import (
    Document,
    Kind,
    Labeled,
    heading_shaped,
    label_blocks,
    merge_colon_headings,
    rule_byline,
    rule_part_label,
    rule_section_banner,
    rule_subtitle,
)


def block(text: str, number: int = 1, lines: int = 1, marker: bool = False) -> Block:
    made = tuple(Line(number + i, text, False, True, 0, 0, 1, marker and i == lines - 1, len(text) * 2)
                 for i in range(lines))
    return Block(text=text, lines=made)


PARAGRAPH = block("8月5日，国务院联防联控机制召开新闻发布会，介绍进一步加强疫情防控有关情况。", lines=2)


def test_heading_shape():
    assert heading_shaped(block("工信部：加强数据信息分析 抓好区域协查任务落实"))
    assert heading_shaped(block("Neuralink 获业内最大规模融资 脑机接口走到哪一步了？"))
    assert heading_shaped(block("Mini LED 商用元年“有模有样”"))
    assert not heading_shaped(PARAGRAPH)
    assert not heading_shaped(block("题。"))  # the short tail of a paragraph
    assert not heading_shaped(block("整体来看，下半年半导体板块依旧具备一定的投资机会，"))
    assert not heading_shaped(block("（记者 张三）"))
    assert not heading_shaped(block("来源：新华社"))
    assert not heading_shaped(block("图1 5G基站建设进度"))
    assert not heading_shaped(block("责任编辑：李四"))
    assert not heading_shaped(block("”他说"))


def test_a_short_banner_set_off_by_a_marker_line_is_a_section():
    blocks = [block("政策动向", marker=True), PARAGRAPH]
    assert rule_section_banner(Document(blocks), 0, []).kind is Kind.SECTION


def test_a_short_banner_right_above_a_title_is_a_section():
    blocks = [block("国际视野"), block("亚马逊微软再战云合同"), PARAGRAPH]
    assert rule_section_banner(Document(blocks), 0, []).text == "国际视野"


def test_bracketed_banners_are_sections():
    blocks = [block("【市场观察】"), block("亚马逊微软再战云合同"), PARAGRAPH]
    assert rule_section_banner(Document(blocks), 0, []).text == "市场观察"


def test_a_short_subheading_above_a_paragraph_is_not_a_section():
    blocks = [block("数据脱敏"), PARAGRAPH]
    assert rule_section_banner(Document(blocks), 0, []) is None


def test_part_labels_are_decorated_on_both_sides():
    for text, name in [("· 定义篇 ·", "定义篇"), ("——案例篇——", "案例篇"), ("【症结篇】", "症结篇"), ("● 展望 ●", "展望")]:
        assert rule_part_label(Document([block(text)]), 0, []).text == name
    assert rule_part_label(Document([block("·定义")]), 0, []) is None


def test_a_dash_line_is_a_subtitle_only_right_under_a_heading():
    heading = Labeled(block("打造数字政府建设标杆"), Kind.HEADING, "打造数字政府建设标杆")
    dash = block("——广东有望实现全省治理“一网统管”")
    assert rule_subtitle(Document([dash]), 0, [heading]).kind is Kind.SUBTITLE
    paragraph = Labeled(PARAGRAPH, Kind.BODY, PARAGRAPH.text)
    assert rule_subtitle(Document([dash]), 0, [paragraph]) is None


def test_a_heading_ending_in_a_colon_continues_on_the_next_line():
    merged = merge_colon_headings([block("目标：", 10), block("三年拿下手机市场份额全球第一", 12), PARAGRAPH])
    assert [b.text for b in merged] == ["目标：三年拿下手机市场份额全球第一", PARAGRAPH.text]
    assert merged[0].first == 10 and merged[0].last == 12


def test_a_paragraph_ending_in_a_colon_is_not_merged():
    intro = block("车辆检测、周界警戒等需要算法来实现，但乔梁站在技术的角度向北京商报记者强调：", lines=2)
    assert len(merge_colon_headings([intro, PARAGRAPH])) == 2


def test_label_blocks_runs_the_chain_in_order():
    labeled = label_blocks([block("产业环境", marker=True), block("打造数字政府建设标杆"),
                            block("——广东有望实现全省治理“一网统管”"), PARAGRAPH, block("· 案例篇 ·")])
    assert [item.kind for item in labeled] == [Kind.SECTION, Kind.HEADING, Kind.SUBTITLE, Kind.BODY, Kind.PART]


def test_bylines_are_labelled_with_their_author_and_source():
    for text, author, source in [("来源：人民邮电报", None, "人民邮电报"), ("（来源：综合中国电子报、第一财经等）", None,
                                 "综合中国电子报、第一财经等"), ("作者：本刊记者 陈思远", "本刊记者 陈思远", None),
                                 ("来源：新华社　作者：王海燕", "王海燕", "新华社"), ("人民邮电报记者 王海燕", "人民邮电报记者 王海燕", None),
                                 ("（记者 何静 通讯员 吴桐）", "记者 何静 通讯员 吴桐", None), ("文/李明", "李明", None)]:
        labeled = rule_byline(Document([block(text)]), 0, [])
        assert (labeled.kind, labeled.author, labeled.source) == (Kind.BYLINE, author, source), text


def test_sentences_about_reporters_and_captions_are_not_bylines():
    for text in ["记者从杭州市数据资源管理局获悉，截至7月底，杭州已向31家运营单位授权。", "数据来源：国家统计局",
                 "记者：当前各地数字孪生城市建设处于什么阶段？", "记者节特别策划"]:
        assert rule_byline(Document([block(text)]), 0, []) is None, text


def test_numbered_banners_in_one_series_are_sections_and_lose_their_number():
    blocks = [block("一、政策动态"), block("1. 工信部推进人工智能+制造"), PARAGRAPH, block("一、总体要求"), PARAGRAPH,
              block("二、产业发展"), block("2. 数据标注基地扩围"), PARAGRAPH]
    labeled = label_blocks(blocks)
    assert [(item.kind, item.text) for item in labeled if item.kind is Kind.SECTION] == [
        (Kind.SECTION, "政策动态"), (Kind.SECTION, "产业发展")]
    assert labeled[1].enumerator == "1." and labeled[1].unnumbered == "工信部推进人工智能+制造"


def test_bracketed_lines_above_text_are_titles_not_banners():
    blocks = [block("【数据标注基地扩围】"), PARAGRAPH, block("【杭州公共数据授权运营场景突破200个】"), PARAGRAPH]
    labeled = label_blocks(blocks)
    assert [item.kind for item in labeled] == [Kind.HEADING, Kind.BODY, Kind.HEADING, Kind.BODY]
    assert labeled[0].unnumbered == "数据标注基地扩围"


def test_a_sentence_introducing_a_list_is_not_a_heading():
    assert not heading_shaped(block("他认为，数字经济治理要处理好三对关系："))
    assert heading_shaped(block("产能："))
