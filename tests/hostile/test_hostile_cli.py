"""Issue 18, class 7 (command-line arguments): any value of any option gives a result or one error line.

Every option that takes a path, a name or a URL is given what a shell lets a user type by mistake or on
purpose: devices, folders for files, files for folders, `..`, names of 300 bytes, shell syntax, control
characters, right-to-left marks. Hypothesis then mixes them.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from hostile_helpers import RAW_BULLETIN, assert_no_traceback, make_project, run_process, snapshot
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main

VALUES = ["", " ", "-", ".", "..", "/", "~", "~root", "/dev/null", "/dev/zero", "/proc/self/mem", "/etc/passwd", "nowhere/at/all",
          "a" * 300, "a/" * 200 + "b", "\t", "con", "site.yml", "content", "output", "themes", "content/raw", "*", "$(touch pwned)",
          "`touch pwned`", "%s%n%x", "\u202eevil", "中文名", "x\ny", "-x", "--help-not", "https://", "javascript:alert(1)", "zh-Hant",
          "2021-08-12", "9" * 5000, "\udcff"]
OPTIONS = {
    "build": ["--config", "--content", "--out", "--theme", "--base-url", "--variant"],
    "check": ["--config", "--content", "--format"],
    "ingest": ["--out", "--date", "--publication", "--hints"],
    "deploy": ["--branch", "--remote", "--message", "--out", "--base-url"],
}


def invoke(project: Path, args: list[str]) -> tuple[int, str, str]:
    """`bulletin ARGS` in this process; argparse's own refusals (exit status 2) included."""
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.chdir(project), contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            status = main(args)
        except SystemExit as exit_:
            status = exit_.code if isinstance(exit_.code, int) else 1
    return status, stdout.getvalue(), stderr.getvalue()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("cli") / "project")
    (project / "content" / "raw").mkdir()
    (project / "content" / "raw" / "2021-08-13.txt").write_text(RAW_BULLETIN.replace("2021.08.12", "2021.08.13"), encoding="utf-8")
    subprocess.run(["git", "init", "--quiet"], cwd=project, check=True)
    assert invoke(project, ["build"])[0] == 0
    return project


def command_line(command: str, option: str, value: str) -> list[str]:
    base = [command] + (["content/raw/2021-08-13.txt"] if command == "ingest" else [])
    return base + [f"{option}={value}"]


CASES = [(command, option, value) for command, options in OPTIONS.items() for option in options for value in VALUES]


@pytest.mark.parametrize("command, option, value", CASES, ids=[f"{c}{o}-{i % len(VALUES)}" for i, (c, o, _) in enumerate(CASES)])
def test_any_value_of_any_option(project, command, option, value):
    content_before = snapshot(project / "content")
    status, stdout, stderr = invoke(project, command_line(command, option, value))
    assert "Traceback" not in stderr and status in (0, 1, 2), (status, stderr)
    if status == 1:
        assert len([line for line in stderr.splitlines() if ": error: " in line]) == 1 or command == "check", stderr
    assert not (project / "pwned").exists()
    if command != "ingest":
        assert snapshot(project / "content") == content_before


@pytest.mark.parametrize("args", [["serve", "--port", "-1"], ["serve", "--port", "70000"], ["serve", "--host", "", "--port", "0", "--out", "/"], ["serve", "--port", "x"]])
def test_serve_refuses_what_it_cannot_serve_in_one_line(project, args):
    result = run_process(*args, cwd=project)
    assert_no_traceback(result)
    assert result.returncode in (1, 2), result.stdout


@pytest.mark.parametrize("value", VALUES, ids=range(len(VALUES)))
def test_any_folder_name_given_to_init(tmp_path, value):
    """A new site where it can be made, else one line (argparse's for a name that is empty or the root);
    nothing written outside the folder named."""
    (tmp_path / "here").mkdir()
    status, stdout, stderr = invoke(tmp_path / "here", ["init", value])
    assert "Traceback" not in stderr and status in (0, 1, 2), (status, stderr)
    assert len([line for line in stderr.splitlines() if ": error: " in line]) == (status != 0), stderr
    if status == 0:
        site = (tmp_path / "here" / value).resolve()
        assert (site / "site.yml").is_file() and (site / "content" / "tags.yml").is_file()
    assert value.strip() not in ("", "/") or status == 2
    assert not (tmp_path / "here" / "pwned").exists()


OPTION = st.sampled_from(sorted({option for options in OPTIONS.values() for option in options}))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command=st.sampled_from(list(OPTIONS)), pairs=st.lists(st.tuples(OPTION, st.sampled_from(VALUES) | st.text(max_size=20)), max_size=4))
def test_any_mix_of_options(built, tmp_path_factory, command, pairs):
    project = shutil.copytree(built, tmp_path_factory.mktemp("mix") / "project", symlinks=True)
    args = [command] + (["content/raw/2021-08-13.txt"] if command == "ingest" else [])
    args += [f"{option}={value}" for option, value in pairs if "\x00" not in value]
    status, stdout, stderr = invoke(project, args)
    assert "Traceback" not in stderr and status in (0, 1, 2), (args, status, stderr)
    assert not (project / "pwned").exists()
