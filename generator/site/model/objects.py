"""The site model: one edition's issues, sections, tags and articles, with their paths and neighbours.

Every page kind, feed, search index and sitemap reads this model and nothing else. Identity (slugs,
paths, order) comes from the source text, so every edition has the same pages at the same paths;
displayed strings pass through the edition's `transform`. `assemble` builds it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from generator.site import urls
from generator.site.content.config import NavLink, SiteConfig
from generator.site.content.reader import SourceArticle
from generator.site.editions.edition import Edition
from generator.site.markup.markdown import Body


@dataclass(eq=False)
class Listing:
    """A section or a tag: a named, paginated list of articles, newest first, with its own feeds."""

    kind: str  # 'sections' or 'tags'
    key: str  # the name in the content
    name: str  # the name as displayed
    slug: str
    articles: list[Article] = field(default_factory=list)

    @cached_property  # read by nearly every page that links to it
    def path(self) -> str:
        return urls.listing(self.kind, self.slug)

    def page_path(self, page: int) -> str:
        return urls.listing(self.kind, self.slug, page)

    def feed_path(self, feed: str) -> str:
        return urls.listing_feed(self.kind, self.slug, feed)


@dataclass(eq=False)
class IssueGroup:
    section: Listing
    articles: list[Article]


@dataclass(eq=False)
class Issue:
    id: str
    slug: str
    date: dt.date
    publication: str
    number: str | None
    groups: list[IssueGroup] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)  # reading order: by section, then position
    older: Issue | None = None
    newer: Issue | None = None

    @cached_property  # read by nearly every page that links to it
    def path(self) -> str:
        return urls.issue(self.slug)

    @property
    def year(self) -> int:
        return self.date.year


@dataclass(eq=False)
class Article:
    source: SourceArticle
    slug: str
    title: str
    subtitle: str | None
    part: str | None
    date: dt.date
    published: dt.datetime  # aware, in the site's timezone
    body: Body
    summary: str
    reading_minutes: int
    section: Listing = None  # type: ignore[assignment]  # set while the model is built
    issue: Issue = None  # type: ignore[assignment]
    tags: list[Listing] = field(default_factory=list)
    prev: Article | None = None
    next: Article | None = None
    related: list[Article] = field(default_factory=list)
    absolute_html: str | None = None  # the body with its relative links made absolute, when it has any
    author: str | None = None  # the byline, in the edition's script
    source_name: str | None = None  # where the article comes from (来源), in the edition's script

    @property
    def key(self) -> str:
        return self.source.key

    @property
    def feed_html(self) -> str:
        """The body for feeds, whose readers resolve no relative link."""
        return self.body.html if self.absolute_html is None else self.absolute_html

    @cached_property  # read by nearly every page that links to it
    def path(self) -> str:
        return urls.article(self.slug)


@dataclass(eq=False)
class Site:
    config: SiteConfig
    edition: Edition
    title: str
    description: str
    author: str
    navigation: list[NavLink]
    issues: list[Issue]  # newest first
    sections: list[Listing]  # in the configured order, then by first appearance
    tags: list[Listing]  # by slug
    articles: list[Article]  # newest issue first, reading order within an issue
    warnings: list[str]
    editions: list[Edition] = field(default_factory=list)  # every configured edition, default first

    def __post_init__(self) -> None:
        self._articles = {article.slug: article for article in self.articles}
        self._issues = {issue.slug: issue for issue in self.issues}
        self._listings = {(listing.kind, listing.slug): listing for listing in (*self.sections, *self.tags)}

    def article(self, slug: str) -> Article:
        return self._articles[slug]

    def issue(self, slug: str) -> Issue:
        return self._issues[slug]

    def listing(self, kind: str, slug: str) -> Listing:
        """A section (`kind` 'sections') or a tag ('tags') by slug."""
        return self._listings[(kind, slug)]

    @property
    def latest(self) -> Issue | None:
        return self.issues[0] if self.issues else None

    @property
    def language(self) -> str:
        return self.edition.language

    def url(self, path: str) -> str:
        """The absolute public URL of an edition-relative path."""
        return urls.absolute(self.config.base_url, self.edition.prefix + path)

