"""Hostile input: injected script, escaping paths, broken and enormous files.

Every case ends in safe output (escaped, sanitised, de-duplicated deterministically, with a
warning) or in a clear one-line message naming the file (and field or line) with exit status 1:
never a traceback, never a file outside the output folder, never script that runs in a page
(tests/browser/test_hostile_browser.py opens the pages in Chromium).
"""

from __future__ import annotations

import json

import os
import re
import uuid
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from build_helpers import run_bulletin, run_bulletin_process

ESCAPE_DIR = f"bulletin-escape-{uuid.uuid4().hex[:8]}"
XSS = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'

HOSTILE_SITE = f"""title: '{XSS}站点'
description: '"><svg onload=window.__pwned=3>'
author: '<b onmouseover=x()>编辑部</b>'
sections: ['<i onclick=x()>栏目</i>']
navigation:
  - {{title: '<script>x()</script>', url: 'issues/index.html'}}
"""

HOSTILE_ARTICLE = f"""---
title: '{XSS}标题'
subtitle: '——<img src=x onerror=window.__pwned=4>'
section: '<i onclick=x()>栏目</i>'
part: '<u onfocus=x()>定义篇</u>'
date: 2021-08-12
slug: ../../{ESCAPE_DIR}/article
tags: ['<svg onload=window.__pwned=5>', '../../{ESCAPE_DIR}/tag', '/tmp/{ESCAPE_DIR}/abs', 'a/b', 'CON', 'nul', '带 空格 的标签', '{"长" * 300}']
---
正文里的原始 HTML：<script>window.__pwned=6</script><iframe src="javascript:window.__pwned=7"></iframe>

<div onclick="window.__pwned=8">块级 HTML</div>

[脚本链接](javascript:window.__pwned=9) [数据链接](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
[大写](JAVASCRIPT:window.__pwned=10) [编码](jav&#x61;script:window.__pwned=11) ![图](javascript:window.__pwned=12)
<javascript:window.__pwned=13> [正常链接](https://example.com/)

## <script>window.__pwned=14</script>小标题
"""


def hostile_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    issue = project / "content" / "2021-08-12"
    issue.mkdir(parents=True)
    (project / "site.yml").write_text(HOSTILE_SITE, encoding="utf-8")
    (issue / "01-hostile.md").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    for name, slug in [("02-con.md", "CON"), ("03-dup.md", "same"), ("04-dup.md", "same"), ("05-spaces.md", "有 空格"),
                       ("06-long.md", "x" * 400), ("07-slash.md", "a/b")]:
        (issue / name).write_text(f"---\ntitle: 文章{name}\ndate: 2021-08-12\nslug: '{slug}'\ntags: [a/b]\n---\n正文。\n",
                                  encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = hostile_project(tmp_path_factory.mktemp("hostile"))
    result = run_bulletin("build", cwd=project)
    return project, result


def files_under(folder: Path) -> set[Path]:
    return {Path(root) / name for root, _, names in os.walk(folder) for name in names}


def test_a_hostile_project_builds_safely(hostile_site):
    project, result = hostile_site
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_nothing_is_written_outside_the_output_folder(hostile_site, tmp_path_factory):
    project, _ = hostile_site
    out = (project / "output").resolve()
    for path in files_under(project / "output"):
        assert out in path.resolve().parents
    written = files_under(project) - files_under(project / "output") - files_under(project / ".cache")
    assert written == files_under(project / "content") | {project / "site.yml"}  # the build's own cache aside
    for base in (project.parent, project.parent.parent, Path("/tmp")):
        assert not (base / ESCAPE_DIR).exists()


def test_duplicate_and_unsafe_slugs_are_resolved_deterministically_with_warnings(hostile_site, tmp_path):
    project, result = hostile_site
    articles = sorted(p.name for p in (project / "output" / "articles").iterdir())
    assert len(articles) == 7  # every article has its own page
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9._-]*\.html", name) for name in articles), articles
    assert not any(name.lower().startswith(("con.", "nul.")) for name in articles)  # Windows device names
    assert "same" in result.stderr or "duplicate" in result.stderr.lower()
    assert run_bulletin("build", "--out", str(tmp_path / "again"), cwd=project).returncode == 0
    assert sorted(p.name for p in (tmp_path / "again" / "articles").iterdir()) == articles


def test_no_script_or_event_handler_from_content_reaches_a_page(hostile_site):
    project, _ = hostile_site
    out = project / "output"
    pages = [path for path in files_under(out) if path.suffix == ".html"]
    assert pages
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":  # data for search engines, never run; nothing in it can end it
                assert not script.get("src") and "<" not in script.string and json.loads(script.string)["@graph"], (path, script)
                continue
            assert script.get("src") and not script.string, (path, script)
            assert "://" not in script["src"] and (path.parent / script["src"].split("?")[0]).resolve().is_file()
        for tag in soup.find_all(True):
            for attribute, value in tag.attrs.items():
                assert not attribute.lower().startswith("on"), (path, tag)
                if attribute in ("href", "src", "action", "formaction"):
                    assert not str(value).strip().lower().startswith(("javascript:", "data:", "vbscript:")), (path, tag)
        for element in soup.find_all(["iframe", "object", "embed", "svg", "img"]):
            assert element.name != "iframe" and element.get("onerror") is None, (path, element)


