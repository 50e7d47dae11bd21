"""The baseline the zh-Hant scorer compares with: OpenCC s2twp with the built-in fixes the build had
before the Taiwan conversion (issue 13), read from the sample bulletin. Kept here, out of the
package, only to measure against: the phrases OpenCC's s2twp got wrong in the sample's news text.
"""

from __future__ import annotations

from collections.abc import Callable

import opencc

from generator.site.editions.convert import Conversion, Converter
from generator.site.editions.opencc_fixes import SEGMENTATION, SPLITS, TAIWAN_CHARACTERS

# s2twp: Taiwan vocabulary. OpenCC's Taiwan phrases are written for software and computing; in news
# text many of them change the meaning. The computing sense stays where the phrase is unambiguous.
TAIWAN_PHRASES = {
    "发布": "發布",  # 釋出 is releasing software: 发布会 would become 釋出會
    "运行": "運行",  # 執行 is running a program: 经济运行, 正常运行
    "光驱动": "光驅動",  # 背光驱动 split as 背|光驱|动 became 背光碟機動
    "全局": "全局",  # 國家安全局 became 國家安全域性
    "主板上市": "主板上市",  # the stock exchange board, not a motherboard
    "主板市场": "主板市場",
    "禁带": "禁帶",  # 禁带宽度 (band gap) became 禁頻寬度
    "分区": "分區",  # 分割槽 is a disk partition: Mini LED zones, city districts
    "回调": "回調",  # 回撥 is a software callback: a share price pulling back
    "进程": "進程",  # 程序 is an operating-system process: 标准化进程
    "社区": "社區",  # 社群 is an online community: residential and smart communities
    "开源社区": "開源社群",
    "开发者社区": "開發者社群",
    "社区开发者": "社群開發者",
    "打开": "打開",  # 開啟 opens a file: 打开了新的增长空间
    "实例": "實例",  # 例項 is an object instance: 应用实例
    "类型": "類型",  # 型別 is a data type: 业务类型
    "映射": "映射",  # 對映 is a mathematical mapping
    "导入": "導入",  # 匯入 is importing data: 导入了很多新客户
    "数据导入": "資料匯入",
    "声明": "聲明",  # 宣告 is a declaration in code: 放弃继承权声明
    "设置": "設置",  # 設定 is a setting: 设置人工智能课程
    "文件": "文件",  # 檔案 is a computer file: 提交抗议文件
    "文件夹": "資料夾",
    "文件系统": "檔案系統",
    "文件名": "檔名",
    "文件柜": "檔案櫃",
    "可执行文件": "執行檔",
    "源文件": "原始檔",
    "头文件": "標頭檔",
    "消息": "消息",  # 訊息 is a message: 据媒体消息 (news)
    "循环": "循環",  # 迴圈 is a loop in code: 良性循环
    "复循环": "複循環",
    "扩展": "擴展",  # 擴充套件 is a browser extension: 可扩展的AI技术
    "扩展名": "副檔名",
    "文件扩展名": "副檔名",
    "对象": "對象",  # 物件 is an object in code: 特定对象, 防护对象
    "面向对象": "物件導向",
    "调用": "調用",  # 呼叫 is a function call: 调用数据
    "联系": "聯繫",  # 聯絡 is contacting someone: 建立联系, 紧密联系
    "联系方式": "聯絡方式",
    "联系电话": "聯絡電話",
    "保持联系": "保持聯絡",
    "批量": "批量",  # 批次 is a batch: 批量化, 批量个人信息
    "优化": "優化",  # 最佳化 is mathematical optimisation: 优化审批体系
    "设备": "設備",  # 裝置 is a gadget: 28纳米设备, 生产设备, 通信设备企业
    "移动设备": "行動裝置",
    "激活": "激活",  # 啟用 is activating software: 激活网络安全产业
    "禁用措施": "禁用措施",  # 停用 is disabling: a ban on apps
    "高级": "高級",  # 高階 is high-level (高级语言): 高级总监, 高级经理
    "高级语言": "高階語言",
    "高级设置": "進階設定",
    "高级选项": "進階選項",
    "像素": "像素",  # Taiwan writes 像素 (4800萬像素) more than 畫素
    "用户": "用戶",  # 使用者 is a software user: telecom subscribers (宽带用户) are 用戶
    "用户体验": "使用者體驗",
    "用户界面": "使用者介面",
    "用户名": "使用者名稱",
    "最终用户": "終端使用者",
    "大力支持": "大力支持",  # 支援 is technical support: policy backing stays 支持
    "全力支持": "全力支持",
    "政策支持": "政策支持",
    "市场支持": "市場支持",
    "更多支持": "更多支持",
    "获得支持": "獲得支持",
    "给予支持": "給予支持",
    "支持力度": "支持力度",
    "视频方式": "視訊方式",  # 影片 is a recorded video: 以视频方式出席会议 is a video call
    "视频连线": "視訊連線",
    "视频通话": "視訊通話",
    "远程视频": "遠端視訊",
    "模拟芯片": "類比晶片",  # an analog chip; 模擬晶片 would be a simulated one
    "模拟信号": "類比訊號",
    "智能手机": "智慧型手機",
    "云计算": "雲端運算",
    "分布式": "分散式",  # listed again: the Taiwan characters' 分布 would hide OpenCC's 分布式
    "边缘计算": "邊緣運算",
    "仿真": "仿真",  # OpenCC's 模擬 would merge 设计、模拟、仿真 into 設計、模擬、模擬
    # Vocabulary OpenCC leaves in its mainland form, where Taiwan readers would misread it
    "质量": "品質",  # 質量 is mass in Taiwan: 晶片質量 would be the weight of a chip
    "质量守恒": "質量守恆",
    "质量数": "質量數",
    "质量分数": "質量分數",
    "高质量发展": "高質量發展",  # a policy's name, quoted as such
    "计算机": "電腦",  # 計算機 is a pocket calculator in Taiwan
    "正电子发射计算机断层": "正子斷層造影",
    "运营": "營運",  # 运营商 營運商, 运营成本 營運成本
    "首席运营官": "營運長",
    "营销": "行銷",
    "虚拟现实": "虛擬實境",
    "增强现实": "擴增實境",
    "全面屏": "全螢幕",
    "市盈率": "本益比",
    "可穿戴设备": "穿戴式裝置",
    "移动用户": "行動用戶",  # 移动 as in mobile telephony is 行動 (OpenCC: only 移动通信, 移动数据)
    "移动业务": "行動業務",
    "移动互联网": "行動網際網路",
    "移动宽带": "行動寬頻",
    "移动应用": "行動應用",
    "移动支付": "行動支付",
    "移动办公": "行動辦公",
    "移动端": "行動端",
    # 数字 as "digital" is 數位 in Taiwan; as a number it stays 數字
    "数字": "數位",
    "数字鸿沟": "數位落差",
    "天文数字": "天文數字",
    "阿拉伯数字": "阿拉伯數字",
    "罗马数字": "羅馬數字",
    "这一数字": "這一數字",
    "这个数字": "這個數字",
    "该数字": "該數字",
    "此数字": "此數字",
    "上述数字": "上述數字",
    "一组数字": "一組數字",
    "数字背后": "數字背後",
    "数字游戏": "數字遊戲",
    "数字系数": "數字係數",
    "魔术数字": "魔術數字",
    "数字钟": "數位鐘",
    "数字钟表": "數位鐘錶",
}


class OpenCCConverter(Converter):
    """A converter whose text between override phrases goes through OpenCC alone, s2twp included."""

    @staticmethod
    def backend(config: str) -> Callable[[str], str]:
        return opencc.OpenCC(config).convert


def converter() -> Converter:
    """OpenCC s2twp with the fixes it had: segmentation, Taiwan characters and Taiwan phrases."""
    fixes = SEGMENTATION | TAIWAN_CHARACTERS | TAIWAN_PHRASES
    return OpenCCConverter(Conversion("s2twp", tuple(sorted(fixes.items())), SPLITS))
