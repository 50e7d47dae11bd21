"""The zh-Hant edition: a full mirror at the same paths, language switch, hreflang, sitemap, --variant."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from build_helpers import Built, build_project, run_bulletin
from test_build_output import snapshot

from generator.site import batch

BASE = "https://example.github.io/bulletin-digest/"
HANT = "zh-hant/"
# Characters that exist only in Simplified Chinese: every one of them that the sample bulletin uses
# (OpenCC's STCharacters entries whose Traditional forms do not include the character itself, and
# that s2tw changes too), most frequent first.
SIMPLIFIED_ONLY = frozenset(
    "业产国数发为网务动场应来长经电现体进实联术设机个时亿资将计与对过会关领标络规测这济报内营开导统软强显创区间从学点达并决续"
    "还说链监户们题运专环态较问势级备财线华视带预试脑车际协项构额头础总战证东断门办传当卫记处约润结调两别层优认单转储验样团组"
    "驾风终键无块复类亚难变稳险称购园节围争随积张驶费议识员扩继军获竞撑够绩涨庆马习况拟响净紧质让责销远兴频趋逊绍仅护盖宽驱则"
    "观审见检连维阶参举货权该没简气凯轨释义论训状圆输织离装纳满苏负赛询众执临细选师书陆热币么养讯杨飞医灵双艺纪厅旷挥访谈轮图"
    "虽载银绕拥边龙异启刚觉扬红献归筹乔虚换练须诉陈贡恒渐属赵针沟赋渗劲刘尽给损尔历亏坚择顺杂纷潜压号帮语伦条径讲伟隐减签评晓"
    "届楼乐灯许码轻垄迈汇孪补乱镓请贯纵腾锁疗订库贸队赖诸虑缩阵郑宝庞缘缓抢脱叠韩颢扰画顾颗哔锐彻却寻黄钟绿严阔畅综课触鸿坛槛"
    "赶顶兰灾迁横树册罗蜕错谨励话鉴碍声冲荣牵携写凭誉摄温欧赢诚辑盘担猎践钱齐纤遗录钹儿辆丝侧鹏涛违恶衔壮闻谌职剧蓝词吴艰绝跃"
    "铁笔欢汉摆爱逻宁谓锂仓尧晖邮铺迟脚夺击娱读粤镇奋湾伤雾缆阳详踪弹残缝旧弃钻祎锋韧农梦静丢绑扫亲挤滞猫弯仪诺畴编炉毁衬贵辅"
    "卖颈桨杀孙闪奥剑钢暂讼译炼桥脸闲辩剥茧飨县绸缪岭窦矿筛禄听谭贴纫纸猪卢戏栈谢尝纺浏览阐躯跻斩馈烧厦迹药误蕴买账辞谱灏巩胁"
    "侦岛窃栋洁纯荡汤鱼阁攒忧渊纲惯阈谁蛮唤艳窝镜顿夹遥拨寿灿铜颜壳舰睐硕辐桩档厮赔败毕挡贝劳宾诞缀缭忆骤鲜嘱独烟飘垒摊颇蝉坏"
    "鲁锻"
)
TWO_EDITIONS = "editions:\n  - {language: zh-Hant, opencc: s2twp}\n"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def is_redirect(path: Path) -> bool:
    """A stub at a renamed article's old address (`redirect_from`), no page of the site."""
    return 'http-equiv="refresh"' in path.read_text(encoding="utf-8")[:600]


def pages(out: Path) -> set[str]:
    return {path.relative_to(out).as_posix() for path in out.rglob("*.html")
            if not is_redirect(path) and not path.name.endswith(".single.html")}


def with_editions(project: Path, extra: str = TWO_EDITIONS) -> Path:
    site = project / "site.yml"
    site.write_text(site.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return project


def test_every_page_feed_and_search_file_exists_in_both_editions(sample_site: Built):
    out = sample_site.out
    default = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and not p.relative_to(out).as_posix().startswith(HANT)}
    hant = {p.relative_to(out / HANT).as_posix() for p in (out / HANT).rglob("*") if p.is_file()}
    assert default - hant == {".bulletin-build", ".nojekyll", "robots.txt", "sitemap.xml"}  # the files of the whole site
    assert hant - default == {"search/words.js"}  # the words zh-Hant writes its own way, for either edition's search
    assert {"index.html", "feed.xml", "atom.xml", "search/index.js", "search.html", "404.html"} <= hant


