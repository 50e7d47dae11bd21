"""Each issue to take away, in each edition: an EPUB (`epub`) and one self-contained HTML file
(`single_file`), planned right after the issue's page (they follow it: see `produce`).

Both are laid out from one document of the issue (`issue_document`). The issue page links to both with
their size (`issue_downloads`), so it makes them while it renders; the targets that write them then find
them made. A process keeps the last few it made: the plan puts an issue's page and its files next to
each other, so one process usually makes all three.
"""

from __future__ import annotations

import re
import weakref
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from generator.site import urls
from generator.site.model.objects import Issue, Site
from generator.site.render.epub import epub
from generator.site.render.issue_document import IssueDocument, issue_document
from generator.site.render.reads import Reads
from generator.site.render.single_file import single_file
from generator.site.render.targets import RenderOptions, Target
from generator.site.render.theme import Theme

EPUB, SINGLE_FILE = "epub", "single"
KINDS = (EPUB, SINGLE_FILE)  # in the order the issue page lists them
KEPT = 6  # documents and files kept per process and edition, for the targets that write them
_MAKERS: dict[str, Callable[[Site, Issue, IssueDocument, Theme, Reads], bytes]] = {EPUB: epub, SINGLE_FILE: single_file}
_PATHS: dict[str, Callable[[str], str]] = {EPUB: urls.issue_epub, SINGLE_FILE: urls.issue_single}
_SUFFIXES = {EPUB: ".epub", SINGLE_FILE: ".html"}
_NOT_IN_NAMES = re.compile(r'[\s/\\:*?"<>|]+')  # spaces, and what some systems refuse in a file name
# by edition, then by (kind, issue id): what was made, and what it was made from
_made: weakref.WeakKeyDictionary[Site, OrderedDict[tuple[str, str], tuple]] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class Download:
    kind: str  # EPUB or SINGLE_FILE
    path: str  # edition-relative
    size: int  # in bytes
    name: str  # the file name to save it as: the issue's title, not its path's


def _kept(site: Site, key: tuple[str, str], make: Callable[[Reads], object]) -> tuple:
    """(what `make(reads)` made, its reads), made once while it is among the last few made."""
    made = _made.setdefault(site, OrderedDict())
    if key not in made:
        reads = Reads()
        made[key] = make(reads), reads
        if len(made) > KEPT:
            made.popitem(last=False)
    return made[key]


def _file(kind: str, site: Site, issue: Issue, theme: Theme) -> tuple[bytes, Reads]:
    def render_document(reads: Reads) -> IssueDocument:
        strings = theme.strings_for(site.language)
        return issue_document(site, issue, reads).render(theme, reads, issue=issue, t=strings, date=strings.date, site_root=site.url(""))

    document, document_reads = _kept(site, ("document", issue.id), render_document)

    def make(reads: Reads) -> bytes:
        reads.add(document_reads)
        return _MAKERS[kind](site, issue, document, theme, reads)

    return _kept(site, (kind, issue.id), make)


def plan(site: Site, theme: Theme) -> list[Target]:
    return [Target(_PATHS[kind](issue.slug), kind, issue.slug) for issue in site.issues for kind in KINDS]


def make(target: Target, site: Site, theme: Theme, options: RenderOptions, reads: Reads) -> bytes:
    data, made_from = _file(target.kind, site, site.issue(target.key), theme)
    reads.add(made_from)
    return data


def issue_downloads(site: Site, issue: Issue, theme: Theme, reads: Reads) -> list[Download]:
    """The files of `issue` to download, with their sizes: what the issue page shows."""
    strings = theme.strings_for(site.language)
    name = _NOT_IN_NAMES.sub("-", strings("issue_title", publication=issue.publication, date=issue.date.isoformat()))
    downloads = []
    for kind in KINDS:
        data, made_from = _file(kind, site, issue, theme)
        reads.add(made_from)
        downloads.append(Download(kind, _PATHS[kind](issue.slug), len(data), name + _SUFFIXES[kind]))
    return downloads
