"""Our generator, `bulletin build` run through the installed CLI: the four measurements of issue 6.

The flags are read from `bulletin build --help`, so the harness works with whatever the command offers
today: `--variant zh-Hans` builds one edition when the flag exists, plain `bulletin build` builds all
configured editions, and "both editions" is reported only when the build wrote a zh-Hant edition.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from bench import measure, tools, vocab
from bench.corpus import Article

SCRATCH = ("output", ".cache")
HANT_FOLDER = "output/zh-hant"

SITE_YML = f"""\
title: {tools.SITE_TITLE}
description: 合成档案，用于性能基准
author: bench
base_url: {tools.BASE_URL}
language: zh-Hans
timezone: Asia/Shanghai
theme: default
per_page: {tools.PER_PAGE}
feed_size: {tools.FEED_ITEMS}
publication: {vocab.PUBLICATION}
sections: [{', '.join(vocab.SECTIONS)}]
editions:
  - {{language: zh-Hant, opencc: s2twp}}
"""


@dataclass(frozen=True)
class Ours:
    bulletin: Path
    version: str
    flags: frozenset[str]

    def command(self, *extra: str) -> list[str]:
        options = {"--config": "site.yml", "--content": "content", "--out": "output"}
        argv = [str(self.bulletin), "build"]
        for flag, value in options.items():
            if flag in self.flags:
                argv += [flag, value]
        return argv + list(extra)

    def one_edition(self) -> list[str]:
        return self.command("--variant", "zh-Hans") if "--variant" in self.flags else self.command()

    def prepare(self, site: Path) -> None:
        (site / "site.yml").write_text(SITE_YML, encoding="utf-8")

    def clean(self, site: Path) -> None:
        tools.remove(site, SCRATCH)

    def clean_keeping_conversion(self, site: Path) -> None:
        """A cold build's start, except that the converted text of the last build is kept."""
        tools.remove(site, ("output",))
        cache = site / ".cache"
        if cache.is_dir():
            for entry in cache.iterdir():
                if entry.name != "convert":
                    tools.remove(cache, (entry.name,))


def detect(bulletin: Path) -> Ours:
    """Our CLI and the flags of its build command; Unavailable when there is no `bulletin build` yet."""
    if not bulletin.exists():
        raise tools.Unavailable(f"{bulletin} not installed")
    help_text = tools.output_text([str(bulletin), "build", "--help"])
    version = tools.output_text([str(bulletin), "--version"]).strip()
    commit = _git("rev-parse", "--short", "HEAD")
    if commit and _git("status", "--porcelain", "--", "generator", "themes", "pyproject.toml", ":!generator/ingest"):
        commit += ", with uncommitted changes"
    return Ours(bulletin, f"{version} ({commit})" if commit else version, frozenset(re.findall(r"--[a-z][a-z-]*", help_text)))


def _git(*args: str) -> str:
    done = subprocess.run(["git", *args], capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent)
    return done.stdout.strip() if done.returncode == 0 else ""


def _edit(path: Path, original: str, round_: int) -> None:
    """Change one article's body: one more sentence at the end, different in each round."""
    path.write_text(original + f"\n编者注：本文第{round_ + 1}次修订，补充了最新数据。\n", encoding="utf-8")


def run(ours: Ours, site: Path, articles: list[Article], repeats: int) -> dict[str, dict]:
    """Measure cold one-edition and both-edition builds, a no-change rebuild and a one-article edit.

    The content must already be in `site`/content. Each figure is the best of `repeats` runs."""
    ours.prepare(site)
    results: dict[str, dict] = {}
    one = ours.one_edition()
    output = site / SCRATCH[0]
    results["one"] = measure.figure(measure.best_of(repeats, lambda: ours.clean(site), one, site), output)
    results["nochange"] = measure.figure(measure.best_of(repeats, lambda: None, one, site))

    edited = site / "content" / articles[len(articles) // 2].path
    original = edited.read_text(encoding="utf-8")
    rounds = iter(range(repeats))
    try:
        results["edit"] = measure.figure(measure.best_of(repeats, lambda: _edit(edited, original, next(rounds)), one, site))
    finally:
        edited.write_text(original, encoding="utf-8")

    if "--variant" not in ours.flags:
        results["both"] = {"na": "n/a (no zh-Hant edition yet: no --variant flag)"}
        return results
    both = measure.best_of(repeats, lambda: ours.clean(site), ours.command(), site)
    if (site / HANT_FOLDER).is_dir():
        results["both"] = measure.figure(both, output)
        # The same cold build with the text converted by the last one kept: the difference is conversion
        converted = measure.best_of(repeats, lambda: ours.clean_keeping_conversion(site), ours.command(), site)
        results["both_converted"] = measure.figure(converted)
    else:
        results["both"] = {"na": "n/a (no zh-Hant edition yet)"}
    return results


def unavailable(reason: str) -> dict[str, dict]:
    return {kind: {"na": reason} for kind in ("one", "both", "nochange", "edit")}
