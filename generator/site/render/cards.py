"""The card of each model class: the fields lists show (a title, a path, a date). Reading any other
field of an object (an article's body) counts as reading all of it (see `reads`)."""

from __future__ import annotations

from generator.site.model.objects import Article, Issue, Listing, Site
from generator.site.render.feeds import Feed

CARD_FIELDS: dict[type, frozenset[str]] = {
    Article: frozenset({"key", "slug", "path", "title", "subtitle", "part", "date", "published", "summary",
                        "reading_minutes", "section", "issue", "tags"}),
    Issue: frozenset({"id", "slug", "path", "date", "year", "publication", "number"}),
    Listing: frozenset({"kind", "key", "name", "slug", "path", "page_path", "feed_path"}),
    Site: frozenset({"config", "edition", "editions", "title", "description", "author", "navigation", "language", "url"}),
    Feed: frozenset({"title", "page", "rss", "atom"}),
}