def test_every_page_links_to_its_counterpart_and_names_it_in_the_head(sample_site: Built):
    out = sample_site.out
    for path in sorted(pages(out)):
        here, other, counterpart = ("zh-Hant", "zh-Hans", path[len(HANT):]) if path.startswith(HANT) else ("zh-Hans", "zh-Hant", HANT + path)
        page = soup(out / path)
        assert page.html["lang"] == here, path
        switch = page.select("nav.edition-switch ul a")
        assert [(a["hreflang"], a["lang"]) for a in switch] == [(other, other)], path
        toggle = page.select_one("nav.edition-switch .edition-toggle")  # the phone header's button: the same link
        assert toggle["href"] == switch[0]["href"] and toggle.get_text() == {"zh-Hans": "繁", "zh-Hant": "简"}[here], path
        assert (out / path).parent.joinpath(unquote(switch[0]["href"])).resolve() == (out / counterpart).resolve(), path
        assert page.select_one("nav.edition-switch [aria-current]").get_text() == {"zh-Hans": "简体中文", "zh-Hant": "繁體中文"}[here]
        alternates = {link["hreflang"]: link["href"] for link in page.find_all("link", rel="alternate", hreflang=True)}
        if path.endswith(("404.html", "offline.html")):
            assert alternates == {}, path  # not indexed, so no alternates
            continue
        plain = path.removeprefix(HANT)
        url = BASE + (plain[: -len("index.html")] if plain.endswith("index.html") else plain)
        hant_url = BASE + HANT + url[len(BASE):]
        assert alternates == {"zh-Hans": url, "zh-Hant": hant_url, "x-default": url}, path
        assert page.find("link", rel="canonical")["href"] == (hant_url if path.startswith(HANT) else url)


def test_zh_hant_text_is_traditional_and_ui_strings_come_from_the_theme(sample_site: Built):
    out = sample_site.out / HANT
    for path in sorted(path for path in out.glob("articles/*.html") if not is_redirect(path)):
        article = soup(path).select_one("article")
        left = {char for char in article.get_text() if char in SIMPLIFIED_ONLY}
        assert not left, (path.name, left)
    home = soup(out / "index.html")
    assert home.title.get_text() == "信息產業監測·摘要"
    assert [a.get_text() for a in home.select("#site-nav a")] == ["往期", "欄目", "標籤"]
    assert home.select_one(".site-search button").get_text() == "搜尋"
    assert home.select_one(".issue-header h1").get_text(strip=True) == "信息產業監測 2021年8月12日"
    article = soup(out / "articles/gongxinbu-jiaqiang-shuju-xinxi-fenxi.html")
    assert article.h1.get_text() == "工信部：加強資料資訊分析 抓好區域協查任務落實"
    assert re.search(r"閱讀約 \d+ 分鐘", article.select_one(".meta").get_text())
    assert [a.get_text() for a in article.select(".tag-list a")] == ["疫情防控"]
    second = soup(out / "articles/gongxinbu-deng-sanbumen-zhaokai-youqi.html")
    assert [a.get_text() for a in second.select(".tag-list a")] == ["工業網際網路"]  # s2twp: Taiwan vocabulary
    assert article.select_one(".eyebrow a").get_text() == "產業環境"
    assert "新聞發布會" in article.select_one(".prose").get_text()


def test_urls_slugs_and_anchors_are_the_same_in_both_editions(sample_site: Built):
    out = sample_site.out
    for name in ("articles/gongxinbu-jiaqiang-shuju-xinxi-fenxi.html", "index.html", "tags/bandaoti/index.html"):
        default, hant = soup(out / name), soup(out / HANT / name)
        links = [a["href"] for a in default.select("main a")]
        assert links == [a["href"] for a in hant.select("main a")], name
        assert [h.get("id") for h in default.select("[id]")] == [h.get("id") for h in hant.select("[id]")], name


