"""RSS and Atom feeds: well-formed, complete, stable ids, dates in the site's timezone, self links; the
site feed holds whole issues in printed order, the issues feed one entry per issue."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup

from build_helpers import Built, build_project

ATOM = "{http://www.w3.org/2005/Atom}"


def feed_files(built: Built) -> list[Path]:
    files = sorted(built.out.rglob("feed.xml")) + sorted(built.out.rglob("atom.xml"))
    assert files
    return files


def settings(built: Built) -> dict:
    return yaml.safe_load((built.project / "site.yml").read_text(encoding="utf-8"))


def local_path(built: Built, url: str) -> Path:
    base = settings(built)["base_url"]
    assert url.startswith(base), url
    path = url[len(base) :]
    return built.out / (path + "index.html" if path == "" or path.endswith("/") else path)


def entry_html(entry) -> str:
    return entry.content[0].value if "content" in entry else entry.description


def test_every_feed_of_every_edition_parses_cleanly(any_site: Built):
    files = feed_files(any_site)
    editions = [""] + [f"{edition.get('folder', edition['language'].lower())}/" for edition in settings(any_site).get("editions", [])]
    for prefix in editions:
        for name in ("feed.xml", "atom.xml", "issues/feed.xml", "issues/atom.xml", "sections/jishuqingbao/feed.xml"):
            assert any_site.out / (prefix + name) in files
    for file in files:
        parsed = feedparser.parse(file.read_bytes())
        assert parsed.bozo == 0, (file, parsed.get("bozo_exception"))
        assert parsed.version in ("rss20", "atom10"), file
        assert parsed.feed.title and parsed.entries


def test_entries_are_complete_and_link_to_pages_that_exist(any_site: Built):
    feed_size = settings(any_site)["feed_size"]
    for file in feed_files(any_site):
        parsed = feedparser.parse(file.read_bytes())
        if "sections" in file.parts or "tags" in file.parts:
            assert 1 <= len(parsed.entries) <= feed_size
        ids = [entry.id for entry in parsed.entries]
        assert len(set(ids)) == len(ids), file
        times = [entry.published_parsed for entry in parsed.entries]
        assert times == sorted(times, reverse=True) and len(set(times)) == len(times), "distinct times, newest first"
        for entry in parsed.entries:
            assert entry.id == entry.link, "ids are the permalinks"
            assert local_path(any_site, entry.link).is_file()
            html = entry_html(entry)
            first = "<h2>" if "issues" in file.parts else "<p>"
            assert html.startswith(first) and "</p>" in html  # full HTML body, unescaped by the reader
            assert entry.title and entry.tags
            assert entry.author and entry.author == parsed.feed.get("author", entry.author)  # the site's author, in the edition's script
        self_link = next(link.href for link in parsed.feed.links if link.rel == "self")
        assert local_path(any_site, self_link) == file
        alternate = next(link.href for link in parsed.feed.links if link.rel == "alternate")
        assert local_path(any_site, alternate).is_file()


def issue_titles(built: Built, path: str) -> list[str]:
    """The article titles of an issue page, in printed order."""
    return [link.get_text() for link in BeautifulSoup(built.page(path), "html.parser").select(".issue-toc-title a")]


def test_site_feed_holds_the_two_newest_issues_whole_in_printed_order(fixture_site: Built):
    for name in ("feed.xml", "atom.xml"):
        parsed = feedparser.parse((fixture_site.out / name).read_bytes())
        expected = issue_titles(fixture_site, "issues/2021-01-21.html") + issue_titles(fixture_site, "issues/2021-01-07.html")
        assert len(expected) == 8 > settings(fixture_site)["feed_size"]  # whole issues, whatever feed_size says
        assert [entry.title for entry in parsed.entries] == expected
        times = [datetime(*entry.published_parsed[:6]) for entry in parsed.entries]
        assert times == sorted(times, reverse=True) and len(set(times)) == len(times)  # readers sort by time: printed order


@pytest.mark.parametrize("prefix", ["", "zh-hant/"])
def test_the_newest_issue_of_the_sample_is_whole_in_the_site_feed(sample_site: Built, prefix):
    titles = issue_titles(sample_site, prefix + "issues/2021-08-12.html")
    assert len(titles) == 45
    for name in ("feed.xml", "atom.xml"):
        parsed = feedparser.parse((sample_site.out / prefix / name).read_bytes())
        assert [entry.title for entry in parsed.entries] == titles
        assert {tag.term for entry in parsed.entries for tag in entry.tags} >= {"技术情报", "企业情报", "海外借鉴"} if not prefix else True


def test_feed_issues_sets_how_many_issues_the_site_feed_holds(make_project):
    project = make_project()
    config = project / "site.yml"
    config.write_text(config.read_text(encoding="utf-8") + "feed_issues: 3\n", encoding="utf-8")
    built = build_project(project)
    assert len(feedparser.parse((built.out / "atom.xml").read_bytes()).entries) == 11  # 4 + 4 + 3 articles


def test_issues_feed_has_one_entry_per_issue_with_its_contents(fixture_site: Built):
    for name in ("issues/feed.xml", "issues/atom.xml"):
        parsed = feedparser.parse((fixture_site.out / name).read_bytes())
        assert parsed.feed.title == "各期目录 - 产业监测摘要"
        assert [entry.title for entry in parsed.entries] == ["产业监测 2021年1月21日", "产业监测 2021年1月7日", "产业监测 2020年12月3日"]
        newest = parsed.entries[0]
        assert newest.link == "https://example.github.io/digest/issues/2021-01-21.html"
        contents = entry_html(newest)
        assert re.findall(r"<h2>([^<]*)</h2>", contents) == ["产业环境", "技术情报", "企业情报", "综合"]
        links = re.findall(r'<a href="([^"]*)">([^<]*)</a>', contents)
        assert [title for _, title in links] == issue_titles(fixture_site, "issues/2021-01-21.html")
        assert all(local_path(fixture_site, url).is_file() for url, _ in links)
    home = fixture_site.page("index.html")
    assert 'type="application/atom+xml" title="各期目录 - 产业监测摘要 (Atom)" href="issues/atom.xml"' in home


def test_section_and_tag_feeds_hold_only_their_articles(fixture_site: Built):
    for entry in feedparser.parse((fixture_site.out / "sections/jishuqingbao/atom.xml").read_bytes()).entries:
        assert "技术情报" in [tag.term for tag in entry.tags]
    tag_feed = feedparser.parse((fixture_site.out / "tags/bandaoti/feed.xml").read_bytes())
    assert tag_feed.feed.title == "半导体 - 产业监测摘要"
    assert [entry.title for entry in tag_feed.entries] == ["晶圆代工产能紧张 半导体企业加快扩产", "国产EDA工具取得突破 半导体设计链条加速补齐"]


def test_rss_follows_the_validator_rules(fixture_site: Built):
    channel = ET.parse(fixture_site.out / "feed.xml").getroot().find("channel")
    assert channel.findtext("language") == "zh-Hans"
    self_link = channel.find(f"{ATOM}link")
    assert self_link.attrib == {"href": "https://example.github.io/digest/feed.xml", "rel": "self", "type": "application/rss+xml"}
    newest = None
    for item in channel.findall("item"):
        guid = item.find("guid")
        assert guid.get("isPermaLink") == "true" and guid.text == item.findtext("link")
        published = parsedate_to_datetime(item.findtext("pubDate"))
        assert published.utcoffset().total_seconds() == 8 * 3600  # Asia/Shanghai
        assert re.fullmatch(r"\w{3}, \d\d \w{3} \d{4} 00:\d\d:00 \+0800", item.findtext("pubDate"))  # the issue's day
        assert item.findtext("{http://purl.org/dc/elements/1.1/}creator") == "编辑部"
        newest = max(newest or published, published)
    assert parsedate_to_datetime(channel.findtext("lastBuildDate")) == newest  # from content, not the clock


def test_atom_follows_the_validator_rules(fixture_site: Built):
    root = ET.parse(fixture_site.out / "atom.xml").getroot()
    assert root.tag == f"{ATOM}feed" and root.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-Hans"
    assert root.findtext(f"{ATOM}id") == "https://example.github.io/digest/atom.xml"
    assert root.findtext(f"{ATOM}author/{ATOM}name") == "编辑部"
    assert {link.get("rel") for link in root.findall(f"{ATOM}link")} == {"self", "alternate"}
    entries = root.findall(f"{ATOM}entry")
    assert root.findtext(f"{ATOM}updated") == max(entry.findtext(f"{ATOM}updated") for entry in entries)
    for entry in entries:
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT00:\d\d:00\+08:00", entry.findtext(f"{ATOM}updated"))
        content = entry.find(f"{ATOM}content")
        assert content.get("type") == "html" and content.get("{http://www.w3.org/XML/1998/namespace}base") == entry.findtext(f"{ATOM}id")


def test_markup_in_titles_and_bodies_is_escaped_and_relative_links_made_absolute(make_project):
    project = make_project()
    article = project / "content/2021-01-21/01-gongye-hulianwang.md"
    text = article.read_text(encoding="utf-8")
    text = text.replace("title: 工业互联网创新发展行动计划发布", "title: '<b>工业</b> & 互联网 ]]> “计划”'")
    text = text.replace("详见[工信部网站](https://www.miit.gov.cn/)", "详见[上一期](../issues/2021-01-07.html)与<script>x</script>")
    article.write_text(text, encoding="utf-8")
    built = build_project(project)
    for name in ("feed.xml", "atom.xml"):
        parsed = feedparser.parse((built.out / name).read_bytes())
        assert parsed.bozo == 0
        entry = parsed.entries[0]
        assert entry.title == "<b>工业</b> & 互联网 ]]> “计划”"
        body = entry.content[0].value if "content" in entry else entry.description
        assert 'href="https://example.github.io/digest/issues/2021-01-07.html"' in body
        assert "<script>" not in body and "&lt;script&gt;" in body
    page = built.page("articles/gongye-hulianwang-xingdong-jihua.html")
    assert 'href="../issues/2021-01-07.html"' in page  # the page itself keeps the relative link


@pytest.mark.parametrize("feed_size", [1, 2])
def test_feed_size_is_configurable(make_project, feed_size):
    project = make_project()
    config = project / "site.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("feed_size: 5", f"feed_size: {feed_size}"), encoding="utf-8")
    built = build_project(project)
    for name in ("sections/jishuqingbao/atom.xml", "tags/bandaoti/feed.xml", "issues/atom.xml"):
        assert len(feedparser.parse((built.out / name).read_bytes()).entries) == feed_size
