"""Issue 18, classes 7, 8 and 10 (files and folders): what a content folder can hold besides articles.

A FIFO blocked check and build for ever; a link to nothing or to itself, or a name that is not UTF-8,
ended in a traceback. The one walker of content/ skips such files and says which and why (a build
warning, a check problem); a link out of content/ is refused. Commands that could hang run as their own
process with a timeout.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from hostile_helpers import article, assert_clean, assert_refused, make_project, run, run_process, snapshot

ISSUE = "content/2021-08-12"


def fifo(path: Path) -> None:
    os.mkfifo(path)


def dangling(path: Path) -> None:
    path.symlink_to(path.parent / "nowhere.md")


def loop(path: Path) -> None:
    path.symlink_to(path.name)


def mutual_loop(path: Path) -> None:
    other = path.with_name("zz-other.md")
    path.symlink_to(other.name)
    other.symlink_to(path.name)


def unix_socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
    except OSError as exc:  # a path too long for a socket address
        pytest.skip(f"cannot make a socket here: {exc}")
    finally:
        server.close()


def folder_named_md(path: Path) -> None:
    path.mkdir()
    (path / "inside.txt").write_text("x", encoding="utf-8")


def link_to_folder(path: Path) -> None:
    path.symlink_to(path.parent)


def link_to_device(path: Path) -> None:
    path.symlink_to("/dev/zero")


SHAPES = {"fifo": fifo, "dangling-link": dangling, "link-loop": loop, "mutual-link-loop": mutual_loop, "socket": unix_socket,
          "link-to-its-folder": link_to_folder}
REASONS = {"fifo": "FIFO", "dangling-link": "symbolic link to nothing", "link-loop": "symbolic link loop", "mutual-link-loop": "loop",
           "socket": "socket", "link-to-its-folder": "folder"}


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("name", ["03-odd.md", "_issue.yml"])
def test_a_file_that_cannot_be_read_is_skipped_and_named(project, shape, name):
    SHAPES[shape](project / ISSUE / name)
    runner = run_process if shape == "fifo" else run  # a FIFO could block: a process, with a timeout
    built = runner("build", cwd=project)
    assert_clean(built)
    assert name in built.stderr and REASONS[shape] in built.stderr and "skipped" in built.stderr
    checked = runner("check", cwd=project)
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    assert f"{name}: skipped:" in checked.stdout and "[unreadable]" in checked.stdout


def test_a_folder_named_like_an_article_is_a_folder(project):
    folder_named_md(project / ISSUE / "03-odd.md")
    (project / ISSUE / "03-odd.md" / "01-inside.md").write_text(article("文件夹里的文章"), encoding="utf-8")
    assert_clean(run("build", cwd=project))
    assert "文件夹里的文章" in (project / "output" / "index.html").read_text(encoding="utf-8")


def test_a_link_to_a_device_is_not_read(project):
    link_to_device(project / ISSUE / "03-zero.md")
    built = run("build", cwd=project)
    assert_clean(built)
    assert "03-zero.md" in built.stderr and "device" in built.stderr


@pytest.mark.parametrize("raw_name", [b"03-\xff\xfe.md", b"\xe4\xb8.md"])
def test_a_file_name_that_is_not_utf8_is_skipped_and_named(project, raw_name):
    path = os.path.join(os.fsencode(project / ISSUE), raw_name)
    with open(path, "wb") as handle:
        handle.write(article("乱码文件名").encode())
    for command in ("build", "check"):
        result = run_process(command, cwd=project)  # as a user sees it: printed on a terminal that takes UTF-8 only
        assert "Traceback" not in result.stderr and "not valid UTF-8" in result.stdout + result.stderr
        assert "\\x" in result.stdout + result.stderr  # the bytes shown escaped


def test_a_folder_name_that_is_not_utf8_is_skipped_and_named(project):
    folder = os.path.join(os.fsencode(project / "content"), b"2021-\xff")
    os.mkdir(folder)
    with open(os.path.join(folder, b"01-a.md"), "wb") as handle:
        handle.write(article("乱码目录").encode())
    result = run_process("build", cwd=project)
    assert_clean(result)
    assert "2021-\\xff: skipped: its name is not valid UTF-8" in result.stderr


def test_a_link_out_of_content_is_refused_and_the_output_stays(project, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text(article("机密", "不该发布。"), encoding="utf-8")
    (project / ISSUE / "03-secret.md").symlink_to(secret)
    before = snapshot(project / "output")
    assert_refused(run("build", cwd=project), "03-secret.md")
    assert snapshot(project / "output") == before


def test_a_linked_folder_is_not_followed(project, tmp_path):
    elsewhere = make_project(tmp_path / "elsewhere", {"2021-09-01/01-x.md": article("外部文章")})
    (project / "content" / "linked").symlink_to(elsewhere / "content" / "2021-09-01")
    assert_clean(run("build", cwd=project))
    assert "外部文章" not in (project / "output" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("shape", ["missing", "a-file", "a-fifo", "a-dangling-link", "a-link-loop"])
def test_a_content_folder_that_is_not_one(tmp_path, shape):
    project = tmp_path / "project"
    project.mkdir()
    content = project / "content"
    {"missing": lambda: None, "a-file": lambda: content.write_text("x"), "a-fifo": lambda: os.mkfifo(content),
     "a-dangling-link": lambda: content.symlink_to("nowhere"), "a-link-loop": lambda: content.symlink_to("content")}[shape]()
    for command in ("build", "check"):
        result = run_process(command, cwd=project)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert "content" in result.stdout + result.stderr


def test_deep_folders_and_long_names(project):
    deep = project / "content" / Path(*["层"] * 60)
    deep.mkdir(parents=True)
    (deep / ("长" * 80 + ".md")).write_text(article("很深的文章"), encoding="utf-8")
    assert_clean(run("build", cwd=project))
    assert any("很深的文章" in path.read_text(encoding="utf-8") for path in (project / "output" / "articles").glob("*.html"))


@pytest.mark.parametrize("body", [b"", b"\xef\xbb\xbf", b"---\n", b"---\n---\n", b"\x00" * 100, b"---\ntitle: a\n...\n"])
def test_empty_and_truncated_articles_are_named(project, body):
    (project / ISSUE / "03-bad.md").write_bytes(body)
    before = snapshot(project / "output")
    assert_refused(run("build", cwd=project), "03-bad.md")
    assert snapshot(project / "output") == before


def test_an_article_that_is_a_special_file_inside_raw_is_never_opened(project):
    (project / "content" / "raw").mkdir()
    os.mkfifo(project / "content" / "raw" / "2021-08-13.txt")
    assert_clean(run_process("build", cwd=project))
    result = run_process("ingest", "content/raw/2021-08-13.txt", "--out", "content", cwd=project)
    assert "FIFO" in assert_refused(result, "2021-08-13.txt")
