"""What the tools write is readable by whoever may read the folder it is in: a site, an article or a
site.yml made private by the writing trick behind atomic writes (a temporary file is created 0600) would be
unreadable to a web server serving output/, to a teammate sharing the project, to a second account
deploying it. Files get the mode a plain `open()` gives (the umask's), or keep the mode of the file they
replace."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_helpers import RAW_BULLETIN


def bulletin(umask: int, *args: str, cwd: Path) -> None:
    code = f"import os, sys; os.umask({umask:#o}); from generator.cli import main; sys.exit(main({list(args)!r}))"
    result = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def modes(folder: Path) -> dict[str, int]:
    """Every file and folder under `folder` but the cache, with its permission bits."""
    found = {}
    for root, dirs, files in os.walk(folder):
        dirs[:] = [name for name in dirs if name != ".cache"]
        for name in dirs + files:
            path = Path(root, name)
            found[path.relative_to(folder).as_posix()] = stat.S_IMODE(path.lstat().st_mode)
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """A new site, ingested and built under the common umask 022."""
    root = tmp_path_factory.mktemp("perm")
    bulletin(0o022, "init", "site", cwd=root)
    project = root / "site"
    (project / "content" / "raw" / "2021-08-13.txt").write_text(RAW_BULLETIN.replace("2021.08.12", "2021.08.13"), encoding="utf-8")
    bulletin(0o022, "ingest", "content/raw/2021-08-13.txt", cwd=project)
    bulletin(0o022, "build", cwd=project)
    return project


@pytest.mark.parametrize("part", ["site.yml", "content", "output"])
def test_everything_written_is_readable_by_others_under_umask_022(site, part):
    written = modes(site / part) if (site / part).is_dir() else {part: stat.S_IMODE((site / part).stat().st_mode)}
    assert written
    private = {name: oct(mode) for name, mode in written.items() if not mode & stat.S_IROTH}
    assert not private, private
    assert not {name: oct(mode) for name, mode in written.items() if mode & (stat.S_IWGRP | stat.S_IWOTH)}


def test_the_output_folder_itself_is_readable_and_searchable(site):
    assert stat.S_IMODE((site / "output").stat().st_mode) == 0o755


def test_a_private_umask_keeps_a_new_site_private(tmp_path):
    bulletin(0o077, "init", "site", cwd=tmp_path)
    bulletin(0o077, "build", cwd=tmp_path / "site")
    assert all(not mode & 0o077 for mode in modes(tmp_path / "site").values())


def test_an_article_replaced_by_ingest_keeps_the_mode_its_editor_gave_it(site):
    article = next((site / "content").glob("2021-08-13/*.md"))
    article.chmod(0o640)
    bulletin(0o022, "ingest", "--force", "content/raw/2021-08-13.txt", cwd=site)
    assert stat.S_IMODE(article.stat().st_mode) == 0o640
