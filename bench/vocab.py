"""Vocabulary of the synthetic archive: information-industry words, phrases and the fixed taxonomy.

Words that can open a title carry their pinyin, so that slugs are ASCII like the real ones.
"""

from __future__ import annotations

PUBLICATION = "信息产业监测"

SECTIONS = ["产业环境", "运营竞争", "技术情报", "企业情报", "海外借鉴"]

# Hugo and Pelican get ASCII folder names and slugs for the sections.
SECTION_SLUGS = {
    "产业环境": "chanye-huanjing",
    "运营竞争": "yunying-jingzheng",
    "技术情报": "jishu-qingbao",
    "企业情报": "qiye-qingbao",
    "海外借鉴": "haiwai-jiejian",
}

# Ordered from most to least popular: the tag at rank r is drawn with weight 1 / r (Zipf).
TAGS = [
    "5G", "数据安全", "人工智能", "半导体", "大数据", "云计算", "工业互联网", "数字经济",
    "网络安全", "物联网", "集成电路", "智能制造", "疫情防控", "数字化转型", "新能源汽车", "电信运营",
    "数据中心", "算力", "区块链", "个人信息保护", "平台经济", "反垄断", "智能终端", "软件",
    "开源", "操作系统", "电子商务", "移动支付", "金融科技", "智慧城市", "数字政府", "信息消费",
    "光通信", "宽带", "卫星互联网", "虚拟现实", "机器人", "自动驾驶", "超高清视频", "在线教育",
    "远程医疗", "跨境电商", "标准化", "知识产权", "投融资", "并购", "出口管制", "供应链",
    "碳中和", "绿色低碳", "量子计算", "边缘计算", "6G", "北斗", "工业软件", "信创",
    "EDA", "IPv6", "车联网", "元宇宙",
]

# (word, pinyin) pairs that open a title: who acts.
ACTORS = [
    ("工信部", "gongxinbu"), ("国家发改委", "guojia-fagaiwei"), ("国务院", "guowuyuan"),
    ("中央网信办", "zhongyang-wangxinban"), ("市场监管总局", "shichang-jianguan-zongju"),
    ("科技部", "kejibu"), ("商务部", "shangwubu"), ("中国信通院", "zhongguo-xintongyuan"),
    ("中国移动", "zhongguo-yidong"), ("中国电信", "zhongguo-dianxin"), ("中国联通", "zhongguo-liantong"),
    ("中国广电", "zhongguo-guangdian"), ("华为", "huawei"), ("中兴通讯", "zhongxing-tongxun"),
    ("阿里巴巴", "alibaba"), ("腾讯", "tengxun"), ("百度", "baidu"), ("京东", "jingdong"),
    ("小米", "xiaomi"), ("中芯国际", "zhongxin-guoji"), ("紫光集团", "ziguang-jituan"),
    ("浪潮", "langchao"), ("联想", "lianxiang"), ("海尔", "haier"), ("三星", "sanxing"),
    ("苹果", "pingguo"), ("高通", "gaotong"), ("英特尔", "yingteer"), ("台积电", "taijidian"),
    ("欧盟", "oumeng"), ("美国商务部", "meiguo-shangwubu"), ("日本总务省", "riben-zongwusheng"),
    ("韩国科学技术信息通信部", "hanguo-kexue-jishu-xinxi-tongxinbu"), ("广东省", "guangdong-sheng"),
    ("上海市", "shanghai-shi"), ("北京市", "beijing-shi"), ("深圳市", "shenzhen-shi"),
    ("浙江省", "zhejiang-sheng"), ("江苏省", "jiangsu-sheng"), ("GSMA", "gsma"),
]

