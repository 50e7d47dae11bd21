"""Enumerate every file of one edition as a `Target`: what it is, where it goes, what it shows; and the
few files at the output root that serve every edition (`site_plan`).

Targets are small and picklable; `render.produce(target, site, theme)` turns one into bytes. The
search index is one target that makes all the files under `search/` (how many depends on the index).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from generator.site import urls
from generator.site.model.objects import Article, Listing, Site
from generator.site.render import sitemap
from generator.site.render.theme import Theme

FEEDS = (("rss", urls.RSS), ("atom", urls.ATOM))
PAGE_KINDS = frozenset({"home", "archive", "issue", "article", "sections", "section", "tags", "tag", "search", "404"})
SEARCH_INDEX = "search-index"  # the target of every file under search/


@dataclass(frozen=True)
class Target:
    path: str  # relative to the edition root
    kind: str
    key: str = ""  # slug of the article, issue, section or tag; 'tags/<slug>' for a feed; file name
    page: int = 1

    @property
    def is_page(self) -> bool:
        return self.kind in PAGE_KINDS


def page_count(listing: Listing, per_page: int) -> int:
    return max(1, math.ceil(len(listing.articles) / per_page))


def page_articles(listing: Listing, per_page: int, page: int) -> list[Article]:
    return listing.articles[(page - 1) * per_page : page * per_page]


def _listing_targets(site: Site, listing: Listing) -> Iterable[Target]:
    kind = listing.kind[:-1]  # 'section' or 'tag'
    per_page = site.config.per_page
    for page in range(1, page_count(listing, per_page) + 1):
        yield Target(listing.page_path(page), kind, listing.slug, page)
    for feed_format, name in FEEDS:
        yield Target(listing.feed_path(name), feed_format, f"{listing.kind}/{listing.slug}")


def plan(site: Site, theme: Theme) -> list[Target]:
    """Every output file of the edition, pages first, in a deterministic order."""
    targets = [Target(path, kind) for path, kind in (
        (urls.HOME, "home"), (urls.ARCHIVE, "archive"), (urls.SECTIONS, "sections"), (urls.TAGS, "tags"),
        (urls.SEARCH, "search"), (urls.NOT_FOUND, "404"))]
    targets.extend(Target(issue.path, "issue", issue.slug) for issue in site.issues)
    targets.extend(Target(article.path, "article", article.slug) for article in site.articles)
    for listing in [*site.sections, *site.tags]:
        targets.extend(_listing_targets(site, listing))
    targets.extend(Target(name, feed_format) for feed_format, name in FEEDS)
    targets.append(Target(urls.SEARCH_FOLDER, SEARCH_INDEX))
    targets.extend(Target(path, "static", path) for path in theme.static_files)
    return targets


def page_paths(site: Site, theme: Theme) -> list[str]:
    """The edition-relative path of every page: the same in every edition."""
    return [target.path for target in plan(site, theme) if target.is_page]


def site_plan(site: Site, pages: list[str]) -> list[Target]:
    """The files at the output root that serve all editions: sitemap, robots.txt, `.nojekyll`, `CNAME`.

    `site` is any edition the build makes: these files depend only on what all editions share, such
    as the path of every page (`pages`).
    """
    targets = [Target(name, "sitemap", name) for name in sitemap.files(site, pages)]
    targets.append(Target(urls.ROBOTS, "robots"))
    targets.append(Target(urls.NO_JEKYLL, "nojekyll"))  # GitHub Pages: serve files as they are
    if site.config.custom_domain:
        targets.append(Target(urls.CNAME, "cname"))
    return targets
