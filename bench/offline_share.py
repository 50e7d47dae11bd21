"""What the offline files cost: the CPU share of each issue's EPUB and single HTML file, and of the web
app manifest and service worker, in one cold build of the synthetic archive (issue 15 allows 10%).

    taskset -c 0 .venv/bin/python bench/offline_share.py [--size 5000] [build options, e.g. --variant zh-Hans]

Pinned to one core the build runs serially, so every maker runs in this process and is timed here;
the share is a ratio of CPU times within one run, so a loaded machine slows both sides alike.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))

from bench import corpus, ours  # noqa: E402
from generator.cli import main as bulletin  # noqa: E402
from generator.site.render import downloads, offline, produce  # noqa: E402


def _timed(spent: dict[str, float], name: str, function: Callable) -> Callable:
    def timed(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - start

    return timed


def run(size: int, build_options: list[str]) -> str:
    site = BENCH / "work" / f"offline-{size}"
    if not (site / "content").is_dir():
        corpus.write_content(corpus.generate(size), site / "content")
        ours.Ours(Path("bulletin"), "", frozenset()).prepare(site)
    for scratch in ours.SCRATCH:
        shutil.rmtree(site / scratch, ignore_errors=True)
    spent = {"files": 0.0, "worker": 0.0}
    downloads._file = _timed(spent, "files", downloads._file)  # an issue's document, EPUB and single file
    for kind in offline.KINDS:
        produce.OUTPUTS[kind] = dataclasses.replace(produce.OUTPUTS[kind], make=_timed(spent, "worker", offline.make))
    os.chdir(site)
    start = time.process_time()
    if bulletin(["build", *build_options]) != 0:
        raise SystemExit("the build failed")
    total = time.process_time() - start
    return (f"N={size:,}: cold build {total:.2f} s CPU; EPUBs and single files {spent['files']:.2f} s "
            f"({100 * spent['files'] / total:.1f}%), manifest and worker {spent['worker']:.2f} s "
            f"({100 * spent['worker'] / total:.1f}%)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=5000, help="articles in the archive (default 5000)")
    args, build_options = parser.parse_known_args()
    print(run(args.size, build_options))
