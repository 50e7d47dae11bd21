"""Issue 18, classes 2, 6, 7 and 10 (the output folder): where a site may be written and served, two
builds at once, a full disk, a read-only folder.

One guard decides for `build`, `serve` and `deploy`; a lock on the folder holding the output makes a
second build wait for the first; a full or read-only disk ends in one line, the previous site intact.
The disk cases use a real small tmpfs where this machine lets the tests mount one (root in a container,
as CI runs), and a simulated full disk everywhere.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from build_helpers import ROOT
from hostile_helpers import article, assert_clean, assert_refused, leftovers, run, run_process, snapshot

sys.path.insert(0, str(ROOT))
from bench import corpus  # noqa: E402

# --- one guard for build, serve and deploy ------------------------------------------------------

GUARDED = {"/": "project", ".": "project", "..": "project", "content": "content", "content/2021-08-12": "content",
           "themes": "themes", "~": "home"}


@pytest.mark.parametrize("out", GUARDED)
@pytest.mark.parametrize("command", ["build", "serve"])
def test_a_folder_that_is_not_an_output_is_neither_built_nor_served(project, command, out):
    before = snapshot(project / "content")
    args = ["serve", "--port", "0"] if command == "serve" else ["build"]
    result = run_process(*args, "--out", out, cwd=project)  # serve would serve for ever: a refusal ends it
    assert_refused(result)
    assert "refusing" in result.stderr
    assert snapshot(project / "content") == before


def test_serve_refuses_a_foreign_folder_and_never_answers_for_it(project, tmp_path):
    foreign = tmp_path / "private"
    foreign.mkdir()
    (foreign / "passwd").write_text("secret", encoding="utf-8")
    assert "did not make" in assert_refused(run_process("serve", "--port", "0", "--out", str(foreign), cwd=project))


@pytest.mark.parametrize("how", ["default-output", "--out"])
def test_an_output_that_is_a_symbolic_link_is_refused(project, tmp_path, how):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("mine", encoding="utf-8")
    link = project / ("output" if how == "default-output" else "linked")
    if link.exists():
        shutil.rmtree(link)
    link.symlink_to(elsewhere)
    args = ["--out", "linked"] if how == "--out" else []
    assert "symbolic link" in assert_refused(run("build", *args, cwd=project), link.name)
    assert [path.name for path in elsewhere.iterdir()] == ["keep.txt"]


@pytest.mark.parametrize("shape", ["a-file", "a-fifo", "a-dangling-link", "a-link-loop"])
def test_an_output_path_that_is_not_a_folder_is_refused(project, shape):
    out = project / "odd"
    {"a-file": lambda: out.write_text("x"), "a-fifo": lambda: os.mkfifo(out), "a-dangling-link": lambda: out.symlink_to("nowhere"),
     "a-link-loop": lambda: out.symlink_to("odd")}[shape]()
    assert_refused(run_process("build", "--out", "odd", cwd=project), "odd")


def test_an_output_folder_without_its_marker_is_refused(project):
    (project / "output" / ".bulletin-build").unlink()
    before = snapshot(project / "output")
    assert ".bulletin-build" in assert_refused(run("build", cwd=project), "output")
    assert snapshot(project / "output") == before


# --- two builds at once ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bigger(tmp_path_factory) -> Path:
    """A project whose build takes long enough for two to overlap."""
    project = tmp_path_factory.mktemp("concurrent")
    corpus.write_content(corpus.generate(300, seed=11), project / "content")
    return project


def start_build(project: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "generator", "build", *args], cwd=project, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_two_builds_at_once_both_succeed_and_leave_an_output_the_next_build_accepts(bigger):
    shutil.rmtree(bigger / "output", ignore_errors=True)
    shutil.rmtree(bigger / ".cache", ignore_errors=True)
    first = start_build(bigger)
    time.sleep(0.5)
    second = start_build(bigger, "--base-url", "https://example.org/digest/")  # a different site: a full second build
    outputs = [process.communicate(timeout=300) for process in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], outputs
    assert not any("Traceback" in stderr for _, stderr in outputs)
    assert any("waiting for another build" in stderr for _, stderr in outputs), outputs  # the second one waited
    assert (bigger / "output" / ".bulletin-build").is_file() and leftovers(bigger) == []
    assert_clean(run("build", cwd=bigger))


def test_a_build_folder_removed_while_building_is_never_swapped_in(project, monkeypatch):
    from generator.site import output

    real_commit = output.Staging.commit

    def vandalised(self):
        (self.folder / output.MARKER).unlink()  # what a second build used to do to the first one's folder
        return real_commit(self)

    monkeypatch.setattr(output.Staging, "commit", vandalised)
    (project / "content" / "2021-08-12" / "01-first.md").write_text(article("改过的"), encoding="utf-8")
    before = snapshot(project / "output")
    assert "removed while building" in assert_refused(run("build", cwd=project))
    assert snapshot(project / "output") == before and leftovers(project) == []
    monkeypatch.undo()
    assert_clean(run("build", cwd=project))


# --- a full disk, a read-only folder --------------------------------------------------------------

def test_a_full_disk_during_a_build_leaves_the_previous_site(project, monkeypatch):
    from generator.site import output

    real_write_new = output.write_new
    written = []

    def filling(folder, path, data):
        if len(written) >= 5:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(folder / path))
        written.append(path)
        return real_write_new(folder, path, data)

    monkeypatch.setattr(output, "write_new", filling)
    monkeypatch.setattr("generator.site.batch.write_new", filling)
    (project / "content" / "2021-08-12" / "01-first.md").write_text(article("新标题"), encoding="utf-8")
    before = snapshot(project / "output")
    assert "No space left on device" in assert_refused(run("build", cwd=project))
    assert snapshot(project / "output") == before and leftovers(project) == []


def test_a_full_disk_during_an_ingest_names_the_file_and_keeps_the_record_true(tmp_path, monkeypatch):
    from generator.ingest import writer

    raw = tmp_path / "2021-08-12.txt"
    raw.write_text(_raw(), encoding="utf-8")
    real_write = writer.atomic_write_text
    count = []

    def filling(path, text):
        if len(count) >= 2 and Path(path).suffix == ".md":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        count.append(path)
        real_write(path, text)

    monkeypatch.setattr(writer, "atomic_write_text", filling)
    assert "No space left on device" in assert_refused(run("ingest", str(raw), "--out", "content", cwd=tmp_path))
    monkeypatch.undo()
    again = run("ingest", str(raw), "--out", "content", cwd=tmp_path)
    assert_clean(again)
    assert "kept" not in "\n".join(line for line in again.stdout.splitlines() if line.startswith("  "))


def _raw() -> str:
    from hostile_helpers import RAW_BULLETIN

    return RAW_BULLETIN


def test_a_read_only_output_folder_is_refused_up_front(project, monkeypatch):
    out = str(project / "output")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: False if str(path) == out else real_access(path, mode, **kw))
    before = snapshot(project / "output")
    assert "read-only" in assert_refused(run("build", cwd=project), "output")
    assert snapshot(project / "output") == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders: see the tmpfs cases")
def test_a_folder_made_read_only_by_its_owner(project):
    (project / "output").chmod(0o555)
    try:
        assert_refused(run_process("build", cwd=project), "output")
    finally:
        (project / "output").chmod(0o755)


@pytest.fixture
def small_disk(tmp_path):
    """A 1 MB tmpfs, if this machine lets the tests mount one."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here (not root)")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_real_full_disk_during_a_build(project, small_disk):
    out = small_disk / "site"
    assert_clean(run_process("build", "--out", str(out), cwd=project))
    before = snapshot(out)
    (project / "content" / "2021-08-12" / "03-big.md").write_text(article("很长", "数据安全。" * 150_000), encoding="utf-8")
    result = run_process("build", "--out", str(out), cwd=project)
    assert "No space left on device" in assert_refused(result)
    assert snapshot(out) == before and [path.name for path in small_disk.iterdir()] == ["site"]


