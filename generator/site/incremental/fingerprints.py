"""What each output file depends on, so that an incremental build renders again exactly the files
whose inputs changed.

A file depends on named inputs, its *keys*: model objects of its edition, the templates it was
rendered with, static files, and the edition's settings. Model objects count at three depths: their
card (`#c`: the fields lists show, such as a title, a path, a date, a summary), their text (`#t`: also
an article's body, an issue's articles; what an issue's EPUB shows) or their full content (`#f`: also
neighbours, related articles, the members of a listing). Editing the end of an article's body changes
its text and full fingerprints only: its page and the feeds holding it are rendered again, while the
listings showing its card are not; a new issue changes the full fingerprint of the one before it (its
`newer` link) but not its text, so that issue's EPUB is kept.

Pages note their keys as they render (`render.reads.Reads`), so whatever a theme shows is followed;
the other files declare theirs (see `render.produce`). A key's fingerprint is a plain value (text,
numbers, tuples of them) reduced to a short digest, compared with the one kept from the last build.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Iterable, Mapping
from operator import attrgetter
from typing import Any

from generator.site.model.objects import Article, Issue, Listing, Site
from generator.site.render.feeds import Feed
from generator.site.render.reads import Reads

SETTINGS = "settings"  # every file of an edition depends on its settings (see `Fingerprints`)
CARD, TEXT, FULL = "#c", "#t", "#f"


def fingerprint(value: Any) -> bytes:
    """A short digest of a plain value (text, numbers, tuples and lists of them)."""
    return hashlib.blake2b(repr(value).encode("utf-8", "surrogatepass"), digest_size=8).digest()


def object_key(obj: Any) -> str:
    """The key of a model object without its depth: 'a:<file>', 'i:<issue>', 'l:<kind>/<name>', 'site'."""
    kind = type(obj)
    if kind is Article:
        return "a:" + obj.key
    if kind is Issue:
        return "i:" + obj.id
    if kind is Listing:
        return f"l:{obj.kind}/{obj.key}"
    if kind is Feed:
        return object_key(obj.source)
    return "site"


def keys_of(reads: Reads) -> frozenset[str]:
    """The keys of what a render read (a full read includes the text, the text the card)."""
    full = {object_key(obj) for obj in reads.full}
    text = {object_key(obj) for obj in reads.text} - full
    card = {object_key(obj) for obj in reads.card} - full - text
    keys = [SETTINGS, *reads.keys, *(key + FULL for key in full), *(key + TEXT for key in text), *(key + CARD for key in card)]
    return frozenset(map(sys.intern, keys))  # interned: the same key in many files' sets is kept once


_ARTICLE, _ISSUE, _NAME = attrgetter("source.key"), attrgetter("id"), attrgetter("key")


def _articles(items: Iterable[Article | None]) -> tuple[str, ...]:
    return tuple(_ARTICLE(item) for item in items if item is not None)


# Fingerprints hold text and numbers only (dates as ordinals or ISO text): quick to keep and load.
def _article_card(article: Article) -> tuple:
    return (article.title, article.subtitle, article.part, article.date.toordinal(), article.published.isoformat(), article.summary,
            article.reading_minutes, article.slug, article.section.key, article.issue.id, tuple(map(_NAME, article.tags)))


def _issue_card(issue: Issue) -> tuple:
    return issue.slug, issue.date.toordinal(), issue.publication, issue.number


def _listing_card(listing: Listing) -> tuple:
    return listing.name, listing.slug


def _site_card(site: Site) -> tuple:
    return site.title, site.description, site.author, tuple((link.title, link.url) for link in site.navigation)


class Fingerprints:
    """The fingerprint of each key of one edition's model, computed on first use.

    `sources[key]` is a digest of each article's file (it covers the body); `named(key)` gives the
    fingerprints of other keys (templates, static files); `settings` is the edition's settings.
    """

    def __init__(self, site: Site, sources: Mapping[str, str], named: Callable[[str], Any], settings: Any):
        self.site = site
        self.sources = sources
        self.named = named
        self.settings = settings
        self._objects: dict[str, Any] = {"site": site}
        for items in (site.articles, site.issues, site.sections, site.tags):
            self._objects.update((object_key(item), item) for item in items)
        self._known: dict[str, Any] = {}

    def reuse(self, kept: Mapping[str, bytes], sources: Mapping[str, str], layout: bytes) -> None:
        """Take the fingerprints `kept` by the last build for the articles that cannot have changed,
        instead of computing them all again.

        An article's fingerprints follow from its file, its slug and those of its related articles
        and neighbours, and the edition's settings (a key of every file). With the same `layout`
        (related articles and slugs, see `layout`) as the last build, only articles whose file
        changed (last build's `sources`) or whose issue changed (its neighbours) can differ."""
        issues = [issue for issue in self.site.issues if self(object_key(issue) + FULL) != kept.get(object_key(issue) + FULL)]
        moved = {article.key for issue in issues for article in issue.articles}
        for article in self.site.articles:
            key = article.key
            if key not in moved and sources.get(key) == self.sources[key]:
                for depth in (CARD, TEXT, FULL):
                    name = "a:" + key + depth
                    if name in kept:
                        self._known[name] = kept[name]

    def __call__(self, key: str) -> bytes:
        known = self._known.get(key)
        if known is None:
            known = self._known[key] = fingerprint(self._compute(key))
        return known

    def _compute(self, key: str) -> Any:
        if key == SETTINGS:
            return self.settings
        name, depth = key[:-2], key[-2:]
        obj = self._objects.get(name)
        if depth not in (CARD, TEXT, FULL) or obj is None:
            return self.named(key)  # None for an object gone since: never equal to what was kept
        kind = type(obj)
        if depth != CARD:
            card = self(name + CARD)  # its digest: the card is computed once
        if kind is Article:
            if depth == CARD:
                return _article_card(obj)
            text = card, self.sources[obj.key]
            return text if depth == TEXT else (text, _articles(obj.related), _articles((obj.prev, obj.next)))
        if kind is Issue:
            if depth == CARD:
                return _issue_card(obj)
            contents = card, tuple((group.section.key, _articles(group.articles)) for group in obj.groups)
            return contents if depth == TEXT else (contents, tuple(map(_ISSUE, (other for other in (obj.older, obj.newer) if other is not None))))
        if kind is Listing:
            return _listing_card(obj) if depth == CARD else (card, _articles(obj.articles))
        if depth == CARD:
            return _site_card(obj)
        return card, tuple(map(_ISSUE, obj.issues)), tuple(map(_NAME, obj.sections)), tuple(map(_NAME, obj.tags)), _articles(obj.articles)


def layout(related_digest: str, site: Site) -> bytes:
    """What every article's neighbourhood comes from: related articles (by their digest) and slugs."""
    return fingerprint((related_digest, [article.slug for article in site.articles]))
