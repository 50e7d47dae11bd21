"""Built-in override phrases: where OpenCC gets Chinese news text wrong, per configuration.

Found by converting the sample bulletin (content/2021-08-12/) and reading the result. A site's own
`content/hant-overrides.yml` is applied over these (its entries win); names of people, companies,
institutions and laws belong there, these lists hold only language.

Each phrase here was checked against OpenCC's own dictionaries: it must not hide a longer OpenCC
phrase that contains it (`分布` would hide `分布式` -> `分散式`), or the longer phrase is listed too.
"""

from __future__ import annotations

# Every Simplified-to-Traditional configuration. OpenCC segments text into the longest phrases of its
# dictionary, and a phrase sometimes spans a word boundary and picks the wrong character.
#
# Where the right characters differ between configurations, the fix is a split ('并|发布'): the pieces
# are converted apart, each by the edition's own conversion (並 + 發布 in Taiwan, 並 + 發佈 elsewhere).
SPLITS = (
    "美|发达",  # 欧美发达国家: 美发 (hairdressing) made 歐美髮達
    "云|为",  # 混合云为主: 云为 ("said to be") kept the simplified 云
    # 并 + 发…: 并发 (concurrent, 併發) was matched before the verb: 会议并发言 became 會議併發言
    "并|发言",
    "并|发布",
    "并|发出",
    "并|发挥",
    "并|发放",
    "并|发起",
    "并|发送",
    "并|发生",
    "并|发给",
    "并|发文",
    "并|发声",
    "并|发力",
    "并|发函",
    "并|发电",
    "并|发行",
)
SEGMENTATION = {
    "表示": "表示",  # 吴云坤表示: 坤表 (a lady's watch) made 坤錶示
    "新签": "新簽",  # 新签合同: 新籤 (a new lot) instead of newly signed
    "折合": "折合",  # 折合人民币: 摺合 (folding)
    "折合椅": "摺合椅",
    "了如今": "了如今",  # 实现了如今的: 瞭如 (as in 瞭如指掌)
    "资金链": "資金鏈",  # 鍊 is a chain to wear or to refine; 產業鏈 and 資金鏈 take 鏈
    "有云": "有雲",  # 私有云, 公有云, 所有云: 有云 ("it is said") kept the simplified 云
    "语有云": "語有云",
    "经有云": "經有云",
    "混合云": "混合雲",
    "拉升": "拉升",  # 拉昇: 昇 is only a name variant here
    "复杂": "複雜",  # 更复杂 became 更復雜
    "统制造": "統製造",  # 传统制造: 统制 (control) left 制造 as 制造
}

# Taiwan (s2tw, s2twp): OpenCC writes 佈 where the Taiwan standard (教育部) writes 布.
TAIWAN_CHARACTERS = {
    "发布": "發布",
    "公布": "公布",
    "宣布": "宣布",
    "颁布": "頒布",
    "分布": "分布",
    "散布": "散布",
    "遍布": "遍布",
    "布局": "布局",
    "分布式": "分布式",
    "伙伴": "夥伴",  # OpenCC keeps 合作伙伴
    "合作伙伴": "合作夥伴",
    "账": "帳",  # 转账, 账户: Taiwan writes 帳
}

# s2twp has none: the Taiwan conversion (generator.text.hant) replaces OpenCC's s2twp and its fixes.
FIXES = {"s2t": SEGMENTATION, "s2tw": SEGMENTATION | TAIWAN_CHARACTERS, "s2twp": {}, "s2hk": SEGMENTATION, "t2s": {}}
FIX_SPLITS = {"s2t": SPLITS, "s2tw": SPLITS, "s2twp": (), "s2hk": SPLITS, "t2s": ()}
