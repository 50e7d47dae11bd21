"""Enumerate every file of one edition as a `Target`: what it is, where it goes, what it shows; and the
few files at the output root that serve every edition (`site_plan`).

Targets are small and picklable; `render.produce(target, site, theme)` turns one into bytes. Each
target lists the articles it shows (`depends`, `None` meaning every article), so that a later
incremental build can tell which files an edited article affects.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from generator.site import feeds, search, sitemap, urls
from generator.site.model import Article, Listing, Site
from generator.site.theme import Theme

FEEDS = (("rss", urls.RSS), ("atom", urls.ATOM))
PAGE_KINDS = frozenset({"home", "archive", "issue", "article", "sections", "section", "tags", "tag", "search", "404"})


@dataclass(frozen=True)
class Target:
    path: str  # relative to the edition root
    kind: str
    key: str = ""  # slug of the article, issue, section or tag; 'tags/<slug>' for a feed; file name
    page: int = 1
    depends: frozenset[str] | None = None  # keys of the articles shown; None: all of them

    @property
    def is_page(self) -> bool:
        return self.kind in PAGE_KINDS


def _keys(articles: Iterable[Article]) -> frozenset[str]:
    return frozenset(article.key for article in articles)


def page_count(listing: Listing, per_page: int) -> int:
    return max(1, math.ceil(len(listing.articles) / per_page))


def page_articles(listing: Listing, per_page: int, page: int) -> list[Article]:
    return listing.articles[(page - 1) * per_page : page * per_page]


def _listing_targets(site: Site, listing: Listing) -> Iterable[Target]:
    kind = listing.kind[:-1]  # 'section' or 'tag'
    per_page = site.config.per_page
    for page in range(1, page_count(listing, per_page) + 1):
        yield Target(listing.page_path(page), kind, listing.slug, page, _keys(page_articles(listing, per_page, page)))
    entries = _keys(feeds.entries(site, listing.articles))
    for feed_format, name in FEEDS:
        yield Target(listing.feed_path(name), feed_format, f"{listing.kind}/{listing.slug}", depends=entries)


def plan(site: Site, theme: Theme) -> list[Target]:
    """Every output file of the edition, pages first, in a deterministic order."""
    latest = site.latest.articles if site.latest else []
    targets = [
        Target(urls.HOME, "home", depends=_keys(latest)),
        Target(urls.ARCHIVE, "archive", depends=frozenset()),
        Target(urls.SECTIONS, "sections", depends=frozenset()),
        Target(urls.TAGS, "tags", depends=frozenset()),
        Target(urls.SEARCH, "search", depends=frozenset()),
        Target(urls.NOT_FOUND, "404", depends=frozenset()),
    ]
    for issue in site.issues:
        targets.append(Target(issue.path, "issue", issue.slug, depends=_keys(issue.articles)))
    for article in site.articles:
        shown = [article, *article.related, *(a for a in (article.prev, article.next) if a is not None)]
        targets.append(Target(article.path, "article", article.slug, depends=_keys(shown)))
    for listing in [*site.sections, *site.tags]:
        targets.extend(_listing_targets(site, listing))
    site_entries = _keys(feeds.entries(site, site.articles))
    targets.extend(Target(name, feed_format, depends=site_entries) for feed_format, name in FEEDS)
    targets.extend(Target(path, "search-index", key) for path, key in search.files(site))
    targets.extend(Target(path, "static", path, depends=frozenset()) for path in theme.static_files)
    return targets


def page_paths(site: Site, theme: Theme) -> list[str]:
    """The edition-relative path of every page: the same in every edition."""
    return [target.path for target in plan(site, theme) if target.is_page]


def site_plan(site: Site, theme: Theme) -> list[Target]:
    """The files at the output root that serve all editions: sitemap, robots.txt, `.nojekyll`, `CNAME`.

    `site` is any edition the build makes: these files depend only on what all editions share.
    """
    targets = [Target(name, "sitemap", name) for name in sitemap.files(site, page_paths(site, theme))]
    targets.append(Target(urls.ROBOTS, "robots", depends=frozenset()))
    targets.append(Target(urls.NO_JEKYLL, "nojekyll", depends=frozenset()))  # GitHub Pages: serve files as they are
    if site.config.custom_domain:
        targets.append(Target(urls.CNAME, "cname", depends=frozenset()))
    return targets
