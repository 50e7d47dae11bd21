"""`bulletin build` output: every page kind, every link, sitemap and robots, determinism."""

from __future__ import annotations

import json

import os
import pty
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from build_helpers import ROOT, Built, build_project, copy_project, run_bulletin_process

BASE = "https://example.github.io/digest/"
CJK = "\u4e00-\u9fff"


def soup(built: Built, path: str) -> BeautifulSoup:
    return BeautifulSoup(built.page(path), "html.parser")


def html_files(built: Built) -> list[Path]:
    """The site's pages (each issue's single file is a document to read away from it: tests/test_offline.py)."""
    return sorted(path for path in built.out.rglob("*.html") if not path.name.endswith(".single.html"))


def references(page: BeautifulSoup) -> list[tuple[str, str]]:
    """(attribute, URL) of every link and asset reference in a page."""
    found = []
    for tag in page.find_all(["a", "link", "script", "img", "form", "base"]):
        for attr in ("href", "src", "action"):
            if tag.has_attr(attr):
                found.append((f"{tag.name}[{attr}]", tag[attr]))
    return found


SUMMARY = r"built \d+ pages( in zh-Hans and zh-Hant)? \(\d+ files, \d+ KB\) in \d+\.\d\d s; search index \d+ KB -> \S+\n"


def test_summary_line(any_site: Built):
    assert re.fullmatch(SUMMARY, any_site.stdout)


def test_console_command_prints_one_summary_line_and_no_progress_bar_when_piped(make_project):
    result = run_bulletin_process("build", cwd=make_project())
    assert result.returncode == 0 and result.stderr == ""
    assert re.fullmatch(SUMMARY, result.stdout)


def test_every_internal_link_and_asset_resolves_to_a_file(any_site: Built):
    """Relative links only, each naming a file that exists (and an id that exists, for fragments)."""
    base_url = yaml.safe_load((any_site.project / "site.yml").read_text(encoding="utf-8"))["base_url"]
    checked = 0
    for file in html_files(any_site):
        page = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        for attr, url in references(page):
            parts = urlsplit(url)
            if parts.scheme:
                assert parts.scheme in ("http", "https", "mailto"), (file, url)
                internal = url.startswith(base_url)
                tag = page.find(href=url)
                allowed = attr in ("link[href]", "base[href]") and (tag.get("rel") in (["canonical"], None) or tag.has_attr("hreflang"))
                assert not internal or allowed, f"{file}: internal link must be relative: {url}"
                continue
            assert not url.startswith("/"), f"{file}: root-relative link breaks under a URL prefix: {url}"
            target = file if not parts.path else (file.parent / unquote(parts.path)).resolve()
            assert target.is_file(), f"{file.relative_to(any_site.out)}: {attr}={url} does not resolve to a file"
            assert any_site.out.resolve() in target.parents
            if parts.fragment and target.suffix == ".html":
                linked = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
                assert linked.find(id=parts.fragment) is not None, f"{file}: no id {parts.fragment!r} in {target.name}"
            checked += 1
    assert checked > 100


