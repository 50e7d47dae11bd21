"""What a build does with each slice of the output: which files it keeps from the last build, which it
renders (`Job`s).

An edition's slice is planned from its model (`edition_plan`): every file the edition has (`pages.plan`)
is kept when none of the keys it depended on changed fingerprint (see `fingerprints`) and it is still
as written, else rendered. The site-wide files at the root (`root_plan`) depend only on what every
edition shares: the settings, and the path and date of every page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.site.content.config import SiteConfig
from generator.site.incremental.cachefile import engine_version
from generator.site.incremental.fingerprints import SETTINGS, Fingerprints, fingerprint, layout
from generator.site.incremental.manifest import ROOT, Freshness, Manifest, OutputFile, Slice
from generator.site.model.objects import Site
from generator.site.render import sitemap
from generator.site.render.produce import SEARCH_INDEX, is_page, plan, site_plan
from generator.site.render.reads import PAGES, STATIC, TEMPLATE
from generator.site.render.targets import RenderOptions, Target
from generator.site.render.theme import Theme


@dataclass(frozen=True)
class Job:
    """A file to render: a target of one edition."""

    slice: str  # the edition's prefix, or ROOT
    site: int  # index of the edition's model in the list of the build's models
    target: Target
    prefix: str  # of its path in the output folder: the edition's folder, or '' for the site-wide files


@dataclass
class SlicePlan:
    """One slice of the output: the files kept as they are, the jobs that render the others, and (as
    the build goes) the record of every file of the new slice."""

    name: str  # the edition's prefix, or ROOT
    language: str  # the edition's ('' for ROOT)
    targets: list[Target]
    fingerprints: Callable[[str], object]  # of the keys the files depend on
    last: Slice  # as the last build left it
    kept: dict[str, OutputFile]
    jobs: list[Job]
    sources: Mapping[str, str] = field(default_factory=dict)  # see `Slice`
    layout: bytes = b""  # see `Slice`
    files: dict[str, OutputFile] = field(default_factory=dict)  # the new slice's files, as they are kept or written
    search_token: str = ""  # of the search index in the output, once written (see `batch`)

    def __post_init__(self) -> None:
        self.search_token = self.search_token or self.last.search_token  # the same, unless the index is made again

    @property
    def unchanged(self) -> bool:
        """Nothing to render, and every file of the last build kept."""
        return not self.jobs and self.kept.keys() == self.last.files.keys()

    def record(self, inputs: str) -> Slice:
        """The slice as the manifest keeps it, once its files are all kept or written."""
        shared = {id(depends): depends for depends in (record.depends for record in self.files.values())}
        keys = set().union(*shared.values())
        return Slice(self.language, inputs, self.files, {key: self.fingerprints(key) for key in keys}, self.search_token,
                     dict(self.sources), self.layout)


def _keep(target: Target, prefix: str, fresh: Freshness) -> dict[str, OutputFile] | None:
    """The files of `target` that may be kept, or None if it must be rendered. The search index is
    kept whole or not at all."""
    if target.kind != SEARCH_INDEX:
        record = fresh.keep(prefix + target.path)
        return {prefix + target.path: record} if record else None
    index = [path for path, record in fresh.last.files.items() if record.kind == SEARCH_INDEX]
    kept = {path: fresh.keep(path) for path in index}
    return {path: record for path, record in kept.items() if record} if index and all(kept.values()) else None


def _split(name: str, site: int, prefix: str, targets: list[Target], fresh: Freshness) -> tuple[dict[str, OutputFile], list[Job]]:
    kept: dict[str, OutputFile] = {}
    jobs: list[Job] = []
    for target in targets:
        files = _keep(target, prefix, fresh)
        if files:
            kept.update(files)
        else:
            jobs.append(Job(name, site, target, prefix))
    return kept, jobs


def _named(theme: Theme, key: str) -> object:
    """The fingerprint of a key that names no model object: a template or a static file."""
    if key.startswith(TEMPLATE):
        return theme.template_digest(key[len(TEMPLATE):])
    if key.startswith(STATIC):
        return theme.static_digest(key[len(STATIC):])
    return None


def edition_plan(index: int, site: Site, theme: Theme, manifest: Manifest, out: Path, render: RenderOptions,
                 sources: Mapping[str, str], related_digest: str) -> SlicePlan:
    """The plan of edition `index` (`site`); `sources[key]` is a digest of each article's file."""
    prefix = site.edition.prefix
    strings = theme.strings_for(site.language)
    settings = fingerprint((engine_version(), site.config, render, site.edition.language, prefix, site.edition.text_key,
                            [(edition.language, edition.prefix) for edition in site.editions], sorted(strings.table.items())))
    fingerprints = Fingerprints(site, sources, lambda key: _named(theme, key), settings)
    last, site_layout = manifest.slices.get(prefix) or Slice(), layout(related_digest, site)
    if last.layout == site_layout:
        fingerprints.reuse(last.fingerprints, last.sources, site_layout)
    targets = plan(site, theme)
    kept, jobs = _split(prefix, index, prefix, targets, Freshness(last, fingerprints, out))
    return SlicePlan(prefix, site.language, targets, fingerprints, last, kept, jobs, sources, site_layout)


def root_plan(site: Site, pages: list[Target], config: SiteConfig, manifest: Manifest, out: Path) -> SlicePlan:
    """The plan of the site-wide files, which depend only on what every edition shares (`site` is any
    of them, `pages` the targets of its plan)."""
    paths = [target.path for target in pages if is_page(target)]
    dates = sorted((path, date.toordinal()) for path, date in sitemap.lastmod(site, paths).items())
    values = {
        SETTINGS: fingerprint((engine_version(), config.base_url, config.custom_domain, [(e.language, e.prefix) for e in site.editions])),
        PAGES: fingerprint((paths, dates)),
    }
    last = manifest.slices.get(ROOT) or Slice()
    targets = site_plan(site, paths)
    kept, jobs = _split(ROOT, 0, "", targets, Freshness(last, values.get, out))
    return SlicePlan(ROOT, "", targets, values.get, last, kept, jobs)
