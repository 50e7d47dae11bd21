"""Run a build: settings, content, editions, model, what changed, rendering, atomic output.

A build
1. stops at once, *up to date*, when no input file (content, site.yml, theme, override phrases) and
   no setting changed since the last build of the same output folder, and that folder is intact;
2. reads the content, preparing again only the files that changed (`sources`), and builds the model
   of each edition (`model`);
3. plans every file (`pages`) and keeps those whose inputs did not change (`incremental`, `deps`);
4. renders the others into a build folder beside the output (`batch`: on every core when they are
   many), links the kept ones and the other editions' files in, and swaps it in (`output`);
5. keeps what the next build needs in `.cache/`: the manifest of the output, the prepared articles,
   converted text.

`Builder` also keeps, between the builds it runs, what stays the same from one to the next (the
theme's compiled templates, the prepared articles, the manifest): `bulletin serve` keeps one for
the whole session. `build()` runs one build with a new one.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.project import RAW_FOLDER, ProjectPaths
from generator.site import batch, output
from generator.site.content.config import SiteConfig, load_config
from generator.site.editions import edition as editions
from generator.site.editions.convert import Converter
from generator.site.editions.convert_cache import ConversionCache
from generator.site.incremental import cachefile
from generator.site.incremental.fingerprints import SETTINGS, Fingerprints, fingerprint, layout
from generator.site.incremental.manifest import ROOT, Freshness, Manifest, OutputFile, Section, inputs_digest, stamps, tree_files
from generator.site.incremental.sources import SourceStore
from generator.site.markup.markdown import MarkdownRenderer
from generator.site.model.assemble import build_sites
from generator.site.model.objects import Site
from generator.site.render import sitemap
from generator.site.render.pages import PAGE_KINDS, SEARCH_INDEX, Target, plan, site_plan
from generator.site.render.produce import PAGES, STATIC, RenderOptions
from generator.site.render.theme import Theme, load_theme

TEMPLATE = "template:"


@dataclass(frozen=True)
class BuildOptions:
    """What `bulletin build` was asked for; unset paths default to the project folder's."""

    config: Path | None = None
    content: Path | None = None
    out: Path | None = None
    theme: str | None = None
    base_url: str | None = None
    render: RenderOptions = field(default_factory=RenderOptions)
    variants: tuple[str, ...] = ()  # the editions to build, by language or folder; () for all of them


@dataclass
class BuildResult:
    out: Path
    pages: int  # of the editions built
    files: int  # of the editions built and the site-wide ones
    bytes: int
    search_bytes: int
    seconds: float
    warnings: list[str]
    languages: list[str] = field(default_factory=list)  # of the editions built
    written: int = 0  # files rendered by this build; the others were kept as they were
    up_to_date: bool = False  # nothing changed: the output folder was left alone

    def summary(self) -> str:
        """One line for the terminal: what was built, how big, how fast, and where."""
        editions = f" in {' and '.join(self.languages)}" if len(self.languages) > 1 else ""
        site = f"{self.pages} pages{editions} ({self.files} files, {self.bytes / 1024:.0f} KB)"
        if self.up_to_date:
            return f"up to date: {site}, checked in {self.seconds:.2f} s -> {self.out}"
        changed = f", {self.written} written, the others unchanged" if self.written < self.files else ""
        return f"built {site} in {self.seconds:.2f} s{changed}; search index {self.search_bytes / 1024:.0f} KB -> {self.out}"


