"""Pages at an article's earlier addresses that send the reader on: an article whose slug changed
(`redirect_from:` in its front matter, which `bulletin ingest --reslug` writes) keeps every old link
working, from a web server and from a folder on disk alike (a relative link, no script needed).
They are no pages of the site: not counted, not in the sitemap, marked noindex."""

from __future__ import annotations

import weakref
from html import escape

from generator.site import urls
from generator.site.model.objects import Article, Site
from generator.site.render.reads import Reads
from generator.site.render.targets import RenderOptions, Target
from generator.site.render.theme import Theme
from generator.text.slugs import slugify

KIND = "redirect"


def plan(site: Site, theme: Theme | None = None) -> list[Target]:
    """A redirect at every earlier slug of every article, unless a page lives there (key: the
    article's path)."""
    taken = {article.slug for article in site.articles}
    targets = []
    for article in site.articles:
        for old in article.source.redirect_from:
            slug = slugify(old)
            if slug not in taken:
                taken.add(slug)
                targets.append(Target(urls.article(slug), KIND, article.path))
    return targets


_by_path: weakref.WeakKeyDictionary[Site, dict[str, Article]] = weakref.WeakKeyDictionary()


def _article_at(site: Site, path: str) -> Article:
    table = _by_path.get(site)
    if table is None:
        table = _by_path[site] = {article.path: article for article in site.articles}
    return table[path]


def make(target: Target, site: Site, theme: Theme, options: RenderOptions, reads: Reads) -> bytes:
    article = _article_at(site, target.key)
    reads.card.update((site, article))
    link = escape(urls.relative(target.path, article.path))
    title = escape(article.title)
    return f"""<!DOCTYPE html>
<html lang="{escape(site.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'">
<title>{title}</title>
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={link}">
<link rel="canonical" href="{escape(site.url(article.path))}">
</head>
<body><p><a href="{link}">{title}</a></p></body>
</html>
""".encode()
