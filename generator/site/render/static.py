"""The theme's static files (stylesheets, scripts, icons), copied into every edition as they are."""

from __future__ import annotations

from generator.site.model.objects import Site
from generator.site.render.reads import STATIC, Reads
from generator.site.render.targets import RenderOptions, Target
from generator.site.render.theme import Theme


def plan(site: Site, theme: Theme) -> list[Target]:
    return [Target(path, "static", path) for path in theme.static_files]


def make(target: Target, site: Site, theme: Theme, options: RenderOptions, reads: Reads) -> bytes:
    reads.keys.add(STATIC + target.key)
    return theme.static_files[target.key].read_bytes()