def test_a_real_read_only_file_system(project, small_disk):
    out = small_disk / "site"
    assert_clean(run_process("build", "--out", str(out), cwd=project))
    before = snapshot(out)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    (project / "content" / "2021-08-12" / "01-first.md").write_text(article("改"), encoding="utf-8")
    assert_refused(run_process("build", "--out", str(out), cwd=project))
    assert snapshot(out) == before


def test_a_real_full_disk_during_an_ingest(small_disk, tmp_path):
    raw = tmp_path / "2021-08-12.txt"
    raw.write_text(_raw(), encoding="utf-8")
    filler = small_disk / "filler"
    with filler.open("wb", buffering=0) as handle:  # fill the disk up, then give back room for about two files
        try:
            while True:
                handle.write(b"x" * 4096)
        except OSError:
            pass
    with filler.open("r+b") as handle:
        handle.truncate(filler.stat().st_size - 3 * 4096)
    content = small_disk / "content"
    assert "No space left on device" in assert_refused(run_process("ingest", str(raw), "--out", str(content), cwd=tmp_path))
    filler.unlink()
    again = run_process("ingest", str(raw), "--out", str(content), cwd=tmp_path)
    assert_clean(again)
    assert "kept" not in again.stdout.split("articles (", 1)[1].split(")")[0].replace("0 kept", "")
