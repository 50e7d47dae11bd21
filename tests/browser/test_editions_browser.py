"""The zh-Hant edition in headless Chromium: search in Traditional characters, the language switch from
file://, Traditional fonts, and the 404 page from disk and at any depth of a server."""

from __future__ import annotations

import functools
import re
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from build_helpers import FIXTURE_SITE, Built, build_project, copy_project
from test_site_browser import url

HANT = "zh-hant/"


def _search_hant(page, built: Built, query: str) -> list[str]:
    """Titles of the results the zh-Hant search page shows for `query`."""
    page.goto(url(built, HANT + "search.html") + "?q=" + quote(query))
    page.wait_for_function("!/…|正在/.test(document.getElementById('search-status').textContent)")
    return page.locator("#search-results .article-item-title").all_inner_texts()


@pytest.mark.parametrize("query", ["半導體", "5G", "數據安全"])
def test_zh_hant_search_finds_traditional_and_latin_terms(page, sample_site: Built, query):
    titles = _search_hant(page, sample_site, query)
    assert titles, query
    assert page.locator("#search-status").inner_text().startswith("找到")
    if query == "半導體":
        assert any("半導體" in title for title in titles)
        assert set(page.locator("#search-results .snippet mark").all_inner_texts()) == {"半導體"}


def test_language_switch_goes_to_the_same_page_and_back_from_disk(page, sample_site: Built):
    article = "articles/xinpian-zhimu-eda-de-guochanhua-zhi-lu.html"
    page.goto(url(sample_site, article))
    title = page.locator("h1").inner_text()
    page.click("nav.edition-switch >> text=繁體中文")
    assert page.url == url(sample_site, HANT + article)
    assert page.evaluate("document.documentElement.lang") == "zh-Hant"
    assert page.locator("h1").inner_text() != title and "晶片" in page.locator("h1").inner_text()
    page.click(".article-header .tag-list a >> nth=0")
    assert "/zh-hant/tags/" in page.url
    page.click("nav.edition-switch >> text=简体中文")
    assert "/zh-hant/" not in page.url and page.url.endswith("/index.html")
    assert page.evaluate("document.documentElement.lang") == "zh-Hans"


def test_language_switch_on_the_search_page_keeps_the_query(page, sample_site: Built):
    page.goto(url(sample_site, "search.html") + "?q=5G")
    page.wait_for_function("!/…|正在/.test(document.getElementById('search-status').textContent)")
    page.fill("#search-input", "EDA")
    page.press("#search-input", "Enter")
    page.click("nav.edition-switch >> text=繁體中文")
    assert page.url == url(sample_site, HANT + "search.html") + "?q=EDA"
    assert page.locator("#search-input").input_value() == "EDA"
    # no wait_for_function here: after a click the page's CSP forbids the script it would evaluate
    expect(page.locator("#search-status")).to_have_text(re.compile("^找到"))
    assert page.locator("#search-results .article-item-title").count() > 0


def test_zh_hant_pages_use_traditional_fonts(page, sample_site: Built):
    page.goto(url(sample_site, HANT + "index.html"))
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Noto Sans CJK TC" in font and "Noto Sans CJK SC" not in font
    assert page.evaluate("document.fonts.check('16px \"Noto Sans CJK TC\"', '繁體')")
    page.goto(url(sample_site, "index.html"))
    assert "Noto Sans CJK SC" in page.evaluate("getComputedStyle(document.body).fontFamily")


def test_404_page_from_disk_links_to_the_files_beside_it(browser, sample_site: Built):
    """From file:// the browser refuses the page's <base> (another origin): links resolve from the file."""
    context = browser.new_context()
    tab = context.new_page()
    for prefix in ("", HANT):
        tab.goto(url(sample_site, prefix + "404.html"))
        links = tab.evaluate("[...document.querySelectorAll('main a')].map((a) => a.href)")
        assert links == [url(sample_site, prefix + path) for path in ("index.html", "issues/index.html", "search.html")]
        assert tab.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(251, 250, 247)"  # styled
    context.close()


class _NotFoundHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the output under /site/, and 404.html for anything missing, as GitHub Pages does."""

    def translate_path(self, path: str) -> str:
        return super().translate_path(path.removeprefix("/site"))

    def send_error(self, code, message=None, explain=None):  # noqa: ANN001 - http.server signature
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:  # noqa: ANN002
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Built]]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_NotFoundHandler, directory="."))
    base = f"http://127.0.0.1:{server.server_address[1]}/site/"
    built = build_project(copy_project(FIXTURE_SITE, tmp_path_factory.mktemp("served")), "--base-url", base)
    server.RequestHandlerClass = functools.partial(_NotFoundHandler, directory=str(built.out))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base, built
    server.shutdown()


def test_404_page_at_any_depth_of_the_server_is_styled_and_links_to_the_site(browser, served):
    base, _ = served
    context = browser.new_context()
    tab = context.new_page()
    refused = []
    tab.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None)
    tab.goto(base + "no/such/page/here.html")
    assert tab.locator("h1").inner_text() == "页面不存在"
    assert tab.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(251, 250, 247)"
    tab.click("main >> text=往期")
    assert tab.url == base + "issues/index.html"
    assert tab.locator("h1").inner_text() == "往期"
    assert refused == []  # on its own server the <base> is the page's origin: the CSP allows it
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_language_switch_is_readable_in_both_schemes(browser, sample_site: Built, scheme):
    from test_site_browser import CONTRAST

    context = browser.new_context(color_scheme=scheme)
    tab = context.new_page()
    for path in ("index.html", HANT + "index.html"):
        tab.goto(url(sample_site, path))
        for selector in (".edition-switch a", ".edition-switch [aria-current]"):
            assert tab.evaluate(CONTRAST, selector) >= 4.5, (scheme, path, selector)
    context.close()
