"""Reading offline in Chromium: an issue's single HTML file opened alone from disk, and the site served over
HTTP under a project path (as GitHub Pages serves it), its service worker answering with the network cut."""

from __future__ import annotations

import re
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from build_helpers import Built, build_project
from serve_helpers import ARTICLE, ARTICLE_PAGE, edit
from serve_helpers import Served as Serving

NEWEST = "2021-01-21"
OLD_ARTICLE = "articles/guochan-eda-tupo.html"  # of the issue of 2020-12-03


def article_titles(built: Built, issue: str, edition: str = "") -> list[str]:
    page = BeautifulSoup(built.page(f"{edition}issues/{issue}.html"), "html.parser")
    return [a.get_text() for a in page.select(".issue-toc-title a")]


def article_paths(built: Built, issue: str, edition: str = "") -> list[str]:
    page = BeautifulSoup(built.page(f"{edition}issues/{issue}.html"), "html.parser")
    return [a["href"].removeprefix("../") for a in page.select(".issue-toc-title a")]


def test_single_file_opens_alone_from_disk_and_shows_every_article(page, fixture_site: Built, tmp_path: Path):
    alone = tmp_path / "attachment"
    alone.mkdir()
    file = shutil.copy(fixture_site.out / "issues/2021-01-07.single.html", alone / "产业监测-2021-01-07.html")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(Path(file).as_uri())
    assert requests == [Path(file).as_uri()], "nothing else is loaded"
    titles = article_titles(fixture_site, "2021-01-07")
    headings = page.locator("article h3")
    assert headings.all_inner_texts() == titles
    assert all(headings.nth(index).is_visible() for index in range(len(titles)))
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith('"PingFang SC"')  # the inline style applies

    page.locator("nav.contents ol ol a").last.click()
    assert page.evaluate("location.hash") == "#a-kexin-rengong-zhineng-yingyong"
    top, height, scrolled = page.evaluate(
        "[document.getElementById('a-kexin-rengong-zhineng-yingyong').getBoundingClientRect().top, innerHeight, scrollY]")
    assert scrolled > 0 and 0 <= top < height / 2, "the contents link scrolls to the article"


def test_single_file_fits_a_phone_and_prints_on_a4_with_a_page_per_section(browser, fixture_site: Built):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.goto((fixture_site.out / "issues/2021-01-07.single.html").as_uri())
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    tab.emulate_media(media="print")
    assert tab.evaluate("getComputedStyle(document.querySelector('.issue-section')).breakBefore") == "page"
    assert "Noto Serif CJK SC" in tab.evaluate("getComputedStyle(document.body).fontFamily")  # the Song face books use
    pdf = tab.pdf(prefer_css_page_size=True)
    sizes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    assert sizes and all(abs(float(w) - 595.3) < 2 and abs(float(h) - 841.9) < 2 for w, h in sizes), "A4"
    sections = tab.locator(".issue-section").count()
    assert len(sizes) >= 1 + sections, "the cover and contents, then each section on its own pages"
    context.close()


def test_the_site_from_disk_registers_no_worker_and_links_no_manifest(page, fixture_site: Built):
    page.goto((fixture_site.out / "index.html").as_uri())
    page.wait_for_load_state("load")
    assert page.evaluate("document.querySelector('link[rel=manifest]')") is None
    registrations = page.evaluate("navigator.serviceWorker ? navigator.serviceWorker.getRegistrations().then(r => r.length, () => 0) : 0")
    assert registrations == 0


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@dataclass
class Served:
    project: Path
    built: Built
    url: str  # of the site's root, under a project path: http://127.0.0.1:PORT/repo/
    server: ThreadingHTTPServer

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def served(make_project, tmp_path: Path) -> Iterator[Served]:
    """The fixture site, with a zh-Hant edition, built and served as GitHub Pages serves a project site: under /repo/."""
    project = make_project()
    config = project / "site.yml"
    config.write_text(config.read_text(encoding="utf-8") + "editions:\n  - {language: zh-Hant, opencc: s2twp}\n", encoding="utf-8")
    built = build_project(project)
    www = tmp_path / "www"
    www.mkdir()
    (www / "repo").symlink_to(project / "output")  # a rebuild swaps the folder in: served at once
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(www)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    site = Served(project, built, f"http://127.0.0.1:{server.server_address[1]}/repo/", server)
    yield site
    if site.server.socket.fileno() != -1:
        site.stop()


