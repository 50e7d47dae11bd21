"""An issue as one document to read from start to end: its sections in order, each holding its articles.
The EPUB (`epub`) and the single HTML file (`single_file`) both show it, with the same markup (the
theme's `issue-section.xhtml`, XHTML that reads as HTML too), rendered once for both.

An article page stands alone; in one document its body must not clash with the other articles':

* the ids of its subheadings (and the links to them) take the article's anchor as a prefix, since two
  articles may have a subheading of the same name;
* its subheadings move `HEADING_SHIFT` levels down, under the section (h2) and the article's title (h3);
* a link to another article of the same issue points inside the document (each format writes it,
  `IssueDocument.section_html`); any other link to the site is absolute (the body feeds use), since
  the document is read away from the site.

The body HTML is markdown-it's (or `plain`'s) output, never raw HTML from the content (that is shown
as text), so these few patterns are all it can hold.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from generator.site.model.objects import Article, Issue, Listing, Site
from generator.site.render.reads import Reads
from generator.site.render.theme import Theme

HEADING_SHIFT = 2  # a subheading is h2 on its article's page, h4 in the document
TEMPLATE = "issue-section.xhtml"
_ID = re.compile(r' id="([^"]*)"')
_HREF = re.compile(r' href="([^"]*)"')
_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b")
_LOCAL_HREF = re.compile(r' href="#([^"]*)"')

LocalHref = Callable[[int, int, str], str]  # (section number linking, section number linked, anchor) -> href


@dataclass(frozen=True)
class Subheading:
    id: str  # in the document
    text: str


@dataclass(frozen=True)
class DocumentArticle:
    article: Article
    anchor: str  # its id in the document
    html: str  # its body, adapted (see the module's docstring)
    headings: tuple[Subheading, ...]
    links_inside: bool = False  # whether its body links to another article of the issue


@dataclass(frozen=True)
class DocumentSection:
    section: Listing
    anchor: str
    number: int  # from 1, in the issue's order
    articles: tuple[DocumentArticle, ...]


@dataclass(frozen=True)
class IssueDocument:
    """The issue's sections; `targets` maps each anchor a body links to (`#a-slug`) to the number of the
    section holding it; `html` is each section rendered (`render`)."""

    sections: tuple[DocumentSection, ...]
    targets: dict[str, int]
    html: tuple[str, ...] = ()

    def render(self, theme: Theme, reads: Reads, **context: Any) -> IssueDocument:
        """The document with each of its sections rendered by the theme's `issue-section.xhtml`."""
        return replace(self, html=tuple(theme.render(TEMPLATE, reads, section=section, **context) for section in self.sections))

    def section_html(self, local_href: LocalHref | None = None) -> list[str]:
        """Each section's HTML, with each link inside the document written by `local_href` (by
        default, as the fragment it is)."""
        sections = list(self.html)
        for index, section in enumerate(self.sections):
            if local_href is not None and any(item.links_inside for item in section.articles):
                sections[index] = _LOCAL_HREF.sub(self._writer(section.number, local_href), sections[index])
        return sections

    def _writer(self, number: int, local_href: LocalHref) -> Callable[[re.Match], str]:
        """What writes a link inside the document, in the section numbered `number`."""

        def write(match: re.Match) -> str:
            anchor = match.group(1)
            target = self.targets.get(anchor)
            return match.group(0) if target is None else f' href="{local_href(number, target, anchor)}"'

        return write


def article_anchor(article: Article) -> str:
    return f"a-{article.slug}"


def section_anchor(section: Listing) -> str:
    return f"s-{section.slug}"


def _body(article: Article, anchor: str, href: Callable[[re.Match], str]) -> str:
    html = article.feed_html
    if article.body.headings:  # every heading of a body has an id
        html = _ID.sub(lambda match: f' id="{anchor}-{match.group(1)}"', html)
        html = _HEADING_TAG.sub(lambda match: f"<{match.group(1)}h{min(6, int(match.group(2)) + HEADING_SHIFT)}", html)
    return _HREF.sub(href, html) if ' href="' in html else html


def issue_document(site: Site, issue: Issue, reads: Reads) -> IssueDocument:
    """`issue` as one document; what it is made from is noted in `reads`."""
    reads.text.add(issue)
    reads.text.update(issue.articles)
    reads.card.add(site)
    reads.card.update(group.section for group in issue.groups)
    targets: dict[str, int] = {}
    where = {article.key: number for number, group in enumerate(issue.groups, 1) for article in group.articles}
    # the address of each article of the issue, for the rare body with links to the site (made absolute)
    at = {site.url(article.path): article for article in issue.articles} if any(a.absolute_html for a in issue.articles) else {}
    sections = []
    for number, group in enumerate(issue.groups, 1):
        articles = []
        for article in group.articles:
            anchor, inside = article_anchor(article), False

            def href(match: re.Match, anchor: str = anchor) -> str:
                nonlocal inside
                url = match.group(1)
                if url.startswith("#"):
                    return f' href="#{anchor}-{url[1:]}"'
                page, _, fragment = url.partition("#")
                other = at.get(page)
                if other is None:
                    return match.group(0)
                target = article_anchor(other) + (f"-{fragment}" if fragment else "")
                targets[target], inside = where[other.key], True
                return f' href="#{target}"'

            html = _body(article, anchor, href)
            headings = tuple(Subheading(f"{anchor}-{heading.id}", heading.text) for heading in article.body.headings)
            articles.append(DocumentArticle(article, anchor, html, headings, inside))
        sections.append(DocumentSection(group.section, section_anchor(group.section), number, tuple(articles)))
    return IssueDocument(tuple(sections), targets)
