"""Issue 18, class 4: a cache that arrives with a copied or cloned project runs nothing.

`.cache/sources/index.pickle` used to be unpickled by every build: a planted one ran commands. Every
cache is JSON now, and whatever `.cache/` holds (pickles, garbage, the right engine version with the
wrong shape, a file where a folder should be), a build succeeds and makes the same site.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
from pathlib import Path

import pytest
from hostile_helpers import article, assert_clean, make_project, run, run_process, snapshot


class Payload:
    """What a planted pickle does when it is loaded: touch a file."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return os.system, (f"touch {self.marker}",)


def cache_files(project: Path) -> list[Path]:
    return sorted(path for path in (project / ".cache").rglob("*") if path.is_file() and path.name != ".gitignore")


def rebuilt(project: Path) -> dict[str, str]:
    """The site a build makes now: every page as the clean build made it (the marker aside)."""
    (project / "content" / "2021-08-12" / "01-first.md").write_text(article("第一篇", "正文改了。"), encoding="utf-8")
    assert_clean(run("build", cwd=project))
    return snapshot(project / "output")


def test_the_caches_are_json(built):
    files = cache_files(built)
    assert files and all(path.suffix == ".json" for path in files)
    for path in files:
        json.loads(path.read_text(encoding="utf-8"))


def test_no_compiled_code_is_kept_in_the_project(built):
    assert not any(path.suffix in (".cache", ".pyc", ".pickle") for path in (built / ".cache").rglob("*"))


@pytest.mark.parametrize("name", ["sources/index.pickle", "sources/index.json", "build.pickle", "templates/x.cache"])
def test_a_planted_pickle_is_never_loaded(project, tmp_path, name):
    marker = tmp_path / "pwned"
    for path in [project / ".cache" / name, *cache_files(project)]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(Payload(marker)))
    assert_clean(run("build", cwd=project))
    assert not marker.exists()


GARBAGE = {
    "empty": b"",
    "not-json": b"\x80\x04garbage",
    "json-list": b"[1, 2, 3]",
    "wrong-engine": json.dumps({"engine": "x", "value": {}}).encode(),
    "truncated": None,  # the real file, cut in half
    "right-engine-wrong-shape": None,  # the real engine stamp, a value of the wrong shape
    "deep": b"[" * 100_000 + b"]" * 100_000,
}


@pytest.mark.parametrize("kind", GARBAGE)
def test_a_damaged_cache_is_no_cache(project, kind):
    expected = rebuilt(shutil.copytree(project, project.parent / "clean", symlinks=True))
    for path in cache_files(project):
        real = path.read_bytes()
        if kind == "truncated":
            data = real[: len(real) // 2]
        elif kind == "right-engine-wrong-shape":
            data = json.dumps({"engine": json.loads(real)["engine"], "value": {"sections": [1, "x"], "keys": 3}}).encode()
        else:
            data = GARBAGE[kind]
        path.write_bytes(data)
    assert rebuilt(project) == expected


@pytest.mark.parametrize("shape", ["a-file", "a-fifo", "a-link-loop", "read-only"])
def test_a_cache_folder_that_cannot_be_used_only_costs_time(project, shape):
    cache = project / ".cache"
    shutil.rmtree(cache)
    {"a-file": lambda: cache.write_text("x"), "a-fifo": lambda: os.mkfifo(cache), "a-link-loop": lambda: cache.symlink_to(".cache"),
     "read-only": lambda: (cache.mkdir(), cache.chmod(0o500))}[shape]()
    try:
        assert_clean(run("build", cwd=project))
        assert (project / "output" / "index.html").is_file()
    finally:
        if shape == "read-only":
            cache.chmod(0o700)


def test_compiled_templates_are_not_kept_where_others_could_write(project, tmp_path, monkeypatch):
    shared = tmp_path / "shared-cache"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("XDG_CACHE_HOME", str(shared))
    (shared / "bulletin").mkdir(mode=0o777)
    (shared / "bulletin").chmod(0o777)
    (shared / "bulletin" / "templates").mkdir(mode=0o777)
    (shared / "bulletin" / "templates").chmod(0o777)
    from generator.site.render.theme import compiled_templates_folder

    assert compiled_templates_folder() is None
    assert_clean(run("build", cwd=project))
    assert list((shared / "bulletin" / "templates").iterdir()) == []


SHAPES = {"a-fifo": lambda path: os.mkfifo(path), "a-folder": lambda path: path.mkdir(),
          "a-dangling-link": lambda path: path.symlink_to(path.parent / "nowhere.json"), "a-device": lambda path: path.symlink_to("/dev/zero")}


@pytest.mark.parametrize("shape", SHAPES)
def test_a_cache_file_that_is_not_a_file_is_no_cache(tmp_path, shape):
    """Every cache file of a site with a converted edition (its conversions kept too) replaced: a FIFO
    used to block the build for ever, waiting for a writer."""
    project = make_project(tmp_path / "project", site="editions:\n  - {language: zh-Hant, opencc: s2twp}\n")
    assert_clean(run("build", cwd=project))
    expected = rebuilt(shutil.copytree(project, tmp_path / "clean", symlinks=True))
    files = cache_files(project)
    assert any(path.parent.name == "convert" for path in files)
    for path in files:
        path.unlink()
        SHAPES[shape](path)
    result = run_process("build", cwd=project)
    assert_clean(result)
    assert rebuilt(project) == expected


def test_a_link_planted_as_the_caches_gitignore_is_not_followed(project, tmp_path):
    target = tmp_path / "elsewhere" / "written-through-the-link"
    target.parent.mkdir()
    (project / ".cache" / ".gitignore").unlink()
    (project / ".cache" / ".gitignore").symlink_to(target)
    rebuilt(project)
    assert not target.exists()
