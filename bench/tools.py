"""What every measured generator has in common: the site settings they share, how a cold build is set
up, and how a peer is installed outside the project's dependencies."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# Equivalent settings for every generator, so that each writes the same kinds and numbers of pages.
SITE_TITLE = "信息产业监测"
BASE_URL = "https://example.org/bulletin/"
PER_PAGE = 20
FEED_ITEMS = 20


class Unavailable(Exception):
    """A tool that cannot be measured here; the message says why."""


@dataclass(frozen=True)
class Tool:
    name: str  # with its version, as shown in the table
    command: tuple[str, ...]  # a cold build, run in the site folder; "{site}" stands for its absolute path
    scratch: tuple[str, ...]  # the output folder first, then caches, in the site folder: deleted before each cold build
    files: tuple[tuple[str, str], ...] = ()  # (name, text): configuration this tool needs in the site folder

    def argv(self, site: Path) -> list[str]:
        return [part.replace("{site}", str(site.resolve())) for part in self.command]

    def prepare(self, site: Path) -> None:
        for name, text in self.files:
            (site / name).write_text(text, encoding="utf-8")

    def clean(self, site: Path) -> None:
        remove(site, self.scratch)


def remove(site: Path, relatives: tuple[str, ...]) -> None:
    """Delete these files and folders under `site`, where they exist."""
    for relative in relatives:
        path = site / relative
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


def output_text(command: list[str], timeout: float = 120, env: dict[str, str] | None = None) -> str:
    """stdout of a short command that must succeed; Unavailable if it does not."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise Unavailable(f"{command[0]}: {exc}") from exc
    if done.returncode != 0:
        lines = (done.stderr or done.stdout).strip().splitlines()
        raise Unavailable(f"{' '.join(command[:3])} failed: {lines[-1] if lines else done.returncode}")
    return done.stdout


def pip_venv(venv: Path, packages: list[str]) -> Path:
    """A virtual environment at `venv` holding `packages` from PyPI; installs only when it is new.

    Returns the environment's folder. Raises Unavailable when the environment or the install fails
    (no network, for example)."""
    marker = venv / ".installed"
    if marker.exists() and marker.read_text() == " ".join(packages):
        return venv
    if venv.exists():
        shutil.rmtree(venv)
    output_text([sys.executable, "-m", "venv", str(venv)])
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--retries", "2", "--timeout", "30"]
    output_text(pip + packages, timeout=900)
    marker.write_text(" ".join(packages))
    return venv
