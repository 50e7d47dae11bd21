"""Where a project's files are: the folders `bulletin build` defaults to, for the commands built around it."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from pathlib import Path

from generator.fsutil import real_path

CONFIG_FILE = "site.yml"
CONTENT_FOLDER = "content"
THEMES_FOLDER = "themes"
OUTPUT_FOLDER = "output"
RAW_FOLDER = "raw"  # content/raw/: raw bulletins, never read as articles
RAW_SUFFIX = ".txt"
HINTS_SUFFIX = ".hints.yml"  # content/raw/2021-08-12.hints.yml corrects content/raw/2021-08-12.txt
ISSUE_FILE = "_issue.yml"  # content/2021-08-12/_issue.yml describes the issue in its folder
TAGS_FILE = "tags.yml"  # content/tags.yml: the tag taxonomy


@dataclass(frozen=True)
class ProjectPaths:
    """Absolute paths of a project's configuration, content, themes and output."""

    root: Path
    config: Path
    content: Path
    themes: Path
    out: Path

    @classmethod
    def find(cls, config: Path | None = None, content: Path | None = None, out: Path | None = None) -> ProjectPaths:
        """The same defaults as `bulletin build`: everything beside site.yml, or in the current folder."""
        root = real_path(config.parent if config else Path.cwd())
        return cls(
            root=root,
            config=real_path(config or root / CONFIG_FILE),
            content=real_path(content or root / CONTENT_FOLDER),
            themes=root / THEMES_FOLDER,
            # not resolved: an output folder that is a symbolic link must stay visible to the guard (`output`)
            out=Path(os.path.abspath((out or root / OUTPUT_FOLDER).expanduser())),
        )

    def show(self, path: str | Path) -> str:
        """`path` relative to the project when it is inside it (for messages), else as given."""
        return shown(path, self.root)


def shown(path: str | Path, base: Path) -> str:
    """`path` relative to `base` when it is inside it (for messages), else as given."""
    path = Path(path)
    try:  # the folder resolved, not the file: it may be a link, to nothing or to itself
        return (real_path(path.parent) / path.name).relative_to(real_path(base)).as_posix()
    except ValueError:
        return str(path)


def raw_bulletin_of(path: Path) -> Path | None:
    """The raw bulletin a file in content/raw/ stands for: itself, or the one a hints file corrects."""
    name = path.name.lower()
    if name.endswith(HINTS_SUFFIX):
        return path.with_name(path.name[: -len(HINTS_SUFFIX)] + RAW_SUFFIX)
    return path if name.endswith(RAW_SUFFIX) else None


def add_path_arguments(parser: argparse.ArgumentParser) -> None:
    """--config, --content and --out, for the commands that build (`ProjectPaths.find` takes them)."""
    parser.add_argument("--config", type=Path, help="site configuration (default: site.yml, optional)")
    parser.add_argument("--content", type=Path, help="content folder (default: content/ beside site.yml)")
    parser.add_argument("--out", type=Path, help="output folder (default: output/ beside site.yml)")
