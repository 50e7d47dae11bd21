"""RSS 2.0 and Atom feeds for the site, each section and each tag, built with ElementTree.

Entries carry the full article body (escaped by the XML library, with links made absolute), permalink
ids, and dates in the site's timezone. Channel dates derive from the newest entry, never from the
clock, so the same content always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from email.utils import format_datetime

from generator import __version__
from generator.site import urls
from generator.site.model.objects import Article, Listing, Site
from generator.site.render.reads import Reads
from generator.site.render.strings import Strings
from generator.site.render.targets import RenderOptions, Target
from generator.site.render.theme import Theme

ATOM_NS = "http://www.w3.org/2005/Atom"
XML_NS = "http://www.w3.org/XML/1998/namespace"
GENERATOR = "Bulletin Digest"
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)

FORMATS = (("rss", urls.RSS), ("atom", urls.ATOM))

ET.register_namespace("atom", ATOM_NS)


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: reads note which feeds a page read
class Feed:
    title: str
    page: str  # the HTML page the feed follows
    rss: str
    atom: str
    articles: list[Article]
    source: Site | Listing  # what the feed follows: its entries are the newest of its articles


def entries(site: Site, articles: list[Article]) -> list[Article]:
    """The articles a feed over `articles` (newest first) holds."""
    return articles[: site.config.feed_size]


def listing_feed(site: Site, listing: Listing, strings: Strings) -> Feed:
    return Feed(
        strings("feed_title", name=listing.name, site=site.title),
        listing.path,
        listing.feed_path(urls.RSS),
        listing.feed_path(urls.ATOM),
        entries(site, listing.articles),
        listing,
    )


def site_feed(site: Site) -> Feed:
    return Feed(site.title, urls.HOME, urls.RSS, urls.ATOM, entries(site, site.articles), site)


def feed_for(site: Site, key: str, strings: Strings) -> Feed:
    """The feed of a target key: '' for the whole site, 'sections/<slug>' or 'tags/<slug>'."""
    if not key:
        return site_feed(site)
    kind, _, slug = key.partition("/")
    return listing_feed(site, site.find(kind, slug), strings)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = text
    return element


def serialize(root: ET.Element) -> bytes:
    """An XML document: declaration, indented elements, UTF-8."""
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _updated(feed: Feed) -> dt.datetime | None:
    return max((article.published for article in feed.articles), default=None)


def rss(site: Site, feed: Feed) -> bytes:
    root = ET.Element("rss", {"version": "2.0"})
    channel = _sub(root, "channel")
    _sub(channel, "title", feed.title)
    _sub(channel, "link", site.url(feed.page))
    _sub(channel, "description", site.description or site.title)
    _sub(channel, "language", site.language)
    updated = _updated(feed)
    if updated is not None:
        _sub(channel, "lastBuildDate", format_datetime(updated))
    _sub(channel, "generator", f"{GENERATOR} {__version__}")
    _sub(channel, f"{{{ATOM_NS}}}link", href=site.url(feed.rss), rel="self", type="application/rss+xml")
    for article in feed.articles:
        item = _sub(channel, "item")
        _sub(item, "title", article.title)
        _sub(item, "link", site.url(article.path))
        _sub(item, "guid", site.url(article.path), isPermaLink="true")
        _sub(item, "pubDate", format_datetime(article.published))
        for name in (article.section.name, *(tag.name for tag in article.tags)):
            _sub(item, "category", name)
        _sub(item, "description", article.feed_html)
    return serialize(root)


def atom(site: Site, feed: Feed) -> bytes:
    # The namespace is declared as a plain attribute: ElementTree cannot combine a default namespace
    # with unqualified attribute names.
    root = ET.Element("feed", {"xmlns": ATOM_NS, f"{{{XML_NS}}}lang": site.language})
    _sub(root, "id", site.url(feed.atom))
    _sub(root, "title", feed.title)
    if site.description:
        _sub(root, "subtitle", site.description)
    _sub(root, "updated", (_updated(feed) or EPOCH).isoformat())
    _sub(root, "link", rel="self", type="application/atom+xml", href=site.url(feed.atom))
    _sub(root, "link", rel="alternate", type="text/html", href=site.url(feed.page))
    author = _sub(root, "author")
    _sub(author, "name", site.author)
    _sub(root, "generator", GENERATOR, version=__version__)
    for article in feed.articles:
        entry = _sub(root, "entry")
        url = site.url(article.path)
        _sub(entry, "id", url)
        _sub(entry, "title", article.title)
        _sub(entry, "link", rel="alternate", type="text/html", href=url)
        _sub(entry, "published", article.published.isoformat())
        _sub(entry, "updated", article.published.isoformat())
        for name in (article.section.name, *(tag.name for tag in article.tags)):
            _sub(entry, "category", term=name)
        if article.summary:
            _sub(entry, "summary", article.summary, type="text")
        _sub(entry, "content", article.feed_html, type="html", **{f"{{{XML_NS}}}base": url})
    return serialize(root)


def plan(site: Site, theme: Theme) -> list[Target]:
    """The site's feeds, then each section's and tag's."""
    targets = [Target(name, feed_format) for feed_format, name in FORMATS]
    for listing in [*site.sections, *site.tags]:
        targets.extend(Target(listing.feed_path(name), feed_format, f"{listing.kind}/{listing.slug}") for feed_format, name in FORMATS)
    return targets


def make(target: Target, site: Site, theme: Theme, options: RenderOptions, reads: Reads) -> bytes:
    feed = feed_for(site, target.key, theme.strings_for(site.language))
    reads.card.add(site)
    reads.full.add(feed.source)
    for article in feed.articles:
        reads.full.add(article)
        reads.card.update((article.section, *article.tags))
    return rss(site, feed) if target.kind == "rss" else atom(site, feed)
