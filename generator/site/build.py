"""Run a whole build: configuration, content, model, targets, rendering, atomic output."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.site import output
from generator.site.config import load_config
from generator.site.markdown import MarkdownRenderer
from generator.site.model import Edition, build_site
from generator.site.pages import plan
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


@dataclass
class BuildResult:
    out: Path
    pages: int
    files: int
    bytes: int
    search_bytes: int
    seconds: float
    warnings: list[str]


def build(options: BuildOptions, progress: Callable[[int, int], None] | None = None) -> BuildResult:
    """Build the site; `progress(done, total)` is called as files are rendered."""
    started = time.perf_counter()
    project = (options.config.parent if options.config else Path.cwd()).resolve()
    config = load_config(options.config or project / CONFIG_FILE, required=options.config is not None)
    config = config.with_overrides(theme=options.theme, base_url=options.base_url)
    content_dir = options.content or project / CONTENT_FOLDER
    theme_dir = project / "themes"
    out = output.check_output_folder(options.out or project / OUTPUT_FOLDER, project=project, protected=[content_dir, theme_dir])

    content = read_content(content_dir)
    theme = load_theme(project, config.theme)
    renderer = MarkdownRenderer()
    editions = [Edition(config.language)]
    sites = [build_site(content, config, edition, renderer) for edition in editions]
    work = [(site, target) for site in sites for target in plan(site, theme)]

    pages = search_bytes = 0
    with output.Staging(out) as staging:
        for done, (site, target) in enumerate(work, 1):
            data = produce(target, site, theme, options.render)
            staging.write(site.edition.prefix + target.path, data)
            pages += target.is_page
            if target.kind == "search-index":
                search_bytes += len(data)
            if progress:
                progress(done, len(work))
        files, written = staging.files_written, staging.bytes_written
        staging.commit()
    return BuildResult(out, pages, files, written, search_bytes, time.perf_counter() - started, sites[0].warnings)
