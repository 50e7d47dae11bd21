"""The built site in headless Chromium, opened from file://: styles, navigation, search, CSP."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from build_helpers import Built

CJK_FONTS = ("PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei")


def url(built: Built, path: str) -> str:
    return (built.out / path).as_uri()


def search(page, built: Built, query: str) -> list[str]:
    """Titles of the results the search page shows for `query`."""
    page.goto(url(built, "search.html") + "?q=" + quote(query))
    page.wait_for_function("document.getElementById('search-status').textContent.indexOf('…') === -1")
    page.wait_for_function("!document.getElementById('search-status').textContent.startsWith('正在')")
    return page.locator("#search-results .article-item-title").all_inner_texts()


def test_pages_are_styled_from_file_urls(page, fixture_site: Built):
    page.goto(url(fixture_site, "articles/guochan-eda-tupo.html"))
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert all(name in font for name in CJK_FONTS), font
    paragraph = page.evaluate(
        "(() => { const s = getComputedStyle(document.querySelector('.prose p'));"
        " return [parseFloat(s.lineHeight), parseFloat(s.fontSize), s.textAlign]; })()"
    )
    assert 1.7 <= paragraph[0] / paragraph[1] <= 1.9 and paragraph[1] >= 16 and paragraph[2] == "justify"
    width = page.evaluate("document.querySelector('.prose').getBoundingClientRect().width / parseFloat(getComputedStyle(document.querySelector('.prose p')).fontSize)")
    assert 34 <= width <= 42, "measure in CJK characters per line"
    assert page.evaluate("getComputedStyle(document.querySelector('.site-nav ul')).display") == "flex"
    assert page.evaluate("document.fonts.check('16px \"Noto Sans CJK SC\"', '中文')")
    h1, body = page.evaluate("[parseFloat(getComputedStyle(document.querySelector('h1')).fontSize), parseFloat(getComputedStyle(document.body).fontSize)]")
    assert h1 >= 1.75 * body


def test_chinese_quotes_are_drawn_by_the_cjk_font(page, fixture_site: Built):
    """Latin fonts draw “” half-width; the theme gives punctuation to the CJK font by unicode-range."""
    page.goto(url(fixture_site, "articles/guochan-eda-tupo.html"))
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    strong = cdp.send("DOM.querySelector", {"nodeId": root, "selector": ".prose strong"})["nodeId"]
    fonts = {font["familyName"] for font in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": strong})["fonts"]}
    assert fonts == {"Noto Sans CJK SC"}, fonts  # “以用促研”: quotes and letters from one font


def test_dark_mode_follows_the_system_setting(browser, fixture_site: Built):
    colours = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        tab = context.new_page()
        tab.goto(url(fixture_site, "index.html"))
        colours[scheme] = tab.evaluate("[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]")
        context.close()
    assert colours["light"] == ["rgb(251, 250, 247)", "rgb(31, 35, 40)"]
    assert colours["dark"] == ["rgb(21, 23, 26)", "rgb(230, 228, 224)"]


def test_navigation_home_issue_article_tag(page, fixture_site: Built):
    page.goto(url(fixture_site, "index.html"))
    page.click(".issue-header h1 a")
    assert page.url.endswith("/issues/2021-01-21.html")
    page.click("text=晶圆代工产能紧张 半导体企业加快扩产")
    assert page.url.endswith("/articles/jingyuan-daigong-kuochan.html")
    assert page.locator("h1").inner_text() == "晶圆代工产能紧张 半导体企业加快扩产"
    page.click(".article-header .tag-list >> text=半导体")
    assert page.url.endswith("/tags/bandaoti/index.html")
    assert page.locator("h1").inner_text() == "半导体"
    page.click("nav.breadcrumb >> text=标签")
    assert page.url.endswith("/tags/index.html")
    page.click("#site-nav >> text=往期")
    assert page.url.endswith("/issues/index.html")
    page.click("text=产业监测 2020年12月3日")
    page.click("nav.issue-toc >> text=工信部：加快推进5G网络建设")
    page.click("a[rel=next]")
    assert page.url.endswith("/articles/guochan-eda-tupo.html")
    page.click("nav.toc >> text=发展建议")
    assert page.url.endswith("#fazhanjianyi")


def test_header_search_box_leads_to_results(page, fixture_site: Built):
    page.goto(url(fixture_site, "articles/guochan-eda-tupo.html"))
    page.fill("#site-search", "数据安全")
    page.press("#site-search", "Enter")
    page.wait_for_selector("#search-results li")
    assert "search.html?q=" in page.url
    assert page.input_value("#search-input") == "数据安全"


@pytest.mark.parametrize(
    "query, expected",
    [
        ("半导体", {"晶圆代工产能紧张 半导体企业加快扩产", "国产EDA工具取得突破 半导体设计链条加速补齐"}),
        ("数据安全", {"数据安全法草案二审 强化重要数据保护", "某安全企业发布数据安全治理平台", "人工智能专题（一）：什么是可信人工智能"}),
        ("5G", {"工信部：加快推进5G网络建设", "三大运营商5G套餐用户数持续增长", "工业互联网创新发展行动计划发布"}),
        ("eda", {"国产EDA工具取得突破 半导体设计链条加速补齐"}),
        ("ＥＤＡ 芯片", {"国产EDA工具取得突破 半导体设计链条加速补齐"}),
        ("液冷", {"某云服务商发布新一代数据中心解决方案"}),
    ],
)
def test_search_finds_chinese_and_latin_terms(page, fixture_site: Built, query, expected):
    assert set(search(page, fixture_site, query)) == expected


def test_search_ranks_title_hits_first_and_highlights_safely(page, fixture_site: Built):
    titles = search(page, fixture_site, "数据安全")
    assert "数据安全" not in titles[-1] and all("数据安全" in title for title in titles[:2])
    marks = page.locator("#search-results .snippet mark").all_inner_texts()
    assert marks and set(marks) == {"数据安全"}
    assert page.locator("#search-status").inner_text() == "找到 3 篇文章"
    page.click("#search-results .article-item-title a >> nth=0")
    assert "/articles/" in page.url


def test_search_for_a_tag_finds_its_page_first_and_every_article_on_it(page, sample_site: Built):
    """A tag's page and a search for its name agree: every article the page lists is found, also
    those that never write the tag's name, and the page itself is the first hit."""
    for tag in ("政策法规", "半导体"):
        titles = search(page, sample_site, tag)
        first = page.locator("#search-results li").first
        assert first.locator(".search-tag-title").inner_text() == tag
        listed = page.evaluate(
            "(tag) => BulletinSearchData.meta.docs.filter((doc) => doc[4].some((t) => BulletinSearchData.meta.tags[t][0] === tag)).map((doc) => doc[1])", tag)
        assert listed and set(listed) <= set(titles), tag
        first.locator("a").click()
        assert page.url.endswith("/index.html") and "/tags/" in page.url
        assert tag in page.locator("h1").inner_text()


