"""Search as readers meet it, in headless Chromium at 390 and 1280 px, in both editions, from disk
and over HTTP: either script finds the same articles, an input method's composition is not a query,
results come in pages, tags and sections come first, the opened article shows what was found, the
keyboard works, and every answer is that of a scan of every article."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from build_helpers import Built
from playwright.sync_api import expect

from generator.site.render.search import _unscript
from generator.site.render.search.terms import scan
from generator.text.scripts import search_fold

HANT = "zh-hant/"
EDITIONS = ["", HANT]
WIDTHS = [390, 1280]
SHOTS = Path(__file__).resolve().parent / "screenshots"  # looked at by people, not compared (git-ignored)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # noqa: ANN002
        pass


@pytest.fixture(scope="module")
def server(sample_site: Built) -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(sample_site.out)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(params=["disk", "http"])
def base(request: pytest.FixtureRequest, sample_site: Built) -> str:
    """Where the sample site is read from: its folder, or a server."""
    return sample_site.out.as_uri() + "/" if request.param == "disk" else request.getfixturevalue("server")


def _tab(browser, width: int) -> Iterator:
    context = browser.new_context(viewport={"width": width, "height": 844 if width < 600 else 900})
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: problems.append(str(error)))
    yield tab
    context.close()
    assert problems == [], problems  # the Content-Security-Policy refused nothing, no script failed


@pytest.fixture(params=WIDTHS, ids=lambda width: f"{width}px")
def tab(request: pytest.FixtureRequest, browser) -> Iterator:
    """A page at a phone's width and at a desktop's."""
    yield from _tab(browser, request.param)


def _open(tab, base: str, edition: str, query: str = "", page: int = 1) -> None:
    tab.goto(f"{base}{edition}search.html" + (f"?q={quote(query)}" if query else "") + (f"&p={page}" if page > 1 else ""))
    _settled(tab)


def _settled(tab) -> None:
    expect(tab.locator("#search-status")).not_to_have_text(re.compile("正在|JavaScript|^$"))


def _find(tab, query: str) -> list[int]:
    return tab.evaluate("query => window.BulletinSearch.find(query)", query)


def _articles(out: Path, edition: str) -> list[tuple[str, str, str]]:
    """(path, title, text) of each article of an edition's index, by doc id."""
    folder = out / edition / "search"
    count = len(list(folder.glob("d*.js")))
    return [tuple(_unscript((folder / f"d{doc_id}.js").read_bytes())[i] for i in (0, 1, 4)) for doc_id in range(count)]  # type: ignore[misc]


@pytest.mark.parametrize("edition", EDITIONS)
def test_either_script_finds_the_same_articles(tab, base, edition):
    _open(tab, base, edition)
    for spellings in (["华为", "華為"], ["数据安全", "資料安全", "數據安全"], ["半导体", "半導體"], ["软件", "軟體"]):
        found = [_find(tab, query) for query in spellings]
        assert found[0] and all(answer == found[0] for answer in found), dict(zip(spellings, found))
    _open(tab, base, edition, "資料安全")
    expect(tab.locator("#search-status")).to_have_text(re.compile("^找到 \\d+ 篇文章$"))


QUERIES = ["半导体", "芯片", "5G", "EDA", "数据安全", "华为 5G", "人工智能 芯片", "“5G 基站”", "同比增长", "工业互联网",
           "的", "亿元", "2021年", "中国电信", "華為", "資料安全", "晶片", "數位經濟", "記憶體", "5g网络", "量子", "不存在的词语"]


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_answer_is_that_of_a_scan_of_every_article(page, sample_site: Built, edition):
    """The index's answer holds every article a scan of both editions' texts finds (recall is
    complete); where the query has no word the editions write differently, it holds only those."""
    own, other = _articles(sample_site.out, edition), _articles(sample_site.out, HANT if edition == "" else "")
    texts = [[search_fold(a[1]), search_fold(a[2]), search_fold(b[1]), search_fold(b[2])] for a, b in zip(own, other)]
    words = {word for pair in _unscript((sample_site.out / HANT / "search/words.js").read_bytes()) for word in pair}
    page.goto((sample_site.out / edition / "search.html").as_uri())
    for query in QUERIES:
        found, expected = _find(page, query), scan(texts, search_fold(query))
        assert set(expected) <= set(found), (query, set(expected) - set(found))
        if not any(word in search_fold(query) for word in words):
            assert sorted(found) == expected, query
    assert _find(page, "不存在的词语") == []


@pytest.mark.parametrize("edition", EDITIONS)
def test_an_input_method_composing_is_not_a_query(tab, base, edition):
    _open(tab, base, edition)
    idle = tab.locator("#search-status").inner_text()
    tab.focus("#search-input")
    ime = tab.context.new_cdp_session(tab)
    for letters in ["b", "ban", "ban'dao", "ban'dao'ti"]:
        ime.send("Input.imeSetComposition", {"text": letters, "selectionStart": len(letters), "selectionEnd": len(letters)})
    tab.wait_for_timeout(600)  # longer than the debounce
    assert tab.locator("#search-status").inner_text() == idle
    assert "q=" not in tab.url and tab.locator("#search-results li").count() == 0
    word = "半導體" if edition else "半导体"
    ime.send("Input.insertText", {"text": word})  # the input method commits: compositionend
    expect(tab.locator("#search-status")).to_have_text(re.compile("^找到"))
    assert parse_qs(urlsplit(tab.url).query)["q"] == [word]


