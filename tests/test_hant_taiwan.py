"""The Taiwan conversion (generator.text.hant) on text it was not written for.

One test per error class of issue 13 with phrases of that class, the floor on the phrase set
(tests/corpus/hant/), and the properties every conversion keeps (length of Latin text, newlines,
idempotence of the dictionaries it compiles).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.eval.hant import FLOOR, load_pairs
from generator.text.hant import backend, names
from generator.text.hant.taiwan import Taiwan


@pytest.fixture(scope="module")
def taiwan() -> Taiwan:
    return Taiwan()


def check(taiwan: Taiwan, pairs: list[tuple[str, str]]) -> None:
    wrong = [(simplified, taiwan(simplified), expected) for simplified, expected in pairs if taiwan(simplified) != expected]
    assert not wrong, "\n".join(f"{simplified} -> {got}, expected {expected}" for simplified, got, expected in wrong)


def test_a_word_with_two_uses_is_written_as_its_context_calls_for(taiwan):
    check(taiwan, [
        ("国家出台产业支持计划", "國家出台產業支持計畫"),  # government backing, not 支援
        ("新款路由器支持Wi-Fi 7", "新款路由器支援Wi-Fi 7"),  # a product supports a standard
        ("厂商提供技术支持", "廠商提供技術支援"),
        ("港口AGV调度平台", "港口AGV調度平台"),  # dispatching, not 排程
        ("省级电力调度中心", "省級電力調度中心"),
        ("进一步简化行政许可程序", "進一步簡化行政許可程序"),  # a procedure, not 程式
        ("植入恶意程序", "植入惡意程式"),
        ("关注政策窗口期", "關注政策窗口期"),  # not 視窗期
        ("平台加强内容审核", "平台加強內容審核"),  # not 稽核
        ("园区部署视频监控", "園區部署視訊監控"),  # not 影片監控
        ("公布主要技术参数", "公布主要技術參數"),  # not 引數
        ("严格管理用户权限", "嚴格管理用戶權限"),  # not 許可權
        ("提醒消费者注意保存票据", "提醒消費者注意保存票據"),  # not 儲存
        ("海关统计数据显示", "海關統計數據顯示"),  # statistics: 數據
        ("训练数据来源", "訓練資料來源"),  # data as material: 資料
        ("通过审查", "通過審查"),
        ("通过远程诊断降低成本", "透過遠端診斷降低成本"),
        ("拓宽中小企业融资渠道", "拓寬中小企業融資管道"),  # financing and communication: 管道
        ("畅通投诉渠道", "暢通投訴管道"),
        ("线下销售渠道", "線下銷售通路"),  # where goods are sold: 通路
        ("在线视频平台", "線上影音平台"),
    ])


def test_vocabulary_reaches_beyond_the_words_listed_one_by_one(taiwan):
    check(taiwan, [
        ("杀毒软件厂商", "防毒軟體廠商"),  # OpenCC's Taiwan phrases, reviewed
        ("量子计算机", "量子電腦"),
        ("5G基站建设", "5G基地台建設"),  # a compound follows from its head
        ("云服务器价格", "雲端伺服器價格"),  # the longest entry, not 雲端服務 + 器
        ("服务器宕机", "伺服器當機"),
        ("刷新历史纪录", "刷新歷史紀錄"),  # reviewed out: 重新整理 is a browser's
        ("重点项目建设", "重點項目建設"),  # reviewed out: 專案
        ("循环经济", "循環經濟"),  # reviewed out: 迴圈 is a program's loop
    ])


def test_opencc_segmentation_errors_are_gone(taiwan):
    check(taiwan, [
        ("采集机床操作数据", "採集機床操作資料"),  # s2twp: 運算元據
        ("个人信息应当在境内存储", "個人資訊應當在境內儲存"),  # s2twp: 境記憶體儲
        ("3纳米制程量产", "3奈米製程量產"),  # s2twp: 納米制程
        ("高带宽存储器产能", "高頻寬記憶體產能"),  # s2twp: 高頻寬儲存器
        ("竞争对手表示跟进", "競爭對手表示跟進"),  # s2tw: 對手錶示
        ("整机制造环节", "整機製造環節"),  # s2tw: 整機制造
        ("北美发布会", "北美發布會"),  # s2tw: 北美髮佈會
        ("有线电视频道", "有線電視頻道"),  # 视频 is not a word here
    ])


def test_characters_are_those_taiwan_newspapers_print(taiwan):
    check(taiwan, [
        ("汽车制造业", "汽車製造業"),
        ("编制五年规划", "編製五年規劃"),  # compiling a plan
        ("增加人员编制", "增加人員編制"),  # staffing
        ("市场表现", "市場表現"),
        ("智能手表", "智慧手錶"),
        ("产业链下游", "產業鏈下游"),
        ("手游市场", "手遊市場"),
        ("每周一次", "每週一次"),
        ("两周后", "兩週後"),
        ("周边配套", "周邊配套"),
        ("全面采用国产方案", "全面採用國產方案"),
        ("干部培训", "幹部培訓"),
        ("干燥环境", "乾燥環境"),
        ("维系关系", "維繫關係"),
        ("云平台", "雲端平台"),
        ("台风过境", "颱風過境"),
        ("发布会", "發布會"),
        ("合作伙伴", "合作夥伴"),
        ("转账", "轉帳"),
    ])


def test_names_keep_their_own_words(taiwan):
    check(taiwan, [
        ("国家数据局发布通知", "國家數據局發布通知"),  # s2twp: 國家資料局
        ("工业和信息化部", "工業和信息化部"),
        ("中国信息通信研究院", "中國信息通信研究院"),
        ("国家互联网信息办公室", "國家互聯網信息辦公室"),
        ("江苏省通信管理局", "江蘇省通信管理局"),
        ("四川省通信管理局", "四川省通信管理局"),  # a province the phrase set does not name
        ("陕西省工业和信息化厅", "陝西省工業和信息化廳"),
        ("中国软件评测中心", "中國軟件評測中心"),
        ("长江存储扩产", "長江存儲擴產"),  # s2twp: 長江儲存
        ("长鑫存储", "長鑫存儲"),
        ("中芯国际", "中芯國際"),
        ("华虹集团", "華虹集團"),
        ("《数据安全法》", "《數據安全法》"),
        ("华为终端董事长余承东表示", "華為終端董事長余承東表示"),  # 余, not 餘
        ("研究员于洋认为", "研究員于洋認為"),  # 于, not 於
        ("范文仲指出", "范文仲指出"),  # 范, not 範
        ("信息发展（300469）股价上涨", "信息發展（300469）股價上漲"),  # a short name before its stock code
        ("中芯国际(0981.HK)", "中芯國際(0981.HK)"),
        ("用友网络科技发布年报", "用友網絡科技發布年報"),  # a company's kind before what it did
        ("发展信息科技的能力", "發展資訊科技的能力"),  # a field, not a company
    ])


def test_plain_text_stays_plain(taiwan):
    check(taiwan, [
        ("推动产业链上下游协同发展", "推動產業鏈上下游協同發展"),
        ("签署战略合作协议", "簽署戰略合作協議"),
        ("全年营业收入超过百亿元", "全年營業收入超過百億元"),
    ])


def test_a_foreign_law_is_translated_a_mainland_one_quoted():
    taiwan = Taiwan()
    assert taiwan("欧盟《数字市场法》") == "歐盟《數位市場法》"
    assert taiwan("《数字经济促进条例》") == "《數字經濟促進條例》"


def test_a_body_is_a_prefix_a_field_and_a_kind():
    found = lambda text: [text[name.start : name.end] for name in names.find(text)]
    assert found("国家数据局局长刘烈宏表示") == ["国家数据局", "刘烈宏"]
    assert found("工业和信息化部信息通信管理局") == ["工业和信息化部信息通信管理局"]
    assert found("在中国数据中心市场") == []  # 数据中心 is a word of the vocabulary
    assert found("推动信息化部署") == []  # 部署 is not a ministry
    assert found("国家支持芯片企业建设研发中心") == []  # a clause, not a name


@pytest.mark.parametrize("split", ["tune", "heldout"])
def test_the_phrase_set_floor(taiwan, split):
    pairs = [pair for pair in load_pairs() if pair.split == split and not pair.ambiguous]
    right = sum(taiwan(pair.zh) in pair.accepted for pair in pairs)
    assert right / len(pairs) >= FLOOR, f"{split}: {right}/{len(pairs)}"


def test_the_phrase_set_covers_every_class_on_both_halves():
    pairs = load_pairs()
    assert len(pairs) >= 300
    for kind in ("vocabulary", "character", "name", "segmentation", "plain"):
        for split in ("tune", "heldout"):
            assert sum(pair.kind == kind and pair.split == split for pair in pairs) >= 10, (kind, split)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["数据", "支持", "国家", "局", "余", "于", "制造", "\n", "，", "A1 ", "《", "》", "表示", "内存", "储"]), max_size=30))
def test_newlines_and_latin_text_survive(taiwan, parts):
    text = "".join(parts)
    converted = taiwan(text)
    assert converted.count("\n") == text.count("\n")
    assert [char for char in converted if char.isascii()] == [char for char in text if char.isascii()]


def test_one_flat_dictionary_converts_as_the_chain_of_dictionaries_does():
    config = backend._s2tw()
    chained, flat = backend._handle(config)[0], backend.characters()
    texts = [pair.zh for pair in load_pairs()] + ["头发和发展", "干部在干燥的地方干活", "计划于台风后发布"]
    assert [flat.convert(text) for text in texts] == [chained.convert(text) for text in texts]


def test_compiled_dictionaries_are_kept_and_reused(tmp_path, monkeypatch):
    monkeypatch.setattr(backend, "CACHE", tmp_path)
    first = backend.characters().convert("发布平台")
    files = sorted(tmp_path.iterdir())
    assert first == "發布平台"
    assert backend.characters().convert("发布平台") == first
    assert sorted(tmp_path.iterdir()) == files  # nothing compiled a second time
