"""Run a build: settings, content, editions, model, what changed, rendering, atomic output.

A build
1. stops at once, *up to date*, when no input file (content, site.yml, theme, override phrases) and
   no setting changed since the last build of the same output folder, and that folder is intact;
2. reads the content, preparing again only the files that changed (`incremental.sources`), and
   builds the model of each edition (`model.assemble`);
3. plans every file (`render.pages`) and keeps those whose inputs did not change (`incremental.plan`);
4. renders the others into a build folder beside the output (`write`, `batch`: on every core when
   they are many), links the kept ones and the other editions' files in, and swaps it in (`output`);
5. keeps what the next build needs in `.cache/`: the manifest of the output, the prepared articles,
   converted text, related articles and the pinyin of names.

`Builder` also keeps, between the builds it runs, what stays the same from one to the next (the
theme's compiled templates, the prepared articles, the manifest, the slugs): `bulletin serve` keeps one for
the whole session. `build()` runs one build with a new one.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.errors import BulletinError
from generator.project import RAW_FOLDER, TAGS_FILE, ProjectPaths
from generator.site import output
from generator.site.content.config import SiteConfig, load_config
from generator.site.editions.convert import Converter
from generator.site.editions.convert_cache import ConversionCache
from generator.site.editions.edition import Edition, all_editions, folder_prefix, load_edition, overrides_path, selected
from generator.site.incremental.cachefile import engine_version
from generator.site.incremental.manifest import ROOT, Manifest, inputs_digest, stamps, tree_files
from generator.site.incremental.memory import ModelMemory
from generator.site.incremental.plan import SlicePlan, edition_plan, root_plan
from generator.site.incremental.sources import SourceStore
from generator.site.markup.markdown import MarkdownRenderer
from generator.site.model.assemble import build_sites
from generator.site.render.cards import CARD_FIELDS
from generator.site.render.produce import PAGE_KINDS, SEARCH_INDEX
from generator.site.render.targets import RenderOptions
from generator.site.render.theme import Theme, compiled_templates_folder, load_theme
from generator.site.write import Progress, write
from generator.taxonomy import load_taxonomy
from generator.text.slugs import Slugger


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

    @classmethod
    def of(cls, manifest: Manifest, slices: list[str], out: Path, started: float, warnings: list[str], written: int,
           up_to_date: bool) -> BuildResult:
        """The result of a build of `slices`, from the manifest it left."""
        records = [record for name in slices for record in manifest.slices[name].files.values()]
        return cls(
            out=out,
            pages=sum(record.kind in PAGE_KINDS for record in records),
            files=len(records),
            bytes=sum(record.stat[1] for record in records),
            search_bytes=sum(record.stat[1] for record in records if record.kind == SEARCH_INDEX),
            seconds=time.perf_counter() - started,
            warnings=warnings,
            languages=[manifest.slices[name].language for name in slices if name != ROOT],
            written=written,
            up_to_date=up_to_date,
        )


class Builder:
    """Builds one project's site, as often as asked, keeping what it can between builds."""

    def __init__(self, options: BuildOptions):
        self.options = options
        self.paths = ProjectPaths.find(options.config, options.content, options.out)
        self._store = SourceStore(self.paths.root)  # loaded when first read
        self._memory = ModelMemory.load(self.paths.root)
        self._slugger = Slugger(self._memory.pinyin)
        self._renderer = MarkdownRenderer(self._slugger.slugify)
        self._theme: tuple[str, Theme] | None = None  # with a digest of the theme's files
        self._manifests: dict[Path, Manifest] = {}  # of each output folder built, as saved

    def rebuild(self, changed: Iterable[Path], every_edition: bool = False) -> BuildResult:
        """A build after the files `changed` were saved (they only tell what may not be reused as
        loaded); of every edition, whatever the options say, when `every_edition`."""
        if any(self.paths.themes in path.parents for path in changed):
            self._theme = None
        return self.build(options=replace(self.options, variants=()) if every_edition else None)

    def build(self, progress: Progress | None = None, options: BuildOptions | None = None) -> BuildResult:
        """Build the site; `progress(done, total)` is called as files are written or kept. `options`
        replace the builder's for this build (they must name the same folders)."""
        started = time.perf_counter()
        paths, options = self.paths, options or self.options
        unknown: list[BulletinError] = []
        config = load_config(paths.config, required=options.config is not None, unknown=unknown)
        config = config.with_overrides(theme=options.theme, base_url=options.base_url)
        out = output.guard(paths)
        with output.building(out):  # one build at a time into one folder: another waits for it
            return self._build(config, unknown, out, options, started, progress)

    def _build(self, config: SiteConfig, unknown: list[BulletinError], out: Path, options: BuildOptions, started: float,
               progress: Progress | None) -> BuildResult:
        paths = self.paths
        chosen = selected(config, options.variants)
        slices = [folder_prefix(edition) if edition else "" for edition in chosen] + [ROOT]
        manifest = self._manifest(out)
        theme_files = stamps(self._theme_files(config))
        input_files = stamps(self._input_files(config))
        inputs = inputs_digest(input_files | theme_files, (engine_version(), config, options.render))
        if manifest.up_to_date(out, dict.fromkeys(slices, inputs)):
            return BuildResult.of(manifest, slices, out, started, manifest.warnings, written=0, up_to_date=True)

        theme = self._load_theme(config, theme_files)
        conversions = ConversionCache(paths.root)
        editions = [load_edition(config, edition, paths.root, paths.content, conversions.load) for edition in chosen]
        for edition in editions:
            theme.strings_for(edition.language)  # a missing UI string table fails before any work
        content, prepared = self._store.read(paths.content, editions, self._renderer, input_files)
        taxonomy = load_taxonomy(paths.content / TAGS_FILE)  # aliases editors wrote join their tags' pages
        sites = build_sites(content, config, editions, all_editions(config), prepared, self._renderer, self._slugger.slugify,
                            self._memory.related, taxonomy.canonical)
        plans = [edition_plan(index, site, theme, manifest, out, options.render, self._store.digests, self._memory.related.digest)
                 for index, site in enumerate(sites)]
        plans.append(root_plan(sites[0], plans[0].targets, config, manifest, out))

        unchanged = all(plan.unchanged for plan in plans) and manifest.intact(out, slices)
        written = 0 if unchanged else write(plans, sites, theme, options.render, out, paths.root, self._store.digests, progress)
        self._record(manifest, plans, inputs, unchanged, every_edition=not options.variants)
        unknown += [BulletinError(message, path, line) for path, line, message in content.unknown_fields()]
        manifest.warnings = [self._where(problem) for problem in unknown] + sites[0].warnings
        manifest.save(paths.root, out)
        self._save(editions, all_prepared=self._store.prepared_count == len(prepared))
        return BuildResult.of(manifest, slices, out, started, manifest.warnings, written, up_to_date=unchanged)

    def _where(self, problem: BulletinError) -> str:
        """A problem as a warning: its file relative to the project, its line, its message."""
        return str(BulletinError(problem.message, self.paths.show(problem.path) if problem.path else None, problem.line))

    @staticmethod
    def _record(manifest: Manifest, plans: list[SlicePlan], inputs: str, unchanged: bool, every_edition: bool) -> None:
        """Note the slices built in the manifest (only their inputs' digest when nothing changed)."""
        for plan in plans:
            if unchanged:
                manifest.slices[plan.name].inputs = inputs
            else:
                manifest.slices[plan.name] = plan.record(inputs)
        if every_edition and not unchanged:  # editions no longer configured are gone from the output
            manifest.slices = {plan.name: manifest.slices[plan.name] for plan in plans}

    def _save(self, editions: list[Edition], all_prepared: bool) -> None:
        """Keep what the next build reuses: prepared articles, the model's memory, converted text (only
        what this build used when it converted all the content)."""
        self._store.save()
        self._memory.pinyin = self._slugger.pinyin
        self._memory.save(self.paths.root)
        conversions = ConversionCache(self.paths.root)
        for edition in editions:
            if isinstance(edition.transform, Converter):
                conversions.save(edition.prefix.rstrip("/"), edition.transform, only_used=all_prepared)

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
            overrides, _ = overrides_path(edition, paths.root, paths.content)
            files += [str(overrides)] if overrides.is_file() else []
        return files

    def _theme_files(self, config: SiteConfig) -> list[str]:
        own = self.paths.themes / config.theme
        return (tree_files(own) if own.is_dir() else []) + tree_files(Theme.builtin())

    def _load_theme(self, config: SiteConfig, files: dict[str, tuple[int, int]]) -> Theme:
        stamp = inputs_digest(files, config.theme)
        if self._theme is None or self._theme[0] != stamp:
            self._theme = stamp, load_theme(self.paths.root, config.theme, CARD_FIELDS, compiled_templates_folder())
        return self._theme[1]


def build(options: BuildOptions, progress: Callable[[int, int], None] | None = None) -> BuildResult:
    """One build of the site with a new `Builder`."""
    return Builder(options).build(progress)
