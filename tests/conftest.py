"""Shared fixtures: built sites (made once per session) and throwaway projects."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from build_helpers import FIXTURE_SITE, SAMPLE_ISSUE, ROOT, Built, build_project, copy_project


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
