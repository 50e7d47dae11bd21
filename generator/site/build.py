"""Run a whole build: configuration, content, editions, model, targets, rendering, atomic output."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.site import editions, output, sitemap
from generator.site.config import load_config
from generator.site.convert import Converter
from generator.site.convert_cache import ConversionCache
from generator.site.markdown import MarkdownRenderer
from generator.site.model import Site, build_sites
from generator.site.pages import Target, plan, site_plan
from generator.site.reader import read_content
from generator.site.render import RenderOptions, produce
from generator.site.theme import load_theme

CONFIG_FILE = "site.yml"
CONTENT_FOLDER = "content"
OUTPUT_FOLDER = "output"


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
    pages: int
    files: int
    bytes: int
    search_bytes: int
    seconds: float
    warnings: list[str]
    languages: list[str] = field(default_factory=list)  # of the editions built


def _carry_over(staging: output.Staging, built: list[Site]) -> None:
    """Keep the previous output of the editions this build does not make (see `output`)."""
    every = built[0].editions
    done = {site.edition.prefix for site in built}
    others = [edition.prefix for edition in every if edition.prefix and edition.prefix not in done]
    if "" in done:
        staging.carry_over(others, lambda path: False)
    else:
        staging.carry_over(None, lambda path: path in done or sitemap.is_site_file(path))


def build(options: BuildOptions, progress: Callable[[int, int], None] | None = None) -> BuildResult:
    """Build the site; `progress(done, total)` is called as files are rendered."""
    started = time.perf_counter()
    project = (options.config.parent if options.config else Path.cwd()).resolve()
    config = load_config(options.config or project / CONFIG_FILE, required=options.config is not None)
    config = config.with_overrides(theme=options.theme, base_url=options.base_url)
    content_dir = options.content or project / CONTENT_FOLDER
    theme_dir = project / "themes"
    out = output.check_output_folder(options.out or project / OUTPUT_FOLDER, project=project, protected=[content_dir, theme_dir])

    cache = ConversionCache(project)
    chosen = [editions.load(config, edition, project, content_dir, cache.load) for edition in editions.selected(config, options.variants)]
    content = read_content(content_dir)
    theme = load_theme(project, config.theme)
    for edition in chosen:
        theme.strings_for(edition.language)  # a missing UI string table fails before any work
    sites = build_sites(content, config, chosen, MarkdownRenderer(), editions.all_editions(config))
    work: list[tuple[Site, Target, str]] = [(site, target, site.edition.prefix) for site in sites for target in plan(site, theme)]
    work += [(sites[0], target, "") for target in site_plan(sites[0], theme)]

    pages = search_bytes = 0
    with output.Staging(out) as staging:
        for done, (site, target, prefix) in enumerate(work, 1):
            data = produce(target, site, theme, options.render)
            staging.write(prefix + target.path, data)
            pages += target.is_page
            if target.kind == "search-index":
                search_bytes += len(data)
            if progress:
                progress(done, len(work))
        files, written = staging.files_written, staging.bytes_written
        if len(sites) < len(sites[0].editions):
            _carry_over(staging, sites)
        staging.commit()
    for edition in chosen:
        if isinstance(edition.transform, Converter):
            cache.save(edition.prefix.rstrip("/"), edition.transform)
    languages = [site.language for site in sites]
    return BuildResult(out, pages, files, written, search_bytes, time.perf_counter() - started, sites[0].warnings, languages)