def test_feeds_escape_what_they_carry(hostile_site):
    import feedparser

    project, _ = hostile_site
    out = project / "output"
    for feed in [p for p in files_under(out) if p.suffix == ".xml" and p.name != "sitemap.xml"]:
        parsed = feedparser.parse(feed.read_bytes())
        assert not parsed.bozo, (feed, parsed.get("bozo_exception"))
    # The search index is a separate .js file: text in its string literals is data, and the search
    # page shows it as text (tests/browser/test_hostile_browser.py runs a search for it).


@pytest.mark.parametrize("front, message", [
    ("title: [a, b]\ndate: 2021-08-12\n", "title"),
    ("title: 标题\ndate: 8/12/2021\n", "date"),
    ("title: 标题\n", "date"),
    ("- a list\n- not a mapping\n", "mapping"),
    ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
     "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
     "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
     "h: [*g, *g, *g, *g, *g, *g, *g, *g, *g]\ntitle: 炸弹\ndate: 2021-08-12\n", "alias"),
    ("title: 标题\ndate: 2021-08-12\norder: 第一\n", "order"),
    ("title: 标题\ndate: 2021-08-12\ntags: {a: b}\n", "tags"),
])
def test_broken_front_matter_gets_a_message_naming_file_and_field(tmp_path, front, message):
    project = hostile_project(tmp_path)
    bad = project / "content" / "2021-08-12" / "09-bad.md"
    bad.write_text(f"---\n{front}---\n正文。\n", encoding="utf-8")
    run_bulletin("build", cwd=project)  # a good site first
    before = {p: p.read_bytes() for p in files_under(project / "output")}
    result = run_bulletin_process("build", cwd=project)
    if message == "alias" and result.returncode == 0:
        return  # safe output: aliases are shared, never expanded, and the unknown keys are ignored
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "09-bad.md" in lines[0] and message in lines[0].lower(), lines
    assert {p: p.read_bytes() for p in files_under(project / "output")} == before  # previous output intact


def test_invalid_utf8_inside_an_article_names_the_line(tmp_path):
    project = hostile_project(tmp_path)
    bad = project / "content" / "2021-08-12" / "09-bad.md"
    bad.write_bytes("---\ntitle: 标题\ndate: 2021-08-12\n---\n第一段。\n\n".encode() + b"\xff\xfe bad \x80\n")
    result = run_bulletin_process("build", cwd=project)
    assert result.returncode == 1 and "09-bad.md:7" in result.stderr and "UTF-8" in result.stderr


def test_a_symlink_out_of_the_project_is_not_published(tmp_path):
    project = hostile_project(tmp_path)
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: 机密\ndate: 2021-08-12\n---\n不该发布的内容。\n", encoding="utf-8")
    (project / "content" / "2021-08-12" / "99-link.md").symlink_to(secret)
    result = run_bulletin_process("build", cwd=project)
    published = "".join(p.read_text(encoding="utf-8", errors="replace") for p in files_under(project / "output")
                        if p.suffix in (".html", ".xml", ".js"))
    assert "不该发布的内容" not in published
    assert result.returncode == 1 and "99-link.md" in result.stderr and "Traceback" not in result.stderr


def test_an_empty_content_folder(tmp_path):
    project = tmp_path / "empty"
    (project / "content").mkdir(parents=True)
    result = run_bulletin_process("build", cwd=project)
    assert "Traceback" not in result.stderr
    if result.returncode == 0:
        assert (project / "output" / "index.html").is_file()
    else:
        assert "content" in result.stderr


def test_a_theme_missing_a_template_is_named(tmp_path):
    project = hostile_project(tmp_path)
    theme = project / "themes" / "broken"
    theme.mkdir(parents=True)
    (theme / "article.html").write_text("{% extends 'nope.html' %}", encoding="utf-8")
    result = run_bulletin_process("build", "--theme", "broken", cwd=project)
    assert result.returncode == 1 and "nope.html" in result.stderr and "Traceback" not in result.stderr


# --- ingest -----------------------------------------------------------------------------------

def test_an_enormous_raw_file_is_refused_with_a_message(tmp_path):
    raw = tmp_path / "2021-08-12.txt"
    with raw.open("wb") as handle:
        handle.write(("数据" * 1000 + "\n").encode() * 17_500)  # 52.5 MB
    result = run_bulletin_process("ingest", str(raw), "--out", str(tmp_path / "content"), cwd=tmp_path)
    assert result.returncode == 1 and "2021-08-12.txt" in result.stderr and "MB" in result.stderr
    assert not (tmp_path / "content" / "2021-08-12").exists()


def test_a_single_million_character_line_is_one_article(tmp_path):
    raw = tmp_path / "2021-08-12.txt"
    raw.write_text("数据安全" * 250_000 + "。\n", encoding="utf-8")
    result = run_bulletin_process("ingest", str(raw), "--out", str(tmp_path / "content"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    files = list((tmp_path / "content" / "2021-08-12").glob("*.md"))
    assert len(files) == 1 and "数据安全" * 1000 in files[0].read_text(encoding="utf-8")


def test_hostile_text_in_a_raw_bulletin_stays_text(tmp_path):
    raw = tmp_path / "2021-08-12.txt"
    raw.write_text(f"{XSS}标题 \n\n正文 <script>x()</script> [链接](javascript:x()) 结束。 \n", encoding="utf-8")
    run_bulletin_process("ingest", str(raw), "--out", str(tmp_path / "content"), cwd=tmp_path)
    [article] = (tmp_path / "content" / "2021-08-12").glob("*.md")
    body = article.read_text(encoding="utf-8").split("---\n", 2)[2]
    assert "\\<script>" in body and "\\[链接\\](javascript:x())" in body  # Markdown-escaped: renders as text
