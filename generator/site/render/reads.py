"""What one render read, so that an incremental build knows what each file depends on.

Model objects count at two depths: their card (the fields lists show, `CARD_FIELDS`) or all of them.
Pages note their reads as templates run (`templating`); other files declare theirs (`produce`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.site.model.objects import Article, Issue, Listing, Site
from generator.site.render.feeds import Feed

# The fields of each model class that lists show; reading any other counts as reading everything.
CARD_FIELDS: dict[type, frozenset[str]] = {
    Article: frozenset({"key", "slug", "path", "title", "subtitle", "part", "date", "published", "summary",
                        "reading_minutes", "section", "issue", "tags"}),
    Issue: frozenset({"id", "slug", "path", "date", "year", "publication", "number"}),
    Listing: frozenset({"kind", "key", "name", "slug", "path", "page_path", "feed_path"}),
    Site: frozenset({"config", "edition", "editions", "title", "description", "author", "navigation", "language", "url"}),
    Feed: frozenset({"title", "page", "rss", "atom"}),
}


@dataclass
class Reads:
    """What one render read: model objects (only the fields shown in lists, or more) and named inputs."""

    card: set = field(default_factory=set)  # objects of which only fields in their CARD_FIELDS were read
    full: set = field(default_factory=set)  # objects of which some other field was read
    keys: set[str] = field(default_factory=set)  # other inputs by name: 'template:base.html', 'static:…'

    def add(self, other: Reads) -> None:
        self.card |= other.card
        self.full |= other.full
        self.keys |= other.keys
