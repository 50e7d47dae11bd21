"""RSS 2.0 and Atom feeds, built with ElementTree: the site's (every article of its newest issues), each
section's and tag's (their newest articles), and the issues feed (one entry per issue, its contents).

Article entries carry the full body (escaped by the XML library, with links made absolute), permalink
ids, the site's author, and dates in the site's timezone. Channel dates derive from the newest entry,
never from the clock, so the same content always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from email.utils import format_datetime
from html import escape

from generator import __version__
from generator.site import urls
from generator.site.model.objects import Article, Issue, Listing, Site
from generator.site.render.reads import Reads
from generator.site.render.strings import Strings
from generator.site.render.targets import RenderOptions, Target
from generator.site.render.theme import Theme
from generator.text.normalize import xml_text

ATOM_NS = "http://www.w3.org/2005/Atom"
DC_NS = "http://purl.org/dc/elements/1.1/"
XML_NS = "http://www.w3.org/XML/1998/namespace"
GENERATOR = "Bulletin Digest"
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)

FORMATS = (("rss", urls.RSS), ("atom", urls.ATOM))

ET.register_namespace("atom", ATOM_NS)
ET.register_namespace("dc", DC_NS)

ISSUES_KEY = "issues"  # the target key of the issues feed


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: reads note which feeds a page read
class Feed:
    title: str
    page: str  # the HTML page the feed follows
    rss: str
    atom: str
    articles: list[Article]  # the articles it holds, or the articles its issues list
    source: Site | Listing  # what the feed follows: its entries are the newest of its articles or issues
    issues: list[Issue] | None = None  # an issues feed: one entry per issue, listing its articles


@dataclass(frozen=True)
class Entry:
    """One item of a feed, whatever it stands for (an article, an issue)."""

    url: str  # the page, also the entry's id
    title: str
    published: dt.datetime
    categories: list[str]
    summary: str
    html: str


def listing_feed(site: Site, listing: Listing, strings: Strings) -> Feed:
    """The newest `feed_size` articles of a section or a tag."""
    return Feed(
        strings("feed_title", name=listing.name, site=site.title),
        listing.path,
        listing.feed_path(urls.RSS),
        listing.feed_path(urls.ATOM),
        listing.articles[: site.config.feed_size],
        listing,
    )


def site_feed(site: Site) -> Feed:
    """Every article of the newest `feed_issues` issues, however many: a subscriber misses no article of
    an issue, and readers that keep what they fetched keep whole issues."""
    count = sum(len(issue.articles) for issue in site.issues[: site.config.feed_issues])
    return Feed(site.title, urls.HOME, urls.RSS, urls.ATOM, site.articles[:count], site)


def issues_feed(site: Site, strings: Strings) -> Feed:
    """The newest `feed_size` issues, one entry each: its contents by section, linked."""
    issues = site.issues[: site.config.feed_size]
    title = strings("feed_title", name=strings("issues_feed"), site=site.title)
    listed = [article for issue in issues for article in issue.articles]
    return Feed(title, urls.ARCHIVE, urls.ISSUES_RSS, urls.ISSUES_ATOM, listed, site, issues)


def feed_for(site: Site, key: str, strings: Strings) -> Feed:
    """The feed of a target key: '' for the whole site, 'issues', 'sections/<slug>' or 'tags/<slug>'."""
    if not key:
        return site_feed(site)
    if key == ISSUES_KEY:
        return issues_feed(site, strings)
    kind, _, slug = key.partition("/")
    return listing_feed(site, site.listing(kind, slug), strings)


def _article_entry(site: Site, article: Article) -> Entry:
    categories = [article.section.name, *(tag.name for tag in article.tags)]
    return Entry(site.url(article.path), article.title, article.published, categories, article.summary, article.feed_html)


def _contents_html(site: Site, issue: Issue) -> str:
    """An issue's table of contents as HTML: each section's articles, linked, with subtitle and summary."""
    parts = []
    for group in issue.groups:
        parts.append(f"<h2>{escape(group.section.name)}</h2>\n<ol>")
        for article in group.articles:
            item = f'<li><p><a href="{escape(site.url(article.path))}">{escape(article.title)}</a></p>'
            if article.subtitle:
                item += f"<p>{escape(article.subtitle)}</p>"
            if article.summary:
                item += f"<p>{escape(article.summary)}</p>"
            parts.append(item + "</li>")
        parts.append("</ol>")
    return "\n".join(parts)


def _issue_entry(site: Site, issue: Issue, strings: Strings) -> Entry:
    return Entry(
        site.url(issue.path),
        strings.issue_title(issue.publication, issue.date),
        max(article.published for article in issue.articles),
        [group.section.name for group in issue.groups],
        strings("issue_description", count=len(issue.articles)),
        _contents_html(site, issue),
    )


def entries(site: Site, feed: Feed, strings: Strings) -> list[Entry]:
    if feed.issues is not None:
        return [_issue_entry(site, issue, strings) for issue in feed.issues]
    return [_article_entry(site, article) for article in feed.articles]


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = text
    return element


def serialize(root: ET.Element) -> bytes:
    """An XML document: declaration, indented elements, UTF-8; every text and attribute value cleaned of
    what XML forbids, whichever field it came from (the one place all of a feed's text passes)."""
    for element in root.iter():
        if element.text:
            element.text = xml_text(element.text)
        element.attrib.update((name, xml_text(value)) for name, value in element.attrib.items())
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _updated(items: list[Entry]) -> dt.datetime | None:
    return max((entry.published for entry in items), default=None)


def rss(site: Site, feed: Feed, strings: Strings) -> bytes:
    root = ET.Element("rss", {"version": "2.0"})
    channel = _sub(root, "channel")
    _sub(channel, "title", feed.title)
    _sub(channel, "link", site.url(feed.page))
    _sub(channel, "description", site.description or site.title)
    _sub(channel, "language", site.language)
    items = entries(site, feed, strings)
    updated = _updated(items)
    if updated is not None:
        _sub(channel, "lastBuildDate", format_datetime(updated))
    _sub(channel, "generator", f"{GENERATOR} {__version__}")
    _sub(channel, f"{{{ATOM_NS}}}link", href=site.url(feed.rss), rel="self", type="application/rss+xml")
    for entry in items:
        item = _sub(channel, "item")
        _sub(item, "title", entry.title)
        _sub(item, "link", entry.url)
        _sub(item, "guid", entry.url, isPermaLink="true")
        _sub(item, "pubDate", format_datetime(entry.published))
        _sub(item, f"{{{DC_NS}}}creator", site.author)  # RSS's own <author> must be an e-mail address
        for name in entry.categories:
            _sub(item, "category", name)
        _sub(item, "description", entry.html)
    return serialize(root)


def atom(site: Site, feed: Feed, strings: Strings) -> bytes:
    # The namespace is declared as a plain attribute: ElementTree cannot combine a default namespace
    # with unqualified attribute names.
    root = ET.Element("feed", {"xmlns": ATOM_NS, f"{{{XML_NS}}}lang": site.language})
    _sub(root, "id", site.url(feed.atom))
    _sub(root, "title", feed.title)
    if site.description:
        _sub(root, "subtitle", site.description)
    items = entries(site, feed, strings)
    _sub(root, "updated", (_updated(items) or EPOCH).isoformat())
    _sub(root, "link", rel="self", type="application/atom+xml", href=site.url(feed.atom))
    _sub(root, "link", rel="alternate", type="text/html", href=site.url(feed.page))
    author = _sub(root, "author")
    _sub(author, "name", site.author)
    _sub(root, "generator", GENERATOR, version=__version__)
    for item in items:
        entry = _sub(root, "entry")
        _sub(entry, "id", item.url)
        _sub(entry, "title", item.title)
        _sub(entry, "link", rel="alternate", type="text/html", href=item.url)
        _sub(entry, "published", item.published.isoformat())
        _sub(entry, "updated", item.published.isoformat())
        _sub(_sub(entry, "author"), "name", site.author)
        for name in item.categories:
            _sub(entry, "category", term=name)
        if item.summary:
            _sub(entry, "summary", item.summary, type="text")
        _sub(entry, "content", item.html, type="html", **{f"{{{XML_NS}}}base": item.url})
    return serialize(root)


def plan(site: Site, theme: Theme) -> list[Target]:
    """The site's feeds, the issues feed, then each section's and tag's."""
    targets = [Target(name, feed_format) for feed_format, name in FORMATS]
    targets.extend(Target(name, feed_format, ISSUES_KEY) for feed_format, name in (("rss", urls.ISSUES_RSS), ("atom", urls.ISSUES_ATOM)))
    for listing in [*site.sections, *site.tags]:
        targets.extend(Target(listing.feed_path(name), feed_format, f"{listing.kind}/{listing.slug}") for feed_format, name in FORMATS)
    return targets


def make(target: Target, site: Site, theme: Theme, options: RenderOptions, reads: Reads) -> bytes:
    strings = theme.strings_for(site.language)
    feed = feed_for(site, target.key, strings)
    reads.card.add(site)
    reads.full.add(feed.source)
    if feed.issues is not None:  # contents: each issue's groups, its articles' titles and summaries
        reads.full.update(feed.issues)
        reads.card.update(feed.articles)
        reads.card.update(article.section for article in feed.articles)
    else:
        for article in feed.articles:
            reads.full.add(article)
            reads.card.update((article.section, *article.tags))
    return rss(site, feed, strings) if target.kind == "rss" else atom(site, feed, strings)