def test_every_page_has_the_frame(any_site: Built):
    """lang, CSP, title, canonical, feed autodiscovery, landmarks, skip link, one h1, breadcrumb."""
    for file in html_files(any_site):
        path = file.relative_to(any_site.out).as_posix()
        page = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        if page.find("meta", attrs={"http-equiv": "refresh"}):
            continue  # an old address of a renamed article (redirect_from): a stub, no page of the site
        language = "zh-Hant" if path.startswith("zh-hant/") else "zh-Hans"
        path = path.removeprefix("zh-hant/")
        assert page.html["lang"] == language, path
        csp = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        assert "script-src 'self'" in csp and "style-src 'self'" in csp and "'unsafe-inline'" not in csp
        inline = page.find_all("script", src=False)
        assert [script.get("type") for script in inline] == ["application/ld+json"], f"{path}: inline script"  # data, never run
        graph = json.loads(inline[0].string)["@graph"]
        assert graph[0]["@type"] == "WebSite" and len(graph) >= 2 - (path in ("index.html",)), path
        assert not page.find_all(style=True) and not page.find_all("style"), f"{path}: inline style"
        assert page.title.get_text().strip()
        assert page.find("header") and page.find("main", id="main") and page.find("footer") and page.find("nav")
        assert page.find("a", class_="skip-link")["href"] == "#main"
        assert len(page.find_all("h1")) == 1, path
        feeds = {link["type"] for link in page.find_all("link", rel="alternate", type=True)}
        assert feeds == {"application/rss+xml", "application/atom+xml"}, path
        canonical = page.find("link", rel="canonical")
        if path in ("404.html", "offline.html"):
            assert canonical is None and page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
        else:
            assert canonical["href"].startswith("http"), path
            assert not canonical["href"].endswith("index.html")
        if path not in ("index.html", "404.html"):
            crumbs = page.select("nav.breadcrumb li")
            assert crumbs[0].a["href"].endswith("index.html") and crumbs[-1].find(attrs={"aria-current": "page"}), path


def test_no_build_time_or_absolute_path_leaks_into_output(fixture_site: Built):
    for file in fixture_site.out.rglob("*"):
        if file.is_file() and file.suffix in (".html", ".xml", ".js", ".txt"):
            text = file.read_text(encoding="utf-8")
            assert str(fixture_site.project) not in text, file


def test_home_shows_the_titles_of_the_latest_issue_by_section(fixture_site: Built):
    page = soup(fixture_site, "index.html")
    assert "2021年1月21日" in page.h1.get_text()
    sections = [h.get_text(strip=True) for h in page.select(".home-main .section-heading")]
    assert sections == ["产业环境", "技术情报", "企业情报", "综合"]  # the issue's own order; the default section last
    titles = [a.get_text() for a in page.select(".home-main .headline-list a")]
    assert titles == ["工业互联网创新发展行动计划发布", "晶圆代工产能紧张 半导体企业加快扩产", "某安全企业发布数据安全治理平台", "编辑部说明：关于本刊的栏目调整"]
    assert not page.select(".home-main .summary"), "summaries are on the issue page, which the home page links"
    assert page.select_one(".home-main .more a")["href"] == "issues/2021-01-21.html"
    hrefs = {a["href"] for a in page.find_all("a")}
    assert {"issues/index.html", "sections/index.html", "tags/index.html", "search.html"} <= hrefs
    assert page.find("form", role="search")["action"] == "search.html"


def test_issue_page_is_a_table_of_contents_by_section(fixture_site: Built):
    page = soup(fixture_site, "issues/2021-01-07.html")
    assert page.h1.get_text() == "2021年1月7日"
    assert "第1期" in page.select_one(".eyebrow").get_text()
    toc = page.select_one("nav.issue-toc")
    assert [h.get_text(strip=True) for h in toc.select("h2")] == ["产业环境", "运营竞争", "技术情报"]
    titles = [li.select_one(".issue-toc-title a").get_text() for li in toc.select("li")]
    assert titles[0] == "数据安全法草案二审 强化重要数据保护" and len(titles) == 4
    parts = [span.get_text() for span in toc.select(".part")]
    assert parts == ["定义篇", "应用篇"]
    pager = page.select_one("nav.pager")
    assert pager.find("a", rel="prev")["href"] == "../issues/2020-12-03.html" and pager.find("a", rel="next")["href"] == "../issues/2021-01-21.html"


def test_archive_lists_issues_by_year(fixture_site: Built):
    page = soup(fixture_site, "issues/index.html")
    years = [section.h2.get_text() for section in page.select("section.archive-year")]
    assert years == ["2021年", "2020年"]
    links = [a["href"] for a in page.select("section.archive-year a")]
    assert links == ["../issues/2021-01-21.html", "../issues/2021-01-07.html", "../issues/2020-12-03.html"]


