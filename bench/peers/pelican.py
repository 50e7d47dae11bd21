"""Pelican (from PyPI, in its own virtual environment): the synthetic archive as Pelican content.

Pelican's default theme writes what ours does: a page per article, a paginated page per category
(our section) and per tag, a paginated index, and RSS feeds for the site, each category and each tag.
"""

from __future__ import annotations

from pathlib import Path

from bench import tools
from bench.corpus import Article

PACKAGES = ["pelican", "markdown"]

CONFIG = '''\
SITENAME = {title!r}
SITEURL = ""
FEED_DOMAIN = {base_url!r}
PATH = "content"
TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "zh"
DEFAULT_PAGINATION = {per_page}
FEED_MAX_ITEMS = {feed_items}
RSS_FEED_SUMMARY_ONLY = False
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_RSS = "feeds/category-{{slug}}.rss.xml"
TAG_FEED_RSS = "feeds/tag-{{slug}}.rss.xml"
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
ARTICLE_URL = ARTICLE_SAVE_AS = "articles/{{slug}}.html"
CATEGORY_URL = CATEGORY_SAVE_AS = "sections/{{slug}}.html"
TAG_URL = TAG_SAVE_AS = "tags/{{slug}}.html"
'''


def article_file(article: Article) -> str:
    """Pelican's Markdown: a metadata header, a blank line, then the body."""
    header = [
        f"Title: {article.title}",
        f"Date: {article.issue}",
        f"Category: {article.section}",
        f"Tags: {', '.join(article.tags)}",
        f"Slug: {article.slug}",
        f"Issue: {article.issue}",
        f"Order: {article.order}",
    ]
    return "\n".join(header) + "\n\n" + article.body


def convert(articles: list[Article], site: Path) -> None:
    """Write `site`/content/<issue>/NN-<slug>.md."""
    for article in articles:
        path = site / "content" / article.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article_file(article), encoding="utf-8")


def install(venvs: Path) -> tools.Tool:
    venv = tools.pip_venv(venvs / "pelican", PACKAGES)
    pelican = venv / "bin" / "pelican"
    version = tools.output_text([str(pelican), "--version"]).strip()
    config = CONFIG.format(
        title=tools.SITE_TITLE, base_url=tools.BASE_URL.rstrip("/"), per_page=tools.PER_PAGE, feed_items=tools.FEED_ITEMS
    )
    return tools.Tool(
        name=f"Pelican {version}",
        command=(str(pelican), "content", "--output", "output", "--settings", "pelicanconf.py", "--quiet"),
        scratch=("output", "cache", "__pycache__"),
        files=(("pelicanconf.py", config),),
    )
