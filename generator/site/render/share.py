"""What a page tells the services that preview or index it: schema.org JSON-LD (`NewsArticle` for an
article, `PublicationIssue` for an issue, `WebSite` for the home page, `CollectionPage` for lists,
`BreadcrumbList` wherever the page has a breadcrumb). OpenGraph and Twitter card tags are in the
theme's `base.html`; both use the absolute URLs these formats require, built from `base_url`.
"""

from __future__ import annotations

import json
from typing import Any, Protocol

from generator.site import urls
from generator.site.model.objects import Article, Issue, Listing, Site
from generator.site.render.reads import Reads
from generator.site.render.strings import Strings

CONTEXT = "https://schema.org"
IMAGE = "static/icon-512.png"  # the theme's share image: OpenGraph, Twitter cards and the publisher logo
IMAGE_SIZE = 512
# What a JSON text may hold but an HTML <script> element may not: `</script>` or `<!--` would end or
# change it. JSON strings can spell these characters as escapes instead.
_SCRIPT_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


class Framed(Protocol):
    """The page frame fields this module reads (`produce.Page`)."""

    kind: str
    title: str
    description: str
    canonical: str | None
    breadcrumb: list


def script_json(value: Any) -> str:
    """`value` as JSON that can stand inside a <script> element as it is."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_UNSAFE)


def _organization(site: Site, name: str) -> dict:
    return {"@type": "Organization", "name": name, "url": site.url(urls.HOME)}


def _image(site: Site) -> dict:
    return {"@type": "ImageObject", "url": site.url(IMAGE), "width": IMAGE_SIZE, "height": IMAGE_SIZE}


def _website(site: Site) -> dict:
    return {"@type": "WebSite", "@id": site.url(urls.HOME) + "#website", "name": site.title, "url": site.url(urls.HOME), "inLanguage": site.language}


def _issue_node(site: Site, issue: Issue, strings: Strings) -> dict:
    node = {
        "@type": "PublicationIssue",
        "name": strings.issue_title(issue.publication, issue.date),
        "url": site.url(issue.path),
        "datePublished": issue.date.isoformat(),
        "isPartOf": {"@type": "Periodical", "name": issue.publication},
    }
    if issue.number:
        node["issueNumber"] = str(issue.number)
    return node


def _news_article(site: Site, article: Article, strings: Strings) -> dict:
    url = site.url(article.path)
    node = {
        "@type": "NewsArticle",
        "headline": article.title,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": article.published.isoformat(),
        "dateModified": article.published.isoformat(),
        "inLanguage": site.language,
        "articleSection": article.section.name,
        "image": [site.url(IMAGE)],
        "author": [_organization(site, site.author)],
        "publisher": {**_organization(site, site.title), "logo": _image(site)},
        "isPartOf": _issue_node(site, article.issue, strings),
    }
    if article.subtitle:
        node["alternativeHeadline"] = article.subtitle
    if article.summary:
        node["description"] = article.summary
    if article.tags:
        node["keywords"] = [tag.name for tag in article.tags]
    return node


def _breadcrumbs(site: Site, page: Framed) -> dict:
    items = []
    for position, crumb in enumerate(page.breadcrumb, start=1):
        item = {"@type": "ListItem", "position": position, "name": crumb.label}
        target = site.url(crumb.path) if crumb.path else page.canonical
        if target:
            item["item"] = target
        items.append(item)
    return {"@type": "BreadcrumbList", "itemListElement": items}


def _page_node(site: Site, page: Framed, kind: str) -> dict:
    node = {"@type": kind, "name": page.title or site.title, "inLanguage": site.language, "isPartOf": {"@id": site.url(urls.HOME) + "#website"}}
    if page.canonical:
        node["url"] = page.canonical
    if page.description:
        node["description"] = page.description
    return node


_PAGE_TYPES = {"search": "SearchResultsPage", "404": "WebPage"}


def structured_data(site: Site, page: Framed, subject: Article | Issue | Listing | None, strings: Strings, reads: Reads) -> str:
    """The JSON-LD of a page (a `@graph` of its nodes), ready to stand inside a <script> element.

    `subject` is what the page shows: its article, issue or listing (None on the home page and the
    indexes). Reads beyond what the page's context noted are added to `reads`."""
    reads.card.add(site)
    graph: list[dict] = [_website(site)]
    if page.kind == "home":
        graph[0].update(description=site.description or site.title, publisher=_organization(site, site.author))
        graph[0]["potentialAction"] = {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": site.url(urls.SEARCH) + "?q={query}"},
            "query-input": "required name=query",
        }
    elif isinstance(subject, Article):
        reads.card.update((subject, subject.issue, subject.section, *subject.tags))
        graph.append(_news_article(site, subject, strings))
    elif isinstance(subject, Issue):
        reads.card.add(subject)
        graph.append({**_page_node(site, page, "CollectionPage"), "mainEntity": _issue_node(site, subject, strings)})
    else:
        graph.append(_page_node(site, page, _PAGE_TYPES.get(page.kind, "CollectionPage")))
    if page.breadcrumb:
        graph.append(_breadcrumbs(site, page))
    return script_json({"@context": CONTEXT, "@graph": graph})
