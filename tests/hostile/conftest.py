"""The campaign's fixtures: a small built project per module (`built`, which a module may override) and
a fresh copy of it for each case to change (`project`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hostile_helpers import assert_clean, make_project, run


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two articles, built once for the module."""
    project = make_project(tmp_path_factory.mktemp("built") / "project")
    assert_clean(run("build", cwd=project))
    return project


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    """A copy of `built` (output and cache included) for one case to change."""
    return shutil.copytree(built, tmp_path / "project", symlinks=True)
