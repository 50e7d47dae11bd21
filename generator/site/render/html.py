"""HTML pages: each page kind's template and context, rendered through the theme's Jinja templates.

`make(target, site, theme, options, reads)` is a pure function of its arguments (plus the theme's
files). The context functions below declare in `reads` what they read themselves; what templates read
is noted as they render (see `templating`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from generator.site import urls
from generator.site.model.objects import Issue, Listing, Site
from generator.site.render import downloads, feeds, pages, share
from generator.site.render.reads import Reads
from generator.site.render.strings import Strings
from generator.site.render.targets import RenderOptions, Target
from generator.site.render.templating import PageLinks
from generator.site.render.theme import Theme

HOME_TAGS = 30
HOME_RECENT_ISSUES = 6
CLOUD_WEIGHTS = 5

@dataclass(frozen=True)
class Alternate:
    """The same page in one edition: for the language switch and `<link rel=alternate hreflang>`."""

    language: str
    name: str  # the edition's name in its own language ("繁體中文")
    short_name: str  # the same in a character or two ("繁"), for the phone header
    href: str  # relative link from the page being rendered
    url: str  # absolute URL


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
    alternates: list[Alternate] = field(default_factory=list)  # every edition's version, when there are several
    structured_data: str = ""  # JSON-LD, safe inside <script> (see `share`)
    image: str = ""  # absolute URL of the image share previews show


def _issue_title(strings: Strings, issue: Issue) -> str:
    return strings.issue_title(issue.publication, issue.date)


def _cloud(site: Site) -> list[tuple[Listing, int]]:
    """Tags with a weight from 1 to CLOUD_WEIGHTS, on a log scale of their article counts."""
    most = max((len(tag.articles) for tag in site.tags), default=1)
    scale = math.log(most) if most > 1 else 1.0
    return [(tag, 1 + round((CLOUD_WEIGHTS - 1) * math.log(len(tag.articles)) / scale)) for tag in site.tags]


Context = tuple[str, Page, dict]  # template name, page frame, template variables


def _home_crumb(strings: Strings) -> Crumb:
    return Crumb(strings("home"), urls.HOME)


# Each context function notes in `reads` what it reads itself; what templates read is noted as they render.
def _plain_page(target: Target, site: Site, strings: Strings, reads: Reads, title: str, **extra: Any) -> Context:
    """A page of its own kind's template, titled `title`, with the site's feeds."""
    reads.card.add(site)
    crumbs = [_home_crumb(strings), Crumb(title)]
    page = Page(target.kind, target.path, title, site.description, site.url(target.path), [feeds.site_feed(site)], crumbs)
    return f"{target.kind}.html", page, extra


def _home(target: Target, site: Site, strings: Strings, reads: Reads) -> Context:
    reads.full.add(site)
    reads.full.update(site.tags)  # ranked by their number of articles
    page = Page(target.kind, target.path, "", site.description, site.url(target.path), [feeds.site_feed(site), feeds.issues_feed(site, strings)])
    top_tags = sorted(site.tags, key=lambda tag: (-len(tag.articles), tag.slug))[:HOME_TAGS]
    return "home.html", page, {"issue": site.latest, "recent_issues": site.issues[:HOME_RECENT_ISSUES], "top_tags": top_tags}


def _archive(target: Target, site: Site, strings: Strings, reads: Reads) -> Context:
    reads.full.add(site)
    reads.card.update(site.issues)
    years = [(year, list(issues)) for year, issues in groupby(site.issues, key=lambda issue: issue.year)]
    template, page, extra = _plain_page(target, site, strings, reads, strings("archive"), years=years)
    page.feeds.append(feeds.issues_feed(site, strings))
    return template, page, extra


def _sections(target: Target, site: Site, strings: Strings, reads: Reads) -> Context:
    return _plain_page(target, site, strings, reads, strings("sections"))


def _tags(target: Target, site: Site, strings: Strings, reads: Reads) -> Context:
    reads.full.add(site)
    reads.full.update(site.tags)  # weighed by their number of articles
    return _plain_page(target, site, strings, reads, strings("tags"), cloud=_cloud(site))


def _search(target: Target, site: Site, strings: Strings, reads: Reads) -> Context:
    return _plain_page(target, site, strings, reads, strings("search"))


def _offline(target: Target, site: Site, strings: Strings, reads: Reads) -> Context:
    reads.full.add(site)  # the newest issue
    template, page, extra = _plain_page(target, site, strings, reads, strings("offline"), issue=site.latest)
    page.canonical, page.noindex = None, True
    return template, page, extra


def _not_found(target: Target, site: Site, strings: Strings, reads: Reads) -> Context:
    template, page, extra = _plain_page(target, site, strings, reads, strings("not_found"))
    page.canonical, page.base_href, page.noindex, page.breadcrumb = None, site.url(""), True, []
    return template, page, extra


def _issue(target: Target, site: Site, strings: Strings, reads: Reads) -> Context:
    issue = site.issue(target.key)
    reads.card.add(site)
    reads.full.add(issue)
    title = _issue_title(strings, issue)
    crumbs = [_home_crumb(strings), Crumb(strings("archive"), urls.ARCHIVE), Crumb(title)]
    description = strings("issue_description", count=len(issue.articles))
    page = Page(target.kind, issue.path, title, description, site.url(issue.path), [feeds.site_feed(site), feeds.issues_feed(site, strings)], crumbs)
    return "issue.html", page, {"issue": issue}


def _article(target: Target, site: Site, strings: Strings, reads: Reads) -> Context:
    article = site.article(target.key)
    reads.card.update((site, article, article.issue, article.section))
    crumbs = [
        _home_crumb(strings),
        Crumb(_issue_title(strings, article.issue), article.issue.path),
        Crumb(article.section.name, article.section.path),
        Crumb(article.title),
    ]
    page_feeds = [feeds.site_feed(site), feeds.listing_feed(site, article.section, strings)]
    page = Page(target.kind, article.path, article.title, article.summary, site.url(article.path), page_feeds, crumbs)
    return "article.html", page, {"article": article}


def _listing(target: Target, site: Site, strings: Strings, reads: Reads) -> Context:
    """A page of a section's or a tag's paginated article list."""
    listing = site.listing(target.kind + "s", target.key)
    reads.card.add(site)
    reads.full.add(listing)
    index = Crumb(strings("sections"), urls.SECTIONS) if target.kind == "section" else Crumb(strings("tags"), urls.TAGS)
    per_page = site.config.per_page
    number = target.page
    pagination = Pagination(number, pages.page_count(listing, per_page), listing)
    title = listing.name if number == 1 else strings("page_title_numbered", title=listing.name, page=number)
    page = Page(
        target.kind,
        target.path,
        title,
        strings("listing_description", name=listing.name, count=len(listing.articles)),
        site.url(target.path),
        [feeds.site_feed(site), feeds.listing_feed(site, listing, strings)],
        [_home_crumb(strings), index, Crumb(listing.name)],
    )
    extra = {"listing": listing, "articles": pages.page_articles(listing, per_page, number), "pagination": pagination}
    return f"{target.kind}.html", page, extra


_CONTEXTS = {
    "home": _home,
    "archive": _archive,
    "sections": _sections,
    "tags": _tags,
    "search": _search,
    "404": _not_found,
    "offline": _offline,
    "issue": _issue,
    "article": _article,
    "section": _listing,
    "tag": _listing,
}


def page_context(target: Target, site: Site, strings: Strings, reads: Reads) -> Context:
    """(template name, page, template variables) of a page target."""
    return _CONTEXTS[target.kind](target, site, strings, reads)


def alternates(site: Site, theme: Theme, path: str) -> list[Alternate]:
    """The page at `path` in every edition of the site; none when the site has a single edition."""
    if len(site.editions) < 2:
        return []
    here = site.edition.prefix + path
    alternates = []
    for edition in site.editions:
        strings = theme.strings_for(edition.language)
        target = edition.prefix + path
        alternates.append(Alternate(edition.language, strings("language_name"), strings("language_short"), urls.relative(here, target), urls.absolute(site.config.base_url, target)))
    return alternates


def make(target: Target, site: Site, theme: Theme, options: RenderOptions, reads: Reads) -> bytes:
    """The HTML of a page target."""
    strings = theme.strings_for(site.language)
    template_name, page, extra = page_context(target, site, strings, reads)
    page.alternates = alternates(site, theme, page.path)
    subject = extra.get("article") or extra.get("listing") or (extra.get("issue") if page.kind == "issue" else None)
    page.structured_data = share.structured_data(site, page, subject, strings, reads)
    page.image = site.url(share.IMAGE)
    url = PageLinks(page.path, theme.env.fragments(site))  # pure macro output dies with the edition's model

    def issue_downloads(issue: Issue) -> list[downloads.Download]:
        return downloads.issue_downloads(site, issue, theme, reads)

    html = theme.render(template_name, reads, url, site=site, page=page, t=strings, date=strings.date, url=url, options=options,
                        downloads=issue_downloads, **extra)
    return html.encode("utf-8")
