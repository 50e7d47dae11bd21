"""The zh-Hant edition's vocabulary: phrases from the sample bulletin, each checked by hand.

Every pair goes through the repository's own configuration (site.yml: s2twp, the built-in fixes and
content/hant-overrides.yml). Most are places where plain OpenCC is wrong for news text (its result is
in the comment); the rest guard what OpenCC already gets right.
"""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest
from build_helpers import ROOT

from generator.site.content.config import load_config
from generator.site.editions import edition as editions
from generator.site.editions.convert import Converter

PAIRS = [
    # OpenCC's Taiwan phrases, written for software, change the meaning in news text
    ("新闻发布会", "新聞發布會"),  # 新聞釋出會
    ("正常运行", "正常運行"),  # 正常執行
    ("经济运行情况", "經濟運行情況"),  # 經濟執行情況
    ("股价回调", "股價回調"),  # 股價回撥
    ("标准化进程", "標準化進程"),  # 標準化程序
    ("智慧社区", "智慧社區"),  # 智慧社群
    ("打开市场", "打開市場"),  # 開啟市場
    ("应用实例", "應用實例"),  # 應用例項
    ("业务类型", "業務類型"),  # 業務型別
    ("放弃继承权声明", "放棄繼承權聲明"),  # 放棄繼承權宣告
    ("设置人工智能课程", "設置人工智慧課程"),  # 設定人工智慧課程
    ("提交抗议文件", "提交抗議文件"),  # 提交抗議檔案
    ("据媒体消息", "據媒體消息"),  # 據媒體訊息
    ("良性循环", "良性循環"),  # 良性迴圈
    ("可扩展的AI技术", "可擴展的AI技術"),  # 可擴充套件的AI技術
    ("特定对象", "特定對象"),  # 特定物件
    ("申请调用数据", "申請調用資料"),  # 申請呼叫資料
    ("建立联系", "建立聯繫"),  # 建立聯絡
    ("批量个人信息", "批量個人資訊"),  # 批次個人資訊
    ("优化审批体系", "優化審批體系"),  # 最佳化審批體系
    ("28纳米设备", "28奈米設備"),  # 28奈米裝置
    ("激活网络安全产业", "激活網路安全產業"),  # 啟用網路安全產業
    ("高级总监", "高級總監"),  # 高階總監
    ("给予了大力支持", "給予了大力支持"),  # 給予了大力支援
    ("以视频方式出席", "以視訊方式出席"),  # 以影片方式出席
    ("模拟芯片和数字芯片", "類比晶片和數位晶片"),  # 模擬晶片和數字晶片
    ("设计、模拟、仿真", "設計、模擬、仿真"),  # 設計、模擬、模擬
    # OpenCC's segmentation crossing a word boundary
    ("背光驱动芯片", "背光驅動晶片"),  # 背光碟機動晶片
    ("美国国家安全局", "美國國家安全局"),  # 美國國家安全域性
    ("主板上市公司", "主板上市公司"),  # 主機板上市公司
    ("禁带宽度", "禁帶寬度"),  # 禁頻寬度
    ("高分区", "高分區"),  # 高分割槽
    ("欧美发达国家", "歐美發達國家"),  # 歐美髮達國家
    ("吴云坤表示", "吳雲坤表示"),  # 吳雲坤錶示
    ("新签合同", "新簽合同"),  # 新籤合同
    ("折合人民币", "折合人民幣"),  # 摺合人民幣
    ("实现了如今的", "實現了如今的"),  # 實現瞭如今的
    ("资金链", "資金鏈"),  # 資金鍊
    ("私有云和公有云", "私有雲和公有雲"),  # 私有云和公有云
    ("混合云为主", "混合雲為主"),  # 混合云為主
    ("会议并发言", "會議並發言"),  # 會議併發言
    ("传统制造模式", "傳統製造模式"),  # 傳統制造模式
    ("更复杂的场景", "更複雜的場景"),  # 更復雜的場景
    # Taiwan vocabulary and characters OpenCC leaves in their mainland form
    ("芯片质量", "晶片品質"),  # 晶片質量 (mass)
    ("计算机视觉", "電腦視覺"),  # 計算機視覺 (a calculator)
    ("运营商", "營運商"),  # 運營商
    ("数字经济", "數位經濟"),  # 數字經濟
    ("合作伙伴", "合作夥伴"),  # 合作伙伴
    ("转账支付", "轉帳支付"),  # 轉賬支付
    ("宣布", "宣布"),  # 宣佈
    ("虚拟现实", "虛擬實境"),  # 虛擬現實
    ("宽带用户", "寬頻用戶"),  # 寬頻使用者
    # Names keep their own characters (built in; content/hant-overrides.yml adds this site's own)
    ("工业和信息化部", "工業和信息化部"),  # 工業和資訊化部
    ("中国信息通信研究院", "中國信息通信研究院"),  # 中國資訊通訊研究院
    ("中国移动通信研究院", "中國移動通信研究院"),  # 中國行動通訊研究院
    ("中国信通院院长余晓晖表示", "中國信通院院長余曉暉表示"),  # 餘曉暉: a person found by position and speech
    ("《数据安全法》", "《數據安全法》"),  # 《資料安全法》
    ("山东天岳", "山東天岳"),  # 山東天嶽
    ("长江存储", "長江存儲"),  # 長江儲存
    ("通信行程卡", "通信行程卡"),  # 通訊行程卡
    ("信息产业监测", "信息產業監測"),  # 資訊產業監測
    ("数据显示", "數據顯示"),  # 資料顯示: this site's choice for statistics
    # What OpenCC already gets right, and must keep getting right next to the fixes
    ("高并发", "高併發"),
    ("开源社区", "開源社群"),
    ("这一数字", "這一數字"),
    ("高质量发展", "高質量發展"),
    ("软件和硬件", "軟體和硬體"),
    ("信息安全", "資訊安全"),
    ("第三代半导体", "第三代半導體"),
    ("人工智能", "人工智慧"),
    ("支持5G R16", "支援5G R16"),
    ("用户体验", "使用者體驗"),
    ("分布式", "分散式"),
    ("头发丝", "頭髮絲"),
    ("数据中心", "資料中心"),
    ("大数据", "大數據"),
    ("首席执行官", "執行長"),
]


@pytest.fixture(scope="module")
def converter() -> Converter:
    config = load_config(ROOT / "site.yml", required=True)
    return Converter(editions.conversion(config.editions[0], ROOT, ROOT / "content"))


@pytest.mark.parametrize("simplified, traditional", PAIRS)
def test_phrase(converter: Converter, simplified: str, traditional: str):
    assert converter(simplified) == traditional


def test_the_table_is_large_and_mostly_fixes():
    plain = opencc.OpenCC("s2twp")
    assert len(PAIRS) >= 30
    assert sum(plain.convert(simplified) != traditional for simplified, traditional in PAIRS) >= 50


def test_the_site_configures_taiwan_vocabulary():
    edition = load_config(ROOT / "site.yml", required=True).editions[0]
    assert (edition.language, edition.folder, edition.opencc) == ("zh-Hant", "zh-hant", "s2twp")
    assert editions.overrides_path(edition, ROOT, ROOT / "content") == (Path(ROOT / "content/hant-overrides.yml"), False)
