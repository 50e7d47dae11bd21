"""The output folder: built beside it and swapped in atomically; never a folder the build did not make."""

from __future__ import annotations

from pathlib import Path

import pytest

import generator.site.build as build_module
from build_helpers import build_project, run_bulletin
from generator.errors import BulletinError
from generator.site import batch, output

CACHE = ".cache"  # what a build keeps for the next one, beside content/


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def listing(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def assert_refused(project: Path, out: str, message: str) -> None:
    before = listing(project)
    result = run_bulletin("build", "--out", out, cwd=project)
    assert result.returncode == 1 and message in result.stderr, result.stderr
    assert listing(project) == before


def test_output_has_the_marker_and_a_rebuild_replaces_everything(make_project):
    project = make_project()
    built = build_project(project)
    assert (built.out / output.MARKER).is_file()
    (built.out / "stale.html").write_text("old", encoding="utf-8")
    build_project(project)
    assert not (built.out / "stale.html").exists()
    assert (built.out / "index.html").is_file()
    assert [p.name for p in project.iterdir() if p.name.startswith(".")] == [CACHE]


@pytest.mark.parametrize("out", [".", "content", "content/2021-01-07", "..", "themes/default"])
def test_refuses_project_content_theme_and_parent_folders(make_project, out):
    project = make_project()
    (project / "themes/default").mkdir(parents=True)
    assert_refused(project, out, "refusing to build")


def test_refuses_the_home_folder(make_project, tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / "notes").mkdir(parents=True)
    (home / "notes/todo.txt").write_text("keep me", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    assert_refused(make_project(), "~", "refusing to build")
    assert (home / "notes/todo.txt").read_text(encoding="utf-8") == "keep me"


def test_refuses_a_non_empty_folder_it_did_not_make(make_project, tmp_path):
    other = tmp_path / "documents"
    other.mkdir()
    (other / "thesis.docx").write_bytes(b"precious")
    assert_refused(make_project(), str(other), "did not make")
    assert (other / "thesis.docx").read_bytes() == b"precious"


def test_builds_into_an_empty_folder_and_a_new_one(make_project, tmp_path):
    project = make_project()
    (tmp_path / "empty").mkdir()
    for out in (tmp_path / "empty", tmp_path / "new" / "site"):
        result = run_bulletin("build", "--out", str(out), cwd=project)
        assert result.returncode == 0, result.stderr
        assert (out / "index.html").is_file()


def test_refuses_a_file_and_a_symlink(make_project, tmp_path):
    project = make_project()
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert_refused(project, str(tmp_path / "file"), "not a folder")
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert_refused(project, str(tmp_path / "link"), "symbolic link")


@pytest.mark.parametrize("failure", [RuntimeError("disk on fire"), KeyboardInterrupt(), BulletinError("bad page")])
def test_failed_or_interrupted_build_leaves_previous_output_and_no_temporary_folder(make_project, monkeypatch, failure):
    project = make_project()
    built = build_project(project)
    before = snapshot(built.out)
    config = project / "site.yml"  # a new description: every page is rendered again
    config.write_text(config.read_text(encoding="utf-8").replace("信息产业动态摘编", "信息产业动态摘要"), encoding="utf-8")
    real_produce = batch.produce
    calls = []

    def failing_produce(*args, **kwargs):
        calls.append(1)
        if len(calls) == 20:
            raise failure
        return real_produce(*args, **kwargs)

    monkeypatch.setattr(batch, "produce", failing_produce)
    with pytest.raises(type(failure)):
        build_module.build(build_module.BuildOptions(config=project / "site.yml"))
    assert snapshot(built.out) == before
    assert sorted(p.name for p in project.iterdir()) == [CACHE, "content", "output", "site.yml"]


def test_swap_without_atomic_exchange_also_works(make_project, monkeypatch):
    monkeypatch.setattr(output, "_exchange", lambda first, second: False)
    project = make_project()
    build_project(project)
    built = build_project(project)
    assert (built.out / "index.html").is_file()
    assert sorted(p.name for p in project.iterdir()) == [CACHE, "content", "output", "site.yml"]


def test_leftovers_of_a_killed_build_are_removed_by_the_next_build(make_project):
    project = make_project()
    leftover = project / ".output-build-killed"
    leftover.mkdir()
    (leftover / output.MARKER).write_bytes(output.MARKER_TEXT)
    (leftover / "index.html").write_text("half a site", encoding="utf-8")
    unrelated = project / ".output-build-notes"
    unrelated.mkdir()
    (unrelated / "mine.txt").write_text("not from a build", encoding="utf-8")
    build_project(project)
    assert not leftover.exists()
    assert (unrelated / "mine.txt").is_file()


@pytest.mark.parametrize("path", ["../x.html", "/etc/passwd", "a/../../x", "a//b", "a\\b", "."])
def test_staging_never_writes_outside_its_folder(tmp_path, path):
    with output.Staging(tmp_path / "out") as staging:
        with pytest.raises(BulletinError, match="outside the output folder"):
            staging.write(path, b"x")
    assert sorted(p.name for p in tmp_path.iterdir()) == []