def test_article_page(fixture_site: Built):
    page = soup(fixture_site, "articles/guochan-eda-tupo.html")
    header = page.select_one("article header")
    assert header.h1.get_text() == "国产EDA工具取得突破 半导体设计链条加速补齐"
    assert header.select_one(".article-subtitle").get_text() == "多家企业发布面向先进工艺的设计软件"
    assert header.select_one(".eyebrow a").get_text() == "技术情报"
    meta = header.select_one(".meta").get_text()
    assert "2020年12月3日" in meta and "产业监测 2020年12月3日" in meta and re.search(r"阅读约 \d+ 分钟", meta)
    # the second of three articles of its issue: a minute after midnight (the last one is at midnight)
    assert header.select_one(".meta time")["datetime"] == "2020-12-03T00:01:00+08:00"
    assert [a.get_text() for a in header.select(".tag-list a")] == ["半导体", "EDA", "集成电路"]
    assert [a["href"] for a in header.select(".tag-list a")] == ["../tags/bandaoti/index.html", "../tags/eda/index.html", "../tags/jichengdianlu/index.html"]
    headings = page.select(".prose h2")
    assert [h["id"] for h in headings] == ["shichanggeju", "fazhanjianyi"]
    assert [a["href"] for a in page.select("nav.toc a")] == ["#shichanggeju", "#fazhanjianyi"]
    assert page.select_one(".prose strong").get_text() == "“以用促研”"
    pager = page.select_one("nav.pager")
    assert pager.find("a", rel="prev")["href"] == "../articles/gongxinbu-tuijin-5g-jianshe.html"
    assert pager.find("a", rel="next")["href"] == "../articles/yunfuwushang-shujuzhongxin.html"
    related = [a["href"] for a in page.select("aside.related .article-item-title a")]
    assert related[0] == "../articles/jingyuan-daigong-kuochan.html"  # shares 半导体 and 集成电路
    crumbs = [li.get_text(strip=True) for li in page.select("nav.breadcrumb li")]
    assert crumbs == ["首页", "产业监测 2020年12月3日", "技术情报", "国产EDA工具取得突破 半导体设计链条加速补齐"]


def test_part_and_cjk_soft_breaks_in_article(fixture_site: Built):
    page = soup(fixture_site, "articles/kexin-rengong-zhineng-dingyi.html")
    assert page.select_one(".eyebrow span").get_text() == "定义篇"
    body = soup(fixture_site, "articles/shuju-anquan-fa-ershen.html").select_one(".prose").get_text()
    assert "保护制度，对重要数据" in body  # the source wraps the line here


def test_hand_written_article_with_only_title_and_date(fixture_site: Built):
    """No section, issue or slug: the default section, the issue of its date, the file name."""
    page = soup(fixture_site, "articles/bianjibu-shuoming.html")
    assert page.h1.get_text() == "编辑部说明：关于本刊的栏目调整"
    assert page.select_one(".eyebrow a")["href"] == "../sections/zonghe/index.html"
    assert page.select_one(".meta a")["href"] == "../issues/2021-01-21.html"


def test_section_pages_are_paginated(fixture_site: Built):
    first = soup(fixture_site, "sections/jishuqingbao/index.html")
    assert first.h1.get_text() == "技术情报"
    assert len(first.select("ol.article-list > li")) == 3  # per_page: 3
    nav = first.select_one("nav.pagination")
    assert nav.find("a", rel="next")["href"] == "../../sections/jishuqingbao/page-2.html"
    assert nav.find(attrs={"aria-current": "page"}).get_text() == "1"
    second = soup(fixture_site, "sections/jishuqingbao/page-2.html")
    assert len(second.select("ol.article-list > li")) == 1
    assert second.select_one("nav.pagination").find("a", rel="prev")["href"] == "../../sections/jishuqingbao/index.html"
    assert "第 2 页" in second.title.get_text()
    newest_first = [li.select_one("time")["datetime"] for li in first.select("ol.article-list > li")]
    assert newest_first == sorted(newest_first, reverse=True)


