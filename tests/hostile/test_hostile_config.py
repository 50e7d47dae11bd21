"""Issue 18, class 9, and every other value of site.yml: settings that try to leave the site or break it.

A navigation URL `\\\\evil.example/x` or `\\/evil.example/x` was written as it was, and browsers read both
as `//evil.example/x`. Every link a page carries must stay on the site unless it is an http(s) URL the
configuration wrote out in full.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
from hostile_helpers import assert_clean, assert_refused, make_project, run, snapshot

OFF_SITE = ["\\\\evil.example/x", "\\/evil.example/x", "/\\evil.example/x", "//evil.example/x", "/\t/evil.example/x",
            "\t//evil.example/x", "/\n/evil.example/x", "java\tscript:alert(1)", "javascript:alert(1)", " javascript:alert(1)",
            "JaVaScRiPt:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc/passwd", "\\\\\\\\evil.example", "/%5Cevil.example",
            "http:\\\\evil.example", "https:/\\evil.example", "\x00javascript:x"]


SITE = "base_url: https://site.example/sub/\n"


def yaml_text(value: str) -> str:
    return '"' + "".join(f"\\u{ord(c):04X}" if ord(c) < 0x20 or c in '"\\' else c for c in value) + '"'


def browser_target(href: str, page: str) -> str:
    """Where a browser goes from `page` for `href`: backslashes are slashes, tabs and newlines vanish."""
    cleaned = re.sub(r"[\t\n\r]", "", href.strip()).replace("\\", "/")
    return urljoin(page, cleaned)


@pytest.mark.parametrize("url", OFF_SITE, ids=range(len(OFF_SITE)))
def test_a_navigation_url_that_leaves_the_site_is_refused_or_stays_on_it(project, url):
    (project / "site.yml").write_text(f"{SITE}navigation:\n  - {{title: 外链, url: {yaml_text(url)}}}\n", encoding="utf-8")
    before = snapshot(project / "output")
    result = run("build", cwd=project)
    if result.returncode != 0:
        assert "navigation" in assert_refused(result, "site.yml", line=2)  # the line of `navigation:`
        assert snapshot(project / "output") == before
        return
    page_url = "https://site.example/sub/articles/x.html"
    for page in (project / "output").rglob("*.html"):
        for href in re.findall(r'href="([^"]*)"', page.read_text(encoding="utf-8")):
            target = urlsplit(browser_target(href.replace("&amp;", "&"), page_url))
            assert target.scheme in ("https", "http", "mailto") and target.hostname in ("site.example", None), (page, href)


@pytest.mark.parametrize("body", ["[a](\\\\\\\\evil.example/x)", "[a](\\\\/evil.example/x)", "[a](/\\\\evil.example)", "<//evil.example>",
                                  "[a](<\\\\\\\\evil.example/x>)", "[a](%5C%5Cevil.example)", "![i](//evil.example/x.png)",
                                  '<a href="//evil.example">a</a>', "[a]: //evil.example\n\n[a]"])
def test_a_link_in_a_body_never_leaves_the_site_unless_written_in_full(tmp_path, body):
    project = make_project(tmp_path, {"2021-08-12/01-a.md": f"---\ntitle: 链接\ndate: 2021-08-12\n---\n{body}\n"}, site=SITE)
    assert_clean(run("build", cwd=project))
    [page] = (project / "output" / "articles").glob("*.html")
    for attribute in re.findall(r'(?:href|src)="([^"]*)"', page.read_text(encoding="utf-8")):
        assert urlsplit(browser_target(attribute, "https://site.example/a/articles/x.html")).hostname == "site.example", attribute


SETTINGS = {
    "base_url": ["javascript:alert(1)//", "//evil.example/", "https://", "ftp://x/", "https://a.example/?q=1", "https://a.example/#x", "x" * 5000],
    "custom_domain": ["evil.example/x", "https://evil.example", "a..b", "-a.example", "x" * 300, "例子.测试"],
    "theme": ["../../etc", "/etc", "..", "a/b", "", "~"],
    "language": ["<script>", "zh-Hans\nx", "x" * 50, "zh_Hans"],
    "timezone": ["../../etc/passwd", "Nowhere/Land", "", "UTC\x00"],
    "per_page": ["0", "-1", "1e9999", "'20'", "[20]", "99999999999999999999999999"],
    "feed_size": ["0", "-5", "true"],
    "editions": ["[{language: zh-Hant, opencc: s2twp, folder: ../x}]", "[{language: zh-Hant, opencc: s2twp, folder: articles}]",
                 "[{language: zh-Hant, opencc: nope}]", "[{language: zh-Hant, opencc: s2twp, overrides: /etc/passwd}]",
                 "[{language: zh-Hant, opencc: s2twp}, {language: zh-Hant, opencc: s2tw}]", "x", "[1, 2]",
                 "[{language: zh-Hant, opencc: s2twp, overrides: ../../../../etc/hostname}]"],
    "sections": ["{a: b}", "[[a]]", "[null]"],
    "navigation": ["x", "[x]", "[{title: a}]", "[{url: a}]", "[{title: [a], url: b}]"],
}
CASES = [(key, value) for key, values in SETTINGS.items() for value in values]


@pytest.mark.parametrize("key, value", CASES, ids=[f"{key}-{index}" for index, (key, _) in enumerate(CASES)])
def test_a_hostile_setting_works_or_is_named_at_its_line(project, key, value):
    quoted = value if key in ("per_page", "feed_size", "editions", "sections", "navigation") else yaml_text(value)
    (project / "site.yml").write_text(f"title: 站点\n{key}: {quoted}\n", encoding="utf-8")
    before = snapshot(project / "output")
    result = run("build", cwd=project)
    if result.returncode == 0:
        assert_clean(result)
        assert not (project.parent / "x").exists() and not (project.parent / "etc").exists()
        return
    error = assert_refused(result)
    assert "site.yml:" in error or key == "editions"  # or the override file it names, which is at fault
    assert len(error) < 400  # a message never repeats a whole value (or file) back
    assert snapshot(project / "output") == before
