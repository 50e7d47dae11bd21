"""Where every page lives, and how pages link to each other.

Page paths are relative to the edition root, use '/', and always name a file (`tags/x/index.html`,
never `tags/x/`), so that links work from file:// as well as under any URL prefix. Links between
pages are relative; absolute URLs (feeds, sitemap, canonical) come from base_url.
"""

from __future__ import annotations

HOME = "index.html"
ARCHIVE = "issues/index.html"
SECTIONS = "sections/index.html"
TAGS = "tags/index.html"
SEARCH = "search.html"
NOT_FOUND = "404.html"
OFFLINE = "offline.html"  # what the service worker shows for a page it has not kept, with the network cut
WEB_MANIFEST = "manifest.webmanifest"
SERVICE_WORKER = "sw.js"  # at the edition root: its scope is the edition
RSS = "feed.xml"
ATOM = "atom.xml"
ISSUES_RSS = "issues/feed.xml"  # one entry per issue: its contents
ISSUES_ATOM = "issues/atom.xml"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
SEARCH_FOLDER = "search/"
SEARCH_INDEX = SEARCH_FOLDER + "index.js"
NO_JEKYLL = ".nojekyll"
CNAME = "CNAME"
# Folders every edition has at its root: an edition's own sub-folder may not take one of these names.
TOP_LEVEL_NAMES = frozenset({"articles", "issues", "sections", "tags", "search", "static"})


def article(slug: str) -> str:
    return f"articles/{slug}.html"


def issue(slug: str) -> str:
    return f"issues/{slug}.html"


def issue_epub(slug: str) -> str:
    return f"issues/{slug}.epub"


def issue_single(slug: str) -> str:
    """The whole issue as one self-contained HTML file."""
    return f"issues/{slug}.single.html"


def listing(kind: str, slug: str, page: int = 1) -> str:
    """Page `page` of a paginated section or tag listing (`kind` is 'sections' or 'tags')."""
    return f"{kind}/{slug}/index.html" if page == 1 else f"{kind}/{slug}/page-{page}.html"


def listing_feed(kind: str, slug: str, feed: str) -> str:
    return f"{kind}/{slug}/{feed}"


def relative(from_path: str, to_path: str) -> str:
    """The shortest link from page `from_path` to `to_path` (both edition-relative, '#fragment' kept)."""
    here = from_path.split("/")[:-1]
    there = to_path.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "../" * (len(here) - common) + "/".join(there[common:])


def absolute(base_url: str, path: str) -> str:
    """The public URL of `path` (already including the edition prefix); `index.html` is left off."""
    if path == "index.html" or path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return base_url + path
