"""Issue 18, class 10 (a theme's files): a theme's static file linking out of the project was published.

A theme's files are published (static/) or shown (templates): a link out of the theme and the project
is refused by name, as is a file that cannot be read without blocking or erring.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hostile_helpers import assert_clean, assert_refused, make_project, run, run_process, snapshot

SITE = "theme: mine\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("theme") / "project", site=SITE)
    (project / "themes" / "mine" / "static" / "css").mkdir(parents=True)
    assert_clean(run("build", cwd=project))
    return project


def published(out: Path) -> str:
    return "".join(path.read_text(encoding="utf-8", errors="replace") for path in out.rglob("*") if path.is_file())


@pytest.fixture
def secret(tmp_path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("PRIVATE-KEY-MATERIAL", encoding="utf-8")
    return path


@pytest.mark.parametrize("where", ["static/leak.txt", "static/css/site.css", "article.html", "i18n.yml", "static/sub"])
def test_a_theme_file_linking_out_of_the_project_is_refused(project, secret, where):
    link = project / "themes" / "mine" / where
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(secret if where != "static/sub" else secret.parent)
    before = snapshot(project / "output")
    assert "outside the project" in assert_refused(run("build", cwd=project), Path(where).name)
    assert snapshot(project / "output") == before
    assert "PRIVATE-KEY-MATERIAL" not in published(project / "output")


def test_a_theme_file_linking_inside_the_project_is_used(project):
    (project / "shared.css").write_text("body { color: red }", encoding="utf-8")
    (project / "themes" / "mine" / "static" / "extra.css").symlink_to(project / "shared.css")
    assert_clean(run("build", cwd=project))
    assert (project / "output" / "static" / "extra.css").read_text(encoding="utf-8") == "body { color: red }"


def test_a_theme_folder_that_is_itself_a_link_is_used(project, tmp_path):
    shared = tmp_path / "shared-theme"
    shutil.move(project / "themes" / "mine", shared)
    (shared / "static" / "own.css").write_text("p {}", encoding="utf-8")
    (project / "themes" / "mine").symlink_to(shared)
    assert_clean(run("build", cwd=project))
    assert (project / "output" / "static" / "own.css").is_file()


SHAPES = {"fifo": os.mkfifo, "dangling": lambda path: path.symlink_to("nowhere"), "loop": lambda path: path.symlink_to(path.name),
          "device": lambda path: path.symlink_to("/dev/zero")}


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("where", ["article.html", "static/js/x.js"])
def test_a_theme_file_that_cannot_be_read_is_refused_by_name(project, shape, where):
    path = project / "themes" / "mine" / where
    path.parent.mkdir(parents=True, exist_ok=True)
    SHAPES[shape](path)
    assert_refused(run_process("build", cwd=project), Path(where).name)  # a FIFO would block: a process


def test_a_template_that_includes_a_file_outside_the_theme_is_named(project):
    (project / "themes" / "mine" / "article.html").write_text("{% include '/etc/passwd' %}{% include '../../../etc/passwd' %}",
                                                              encoding="utf-8")
    assert "template" in assert_refused(run("build", cwd=project))
    assert "root:x:0:0" not in published(project / "output")