class Builder:
    """Builds one project's site, as often as asked, keeping what it can between builds."""

    def __init__(self, options: BuildOptions):
        self.options = options
        self.paths = ProjectPaths.find(options.config, options.content, options.out)
        self._renderer = MarkdownRenderer()
        self._store = SourceStore(self.paths.root)  # loaded when first read
        self._theme: tuple[str, Theme] | None = None  # with a digest of the theme's files
        self._manifests: dict[Path, Manifest] = {}  # of each output folder built, as saved

    def rebuild(self, changed: Iterable[Path], every_edition: bool = False) -> BuildResult:
        """A build after the files `changed` were saved (they only tell what may not be reused as
        loaded); of every edition, whatever the options say, when `every_edition`."""
        if any(self.paths.themes in path.parents for path in changed):
            self._theme = None
        return self.build(options=replace(self.options, variants=()) if every_edition else None)

    def build(self, progress: Callable[[int, int], None] | None = None, options: BuildOptions | None = None) -> BuildResult:
        """Build the site; `progress(done, total)` is called as files are written or kept. `options`
        replace the builder's for this build (they must name the same folders)."""
        started = time.perf_counter()
        paths, options = self.paths, options or self.options
        config = load_config(paths.config, required=options.config is not None).with_overrides(theme=options.theme, base_url=options.base_url)
        out = output.check_output_folder(options.out or paths.out, project=paths.root, protected=[paths.content, paths.themes])
        chosen = editions.selected(config, options.variants)
        sections = [editions.prefix(edition) if edition else "" for edition in chosen] + [ROOT]
        manifest = self._manifest(out)
        theme_files = stamps(self._theme_files(config))
        input_files = stamps(self._input_files(config))
        inputs = inputs_digest(input_files | theme_files, (cachefile.engine_version(), config, options.render))
        if manifest.up_to_date(out, dict.fromkeys(sections, inputs)):
            return self._result(manifest, sections, out, started, [], written=0, up_to_date=True)

        theme = self._load_theme(config, theme_files)
        conversions = ConversionCache(paths.root)
        built = [editions.load(config, edition, paths.root, paths.content, conversions.load) for edition in chosen]
        for edition in built:
            theme.strings_for(edition.language)  # a missing UI string table fails before any work
        content, prepared = self._store.read(paths.content, built, self._renderer, input_files)
        sites = build_sites(content, config, built, prepared, self._renderer, editions.all_editions(config), self._store.related)
        decisions = [self._decide(index, site, theme, manifest, out, options.render) for index, site in enumerate(sites)]
        decisions.append(self._decide_root(sites[0], decisions[0].targets, theme, config, manifest, out))

        written = 0
        unchanged = all(decision.unchanged for decision in decisions) and manifest.intact(out, sections)
        if unchanged:
            for decision in decisions:
                manifest.sections[decision.name].inputs = inputs
        else:
            written = self._write(decisions, sites, theme, out, manifest, progress)
            for decision in decisions:
                manifest.sections[decision.name] = decision.section(inputs)

            if not options.variants:  # editions no longer configured are gone from the output
                manifest.sections = {name: manifest.sections[name] for name in sections}
        manifest.save(paths.root, out)
        self._store.save()
        full = self._store.prepared_count == len(prepared)
        for edition in built:
            if isinstance(edition.transform, Converter):
                conversions.save(edition.prefix.rstrip("/"), edition.transform, only_used=full)
        return self._result(manifest, sections, out, started, sites[0].warnings, written, up_to_date=unchanged)

    def _manifest(self, out: Path) -> Manifest:
        """The manifest of `out` as this builder last saved it, or as kept on disk. (Another process
        building there meanwhile is harmless: files it replaced no longer match and are made again.)"""
        if out not in self._manifests:
            self._manifests[out] = Manifest.load(self.paths.root, out)
        return self._manifests[out]

    def _input_files(self, config: SiteConfig) -> list[str]:
        """Every file the content and settings come from (the theme apart)."""
        paths = self.paths
        files = [str(paths.config)] if paths.config.is_file() else []
        files += tree_files(paths.content, lambda name: name == RAW_FOLDER) if paths.content.is_dir() else []
        for edition in config.editions:
            overrides, _ = editions.overrides_path(edition, paths.root, paths.content)
            files += [str(overrides)] if overrides.is_file() else []
        return files

    def _theme_files(self, config: SiteConfig) -> list[str]:
        own = self.paths.themes / config.theme
        return (tree_files(own) if own.is_dir() else []) + tree_files(Theme.builtin())

    def _load_theme(self, config: SiteConfig, files: dict[str, tuple[int, int]]) -> Theme:
        stamp = inputs_digest(files, config.theme)
        if self._theme is None or self._theme[0] != stamp:
            self._theme = stamp, load_theme(self.paths.root, config.theme, self.paths.root / cachefile.FOLDER / "templates")
        return self._theme[1]

    def _decide(self, index: int, site: Site, theme: Theme, manifest: Manifest, out: Path, render: RenderOptions) -> _Decision:
        prefix = site.edition.prefix
        strings = theme.strings_for(site.language)
        settings = fingerprint((cachefile.engine_version(), site.config, render, site.edition.language, prefix, site.edition.text_key,
                                [(edition.language, edition.prefix) for edition in site.editions], sorted(strings.table.items())))
        fingerprints = Fingerprints(site, self._store.digests, lambda key: _named(theme, key), settings)
        last, site_layout = manifest.sections.get(prefix), layout(self._store.related.digest, site)
        if last is not None and last.layout == site_layout:
            fingerprints.reuse(last.fingerprints, last.sources, site_layout)
        fresh = Freshness(last, fingerprints, out)
        decision = _Decision(prefix, site.language, index, prefix, plan(site, theme), fresh, fingerprints)
        decision.sources, decision.layout = self._store.digests, site_layout
        return decision

    def _decide_root(self, site: Site, targets: list[Target], theme: Theme, config: SiteConfig, manifest: Manifest, out: Path) -> _Decision:
        """The site-wide files, which depend only on what every edition shares (`site` is any of them)."""
        pages = [target.path for target in targets if target.is_page]
        dates = [(article.path, article.date.toordinal()) for article in site.articles] + [(issue.path, issue.date.toordinal()) for issue in site.issues]
        values = {
            SETTINGS: fingerprint((cachefile.engine_version(), config.base_url, config.custom_domain, [(e.language, e.prefix) for e in site.editions])),
            PAGES: fingerprint((pages, dates)),
        }
        return _Decision(ROOT, "", 0, "", site_plan(site, pages), Freshness(manifest.sections.get(ROOT), values.get, out), values.get)

    def _write(self, decisions: list[_Decision], sites: list[Site], theme: Theme, out: Path, manifest: Manifest,
               progress: Callable[[int, int], None] | None) -> int:
        """Make the new output folder: kept files linked, the others rendered; the number written."""
        total = sum(len(decision.kept) + len(decision.jobs) for decision in decisions)
        done = 0
        with output.Staging(out) as staging:
            for decision in decisions:
                for path, record in decision.kept.items():
                    staging.keep(path)  # the same file: the same inode, size and time
                    decision.files[path] = record
                    done += 1
                if progress:
                    progress(done, total)
            jobs = [job for decision in decisions for job in decision.jobs]
            by_name = {decision.name: decision for decision in decisions}
            places = {decision.name: self._search_place(decision, manifest, out) for decision in decisions}
            shared: dict[frozenset[str], frozenset[str]] = {}  # one set for equal dependencies: kept once
            for written in batch.render(jobs, sites, theme, self.options.render, staging.folder, out, self._store.digests, places):
                if written.made:
                    staging.count(written.stat[1])
                decision = by_name[written.job.section]
                depends = shared.setdefault(written.depends, written.depends)
                decision.files[written.path] = OutputFile(written.job.target.kind, depends, written.stat)
                decision.search_token = written.token or decision.search_token
                done += 1
                if progress:
                    progress(done, total)
            self._carry_over(staging, sites, manifest)
            staging.commit()
        return staging.files_written

    def _search_place(self, decision: _Decision, manifest: Manifest, out: Path) -> batch.SearchPlace:
        last = manifest.sections.get(decision.name) or Section()
        state = Manifest.path(self.paths.root, out, "search-" + (decision.name.rstrip("/") or "default"))
        files = {path: record.stat for path, record in last.files.items() if record.kind == SEARCH_INDEX}
        return batch.SearchPlace(state, last.search_token, files)

    def _carry_over(self, staging: output.Staging, sites: list[Site], manifest: Manifest) -> None:
        """Keep the previous output of the editions this build does not make (see `output`)."""
        every = sites[0].editions
        if len(sites) == len(every):
            return
        done = {site.edition.prefix for site in sites}
        others = [edition.prefix for edition in every if edition.prefix and edition.prefix not in done]
        if "" in done:
            staging.carry_over(others, lambda path: False)
        else:
            staging.carry_over(None, lambda path: path in done or sitemap.is_site_file(path))

    def _result(self, manifest: Manifest, sections: list[str], out: Path, started: float, warnings: list[str], written: int,
                up_to_date: bool) -> BuildResult:
        records = [record for name in sections for record in manifest.sections[name].files.values()]
        languages = [manifest.sections[name].language for name in sections if name != ROOT]
        return BuildResult(
            out=out,
            pages=sum(record.kind in PAGE_KINDS for record in records),
            files=len(records),
            bytes=sum(record.stat[1] for record in records),
            search_bytes=sum(record.stat[1] for record in records if record.kind == SEARCH_INDEX),
            seconds=time.perf_counter() - started,
            warnings=warnings,
            languages=languages,
            written=written,
            up_to_date=up_to_date,
        )


