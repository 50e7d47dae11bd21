"""Reading the sample on a phone (390 px) and a desktop (1280 px), in both editions, from file://: the
compact header and its buttons, where an article's title starts, heading anchors and copy-link, back to
top, tap targets, balanced headlines, dates said once, the compact home page, and share previews."""

from __future__ import annotations

import json
import re
import struct
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from build_helpers import FIXTURE_SITE, Built, build_project, copy_project
from test_site_browser import url

PHONE, DESKTOP = 390, 1280
BASE = "https://example.github.io/bulletin-digest/"  # site.yml's base_url
ARTICLE = "articles/zhengce-miji-fabu-wangluo-anquan-hangye.html"  # the longest contents of the sample
PAGES = {
    "home": "index.html",
    "archive": "issues/index.html",
    "issue": "issues/2021-08-12.html",
    "article": ARTICLE,
    "sections": "sections/index.html",
    "section": "sections/jishuqingbao/index.html",
    "tags": "tags/index.html",
    "tag": "tags/bandaoti/index.html",
    "search": "search.html",
    "404": "404.html",
}
DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")


@pytest.fixture(params=[PHONE, DESKTOP], ids=["390px", "1280px"])
def width(request: pytest.FixtureRequest) -> int:
    return request.param


@pytest.fixture(params=["", "zh-hant/"], ids=["zh-Hans", "zh-Hant"])
def edition(request: pytest.FixtureRequest) -> str:
    return request.param


def new_tab(browser, width: int, **options):
    """A page `width` px wide (a touch phone at 390 px) and the list its console errors go to."""
    phone = width < 500
    context = browser.new_context(viewport={"width": width, "height": 844 if phone else 900}, is_mobile=phone, has_touch=phone, **options)
    tab = context.new_page()
    problems: list[str] = []

    def console(message) -> None:
        # 404.html names the site's address as its base (the host serves it at any depth); from disk the
        # CSP refuses that base and says so, as the README explains: the links then resolve from the file.
        expected = "base URI" in message.text and tab.url.endswith("404.html")
        if message.type == "error" and not expected:
            problems.append(message.text)

    tab.on("console", console)
    tab.on("pageerror", lambda error: problems.append(str(error)))
    return context, tab, problems


@pytest.fixture
def tab(browser, width: int) -> Iterator:
    """A page of `width`; the clipboard may be used; a console error (a CSP refusal included) fails the test."""
    context, page, problems = new_tab(browser, width)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    yield page
    context.close()
    assert problems == [], problems


def rect(tab, selector: str) -> dict:
    return tab.evaluate("(s) => document.querySelector(s).getBoundingClientRect().toJSON()", selector)


def shown(tab, selector: str) -> bool:
    return tab.evaluate("(s) => { const e = document.querySelector(s); return !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'; }", selector)


def scroll_y(tab) -> float:
    return tab.evaluate("window.scrollY")


# The header


def test_header_is_compact_and_the_title_starts_high(tab, sample_site: Built, width, edition):
    tab.goto(url(sample_site, edition + ARTICLE))
    header = rect(tab, ".site-header")["height"]
    title = rect(tab, "h1")["top"]
    assert title < 200, f"the article's title starts at {title:.0f} px"
    if width == PHONE:
        assert header <= 90, f"header {header:.0f} px (was 135)"
        assert not shown(tab, "#site-search-form") and not shown(tab, "#edition-list")  # behind the buttons
        assert shown(tab, ".search-toggle") and shown(tab, ".edition-toggle")
    else:
        assert header <= 70
        assert shown(tab, "#site-search-form") and shown(tab, "#edition-list")  # room enough: always open
        assert not shown(tab, ".search-toggle") and not shown(tab, ".edition-toggle")


def test_search_from_the_header(tab, sample_site: Built, width, edition):
    tab.goto(url(sample_site, edition + ARTICLE))
    if width == PHONE:
        toggle = tab.locator(".search-toggle")
        assert toggle.get_attribute("aria-expanded") == "false" and toggle.get_attribute("role") == "button"
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"
        assert tab.evaluate("document.activeElement.id") == "site-search"  # ready to type
        tab.keyboard.press("Escape")
        assert not shown(tab, "#site-search-form") and tab.evaluate("document.activeElement.classList.contains('search-toggle')")
        toggle.click()
    tab.fill("#site-search", "EDA")
    tab.press("#site-search", "Enter")
    expect(tab.locator("#search-results .article-item-title").first).to_contain_text("EDA")
    assert tab.url.endswith(edition + "search.html?q=EDA")
    # the search page keeps its own box in view; on a phone the header's search button steps aside
    assert shown(tab, "#search-input") and rect(tab, "#search-input")["bottom"] < 400
    assert not shown(tab, ".search-toggle")