def test_sitemap_lists_both_editions_with_alternates_and_robots_is_only_at_the_root(sample_site: Built):
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(sample_site.out / "sitemap.xml").getroot()
    locations = [url.findtext("s:loc", namespaces=namespaces) for url in root]
    default = [loc for loc in locations if not loc.startswith(BASE + HANT)]
    assert sorted(loc.replace(BASE, BASE + HANT, 1) for loc in default) == sorted(set(locations) - set(default))
    assert len(default) == len(pages(sample_site.out)) / 2 - 3  # all but search.html, 404.html and offline.html
    for url in root:
        links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", namespaces)}
        assert set(links) == {"zh-Hans", "zh-Hant"} and url.findtext("s:loc", namespaces=namespaces) in links.values()
    assert (sample_site.out / "robots.txt").read_text(encoding="utf-8").endswith(f"Sitemap: {BASE}sitemap.xml\n")
    assert not (sample_site.out / HANT / "robots.txt").exists() and not (sample_site.out / HANT / "sitemap.xml").exists()


def test_search_index_of_zh_hant_shows_traditional_text_and_matches_simplified_terms(sample_site: Built):
    search = sample_site.out / HANT / "search"
    index = (search / "index.js").read_text(encoding="utf-8")
    shards = "".join(path.read_text(encoding="utf-8") for path in search.glob("t*.js"))
    articles = "".join(path.read_text(encoding="utf-8") for path in search.glob("d*.js"))
    assert '"產業環境"' in index and "半導體" in index and "半導體" in articles  # shown as the edition shows it
    assert '"导体"' in shards and '"半导"' in shards and '"5g"' in shards  # terms in one script for both
    assert '"導體"' not in shards


def test_a_single_edition_build_keeps_the_other_edition(make_project):
    project = with_editions(make_project())
    built = build_project(project)
    before = snapshot(built.out)
    article = project / "content/2021-01-07/01-shuju-anquan-fa.md"
    article.write_text(article.read_text(encoding="utf-8").replace("数据安全法草案二审", "数据安全法草案三审"), encoding="utf-8")

    result = run_bulletin("build", "--variant", "zh-Hant", cwd=project)
    assert result.returncode == 0 and "built 38 pages (" in result.stdout, result.stdout
    after = snapshot(built.out)
    assert {path for path in after if after[path] != before.get(path)} <= {path for path in after if path.startswith(HANT)} | {"sitemap.xml"}
    assert "三審" in after[HANT + "articles/shuju-anquan-fa-ershen.html"].decode() and "二审" in after["articles/shuju-anquan-fa-ershen.html"].decode()
    assert set(after) == set(before)
    assert os.stat(built.out / "index.html").st_nlink == 1  # carried over as a link; the old output is gone

    result = run_bulletin("build", "--variant", "zh-hans", cwd=project)
    assert result.returncode == 0
    final = snapshot(built.out)
    assert set(final) == set(before) and "三审" in final["articles/shuju-anquan-fa-ershen.html"].decode()
    assert final[HANT + "index.html"] == after[HANT + "index.html"]


def test_a_failed_single_edition_build_changes_nothing(make_project, monkeypatch):
    project = with_editions(make_project())
    built = build_project(project)
    before = snapshot(built.out)

    article = project / "content/2021-01-07/01-shuju-anquan-fa.md"
    article.write_text(article.read_text(encoding="utf-8") + "\n新增一段。\n", encoding="utf-8")  # pages to render again

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(batch, "produce", broken)
    with pytest.raises(RuntimeError):
        run_bulletin("build", "--variant", "zh-Hant", cwd=project)
    assert snapshot(built.out) == before
    assert [p.name for p in project.iterdir() if p.name.startswith(".output")] == []  # no build folder left


def test_a_stale_folder_of_the_rebuilt_edition_is_not_kept(make_project):
    project = with_editions(make_project())
    built = build_project(project)
    (built.out / HANT / "articles/stale.html").write_text("old", encoding="utf-8")
    (built.out / "articles/stale.html").write_text("old", encoding="utf-8")
    assert run_bulletin("build", "--variant", "zh-Hant", cwd=project).returncode == 0
    assert not (built.out / HANT / "articles/stale.html").exists() and (built.out / "articles/stale.html").exists()


def test_unknown_variant_is_an_error(make_project):
    result = run_bulletin("build", "--variant", "zh-TW", cwd=with_editions(make_project()))
    assert result.returncode == 1 and "unknown variant 'zh-TW': this site's editions are zh-Hans, zh-Hant" in result.stderr


