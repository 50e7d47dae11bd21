"""Live reload of `bulletin serve` in headless Chromium: a save reloads the open tab, a build error shows
an overlay over the last good page, and both work under the theme's Content-Security-Policy (a blocked
script or connection would be a console error, which fails the `page` fixture)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from build_helpers import ROOT
from serve_helpers import ARTICLE, ARTICLE_PAGE, BROKEN_TEMPLATE, Served, edit

TIMEOUT_MS = 10_000


@contextmanager
def serving(page, project: Path) -> Iterator[Served]:
    with Served(project) as server:
        try:
            yield server
        finally:
            page.goto("about:blank")  # before the server stops: a cut long-poll is a console error


def open_page(page, server: Served) -> None:
    page.goto(server.url + ARTICLE_PAGE)
    page.evaluate("window.sameDocument = true")  # gone once the tab has reloaded


def test_a_save_reloads_the_open_tab(page, make_project):
    project = make_project()
    with serving(page, project) as server:
        open_page(page, server)
        edit(project / ARTICLE, "title: 数据安全法草案二审", "title: 数据安全法三审通过")
        # locators, not wait_for_function: its string predicates are eval'd in the page, which the CSP forbids
        page.locator("h1", has_text="三审通过").wait_for(timeout=TIMEOUT_MS)
        assert page.evaluate("window.sameDocument") is None


def test_a_build_error_shows_an_overlay_until_the_next_good_save(page, make_project):
    project = make_project()
    theme = project / "themes" / "default"
    theme.mkdir(parents=True)
    with serving(page, project) as server:
        open_page(page, server)
        (theme / "article.html").write_text(BROKEN_TEMPLATE, encoding="utf-8")
        overlay = page.locator("#bulletin-serve-overlay")
        overlay.wait_for(state="visible", timeout=TIMEOUT_MS)
        assert "themes/default/article.html:3: template error" in overlay.inner_text()
        assert page.evaluate("getComputedStyle(document.getElementById('bulletin-serve-overlay')).position") == "fixed"
        assert "数据安全法草案二审" in page.locator("h1").inner_text()  # the last good page, still readable
        assert page.evaluate("window.sameDocument")

        page.goto(server.url + "index.html")  # a tab opened while the error stands shows it too
        overlay.wait_for(state="visible", timeout=TIMEOUT_MS)
        page.evaluate("window.sameDocument = true")

        with page.expect_navigation(timeout=TIMEOUT_MS):
            shutil.copy(ROOT / "themes" / "default" / "article.html", theme / "article.html")
        page.wait_for_load_state()
        assert page.evaluate("window.sameDocument") is None and overlay.count() == 0
