"""Render the files a build must write, straight into its build folder, on every core when they are many.

A job is a target of one edition (`plan.Job`); each worker renders its chunk of jobs, writes the files
itself (no page crosses between processes) and sends back only what the manifest keeps: the keys
each file depends on and its identity on disk. The longest jobs, the search indexes, start first,
each alone; the other chunks hold neighbouring pages (articles of one issue share their
related-article fragments).

A search index is updated from the state its last build kept (`search.SearchState`), when that state
is the one of the index in the output folder: the files an edit does not touch are linked, not made.
"""

from __future__ import annotations

import dataclasses
import os
import uuid
from collections.abc import Generator, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from generator import workers
from generator.site.incremental import cachefile
from generator.site.incremental.fingerprints import keys_of
from generator.site.incremental.manifest import Stat, stat_of
from generator.site.incremental.plan import Job
from generator.site.model.objects import Site
from generator.site.output import link_kept, write_new
from generator.site.render import search
from generator.site.render.produce import SEARCH_INDEX, produce
from generator.site.render.reads import Reads
from generator.site.render.targets import RenderOptions
from generator.site.render.theme import Theme


@dataclass(frozen=True)
class Written:
    job: Job
    path: str  # in the output folder
    depends: frozenset[str]
    stat: Stat
    made: bool  # False for a search index file linked as it was
    token: str = ""  # of the search index state, for the search index's files


@dataclass(frozen=True)
class SearchPlace:
    """Where an edition's search index state is kept, and what the output folder holds of the last index."""

    state: Path
    token: str  # of the state that made the index in the output folder ('' for none)
    files: Mapping[str, Stat]  # that index's files, by path in the output folder


@dataclass(frozen=True)
class Context:
    """What rendering the jobs of a build works with: forked workers inherit it (nothing is pickled)."""

    sites: list[Site]  # every edition's model the build makes
    theme: Theme
    options: RenderOptions
    folder: Path  # the build folder written into
    out: Path  # the output folder, holding the last build
    sources: Mapping[str, str]  # a digest of each article's file, by key
    search: Mapping[str, SearchPlace]  # by slice


def _search(context: Context, job: Job, site: Site, reads: Reads) -> tuple[Iterable[tuple[str, bytes | None]], str]:
    """The search index's files (None for a file kept as it is in the output folder), and its state's token.

    The last index is updated if the state kept is that of the index in the output folder, and
    that index's files are as they were written."""
    place = context.search[job.slice]
    out, folder = context.out, f"{job.prefix}{search.FOLDER}"
    previous = cachefile.load(place.state, search.SearchState.from_plain) if place.token else None
    intact = all(stat_of(f"{out}/{path}") == stat for path, stat in place.files.items())
    if previous is not None and (previous.token != place.token or not intact):
        previous = None
    search.note_reads(site, reads)
    files, state = search.update(site, context.sources, previous, lambda name: Path(f"{out}/{folder}{name}").read_bytes())
    state.token = uuid.uuid4().hex
    cachefile.save(place.state, dataclasses.asdict(state))
    return ((folder + name, data) for name, data in files), state.token  # made as they are written


def _render_chunk(context: Context, jobs: Sequence[Job]) -> list[Written]:
    written = []
    for job in jobs:
        reads, site, token = Reads(), context.sites[job.site], ""
        if job.target.kind == SEARCH_INDEX:
            files, token = _search(context, job, site, reads)
        else:
            files = [(job.prefix + job.target.path, produce(job.target, site, context.theme, context.options, reads))]
        depends = keys_of(reads)
        for path, data in files:
            stat = write_new(context.folder, path, data) if data is not None else os.stat(link_kept(context.out, context.folder, path))
            written.append(Written(job, path, depends, (stat.st_ino, stat.st_size, stat.st_mtime_ns), data is not None, token))
    return written


def render(jobs: Sequence[Job], context: Context) -> Generator[Written]:
    """Render `jobs` into the build folder, in worker processes when there are many; files in no
    particular order."""
    searches = [[job] for job in jobs if job.target.kind == SEARCH_INDEX]  # each alone: the longest jobs, first
    others = [job for job in jobs if job.target.kind != SEARCH_INDEX]
    # a search index made anew takes about as long as as many pages as it has articles
    weight = len(others) + sum(len(context.sites[job.site].articles) for [job] in searches if not context.search[job.slice].token)
    for written in workers.run(partial(_render_chunk, context), searches + workers.chunks(others), weight):
        yield from written
