"""Turn one target into bytes: pages through the theme's Jinja templates, the rest through their modules.

`produce(target, site, theme)` is a pure function of its arguments (plus the theme's files), so targets
can be rendered in any order, in any process.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

import jinja2

from generator.errors import BulletinError
from generator.site import feeds, pages, search, sitemap, urls
from generator.site.model import Listing, Site
from generator.site.pages import Target
from generator.site.theme import Strings, Theme

HOME_TAGS = 30
CLOUD_WEIGHTS = 5


@dataclass(frozen=True)
class RenderOptions:
    """How pages are rendered; `bulletin serve` adds its live-reload script through `extra_scripts`."""

    extra_scripts: tuple[str, ...] = ()  # edition-relative paths of scripts added to every page


@dataclass(frozen=True)
class Crumb:
    label: str
    path: str | None = None  # None for the current page


@dataclass(frozen=True)
class Pagination:
    page: int
    pages: int
    listing: Listing

    def path(self, number: int) -> str:
        return self.listing.page_path(number)

    @property
    def prev(self) -> str | None:
        return self.path(self.page - 1) if self.page > 1 else None

    @property
    def next(self) -> str | None:
        return self.path(self.page + 1) if self.page < self.pages else None

    def numbers(self, around: int = 2) -> list[int | None]:
        """Page numbers to link: the first, the last and those near the current one; None for a gap."""
        shown = sorted({1, self.pages, *range(max(1, self.page - around), min(self.pages, self.page + around) + 1)})
        result: list[int | None] = []
        for previous, number in zip([0, *shown], shown):
            if number - previous > 1:
                result.append(None)
            result.append(number)
        return result


@dataclass
class Page:
    """What base.html needs to know about the page it frames."""

    kind: str
    path: str
    title: str  # '' on the home page: the site title alone
    description: str
    canonical: str | None
    feeds: list[feeds.Feed]
    breadcrumb: list[Crumb] = field(default_factory=list)
    base_href: str | None = None  # only on 404.html, which is served at any depth
    noindex: bool = False


def _issue_title(strings: Strings, issue: Any) -> str:
    return strings("issue_title", publication=issue.publication, date=strings.date(issue.date))


def _listing_context(site: Site, strings: Strings, listing: Listing, page_number: int, index_title: str, index_path: str) -> tuple[Page, dict]:
    per_page = site.config.per_page
    count = pages.page_count(listing, per_page)
    pagination = Pagination(page_number, count, listing)
    title = listing.name if page_number == 1 else strings("page_title_numbered", title=listing.name, page=page_number)
    page = Page(
        listing.kind[:-1],
        listing.page_path(page_number),
        title,
        strings("listing_description", name=listing.name, count=len(listing.articles)),
        site.url(listing.page_path(page_number)),
        [feeds.site_feed(site), feeds.listing_feed(site, listing, strings)],
        [Crumb(strings("home"), urls.HOME), Crumb(index_title, index_path), Crumb(listing.name)],
    )
    return page, {"listing": listing, "articles": pages.page_articles(listing, per_page, page_number), "pagination": pagination}


def _cloud(site: Site) -> list[tuple[Listing, int]]:
    """Tags with a weight from 1 to CLOUD_WEIGHTS, on a log scale of their article counts."""
    most = max((len(tag.articles) for tag in site.tags), default=1)
    scale = math.log(most) if most > 1 else 1.0
    return [(tag, 1 + round((CLOUD_WEIGHTS - 1) * math.log(len(tag.articles)) / scale)) for tag in site.tags]


def page_context(target: Target, site: Site, strings: Strings) -> tuple[str, Page, dict]:
    """(template name, page, template variables) of a page target."""
    home = Crumb(strings("home"), urls.HOME)
    site_feeds = [feeds.site_feed(site)]

    def simple(title: str, description: str = "", **extra: Any) -> tuple[str, Page, dict]:
        path = target.path
        page = Page(target.kind, path, title, description or site.description, site.url(path), site_feeds, [home, Crumb(title)])
        return f"{target.kind}.html", page, extra

    kind = target.kind
    if kind == "home":
        page = Page(kind, urls.HOME, "", site.description, site.url(urls.HOME), site_feeds)
        top_tags = sorted(site.tags, key=lambda tag: (-len(tag.articles), tag.slug))[:HOME_TAGS]
        extra = {"issue": site.latest, "recent_issues": site.issues[:pages.HOME_RECENT_ISSUES], "top_tags": top_tags}
        return "home.html", page, extra
    if kind == "archive":
        years = [(year, list(issues)) for year, issues in groupby(site.issues, key=lambda issue: issue.year)]
        return simple(strings("archive"), years=years)
    if kind == "sections":
        return simple(strings("sections"))
    if kind == "tags":
        return simple(strings("tags"), cloud=_cloud(site))
    if kind == "search":
        return simple(strings("search"))
    if kind == "404":
        template, page, extra = simple(strings("not_found"))
        page.canonical, page.base_href, page.noindex, page.breadcrumb = None, site.url(""), True, []
        return template, page, extra
    if kind == "issue":
        issue = site.find("issues", target.key)
        title = _issue_title(strings, issue)
        crumbs = [home, Crumb(strings("archive"), urls.ARCHIVE), Crumb(title)]
        description = strings("issue_description", count=len(issue.articles))
        return "issue.html", Page(kind, issue.path, title, description, site.url(issue.path), site_feeds, crumbs), {"issue": issue}
    if kind == "article":
        article = site.find("articles", target.key)
        crumbs = [home, Crumb(_issue_title(strings, article.issue), article.issue.path), Crumb(article.section.name, article.section.path), Crumb(article.title)]
        page_feeds = [*site_feeds, feeds.listing_feed(site, article.section, strings)]
        page = Page(kind, article.path, article.title, article.summary, site.url(article.path), page_feeds, crumbs)
        return "article.html", page, {"article": article}
    if kind in ("section", "tag"):
        listing = site.find(kind + "s", target.key)
        index_title, index_path = (strings("sections"), urls.SECTIONS) if kind == "section" else (strings("tags"), urls.TAGS)
        page, extra = _listing_context(site, strings, listing, target.page, index_title, index_path)
        return f"{kind}.html", page, extra
    raise ValueError(f"not a page kind: {kind}")


def _template_error(exc: Exception) -> BulletinError | None:
    """The template file and line of an error raised while rendering; None if no template was involved."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return BulletinError(f"template error: {exc.message}", exc.filename or exc.name, exc.lineno)
    if isinstance(exc, jinja2.TemplateNotFound):
        return BulletinError(f"template not found in the theme: {exc.name}")
    frame = exc.__traceback__
    where, line = None, None
    while frame is not None:
        filename = frame.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".htm", ".xml")):
            where, line = filename, frame.tb_lineno
        frame = frame.tb_next
    if where is None and not isinstance(exc, jinja2.TemplateError):
        return None
    return BulletinError(f"template error: {exc}", where, line)


