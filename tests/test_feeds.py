"""RSS and Atom feeds: well-formed, complete, stable ids, dates in the site's timezone, self links."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import feedparser
import pytest
import yaml

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


def test_every_feed_parses_cleanly(any_site: Built):
    for file in feed_files(any_site):
        parsed = feedparser.parse(file.read_bytes())
        assert parsed.bozo == 0, (file, parsed.get("bozo_exception"))
        assert parsed.version in ("rss20", "atom10"), file
        assert parsed.feed.title and parsed.entries


def test_entries_are_complete_and_link_to_pages_that_exist(any_site: Built):
    feed_size = settings(any_site)["feed_size"]
    for file in feed_files(any_site):
        parsed = feedparser.parse(file.read_bytes())
        assert 1 <= len(parsed.entries) <= feed_size
        ids = [entry.id for entry in parsed.entries]
        assert len(set(ids)) == len(ids), file
        for entry in parsed.entries:
            assert entry.id == entry.link, "ids are the permalinks"
            assert local_path(any_site, entry.link).is_file()
            content = entry.content[0].value if "content" in entry else entry.description
            assert content.startswith("<p>") and "</p>" in content  # full HTML body, unescaped by the reader
            assert entry.title and entry.tags
        self_link = next(link.href for link in parsed.feed.links if link.rel == "self")
        assert local_path(any_site, self_link) == file
        alternate = next(link.href for link in parsed.feed.links if link.rel == "alternate")
        assert local_path(any_site, alternate).is_file()


def test_site_feed_holds_the_newest_articles_newest_first(fixture_site: Built):
    parsed = feedparser.parse((fixture_site.out / "feed.xml").read_bytes())
    assert len(parsed.entries) == 5  # feed_size
    dates = [datetime(*entry.published_parsed[:6]) for entry in parsed.entries]
    assert dates == sorted(dates, reverse=True)
    assert parsed.entries[0].title == "工业互联网创新发展行动计划发布"


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
        assert item.findtext("pubDate").endswith(" 00:00:00 +0800")
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
        assert entry.findtext(f"{ATOM}updated").endswith("T00:00:00+08:00")
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
    assert len(feedparser.parse((built.out / "atom.xml").read_bytes()).entries) == feed_size