def test_tag_pages_and_tag_cloud(fixture_site: Built):
    page = soup(fixture_site, "tags/index.html")
    cloud = {a.contents[0]: (int(a.select_one(".count").get_text()), a["class"][0], a["href"]) for a in page.select(".tag-cloud a")}
    assert cloud["5G"] == (3, "weight-5", "../tags/5g/index.html")
    assert cloud["数据安全"][0] == 3 and cloud["EDA"][:2] == (1, "weight-1")
    assert cloud["半导体"][2] == "../tags/bandaoti/index.html"
    tag = soup(fixture_site, "tags/shujuanquan/index.html")
    assert tag.h1.get_text() == "数据安全"
    assert {link["href"] for link in tag.find_all("link", rel="alternate")} >= {"../../tags/shujuanquan/feed.xml", "../../tags/shujuanquan/atom.xml"}


def test_sections_index_lists_every_section_in_order(fixture_site: Built):
    names = [a.get_text() for a in soup(fixture_site, "sections/index.html").select(".section-list a")]
    assert names == ["产业环境", "运营竞争", "技术情报", "企业情报", "综合"]


def test_search_page_ships_its_index_as_scripts(fixture_site: Built):
    page = soup(fixture_site, "search.html")
    sources = [script["src"] for script in page.find_all("script", src=True)]
    assert sources == ["static/js/site.js", "static/js/offline.js", "search/index.js", "static/js/search.js"]
    assert page.find(id="search-input")["name"] == "q"
    index = (fixture_site.out / "search/index.js").read_text(encoding="utf-8")
    assert index.startswith("(window.BulletinSearchData=window.BulletinSearchData||{})[\"meta\"]=")
    assert "fetch(" not in (fixture_site.out / "static/js/search.js").read_text(encoding="utf-8")


def test_404_page_works_at_any_depth(fixture_site: Built):
    page = soup(fixture_site, "404.html")
    assert page.find("base")["href"] == BASE
    assert page.h1.get_text() == "页面不存在"


def test_sitemap_and_robots(fixture_site: Built):
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    sitemap = ET.parse(fixture_site.out / "sitemap.xml").getroot()
    locations = [loc.text for loc in sitemap.findall("s:url/s:loc", namespace)]
    pages = {file.relative_to(fixture_site.out).as_posix() for file in html_files(fixture_site)} - {"404.html", "search.html", "offline.html"}
    expected = {BASE + (path[: -len("index.html")] if path.endswith("index.html") else path) for path in pages}
    assert set(locations) == expected and len(locations) == len(expected)
    lastmod = {url.findtext("s:loc", namespaces=namespace): url.findtext("s:lastmod", namespaces=namespace) for url in sitemap}
    assert lastmod[BASE + "articles/guochan-eda-tupo.html"] == "2020-12-03"
    assert lastmod[BASE + "issues/2021-01-07.html"] == "2021-01-07"
    assert None not in lastmod.values(), "every page has a lastmod"
    assert lastmod[BASE] == lastmod[BASE + "issues/"] == lastmod[BASE + "tags/"] == "2021-01-21"  # the newest article
    assert lastmod[BASE + "tags/bandaoti/"] == "2021-01-21" and lastmod[BASE + "sections/yunyingjingzheng/"] == "2021-01-07"
    assert lastmod[BASE + "sections/jishuqingbao/page-2.html"] == "2021-01-21"  # every page of a listing shifts with a new article
    assert (fixture_site.out / "robots.txt").read_text() == f"User-agent: *\nAllow: /\n\nSitemap: {BASE}sitemap.xml\n"


