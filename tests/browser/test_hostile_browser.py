"""Hostile content opened in Chromium: no injected script runs, anywhere, ever."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

import pytest

from build_helpers import run_bulletin
from test_hostile import hostile_project  # noqa: E402  (tests/ is on sys.path)


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory) -> Path:
    project = hostile_project(tmp_path_factory.mktemp("hostile-browser"))
    assert run_bulletin("build", cwd=project).returncode == 0
    return project / "output"


def html_pages(out: Path) -> list[Path]:
    return sorted(Path(root) / name for root, _, names in os.walk(out) for name in names if name.endswith(".html"))


@pytest.fixture
def watched_page(browser):
    """A page that records dialogs (alert, confirm) and uncaught errors, whatever the console says."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.events = []
    tab.on("dialog", lambda dialog: (tab.events.append(dialog.message), dialog.dismiss()))
    tab.on("pageerror", lambda error: tab.events.append(str(error)))
    yield tab
    context.close()


def test_no_injected_script_runs_on_any_page(watched_page, hostile_out):
    page = watched_page
    for path in html_pages(hostile_out):
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        assert page.evaluate("window.__pwned") is None, path
        # Hover and click everything the content put on the page: still nothing runs.
        for selector in ("i", "u", "b", "div"):
            for element in page.locator(selector).all()[:5]:
                if element.is_visible():
                    element.hover()
        assert page.evaluate("window.__pwned") is None, path
    assert page.events == []


def test_searching_hostile_titles_shows_them_as_text(page, hostile_out):
    page.goto((hostile_out / "search.html").as_uri() + "?q=" + quote("标题"))
    page.wait_for_function("!document.getElementById('search-status').textContent.startsWith('正在')")
    titles = page.locator("#search-results .article-item-title").all_inner_texts()
    assert any("<script>" in title for title in titles), titles
    assert page.evaluate("window.__pwned") is None