def test_overrides_and_protected_text_reach_every_displayed_string(make_project):
    project = with_editions(make_project())
    (project / "content/hant-overrides.yml").write_text("数据安全: 數據安全\n", encoding="utf-8")
    article = project / "content/2021-01-07/01-shuju-anquan-fa.md"
    text = article.read_text(encoding="utf-8").replace("title: 数据安全法草案二审 强化重要数据保护", 'title: "{{数据安全法}}草案二审 强化重要数据保护"')
    article.write_text(text + "\n编辑注：{{软件定义网络}}与软件。\n", encoding="utf-8")
    out = build_project(project).out
    page = soup(out / HANT / "articles/shuju-anquan-fa-ershen.html")
    assert page.h1.get_text().startswith("数据安全法草案二審")
    assert "软件定义网络與軟體" in page.select_one(".prose").get_text()
    assert "數據安全" in soup(out / HANT / "tags/index.html").select_one(".tag-cloud").get_text()
    default = soup(out / "articles/shuju-anquan-fa-ershen.html")
    assert default.h1.get_text().startswith("数据安全法草案二审") and "{{" not in default.get_text()


def test_unquoted_protected_title_gets_a_hint(make_project):
    project = make_project()
    article = project / "content/2021-01-07/01-shuju-anquan-fa.md"
    article.write_text(article.read_text(encoding="utf-8").replace("title: 数据安全法", "title: {{数据安全法}}"), encoding="utf-8")
    result = run_bulletin("build", cwd=project)
    assert result.returncode == 1 and '01-shuju-anquan-fa.md:2: invalid YAML in front matter' in result.stderr
    assert 'a value that starts with {{ must be quoted: title: "{{…}}…"' in result.stderr


def test_nojekyll_always_and_cname_with_a_custom_domain(make_project):
    out = build_project(make_project()).out
    assert (out / ".nojekyll").read_bytes() == b"" and not (out / "CNAME").exists()
    project = with_editions(make_project("domain"), "custom_domain: Digest.Example.org\n")
    out = build_project(project).out
    assert (out / "CNAME").read_text(encoding="utf-8") == "digest.example.org\n"
    assert not (out / HANT / "CNAME").exists() and not (out / HANT / ".nojekyll").exists()


def test_404_pages_resolve_links_against_their_own_edition(sample_site: Built):
    for prefix in ("", HANT):
        page = soup(sample_site.out / prefix / "404.html")
        assert page.find("base")["href"] == BASE + prefix
        assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert soup(sample_site.out / HANT / "404.html").h1.get_text() == "找不到網頁"


def test_large_archives_get_a_sitemap_index(monkeypatch, sample_site: Built, tmp_path):
    from generator.site.render import sitemap

    monkeypatch.setattr(sitemap, "MAX_URLS", 100)
    project = sample_site.project
    result = run_bulletin("build", "--out", str(tmp_path / "out"), cwd=project)
    assert result.returncode == 0, result.stderr
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    index = ET.parse(tmp_path / "out/sitemap.xml").getroot()
    parts = [loc.text for loc in index.findall("s:sitemap/s:loc", namespace)]
    assert index.tag.endswith("sitemapindex") and parts == [f"{BASE}sitemap-{n}.xml" for n in range(1, len(parts) + 1)]
    counts = [len(ET.parse(tmp_path / "out" / part.removeprefix(BASE)).getroot()) for part in parts]
    assert all(count <= 100 for count in counts) and sum(counts) == len(pages(sample_site.out)) - 6  # search.html, 404.html, offline.html: in both editions


def test_converted_text_is_kept_between_builds(make_project, monkeypatch):
    project = with_editions(make_project())
    first = snapshot(build_project(project).out)
    [kept] = (project / ".cache/convert").glob("zh-hant-*.json")

    def no_opencc(self, text):
        raise AssertionError(f"converted again: {text!r}")

    from generator.site.editions.convert import Converter

    monkeypatch.setattr(Converter, "_convert", no_opencc)
    assert snapshot(build_project(project).out) == first  # every text came from the cache
    monkeypatch.undo()

    (project / "content/hant-overrides.yml").write_text("数据安全: 數據安全\n", encoding="utf-8")
    build_project(project)
    [changed] = (project / ".cache/convert").glob("zh-hant-*.json")
    assert changed != kept  # new overrides, new key; the old file is gone

    changed.write_text("{not json", encoding="utf-8")
    assert "數據安全" in build_project(project).page(HANT + "tags/index.html")  # a broken cache is no cache