# (phrase, pinyin) pairs for what the title is about.
TOPICS = [
    ("加强数据信息分析", "jiaqiang-shuju-xinxi-fenxi"), ("抓好区域协查任务落实", "zhuahao-quyu-xiecha-renwu-luoshi"),
    ("推进5G规模化应用", "tuijin-5g-guimohua-yingyong"), ("发布数据安全管理办法", "fabu-shuju-anquan-guanli-banfa"),
    ("加快工业互联网建设", "jiakuai-gongye-hulianwang-jianshe"), ("布局人工智能芯片", "buju-rengong-zhineng-xinpian"),
    ("扩大数据中心规模", "kuoda-shuju-zhongxin-guimo"), ("启动算力网络试点", "qidong-suanli-wangluo-shidian"),
    ("完善个人信息保护制度", "wanshan-geren-xinxi-baohu-zhidu"), ("开展平台经济专项整治", "kaizhan-pingtai-jingji-zhuanxiang-zhengzhi"),
    ("发布半导体扶持政策", "fabu-bandaoti-fuchi-zhengce"), ("签署云计算合作协议", "qianshu-yunjisuan-hezuo-xieyi"),
    ("推出新一代智能终端", "tuichu-xinyidai-zhineng-zhongduan"), ("深化数字政府改革", "shenhua-shuzi-zhengfu-gaige"),
    ("建设千兆光网城市", "jianshe-qianzhao-guangwang-chengshi"), ("加大研发投入", "jiada-yanfa-touru"),
    ("公布上半年业绩", "gongbu-shangbannian-yeji"), ("完成新一轮融资", "wancheng-xinyilun-rongzi"),
    ("收购海外芯片企业", "shougou-haiwai-xinpian-qiye"), ("调整出口管制清单", "tiaozheng-chukou-guanzhi-qingdan"),
    ("推动IPv6规模部署", "tuidong-ipv6-guimo-bushu"), ("部署6G技术研究", "bushu-6g-jishu-yanjiu"),
    ("发布EDA工具新版本", "fabu-eda-gongju-xinbanben"), ("开放北斗导航服务", "kaifang-beidou-daohang-fuwu"),
    ("规范APP个人信息收集", "guifan-app-geren-xinxi-shouji"), ("打击电信网络诈骗", "daji-dianxin-wangluo-zhapian"),
    ("提升网络安全防护能力", "tisheng-wangluo-anquan-fanghu-nengli"), ("促进信息消费升级", "cujin-xinxi-xiaofei-shengji"),
    ("落实碳达峰行动方案", "luoshi-tandafeng-xingdong-fangan"), ("培育专精特新企业", "peiyu-zhuanjing-texin-qiye"),
    ("扩展车联网应用场景", "kuozhan-chelianwang-yingyong-changjing"), ("建设智慧城市平台", "jianshe-zhihui-chengshi-pingtai"),
    ("加强供应链风险管理", "jiaqiang-gongyinglian-fengxian-guanli"), ("发布开源操作系统", "fabu-kaiyuan-caozuo-xitong"),
    ("推进量子计算实用化", "tuijin-liangzi-jisuan-shiyonghua"), ("试点远程医疗服务", "shidian-yuancheng-yiliao-fuwu"),
]

# Words for the body text.
SUBJECTS = [
    "相关部门", "各地通信管理局", "基础电信企业", "行业协会", "龙头企业", "中小企业", "科研院所", "地方政府",
    "运营商", "设备制造商", "互联网平台", "监管机构", "产业联盟", "投资机构", "研究机构", "头部厂商",
]
VERBS = [
    "加快推进", "持续完善", "全面落实", "积极探索", "稳步推进", "重点支持", "统筹布局", "深入开展",
    "着力提升", "大力发展", "加强监管", "优化调整", "协同推进", "系统部署", "逐步扩大", "联合发布",
]
OBJECTS = [
    "网络基础设施", "数据要素市场", "关键核心技术", "产业链供应链", "新型基础设施", "应用场景", "标准体系",
    "安全保障体系", "公共服务平台", "创新生态", "融合应用", "频谱资源", "算力资源", "研发能力",
    "市场秩序", "服务质量", "用户权益", "国际合作", "人才队伍", "产业集群",
]
ADVERBIALS = [
    "今年以来", "截至目前", "下一步", "近日", "与此同时", "从长远看", "总体来看", "据了解", "业内人士认为",
    "值得注意的是", "在此背景下", "数据显示",
]
RESULTS = [
    "取得阶段性成效", "形成一批可复制可推广的经验", "带动上下游协同发展", "有效降低企业成本",
    "进一步释放市场活力", "显著提升用户体验", "为行业高质量发展提供支撑", "推动产业向中高端迈进",
    "引发市场广泛关注", "仍面临不少挑战",
]
METRICS = [  # (what is counted, its unit)
    ("市场规模", "亿元"), ("用户数", "万户"), ("出货量", "万台"), ("营业收入", "亿元"), ("投资额", "亿美元"),
    ("基站数量", "万个"), ("连接数", "亿个"), ("专利申请量", "项"),
]
HEADINGS = [
    "政策背景", "主要内容", "市场格局", "技术进展", "存在问题", "发展趋势", "国际经验", "对策建议",
    "典型案例", "影响分析",
]
