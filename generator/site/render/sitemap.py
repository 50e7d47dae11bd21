"""Files of the whole site, at the output root whichever editions a build makes: the sitemap, robots.txt,
and the two files GitHub Pages reads (`.nojekyll`, `CNAME`).

The sitemap lists every indexable page of every edition with absolute URLs; with several editions each
entry names its counterparts (`xhtml:link hreflang`). Above `MAX_URLS` addresses (the protocol's limit)
`sitemap.xml` becomes an index of `sitemap-1.xml`, `sitemap-2.xml` …
"""

from __future__ import annotations

import datetime as dt
import math
import xml.etree.ElementTree as ET

from generator.site import urls
from generator.site.model.objects import Site
from generator.site.render.feeds import serialize
from generator.site.render.pages import page_paths
from generator.site.render.reads import PAGES, Reads
from generator.site.render.targets import RenderOptions, Target
from generator.site.render.theme import Theme

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
NOT_INDEXED = frozenset({urls.NOT_FOUND, urls.SEARCH, urls.OFFLINE})
MAX_URLS = 50_000

ET.register_namespace("xhtml", XHTML_NS)


def is_site_file(path: str) -> bool:
    """Whether `path` is one of these files (a sitemap part included), which every build writes afresh."""
    return "/" not in path and (path in (urls.ROBOTS, urls.NO_JEKYLL, urls.CNAME) or (path.startswith("sitemap") and path.endswith(".xml")))


def indexed(page_paths: list[str]) -> list[str]:
    return [path for path in page_paths if path not in NOT_INDEXED]


def part_count(site: Site, page_paths: list[str]) -> int:
    """How many sitemap files the URLs need: 1 means a single `sitemap.xml` and no index."""
    return max(1, math.ceil(len(indexed(page_paths)) * len(site.editions) / MAX_URLS))


def part_name(number: int) -> str:
    return f"sitemap-{number}.xml"


def files(site: Site, page_paths: list[str]) -> list[str]:
    """The sitemap files to write: `sitemap.xml`, then the parts it indexes, if any."""
    parts = part_count(site, page_paths)
    return [urls.SITEMAP] + ([part_name(number) for number in range(1, parts + 1)] if parts > 1 else [])


def _url(site: Site, path: str) -> str:
    return urls.absolute(site.config.base_url, path)


def lastmod(site: Site, page_paths: list[str]) -> dict[str, dt.date]:
    """The date each indexed page last changed: an article's or issue's own date; for every page of a
    section or tag, its newest article's; for the home page and the indexes, the newest article's."""
    dates: dict[str, dt.date] = {}
    newest = max((article.date for article in site.articles), default=None)
    if newest is not None:
        dates.update((path, newest) for path in (urls.HOME, urls.ARCHIVE, urls.SECTIONS, urls.TAGS))
    folders = {listing.path.removesuffix("index.html"): max(article.date for article in listing.articles)
               for listing in [*site.sections, *site.tags] if listing.articles}
    for path in indexed(page_paths):
        folder = path[: path.rfind("/") + 1]
        if folder in folders:
            dates[path] = folders[folder]
    dates.update((article.path, article.date) for article in site.articles)
    dates.update((issue.path, issue.date) for issue in site.issues)
    return dates


def _entries(site: Site, page_paths: list[str]) -> list[ET.Element]:
    dates = lastmod(site, page_paths)
    entries = []
    for edition in site.editions:
        for path in indexed(page_paths):
            entry = ET.Element("url")
            ET.SubElement(entry, "loc").text = _url(site, edition.prefix + path)
            if path in dates:
                ET.SubElement(entry, "lastmod").text = dates[path].isoformat()
            if len(site.editions) > 1:
                for other in site.editions:
                    ET.SubElement(entry, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=other.language, href=_url(site, other.prefix + path))
            entries.append(entry)
    return entries


def sitemap(site: Site, page_paths: list[str], name: str = urls.SITEMAP) -> bytes:
    """The sitemap file `name`: all entries, an index of the parts, or one part."""
    parts = part_count(site, page_paths)
    if parts > 1 and name == urls.SITEMAP:
        root = ET.Element("sitemapindex", {"xmlns": SITEMAP_NS})
        for number in range(1, parts + 1):
            ET.SubElement(ET.SubElement(root, "sitemap"), "loc").text = _url(site, part_name(number))
        return serialize(root)
    entries = _entries(site, page_paths)
    if parts > 1:
        number = int(name.removeprefix("sitemap-").removesuffix(".xml"))
        entries = entries[(number - 1) * MAX_URLS : number * MAX_URLS]
    root = ET.Element("urlset", {"xmlns": SITEMAP_NS})
    root.extend(entries)
    return serialize(root)


def robots(site: Site) -> bytes:
    return f"User-agent: *\nAllow: /\n\nSitemap: {_url(site, urls.SITEMAP)}\n".encode()


def cname(site: Site) -> bytes:
    return f"{site.config.custom_domain}\n".encode()


def plan(site: Site, pages: list[str]) -> list[Target]:
    """The files at the output root that serve all editions: sitemap, robots.txt, `.nojekyll`, `CNAME`.

    `site` is any edition the build makes: these files depend only on what all editions share, such
    as the path of every page (`pages`).
    """
    targets = [Target(name, "sitemap", name) for name in files(site, pages)]
    targets.append(Target(urls.ROBOTS, "robots"))
    targets.append(Target(urls.NO_JEKYLL, "nojekyll"))  # GitHub Pages: serve files as they are
    if site.config.custom_domain:
        targets.append(Target(urls.CNAME, "cname"))
    return targets


def make_sitemap(target: Target, site: Site, theme: Theme, options: RenderOptions, reads: Reads) -> bytes:
    reads.keys.add(PAGES)
    return sitemap(site, page_paths(site), target.key)


def make_robots(target: Target, site: Site, theme: Theme, options: RenderOptions, reads: Reads) -> bytes:
    return robots(site)


def make_nojekyll(target: Target, site: Site, theme: Theme, options: RenderOptions, reads: Reads) -> bytes:
    return b""


def make_cname(target: Target, site: Site, theme: Theme, options: RenderOptions, reads: Reads) -> bytes:
    return cname(site)
