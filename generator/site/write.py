"""Make a build's new output folder: the files kept from the last build linked in, the others rendered
(`batch`), the editions the build does not make carried over, and the folder swapped in (`output`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from pathlib import Path

from generator.site import batch, output
from generator.site.incremental.manifest import Manifest, OutputFile
from generator.site.incremental.plan import SlicePlan
from generator.site.model.objects import Site
from generator.site.render.produce import SEARCH_INDEX
from generator.site.render.sitemap import is_site_file
from generator.site.render.targets import RenderOptions
from generator.site.render.theme import Theme

Progress = Callable[[int, int], None]  # (files done, files in all)


def write(plans: list[SlicePlan], sites: list[Site], theme: Theme, options: RenderOptions, out: Path, project: Path,
          sources: Mapping[str, str], progress: Progress | None = None) -> int:
    """Make the new output folder from `plans` and fill in each plan's files; the number of files
    written. `sources[key]` is a digest of each article's file."""
    total = sum(len(plan.kept) + len(plan.jobs) for plan in plans)
    done = 0
    with output.Staging(out) as staging:
        for plan in plans:
            for path, record in plan.kept.items():
                staging.keep(path)  # the same file: the same inode, size and time
                plan.files[path] = record
                done += 1
            if progress:
                progress(done, total)
        jobs = [job for plan in plans for job in plan.jobs]
        by_name = {plan.name: plan for plan in plans}
        places = {plan.name: _search_place(plan, project, out) for plan in plans}
        shared: dict[frozenset[str], frozenset[str]] = {}  # one set for equal dependencies: kept once
        assert staging.folder is not None
        rendering = batch.render(jobs, batch.Context(sites, theme, options, staging.folder, out, sources, places))
        with contextlib.closing(rendering):  # its workers stopped before an interrupted build's folder is deleted
            for written in rendering:
                if written.made:
                    staging.count(written.stat[1])
                plan = by_name[written.job.slice]
                depends = shared.setdefault(written.depends, written.depends)
                plan.files[written.path] = OutputFile(written.job.target.kind, depends, written.stat)
                plan.search_token = written.token or plan.search_token
                done += 1
                if progress:
                    progress(done, total)
        _carry_over(staging, sites)
        staging.commit()
    return staging.files_written


def _search_place(plan: SlicePlan, project: Path, out: Path) -> batch.SearchPlace:
    state = Manifest.path(project, out, "search-" + (plan.name.rstrip("/") or "default"))
    files = {path: record.stat for path, record in plan.last.files.items() if record.kind == SEARCH_INDEX}
    return batch.SearchPlace(state, plan.last.search_token, files)


def _carry_over(staging: output.Staging, sites: list[Site]) -> None:
    """Keep the previous output of the editions this build does not make (see `output`)."""
    every = sites[0].editions
    if len(sites) == len(every):
        return
    done = {site.edition.prefix for site in sites}
    others = [edition.prefix for edition in every if edition.prefix and edition.prefix not in done]
    if "" in done:
        staging.carry_over(others, lambda path: False)
    else:
        staging.carry_over(None, lambda path: path in done or is_site_file(path))