def _named(theme: Theme, key: str) -> object:
    """The fingerprint of a key that names no model object: a template or a static file."""
    if key.startswith(TEMPLATE):
        return theme.template_digest(key[len(TEMPLATE):])
    if key.startswith(STATIC):
        return theme.static_digest(key[len(STATIC):])
    return None


class _Decision:
    """One section of the output (an edition, or the site-wide files): what to keep and what to render."""

    def __init__(self, name: str, language: str, site: int, prefix: str, targets: list[Target], fresh: Freshness,
                 fingerprints: Callable[[str], object]):
        self.name = name
        self.language = language
        self.targets = targets
        self.fingerprints = fingerprints
        self.files: dict[str, OutputFile] = {}  # the new section's files, as they are kept or written
        self.kept: dict[str, OutputFile] = {}
        self.jobs: list[batch.Job] = []
        self.search_token = fresh.section.search_token  # the same, unless the search index is made again
        self.sources: dict[str, str] = {}  # see `Section`
        self.layout = b""
        for target in targets:
            kept = self._keep(target, prefix, fresh)
            if kept:
                self.kept.update(kept)
            else:
                self.jobs.append(batch.Job(name, site, target, prefix))
        self.unchanged = not self.jobs and self.kept.keys() == fresh.section.files.keys()

    @staticmethod
    def _keep(target: Target, prefix: str, fresh: Freshness) -> dict[str, OutputFile] | None:
        if target.kind != SEARCH_INDEX:
            record = fresh.keep(prefix + target.path)
            return {prefix + target.path: record} if record else None
        index = [path for path, record in fresh.section.files.items() if record.kind == SEARCH_INDEX]
        kept = {path: fresh.keep(path) for path in index}
        return kept if index and all(kept.values()) else None

    def section(self, inputs: str) -> Section:
        keys = set().union(*{id(depends): depends for depends in (record.depends for record in self.files.values())}.values())
        fingerprints = {key: self.fingerprints(key) for key in keys}
        return Section(self.language, inputs, self.files, fingerprints, self.search_token, self.sources, self.layout)


def build(options: BuildOptions, progress: Callable[[int, int], None] | None = None) -> BuildResult:
    """One build of the site with a new `Builder`."""
    return Builder(options).build(progress)
