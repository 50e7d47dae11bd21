"""What one render read, so that an incremental build knows what each file depends on.

Model objects count at three depths: their card (the fields lists show, see `cards`), their text (the
card and what the object itself holds: an article's body, an issue's articles; not its neighbours or
related articles), or all of them.
Other inputs are named keys: a template, a static file, the list of pages. Pages note their reads as
templates run (`templating`); the other kinds of output declare theirs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

TEMPLATE = "template:"  # keys of templates: 'template:base.html'
STATIC = "static:"  # keys of static files: 'static:static/css/site.css'
PAGES = "pages"  # the key of the list of every page and its date (what the sitemap shows)


@dataclass
class Reads:
    """What one render read: model objects (only the fields shown in lists, or more) and named inputs."""

    card: set = field(default_factory=set)  # objects of which only fields in their card were read
    text: set = field(default_factory=set)  # articles and issues of which only their own text was read
    full: set = field(default_factory=set)  # objects of which some other field was read
    keys: set[str] = field(default_factory=set)  # other inputs by name: 'template:base.html', 'static:…'

    def add(self, other: Reads) -> None:
        self.card |= other.card
        self.text |= other.text
        self.full |= other.full
        self.keys |= other.keys
