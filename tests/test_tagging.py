"""Tagging by words and weight: what an editor would notice in the tags ingest gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import BulletinError
from generator.tags.mentions import Matcher, normalize
from generator.tags.tagger import Tagger
from generator.taxonomy import Taxonomy, load_taxonomy

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = load_taxonomy(ROOT / "content" / "tags.yml")


def found(keywords: dict[str, list[str]], text: str) -> set[str]:
    matcher = Matcher((key, word) for key, words in keywords.items() for word in words)
    return {mention.key for mention in matcher.find(text)[1]}


@pytest.mark.parametrize("text, keywords, expected", [
    ("仿真软件企业云道智造完成融资", {"云计算": ["云"]}, set()),  # one character: never looked for
    ("推动区域互联互通", {"中国联通": ["联通"]}, set()),  # inside a longer word
    ("联通发布新品", {"中国联通": ["联通"]}, {"中国联通"}),
    ("OpenAI发布新模型", {"人工智能": ["AI"]}, set()),
    ("Wi-Fi 6E 占用 6GHz 频段", {"5G": ["5G"], "6G": ["6G"]}, set()),
    ("“十四五”规划提出", {"政策法规": ["十四五规划"]}, {"政策法规"}),
    ("印发《关键信息基础设施安全保护条例》", {"政策法规": ["《*条例》"]}, {"政策法规"}),
    ("工业互联网安全深度行", {"网络安全": ["工业互联网安全"], "工业互联网": ["工业互联网"]},
     {"网络安全", "工业互联网"}),  # a keyword that starts a longer one still counts
    ("５Ｇ 手机出货", {"5G": ["5G"]}, {"5G"}),  # full-width letters, the headline's spaces
])
def test_keywords_count_as_whole_words(text, keywords, expected):
    assert found(keywords, text) == expected


def test_normalize_drops_quotes_and_the_spaces_headlines_put_around_latin_words():
    assert normalize("5G 应用“扬帆”正当时 Mini LED") == "5g应用扬帆正当时mini led"


def test_a_metaphor_or_a_name_in_passing_gives_no_tag():
    tagger = Tagger(SHIPPED)
    tags = tagger.suggest("用互联网思维重构工业软件", [
        "仿真软件企业宣布完成近3亿元战略融资，工业软件的研发模式正在改变。",
        "有人把这种做法称为“苹果思维”：软硬一体、体验至上。工业软件企业正在学习这种做法。",
        "业内人士认为，工业软件要从卖许可证走向卖服务，仿真软件会变得更轻、更易用。",
    ])
    assert "苹果" not in tags and "软件" in tags


def test_a_company_is_tagged_when_it_is_the_subject_not_when_listed():
    tagger = Tagger(SHIPPED)
    subject = tagger.suggest("中国联通发布5G行业专网产品", [
        "8月13日，中国联通在北京举办5G行业专网产品发布会，推出三类5G行业专网产品。",
        "中国联通表示，专网产品将覆盖钢铁、港口、电力等行业，首批方案已在多地落地。",
    ])
    assert {"中国联通", "5G"} <= set(subject)
    listed = tagger.suggest("5G手机出货量占比持续提升", [
        "7月，国内市场5G手机出货量1837.9万部，占同期手机出货量的76.1%。",
        "华为、小米、OPPO、vivo、苹果等厂商陆续推出新机，5G手机价格继续下探，千元5G手机增多。",
        "业内预计，下半年5G手机出货量占比将进一步提升，手机市场总体保持平稳。",
    ])
    assert not {"华为", "小米", "苹果"} & set(listed) and "消费电子" in listed


def test_a_place_is_tagged_when_it_acts_not_where_something_happens():
    tagger = Tagger(SHIPPED)
    held_there = tagger.suggest("5G+工业互联网大会在武汉开幕", [
        "11月20日，2025中国5G+工业互联网大会在湖北武汉开幕，来自政府部门和企业的代表参加。",
        "大会发布了5G工厂、工业互联网平台等多项成果，签约项目总额超千亿元。",
    ])
    assert "地方动态" not in held_there
    acting = tagger.suggest("青岛发布工业互联网三年攻坚方案", [
        "日前，青岛市印发《青岛市工业互联网创新发展三年攻坚方案》，提出到2027年培育平台企业100家。",
        "方案提出，推动规上工业企业实施数字化改造，建成5G工厂200家以上。",
    ])
    assert {"地方动态", "工业互联网", "政策法规"} <= set(acting)


def test_the_cap_and_threshold_come_from_the_taxonomy():
    title, paragraphs = "中芯国际二季度营收26.3亿美元 净利润增长", [
        "中芯国际发布2026年第二季度财报，营业收入26.3亿美元，同比增长19%；净利润2.41亿美元。",
        "公司表示，晶圆代工需求旺盛，芯片产能利用率保持高位。",
    ]
    assert len(Tagger(SHIPPED).suggest(title, paragraphs)) >= 2
    one = Taxonomy(SHIPPED.tags, max_tags=1, min_confidence=SHIPPED.min_confidence)
    assert len(Tagger(one).suggest(title, paragraphs)) == 1
    sure = Taxonomy(SHIPPED.tags, max_tags=4, min_confidence=0.9999)
    assert Tagger(sure).suggest("一则消息", ["今天天气晴朗。"]) == ["行业动态"]


def test_the_shipped_taxonomy_keeps_its_tag_names():
    names = {tag.name for tag in SHIPPED.tags}
    assert {"5G", "人工智能", "半导体", "政策法规", "监管治理", "地方动态", "机器人", "行业动态", "华为"} <= names
    assert SHIPPED.canonical("芯片产业") == "半导体" and SHIPPED.canonical("具身智能") == "机器人"
    assert SHIPPED.max_tags == 4


@pytest.mark.parametrize("text, message", [
    ("max_tags: 0\n", "max_tags must be a whole number from 1 to 20"),
    ("min_confidence: high\n", "min_confidence must be a number from 0 to 1"),
    ("华为:\n  kind: company\n", "kind must be topic or name"),
])
def test_a_bad_taxonomy_is_named_with_its_file(tmp_path, text, message):
    path = tmp_path / "tags.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BulletinError) as error:
        load_taxonomy(path)
    assert message in str(error.value) and "tags.yml" in str(error.value)


def test_a_misspelt_tag_field_is_named_with_the_one_meant(tmp_path):
    path = tmp_path / "tags.yml"
    path.write_text("华为:\n  kind: name\n  keyword: [华为]\n", encoding="utf-8")
    unknown: list[BulletinError] = []
    load_taxonomy(path, unknown)
    assert [str(problem) for problem in unknown] == [f"{path}:1: tag 华为: keyword: unknown field; did you mean keywords?"]