def _controlled(tab, url: str) -> None:
    """Open `url` and wait until the service worker controls the page."""
    tab.goto(url)
    tab.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=20_000)


def _caches(tab) -> list[str]:
    return tab.evaluate("caches.keys()")


def _build_id(out: Path) -> str:
    return re.search(r'var BUILD = "([0-9a-f]+)";', (out / "sw.js").read_text(encoding="utf-8")).group(1)


@pytest.mark.parametrize(("edition", "width", "offline_title"), [("", 1280, "暂时无法连接"), ("zh-hant/", 390, "暫時無法連線")],
                         ids=["zh-Hans-1280", "zh-Hant-390"])
def test_pages_opened_and_the_newest_issue_are_read_with_the_network_cut(browser, served: Served, edition: str, width: int, offline_title: str):
    context = browser.new_context(viewport={"width": width, "height": 844})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    root = served.url + edition
    _controlled(tab, root + "index.html")
    scope = tab.evaluate("navigator.serviceWorker.getRegistration().then(r => r.scope)")
    assert scope == root, "the worker's scope is the edition's root under the project path"
    assert tab.evaluate("document.querySelector('link[rel=manifest]').href") == root + "manifest.webmanifest"
    old_title = tab.goto(root + OLD_ARTICLE) and tab.locator("h1").inner_text()

    served.stop()
    context.set_offline(True)
    tab.goto(root + OLD_ARTICLE)
    assert tab.locator("h1").inner_text() == old_title, "a page the reader opened"
    assert tab.evaluate("getComputedStyle(document.querySelector('.site-nav ul')).display") == "flex", "with its styles"
    for path, title in zip(article_paths(served.built, NEWEST, edition), article_titles(served.built, NEWEST, edition)):
        tab.goto(root + path)
        assert tab.locator("h1").inner_text() == title, "the newest issue, never opened"
    tab.goto(root + f"issues/{NEWEST}.html")
    assert tab.locator(".issue-toc-title a").count() == len(article_titles(served.built, NEWEST, edition))
    tab.goto(root)
    assert tab.locator(".site-title").inner_text(), "a folder's address is its index.html"
    tab.goto(root + "tags/index.html")
    assert tab.locator("h1").inner_text() == offline_title, "a page never opened: the offline page says so"
    latest = tab.locator(f"main a[href$='issues/{NEWEST}.html']")
    assert latest.count() == 1 and latest.is_visible()
    assert tab.evaluate("document.documentElement.scrollWidth") <= width
    assert errors == []
    context.close()


def test_a_new_build_publishes_a_worker_that_keeps_the_new_newest_issue(browser, served: Served):
    context = browser.new_context()
    tab = context.new_page()
    _controlled(tab, served.url + "index.html")
    first = _build_id(served.built.out)
    assert any(name.endswith(" " + first) for name in _caches(tab))
    tab.goto(served.url + OLD_ARTICLE)

    issue = served.project / "content/2021-02-04"
    issue.mkdir()
    (issue / "01-xin.md").write_text("---\ntitle: 新一期的头条\nsection: 产业环境\ndate: 2021-02-04\nslug: xin-yiqi-toutiao\n---\n新一期的正文。\n",
                                     encoding="utf-8")
    build_project(served.project)
    second = _build_id(served.built.out)
    assert second != first
    tab.goto(served.url + "index.html")  # the browser looks for a new worker on navigation
    for _ in range(100):
        names = _caches(tab)
        if any(name.endswith(" " + second) for name in names) and not any(name.endswith(" " + first) for name in names):
            break
        tab.wait_for_timeout(200)
    else:
        pytest.fail(f"the new worker did not replace the old one: {names}")

    served.stop()
    context.set_offline(True)
    tab.goto(served.url + "articles/xin-yiqi-toutiao.html")
    assert tab.locator("h1").inner_text() == "新一期的头条"
    tab.goto(served.url + OLD_ARTICLE)
    assert tab.locator("h1").inner_text() != "暂时无法连接", "pages opened under the old build are still kept"
    context.close()


