"""Helpers for tests of `bulletin build`: run the command, copy and build projects."""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_SITE = ROOT / "tests" / "fixtures" / "site"
SAMPLE_ISSUE = ROOT / "content" / "2021-08-12"


@dataclass(frozen=True)
class Built:
    """A project copied to a temporary folder and built with `bulletin build`."""

    project: Path
    out: Path
    stdout: str
    stderr: str

    def page(self, path: str) -> str:
        return (self.out / path).read_text(encoding="utf-8")


def run_bulletin(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """`bulletin ARGS` in `cwd`, in this process (fast: the imports are done once)."""
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        status = main(list(args))
    return subprocess.CompletedProcess(["bulletin", *args], status, stdout.getvalue(), stderr.getvalue())


def run_bulletin_process(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """`bulletin ARGS` in `cwd` as a separate process, exactly as a user runs it."""
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def copy_project(source: Path, target: Path, *, content: Path | None = None) -> Path:
    """A copy of a project (site.yml, content/, themes/ if any) at `target`."""
    target.mkdir(parents=True, exist_ok=True)
    if (source / "site.yml").exists():
        shutil.copy(source / "site.yml", target / "site.yml")
    shutil.copytree(content or source / "content", target / "content", ignore=shutil.ignore_patterns("raw"))
    if (source / "themes").is_dir() and source != ROOT:
        shutil.copytree(source / "themes", target / "themes")
    return target


def build_project(project: Path, *extra: str) -> Built:
    result = run_bulletin("build", *extra, cwd=project)
    assert result.returncode == 0, result.stderr
    return Built(project, project / "output", result.stdout, result.stderr)


def commit_project(project: Path, ignored: str = "output/\n") -> Path:
    """`project` made a git repository with everything committed on `main` (what `.gitignore` names aside)."""
    for args in (["init", "--quiet", "--initial-branch=main"], ["config", "user.name", "Editor"],
                 ["config", "user.email", "editor@example.com"]):
        subprocess.run(["git", *args], cwd=project, check=True, capture_output=True)
    (project / ".gitignore").write_text(ignored)
    subprocess.run(["git", "add", "."], cwd=project, check=True, capture_output=True)
    subprocess.run(["git", "commit", "--quiet", "-m", "content"], cwd=project, check=True, capture_output=True)
    return project
