"""The HTML pages of one edition: the site-wide ones, every issue and article, and each section's and
tag's paginated listing (`html` renders them)."""

from __future__ import annotations

import math

from generator.site import urls
from generator.site.model.objects import Article, Listing, Site
from generator.site.render.targets import Target
from generator.site.render.theme import Theme

SITE_PAGES = ((urls.HOME, "home"), (urls.ARCHIVE, "archive"), (urls.SECTIONS, "sections"), (urls.TAGS, "tags"),
              (urls.SEARCH, "search"), (urls.NOT_FOUND, "404"), (urls.OFFLINE, "offline"))
PAGE_KINDS = frozenset({kind for _, kind in SITE_PAGES} | {"issue", "article", "section", "tag"})


def page_count(listing: Listing, per_page: int) -> int:
    return max(1, math.ceil(len(listing.articles) / per_page))


def page_articles(listing: Listing, per_page: int, page: int) -> list[Article]:
    return listing.articles[(page - 1) * per_page : page * per_page]


def plan(site: Site, theme: Theme | None = None) -> list[Target]:
    """Every page of the edition, in a deterministic order: the order of the sitemap."""
    targets = [Target(path, kind) for path, kind in SITE_PAGES]
    targets.extend(Target(issue.path, "issue", issue.slug) for issue in site.issues)
    targets.extend(Target(article.path, "article", article.slug) for article in site.articles)
    per_page = site.config.per_page
    for listing in [*site.sections, *site.tags]:
        kind = listing.kind[:-1]  # 'section' or 'tag'
        targets.extend(Target(listing.page_path(page), kind, listing.slug, page) for page in range(1, page_count(listing, per_page) + 1))
    return targets


def page_paths(site: Site) -> list[str]:
    """The edition-relative path of every page: the same in every edition."""
    return [target.path for target in plan(site)]
