"""A target: one file of the output to make, as the build plans it; and how pages are rendered."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    """Small and picklable: what a file is, where it goes, what it shows (`produce` makes its bytes)."""

    path: str  # relative to the edition root
    kind: str  # an output kind registered in `produce`
    key: str = ""  # slug of the article, issue, section or tag; 'tags/<slug>' for a feed; file name
    page: int = 1


@dataclass(frozen=True)
class RenderOptions:
    """How pages are rendered: scripts added to every page (none by default; `bulletin serve` adds its
    live-reload script as it sends a page, not here, so the files stay as `bulletin build` writes them)."""

    extra_scripts: tuple[str, ...] = ()  # edition-relative paths of scripts added to every page