def test_language_button_goes_to_the_same_page_in_the_other_edition(tab, sample_site: Built, width, edition):
    other = "" if edition else "zh-hant/"
    tab.goto(url(sample_site, edition + ARTICLE))
    if width == PHONE:
        toggle = tab.locator(".edition-toggle")
        assert toggle.inner_text() == ("简" if edition else "繁") and toggle.get_attribute("role") is None  # one tap: a link
        rectangle = rect(tab, ".edition-toggle")
        assert rectangle["width"] >= 44 and rectangle["height"] >= 44
        toggle.click()
    else:
        tab.click("#edition-list a")
    assert tab.url == url(sample_site, other + ARTICLE)
    assert tab.evaluate("document.documentElement.lang") == ("zh-Hans" if edition else "zh-Hant")


@pytest.fixture(scope="module")
def three_editions(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The fixture site with a third edition (Hong Kong characters)."""
    project = copy_project(FIXTURE_SITE, tmp_path_factory.mktemp("three"))
    config = project / "site.yml"
    config.write_text(config.read_text(encoding="utf-8") + "editions:\n  - {language: zh-Hant, opencc: s2twp}\n"
                      "  - {language: zh-Hant-HK, opencc: s2hk, folder: zh-hk}\n", encoding="utf-8")
    return build_project(project)


def test_with_more_editions_the_language_button_opens_a_list(tab, three_editions: Built, width):
    tab.goto(url(three_editions, "articles/guochan-eda-tupo.html"))
    if width == DESKTOP:
        assert tab.locator("#edition-list li").count() == 3 and shown(tab, "#edition-list")
        return
    toggle = tab.locator(".edition-toggle")
    assert toggle.get_attribute("role") == "button" and toggle.get_attribute("aria-controls") == "edition-list"
    toggle.click()
    assert shown(tab, "#edition-list") and toggle.get_attribute("aria-expanded") == "true"
    links = tab.locator("#edition-list a")
    assert links.count() == 2 and tab.evaluate("document.activeElement.getAttribute('hreflang')") == "zh-Hant"
    for index in range(links.count()):
        assert links.nth(index).bounding_box()["height"] >= 24
    tab.keyboard.press("Escape")
    assert not shown(tab, "#edition-list") and toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    tab.click("h1")  # a tap elsewhere closes it
    assert not shown(tab, "#edition-list")
    toggle.click()
    links.last.click()
    assert tab.url.endswith("/zh-hk/articles/guochan-eda-tupo.html")


@pytest.mark.parametrize("width", [PHONE])
def test_without_scripts_the_header_buttons_are_links(browser, sample_site: Built, width, edition):
    context, tab, _ = new_tab(browser, width, java_script_enabled=False)
    tab.goto(url(sample_site, edition + ARTICLE))
    tab.click(".search-toggle")
    assert tab.url == url(sample_site, edition + "search.html")
    assert shown(tab, "#search-input")
    tab.goto(url(sample_site, edition + ARTICLE))
    tab.click(".edition-toggle")
    assert tab.url == url(sample_site, ("" if edition else "zh-hant/") + ARTICLE)
    context.close()


# Reading an article


def test_heading_anchors_and_copy_link(tab, sample_site: Built, width, edition):
    tab.goto(url(sample_site, edition + ARTICLE))
    headings = tab.evaluate("[...document.querySelectorAll('.prose h2')].map((h) => h.id)")
    assert len(headings) == 4 and all(headings)
    for index, heading in enumerate(headings):
        tools = tab.locator(".prose h2").nth(index).locator(".heading-tools")
        anchor, button = tools.locator("a.heading-anchor"), tools.locator("button.copy-link")
        assert anchor.get_attribute("href") == "#" + heading
        assert button.get_attribute("aria-label") == ("複製本節連結" if edition else "复制本节链接")
        for box in (anchor.bounding_box(), button.bounding_box()):
            assert box["width"] >= 24 and box["height"] >= 24
    second = tab.locator(".prose h2").nth(1)
    second.hover()
    assert second.locator(".heading-tools").evaluate("(e) => getComputedStyle(e).opacity") != "0"  # shown on hover or on touch screens
    second.locator(".heading-anchor").click()
    assert tab.url.endswith("#" + headings[1])
    assert 0 <= rect(tab, f"#{headings[1]}")["top"] <= 40  # the heading at the top of the screen
    second.locator(".copy-link").click()
    expect(tab.locator(".copy-status")).to_have_text("已複製連結" if edition else "已复制链接")
    assert tab.evaluate("navigator.clipboard.readText()") == BASE + edition + ARTICLE + "#" + headings[1]  # the public address


def test_back_to_top(tab, sample_site: Built, width, edition):
    tab.goto(url(sample_site, edition + ARTICLE))
    button = tab.locator(".back-to-top")
    assert not shown(tab, ".back-to-top")
    tab.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    expect(button).to_be_visible()
    box = button.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44 and box["y"] + box["height"] <= tab.viewport_size["height"]
    button.click()
    assert scroll_y(tab) == 0
    expect(button).to_be_hidden()
    tab.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    tab.click(".site-footer .to-top")  # the footer's link, for readers without scripts
    assert scroll_y(tab) == 0


TAP_TARGETS = """() => {
  const small = [];
  for (const element of document.querySelectorAll('a[href], button, input, select, [role=button]')) {
    if (element.closest('.prose') && !element.closest('.heading-tools')) continue;  // links inside sentences
    if (element.classList.contains('skip-link') || element.classList.contains('visually-hidden')) continue;  // shown on focus
    const box = element.getBoundingClientRect();
    if (!box.width || !box.height || getComputedStyle(element).visibility === 'hidden') continue;  // not shown now
    if (box.width < 24 || box.height < 24) small.push(`${element.tagName} ${element.className} "${element.textContent.trim().slice(0, 20)}" ${box.width.toFixed(1)}x${box.height.toFixed(1)}`);
  }
  return small;
}"""


@pytest.mark.parametrize("kind", ["home", "archive", "issue", "article", "sections", "section", "tags", "tag", "search", "404"])
def test_tap_targets_are_at_least_24_px(tab, sample_site: Built, width, edition, kind):
    tab.goto(url(sample_site, edition + PAGES[kind]) + ("?q=EDA" if kind == "search" else ""))
    if kind == "search":
        expect(tab.locator("#search-results .article-item").first).to_be_visible()
    if kind == "article" and width == PHONE:  # with its panels open too
        tab.click(".search-toggle")
    assert tab.evaluate(TAP_TARGETS) == []


# Headlines

LAST_LINES = """(selector) => [...document.querySelectorAll(selector)].filter((e) => e.getClientRects().length).map((element) => {
  // characters per line, from where each character is drawn; the anchors site.js adds are not text
  const lines = new Map();
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => node.parentElement.closest('.heading-tools, .part') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.data.length; i++) {
      if (!node.data[i].trim()) continue;
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getClientRects()[0];
      if (!box) continue;
      const top = Math.round(box.top / 8);
      lines.set(top, (lines.get(top) || '') + node.data[i]);
    }
  }
  const style = getComputedStyle(element);
  const ordered = [...lines.keys()].sort((a, b) => a - b);
  return {text: element.textContent.trim(), wrap: style.textWrapStyle || style.textWrap, lines: ordered.length, last: lines.get(ordered[ordered.length - 1]) || ''};
})"""
HEADLINES = "h1, h2, h3, .article-item-title, .issue-toc-title, .headline-list a, .pager-title"


@pytest.mark.parametrize("kind", ["home", "issue", "article", "tag"])
def test_headlines_are_balanced_with_no_character_alone(tab, sample_site: Built, width, edition, kind):
    tab.goto(url(sample_site, edition + PAGES[kind]))
    headlines = tab.evaluate(LAST_LINES, HEADLINES)
    assert len(headlines) > 5
    assert {headline["wrap"] for headline in headlines} == {"balance"}
    alone = [headline for headline in headlines if headline["lines"] > 1 and len(headline["last"]) < 2]
    assert alone == []
    if kind in ("home", "issue") and width == PHONE:
        assert sum(headline["lines"] > 1 for headline in headlines) > 10  # the check saw headlines that wrap


# Lists and the home page


@pytest.mark.parametrize("kind", ["article", "section", "tag"])
def test_the_date_is_said_once(tab, sample_site: Built, width, edition, kind):
    tab.goto(url(sample_site, edition + PAGES[kind]))
    metas = tab.evaluate("[...document.querySelectorAll('main .meta')].map((m) => [m.innerText, m.querySelector('time').getAttribute('datetime')])")
    assert len(metas) >= 2  # the article's header and its related articles, or a list
    for text, machine in metas:
        assert len(DATE.findall(text)) == 1, text  # was "2021年8月12日 • 信息产业监测 2021年8月12日"
        assert machine.startswith("2021-08-12")


def test_home_shows_the_newest_issue_compactly(tab, sample_site: Built, width, edition):
    tab.goto(url(sample_site, edition + "index.html"))
    height = tab.evaluate("document.documentElement.scrollHeight")
    assert height <= (5000 if width == PHONE else 3000), f"{height} px (the issue page repeated: 12,015 px at 390)"
    titles = tab.evaluate("[...document.querySelectorAll('.home-main .headline-list a')].map((a) => a.getAttribute('href'))")
    issue = tab.evaluate("[...document.querySelectorAll('.home-main .section-heading')].map((h) => h.innerText)")
    assert len(titles) == 45 and len(set(titles)) == 45 and len(issue) == 5  # every article, by section
    assert tab.locator(".home-main .summary").count() == 0
    tab.click(".home-main .more a")
    assert tab.url.endswith(edition + "issues/2021-08-12.html")


# Share previews


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


HEAD = """() => {
  const meta = {};
  for (const element of document.querySelectorAll('meta[property], meta[name]')) {
    const key = element.getAttribute('property') || element.getAttribute('name');
    (meta[key] = meta[key] || []).push(element.content);
  }
  const icons = [...document.querySelectorAll('link[rel~=icon], link[rel=apple-touch-icon]')].map((l) => [l.rel, l.type, l.href]);
  const canonical = document.querySelector('link[rel=canonical]');
  const data = [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent));
  const crumbs = [...document.querySelectorAll('nav.breadcrumb li')].map((li) => li.innerText.trim());
  return {meta, icons, canonical: canonical && canonical.href, data, crumbs, h1: document.querySelector('h1').innerText};
}"""
EXPECTED_TYPES = {"home": "WebSite", "article": "NewsArticle", "issue": "CollectionPage", "search": "SearchResultsPage", "404": "WebPage"}


def local_file(built: Built, address: str):
    assert address.startswith(BASE), address
    path = address[len(BASE) :]
    return built.out / (path + "index.html" if path == "" or path.endswith("/") else path)


@pytest.mark.parametrize("kind", list(PAGES))
def test_share_previews_and_structured_data(tab, sample_site: Built, width, edition, kind):
    tab.goto(url(sample_site, edition + PAGES[kind]))
    head = tab.evaluate(HEAD)
    meta = {key: values[0] for key, values in head["meta"].items()}
    assert meta["og:type"] == ("article" if kind == "article" else "website")
    assert meta["og:title"] and meta["twitter:card"] == "summary"  # Twitter/X takes title, description and image from og:
    assert meta["og:locale"] == ("zh_TW" if edition else "zh_CN")
    assert meta.get("og:url") == head["canonical"]  # none on the 404 page, which is served at any address
    image = local_file(sample_site, meta["og:image"])  # absolute, from base_url, and in the output
    assert png_size(image.read_bytes()) == (512, 512)
    icons = {rel: href for rel, _, href in head["icons"]}
    assert png_size((sample_site.out / edition / "static/apple-touch-icon.png").read_bytes()) == (180, 180)
    assert icons["apple-touch-icon"].endswith(edition + "static/apple-touch-icon.png")
    assert any(kind_ == "image/png" for _, kind_, _ in head["icons"])

    [data] = head["data"]
    assert data["@context"] == "https://schema.org"
    graph = {node["@type"]: node for node in data["@graph"]}
    assert EXPECTED_TYPES.get(kind, "CollectionPage") in graph and "WebSite" in graph
    if kind == "article":
        article = graph["NewsArticle"]
        assert article["headline"] == head["h1"] and article["url"] == head["canonical"] == meta["og:url"]
        assert article["datePublished"].startswith("2021-08-12T") and article["isPartOf"]["@type"] == "PublicationIssue"
        assert local_file(sample_site, article["publisher"]["logo"]["url"]).is_file() and article["author"][0]["name"]
        assert meta["article:published_time"] == article["datePublished"] and head["meta"]["article:tag"] == article["keywords"]
    if kind == "home":
        assert graph["WebSite"]["potentialAction"]["target"]["urlTemplate"] == BASE + edition + "search.html?q={query}"
    if head["crumbs"]:
        crumbs = graph["BreadcrumbList"]["itemListElement"]
        assert [crumb["position"] for crumb in crumbs] == list(range(1, len(crumbs) + 1))
        assert [crumb["name"] for crumb in crumbs] == head["crumbs"]
        assert all(local_file(sample_site, crumb["item"]).is_file() for crumb in crumbs)
    else:
        assert "BreadcrumbList" not in graph and kind in ("home", "404")
    json.dumps(data)  # nothing that does not round-trip
