"""Every kind of output file, registered with what plans its targets and what makes their bytes.

`produce(target, site, theme)` is a pure function of its arguments (plus the theme's files), so targets
can be made in any order, in any process; what a file was made from is noted in `reads` (see
`reads`), which incremental builds follow.

A new kind of output is a module with a planner, `(site, theme) -> [Target]`, and a maker,
`(target, site, theme, options, reads) -> bytes` that notes what it reads, registered below: in
`OUTPUTS`, and its planner in `EDITION_PLANNERS` (the files of each edition) or as the site-wide
files are (`sitemap.plan`, at the output root). A kind made from what a page of another kind makes
anyway (an issue's EPUB: its page shows its size) `follows` that kind: each of its files is planned
right after the page of the same key, so that the process making the one makes the other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.site.model.objects import Site
from generator.site.render import downloads, feeds, html, offline, pages, redirects, search, sitemap, static
from generator.site.render.reads import Reads
from generator.site.render.targets import RenderOptions, Target
from generator.site.render.theme import Theme

Maker = Callable[[Target, Site, Theme, RenderOptions, Reads], bytes]
Planner = Callable[[Site, Theme], list[Target]]


@dataclass(frozen=True)
class Output:
    kind: str
    make: Maker | None  # None for the search index, which `batch` updates file by file
    page: bool = False  # an HTML page: counted as one, listed in the sitemap
    follows: str = ""  # the kind of page its files are planned after (with the same key)


OUTPUTS: dict[str, Output] = {output.kind: output for output in (
    *(Output(kind, html.make, page=True) for kind in sorted(pages.PAGE_KINDS)),
    Output("rss", feeds.make),
    Output("atom", feeds.make),
    Output(search.INDEX, None),
    Output("static", static.make),
    Output(redirects.KIND, redirects.make),
    *(Output(kind, downloads.make, follows="issue") for kind in downloads.KINDS),
    *(Output(kind, offline.make) for kind in offline.KINDS),
    Output("sitemap", sitemap.make_sitemap),
    Output("robots", sitemap.make_robots),
    Output("nojekyll", sitemap.make_nojekyll),
    Output("cname", sitemap.make_cname),
)}
EDITION_PLANNERS: tuple[Planner, ...] = (pages.plan, downloads.plan, feeds.plan, search.plan, static.plan, redirects.plan,
                                         offline.plan)  # pages first
PAGE_KINDS = frozenset(output.kind for output in OUTPUTS.values() if output.page)
SEARCH_INDEX = search.INDEX


def plan(site: Site, theme: Theme) -> list[Target]:
    """Every output file of the edition, pages first, in a deterministic order (files that follow a
    page right after it)."""
    targets: list[Target] = []
    following: dict[tuple[str, str], list[Target]] = {}
    for planner in EDITION_PLANNERS:
        for target in planner(site, theme):
            follows = OUTPUTS[target.kind].follows
            if follows:
                following.setdefault((follows, target.key), []).append(target)
            else:
                targets.append(target)
    return [each for target in targets for each in (target, *following.pop((target.kind, target.key), ()))] + [
        target for left in following.values() for target in left]


def site_plan(site: Site, pages: list[str]) -> list[Target]:
    """The files at the output root that serve all editions (see `sitemap.plan`)."""
    return sitemap.plan(site, pages)


def is_page(target: Target) -> bool:
    return OUTPUTS[target.kind].page


def produce(target: Target, site: Site, theme: Theme, options: RenderOptions | None = None, reads: Reads | None = None) -> bytes:
    """The bytes of a target's file; what they were made from is added to `reads`."""
    make = OUTPUTS[target.kind].make
    if make is None:
        raise ValueError(f"{target.kind} files are made by batch, not one by one")
    return make(target, site, theme, options or RenderOptions(), Reads() if reads is None else reads)
