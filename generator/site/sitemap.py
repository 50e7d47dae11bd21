"""sitemap.xml (every indexable page, with absolute URLs) and robots.txt."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from generator.site import urls
from generator.site.feeds import serialize
from generator.site.model import Site

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NOT_INDEXED = frozenset({urls.NOT_FOUND, urls.SEARCH})


def sitemap(site: Site, page_paths: list[str]) -> bytes:
    dates = {article.path: article.date for article in site.articles}
    dates.update((issue.path, issue.date) for issue in site.issues)
    root = ET.Element("urlset", {"xmlns": SITEMAP_NS})
    for path in page_paths:
        if path in NOT_INDEXED:
            continue
        entry = ET.SubElement(root, "url")
        ET.SubElement(entry, "loc").text = site.url(path)
        if path in dates:
            ET.SubElement(entry, "lastmod").text = dates[path].isoformat()
    return serialize(root)


def robots(site: Site) -> bytes:
    return f"User-agent: *\nAllow: /\n\nSitemap: {site.url(urls.SITEMAP)}\n".encode()