def test_output_is_byte_identical_for_identical_input(fixture_site: Built, tmp_path: Path):
    again = build_project(copy_project(fixture_site.project, tmp_path / "again"))
    first = {p.relative_to(fixture_site.out): p.read_bytes() for p in fixture_site.out.rglob("*") if p.is_file()}
    second = {p.relative_to(again.out): p.read_bytes() for p in again.out.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [path for path in first if first[path] != second[path]] == []


def test_base_url_option_changes_only_absolute_urls(make_project):
    built = build_project(make_project(), "--base-url", "https://user.github.io/repo")
    page = soup(built, "articles/guochan-eda-tupo.html")
    assert page.find("link", rel="canonical")["href"] == "https://user.github.io/repo/articles/guochan-eda-tupo.html"
    assert page.find("link", rel="stylesheet")["href"] == "../static/css/site.css"
    assert "https://user.github.io/repo/feed.xml" in built.page("feed.xml")


def test_sample_bulletin_builds_completely(sample_site: Built):
    sources = sorted((ROOT / "content").glob("*/*.md"))
    front = [yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1]) for path in sources]
    assert len(sources) >= 40
    for meta in front:
        assert (sample_site.out / "articles" / f"{meta['slug']}.html").is_file(), meta["slug"]
    sections = [a.get_text() for a in soup(sample_site, "sections/index.html").select(".section-list a")]
    assert sections == list(dict.fromkeys(meta["section"] for meta in front))
    home = soup(sample_site, "index.html")
    assert len(home.select(".home-main .headline-list a")) == len(sources)
    tags = {tag for meta in front for tag in meta.get("tags") or []}
    assert len(soup(sample_site, "tags/index.html").select(".tag-cloud a")) == len(tags)


@pytest.mark.parametrize("path", ["index.html", "issues/2021-01-07.html", "articles/guochan-eda-tupo.html", "tags/index.html", "search.html"])
def test_templates_add_no_spaces_between_cjk_characters(fixture_site: Built, path: str):
    """Inline runs in the theme are written without whitespace between elements (titles may have their own)."""
    titles = [yaml.safe_load(p.read_text(encoding="utf-8").split("---")[1])["title"] for p in (fixture_site.project / "content").rglob("*.md")]
    page = soup(fixture_site, path)
    for selector in (".meta", ".eyebrow", ".issue-toc-title", ".breadcrumb li", "title", ".article-item-title", ".feeds"):
        for element in page.select(selector):
            text = element.get_text()
            for title in titles:
                text = text.replace(title, "")
            assert not re.search(f"[{CJK}]\\s+[{CJK}]", text), (selector, element.get_text())


def test_a_site_theme_overrides_the_default_template_by_template(make_project):
    project = make_project()
    mine = project / "themes/mine"
    (mine / "static/css").mkdir(parents=True)
    (mine / "tag.html").write_text('{% extends "listing.html" %}\n{% block eyebrow %}专题标签{% endblock %}\n', encoding="utf-8")
    (mine / "i18n.yml").write_text("zh-Hans:\n  related: 延伸阅读\n", encoding="utf-8")
    (mine / "static/css/site.css").write_text("body { color: black; }\n", encoding="utf-8")
    built = build_project(project, "--theme", "mine")
    assert soup(built, "tags/bandaoti/index.html").select_one(".eyebrow").get_text() == "专题标签"
    assert soup(built, "sections/jishuqingbao/index.html").select_one(".eyebrow").get_text() == "栏目"  # default template
    article = soup(built, "articles/guochan-eda-tupo.html")
    assert article.select_one("aside.related h2").get_text() == "延伸阅读"
    assert article.select_one("nav.pager .pager-label").get_text() == "上一篇"  # default string
    assert (built.out / "static/css/site.css").read_text(encoding="utf-8") == "body { color: black; }\n"
    assert (built.out / "static/js/search.js").is_file()  # default static file


def test_progress_bar_on_a_terminal_for_long_builds(tmp_path):
    """A build of a few hundred files shows a rich progress bar when stdout is a terminal."""
    for number in range(80):
        folder = tmp_path / "content" / "notes"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"note-{number}.md").write_text(f"---\ntitle: 第{number}篇\ndate: 2021-01-{number % 28 + 1:02d}\ntags: [标签{number}]\n---\n正文。\n", encoding="utf-8")
    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100"}
    process = subprocess.Popen([sys.executable, "-m", "generator", "build"], cwd=tmp_path, stdout=follower, stderr=subprocess.PIPE, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    assert process.wait(timeout=300) == 0, process.stderr.read()
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert "building" in shown and "\x1b[" in shown
    assert re.search(r"built \d+ pages", shown)
