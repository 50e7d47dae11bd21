"""`bulletin build`: render the site from content/ into output/."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from generator.project import add_path_arguments

PROGRESS_THRESHOLD = 200  # files: smaller builds finish before a progress bar would help


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("build", help="build the static site", description="Render the site from content/ into output/.")
    add_path_arguments(parser)
    parser.add_argument("--theme", help="theme name, a folder under themes/ (default: from site.yml)")
    parser.add_argument("--base-url", help="public URL of the site, e.g. https://user.github.io/repo/")
    parser.add_argument("--variant", action="append", default=[], metavar="LANGUAGE",
                        help="build only this edition, e.g. zh-Hant (repeatable; default: every edition in site.yml); "
                        "the other editions' output is kept")
    parser.set_defaults(handler=run)


class ProgressBar:
    """A rich progress bar on a terminal, shown only once a build turns out to be long."""

    def __init__(self) -> None:
        self._progress: Any = None  # a rich.progress.Progress, once shown
        self._task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if total < PROGRESS_THRESHOLD:
            return
        if self._progress is None:
            from rich.progress import Progress

            self._progress = Progress(transient=True)
            self._progress.start()
            self._task = self._progress.add_task("building", total=total)
        self._progress.update(self._task, completed=done)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()


def run(args: argparse.Namespace) -> int:
    from generator.site.build import BuildOptions, build  # heavy imports only when building

    options = BuildOptions(config=args.config, content=args.content, out=args.out, theme=args.theme, base_url=args.base_url,
                           variants=tuple(args.variant))
    bar = ProgressBar() if sys.stdout.isatty() else None
    try:
        result = build(options, bar)
    finally:
        if bar:
            bar.close()
    for warning in result.warnings:
        print(f"bulletin build: warning: {warning}", file=sys.stderr)
    print(result.summary())
    return 0