def test_search_reports_no_results_and_never_renders_the_query_as_html(page, fixture_site: Built):
    assert search(page, fixture_site, "量子计算") == []
    assert page.locator("#search-status").inner_text() == "没有找到包含“量子计算”的文章。"
    hostile = '<img src=x onerror="alert(1)">'
    assert search(page, fixture_site, hostile) == []
    assert page.locator("img").count() == 0
    assert hostile in page.locator("#search-status").inner_text()


def test_search_in_the_sample(page, sample_site: Built):
    for query in ("半导体", "数据安全", "5G", "EDA"):
        titles = search(page, sample_site, query)
        assert titles, query
    assert any("EDA" in title for title in search(page, sample_site, "EDA"))


@pytest.mark.parametrize("path", ["index.html", "issues/2021-01-07.html", "articles/guochan-eda-tupo.html", "tags/index.html", "search.html"])
def test_phone_width_has_no_horizontal_scrolling(browser, fixture_site: Built, path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    tab = context.new_page()
    tab.goto(url(fixture_site, path))
    assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert tab.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 16
    context.close()


def test_keyboard_users_get_a_skip_link_and_visible_focus(page, fixture_site: Built):
    page.goto(url(fixture_site, "index.html"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.evaluate("document.activeElement.getBoundingClientRect().top") >= 0
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")


CONTRAST = """(selector) => {
  const channel = (value) => { value /= 255; return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4; };
  const luminance = (css) => { const [r, g, b] = css.match(/[\\d.]+/g).map(Number); return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b); };
  const background = (element) => {
    for (; element; element = element.parentElement) {
      const colour = getComputedStyle(element).backgroundColor;
      if (!colour.startsWith("rgba(0, 0, 0, 0)") && colour !== "transparent") return colour;
    }
    return "rgb(255, 255, 255)";
  };
  const element = document.querySelector(selector);
  const [a, b] = [luminance(getComputedStyle(element).color), luminance(background(element))];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_contrast_meets_wcag_aa(browser, fixture_site: Built, scheme):
    context = browser.new_context(color_scheme=scheme)
    tab = context.new_page()
    checks = {
        "index.html": [".site-title", ".site-nav a", ".eyebrow", ".issue-summary", ".headline-list a", ".count", ".site-footer p", "button", ".tag-list a"],
        "articles/guochan-eda-tupo.html": [".prose p", ".meta", ".meta a", ".article-subtitle", ".breadcrumb a", ".toc a", ".pager-label", "mark, .prose strong"],
        "sections/jishuqingbao/index.html": [".pagination [aria-current]", ".pagination a", ".listing-summary", ".summary", ".article-item .meta a"],
    }
    for path, selectors in checks.items():
        tab.goto(url(fixture_site, path))
        for selector in selectors:
            assert tab.evaluate(CONTRAST, selector) >= 4.5, (scheme, path, selector)
    context.close()


def test_print_stylesheet_keeps_only_the_text(page, fixture_site: Built):
    page.goto(url(fixture_site, "articles/guochan-eda-tupo.html"))
    page.emulate_media(media="print")
    hidden = page.evaluate("['.site-nav', '.site-search', '.breadcrumb', '.pager', '.related', '.site-footer'].map((s) => getComputedStyle(document.querySelector(s)).display)")
    assert hidden == ["none"] * 6
    assert page.evaluate("getComputedStyle(document.querySelector('.prose')).display") == "block"
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(0, 0, 0)"