def render_page(target: Target, site: Site, theme: Theme, options: RenderOptions) -> bytes:
    strings = theme.strings_for(site.language)
    template_name, page, extra = page_context(target, site, strings)

    def url(path: str) -> str:
        return path if "://" in path or path.startswith("mailto:") else urls.relative(page.path, path)

    try:
        template = theme.env.get_template(template_name)
        html = template.render(site=site, page=page, t=strings, date=strings.date, url=url, options=options, **extra)
    except Exception as exc:  # a theme's template can raise anything; report where, not a traceback
        error = _template_error(exc)
        if error is None:
            raise
        raise error from None
    return html.encode("utf-8")


def produce(target: Target, site: Site, theme: Theme, options: RenderOptions = RenderOptions()) -> bytes:
    """The bytes of one output file."""
    kind = target.kind
    if target.is_page:
        return render_page(target, site, theme, options)
    if kind in ("rss", "atom"):
        feed = feeds.feed_for(site, target.key, theme.strings_for(site.language))
        return feeds.rss(site, feed) if kind == "rss" else feeds.atom(site, feed)
    if kind == "search-index":
        return search.index_for(site).files[target.key]
    if kind == "sitemap":
        return sitemap.sitemap(site, [t.path for t in pages.plan(site, theme) if t.is_page])
    if kind == "robots":
        return sitemap.robots(site)
    if kind == "static":
        return theme.static_files[target.key].read_bytes()
    raise ValueError(f"unknown target kind: {kind}")