@pytest.mark.parametrize("edition", EDITIONS)
def test_results_come_in_pages_of_20_with_text_loaded_for_the_page_shown(tab, base, edition):
    _open(tab, base, edition, "的")
    total = int(re.search(r"\d+", tab.locator("#search-status").inner_text()).group())
    assert total > 40
    assert tab.locator("#search-results > li").count() == 20
    loaded = "document.querySelectorAll('script[src*=\"search/d\"]').length"
    assert tab.evaluate(loaded) == 20
    tab.click("#search-pager a[rel=next]")
    expect(tab.locator("#search-pager [aria-current]")).to_contain_text("2")
    expect(tab.locator("#search-results > li")).to_have_count(20)
    assert tab.evaluate(loaded) == 40 and parse_qs(urlsplit(tab.url).query)["p"] == ["2"]
    tab.click("#search-pager a[rel=next]")
    expect(tab.locator("#search-results > li")).to_have_count(total - 40)
    assert tab.locator("#search-pager a[rel=next]").count() == 0
    tab.click("#search-pager a[rel=prev]")
    expect(tab.locator("#search-results > li")).to_have_count(20)
    _open(tab, base, edition, "的", page=2)  # a page of results has an address
    expect(tab.locator("#search-pager [aria-current]")).to_contain_text("2")


@pytest.mark.parametrize("edition", EDITIONS)
def test_tag_and_section_names_come_first_as_links(tab, base, edition):
    _open(tab, base, edition, "半导体")
    first = tab.locator("#search-names a").first
    expect(first).to_have_attribute("href", "tags/bandaoti/index.html")
    assert tab.locator("#search-names a").first.inner_text().replace("\n", "").startswith(("标签半导体", "標籤半導體"))
    _open(tab, base, edition, "產業環境")
    expect(tab.locator("#search-names a").first).to_have_attribute("href", "sections/chanyehuanjing/index.html")
    tab.locator("#search-names a").first.click()
    assert tab.url.endswith(f"{edition}sections/chanyehuanjing/index.html")


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_opened_article_shows_what_was_found(tab, base, edition):
    _open(tab, base, edition, "华为 EDA")
    _open(tab, base, edition, "芯片")
    link = tab.locator("#search-results .article-item-title a").first
    href = link.get_attribute("href")
    assert "?h=" in href
    link.click()
    marks = tab.locator("article mark.search-hit")
    expect(marks.first).to_be_in_viewport()
    word = "晶片" if edition else "芯片"
    assert set(marks.all_inner_texts()) == {word}
    assert marks.count() == tab.locator("article").inner_text().count(word)
    tab.goto(tab.url.split("?")[0])
    assert tab.locator("mark").count() == 0  # nothing without ?h=


@pytest.mark.parametrize("edition", EDITIONS)
def test_keyboard_slash_focuses_the_box_and_arrows_move_through_results(tab, base, edition):
    _open(tab, base, edition, "半导体")
    tab.locator("h1").click()
    tab.keyboard.press("/")
    expect(tab.locator("#search-input")).to_be_focused()
    links = tab.locator("#search-names a, #search-results .article-item-title a")
    tab.keyboard.press("ArrowDown")
    expect(links.nth(0)).to_be_focused()
    tab.keyboard.press("ArrowDown")
    tab.keyboard.press("ArrowDown")
    expect(links.nth(2)).to_be_focused()
    tab.keyboard.press("ArrowUp")
    expect(links.nth(1)).to_be_focused()
    tab.keyboard.press("ArrowUp")
    tab.keyboard.press("ArrowUp")
    expect(tab.locator("#search-input")).to_be_focused()
    tab.keyboard.type("/")  # in the box, / is a character
    assert tab.locator("#search-input").input_value().endswith("/")


@pytest.mark.parametrize("edition", EDITIONS)
def test_dates_are_shown_as_the_pages_show_them(tab, base, edition):
    _open(tab, base, edition, "EDA")
    result = tab.locator("#search-results .meta").first
    shown, section = result.locator("time").inner_text(), result.locator("a").last.inner_text()
    assert shown.endswith(" 2021年8月12日")  # the name holds its date, as in every list
    tab.locator("#search-results .article-item-title a").first.click()
    assert tab.locator(".article-header .meta time").inner_text() == shown
    assert tab.locator(".article-header .eyebrow a").first.inner_text() == section


def test_the_language_switch_carries_the_query_to_results(tab, base):
    _open(tab, base, "", "华为")
    tab.locator("a[hreflang=zh-Hant]:visible").first.click()  # the phone's button or the desktop's list
    assert tab.url.endswith(f"{HANT}search.html?q={quote('华为')}")
    expect(tab.locator("#search-status")).to_have_text(re.compile("^找到 \\d+ 篇文章$"))
    assert tab.locator("#search-results > li").count() > 0


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("width", WIDTHS)
def test_search_page_fits_and_is_photographed(browser, sample_site: Built, edition, width):
    for tab in _tab(browser, width):
        _open(tab, sample_site.out.as_uri() + "/", edition, "半导体")
        assert tab.evaluate("document.documentElement.scrollWidth") <= width
        SHOTS.mkdir(exist_ok=True)
        tab.screenshot(path=SHOTS / f"search-{edition.strip('/') or 'zh-hans'}-{width}.png", full_page=True)