def test_under_bulletin_serve_the_worker_keeps_nothing_and_live_reload_works(page, make_project):
    """`bulletin serve` answers no-store: the worker (registered on 127.0.0.1) keeps none of a draft."""
    project = make_project()
    with Serving(project) as server:
        try:
            page.goto(server.url + ARTICLE_PAGE)
            page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=20_000)
            kept = page.evaluate("caches.keys().then(names => Promise.all(names.map(name => caches.open(name).then(c => c.keys()))))"
                                 ".then(lists => lists.flat().length)")
            assert kept == 0
            edit(project / ARTICLE, "title: 数据安全法草案二审", "title: 数据安全法三审通过")
            page.locator("h1", has_text="三审通过").wait_for(timeout=10_000)
        finally:
            page.goto("about:blank")  # before the server stops: a cut long-poll is a console error


@pytest.mark.parametrize("width", [390, 1280], ids=["390px", "1280px"])
@pytest.mark.parametrize(("edition", "labels"), [("", ["EPUB 电子书", "单文件网页"]), ("zh-hant/", ["EPUB 電子書", "單檔網頁"])],
                         ids=["zh-Hans", "zh-Hant"])
def test_the_issue_page_offers_both_files_with_their_size_in_the_first_screen(browser, sample_site: Built, width: int, edition: str,
                                                                              labels: list[str]):
    context = browser.new_context(viewport={"width": width, "height": 844}, is_mobile=width < 500, has_touch=width < 500,
                                  accept_downloads=True)
    tab = context.new_page()
    issue = (sample_site.out / edition / "issues/2021-08-12.html").as_uri()
    tab.goto(issue)
    links = tab.locator("ul.downloads a")
    assert links.all_inner_texts() == labels
    for index, name in enumerate(("2021-08-12.epub", "2021-08-12.single.html")):
        box = links.nth(index).bounding_box()
        assert box["y"] + box["height"] <= 844 and box["x"] + box["width"] <= width, "in the first screen, without scrolling"
        assert box["height"] >= 24, "a tap target"
        size = -(-(sample_site.out / edition / "issues" / name).stat().st_size // 1024)
        assert tab.locator("ul.downloads .size").nth(index).inner_text() == f"{size} KB"
    assert tab.evaluate("document.documentElement.scrollWidth") <= width

    with tab.expect_download() as started:  # from disk a browser names the file by its path (`download` is for http)
        links.first.click()
    assert Path(started.value.path()).read_bytes() == (sample_site.out / edition / "issues/2021-08-12.epub").read_bytes()
    links.nth(1).click()  # an HTML file from disk opens: the reader saves it from there
    tab.wait_for_url("**/2021-08-12.single.html")
    assert tab.locator("article h3").count() == 45
    context.close()


def test_over_http_both_files_download_under_the_issue_s_name(browser, served: Served):
    context = browser.new_context(accept_downloads=True)
    tab = context.new_page()
    tab.goto(served.url + f"issues/{NEWEST}.html")
    for index, (name, suffix) in enumerate(((f"{NEWEST}.epub", ".epub"), (f"{NEWEST}.single.html", ".html"))):
        with tab.expect_download() as started:
            tab.locator("ul.downloads a").nth(index).click()
        assert started.value.suggested_filename == f"产业监测-{NEWEST}{suffix}"
        assert Path(started.value.path()).read_bytes() == (served.built.out / "issues" / name).read_bytes()
    context.close()
