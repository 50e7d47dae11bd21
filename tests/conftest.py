"""Shared fixtures: built sites (made once per session) and running the `bulletin` command."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

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
    """`bulletin ARGS` in `cwd`, as a user would run it."""
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


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """tests/fixtures/site built once: three issues, five sections, a hand-written note."""
    return build_project(copy_project(FIXTURE_SITE, tmp_path_factory.mktemp("fixture")))


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The repository's own content (the ingested sample bulletin) built once with its site.yml."""
    if not SAMPLE_ISSUE.is_dir():
        pytest.skip("the sample bulletin has not been ingested into content/ yet")
    return build_project(copy_project(ROOT, tmp_path_factory.mktemp("sample")))


@pytest.fixture(params=["fixture", "sample"])
def any_site(request: pytest.FixtureRequest) -> Built:
    """Each built site in turn."""
    return request.getfixturevalue(f"{request.param}_site")


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[..., Path]:
    """A throwaway copy of the fixture project, for tests that change or break it."""

    def make(name: str = "project") -> Path:
        return copy_project(FIXTURE_SITE, tmp_path / name)

    return make
