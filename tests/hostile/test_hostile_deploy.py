"""Issue 18, class 3 (git states for `bulletin deploy`): deploying onto the checked-out branch moved that
branch to the site's tree (`main` pointed at the output, `git status` listed 28 changes).

In every state a repository can be in, deploy either publishes to a branch nobody has checked out or
stops with one line; the editor's HEAD, index and working tree are never changed.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from build_helpers import commit_project
from hostile_helpers import assert_clean, assert_refused, make_project, run


def git(repo: Path, *args: str, check: bool = True) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=check, capture_output=True, text=True).stdout


def state(repo: Path) -> tuple[str, str, str]:
    """What the editor sees: HEAD's commit and ref, and `git status`."""
    return (git(repo, "rev-parse", "--verify", "--quiet", "HEAD", check=False), git(repo, "symbolic-ref", "--quiet", "HEAD", check=False),
            git(repo, "status", "--porcelain=v1", "--untracked-files=all"))


@pytest.fixture(scope="module")
def committed(tmp_path_factory) -> Path:
    return commit_project(make_project(tmp_path_factory.mktemp("deploy") / "project"), "output/\n.cache/\n")


@pytest.fixture
def repo(committed, tmp_path) -> Path:
    target = tmp_path / "repo"
    subprocess.run(["cp", "-a", str(committed), str(target)], check=True)
    return target


@pytest.mark.parametrize("branch", ["main", "MAIN-checked-out-elsewhere"])
def test_deploy_never_moves_a_checked_out_branch(repo, tmp_path, branch):
    if branch != "main":
        git(repo, "worktree", "add", "--quiet", str(tmp_path / "other"), "-b", branch)
    before = state(repo)
    tip = git(repo, "rev-parse", branch)
    assert "checked out" in assert_refused(run("deploy", "--branch", branch, cwd=repo), branch)
    assert state(repo) == before and git(repo, "rev-parse", branch) == tip
    assert not (repo / "output").exists()  # refused before building


@pytest.mark.parametrize("branch", ["a..b", "a b", "a~1", "a^", "a:b", "a\\b", "@", "a.lock", "/a", "a/", "a//b", "refs/heads/main/x", "x" * 300,
                                    "HEAD"])
def test_a_branch_name_git_would_refuse_or_misread_is_refused(repo, branch):
    before = state(repo)
    result = run("deploy", "--branch", branch, cwd=repo)
    if result.returncode == 0:
        assert_clean(result)
    else:
        assert_refused(result)
    assert state(repo)[:2] == before[:2]


def test_deploy_from_a_detached_head_publishes_and_stays_detached(repo):
    git(repo, "checkout", "--quiet", "--detach")
    before = state(repo)
    assert_clean(run("deploy", cwd=repo))
    assert state(repo) == before and git(repo, "ls-tree", "--name-only", "gh-pages").strip()


def test_deploy_in_a_repository_without_commits(tmp_path):
    project = make_project(tmp_path / "fresh")
    git(project, "init", "--quiet", "--initial-branch=main")
    git(project, "config", "user.name", "Editor")
    git(project, "config", "user.email", "editor@example.com")
    result = run("deploy", "--force", cwd=project)
    assert_clean(result)
    assert git(project, "symbolic-ref", "HEAD").strip() == "refs/heads/main"
    assert git(project, "rev-parse", "--verify", "--quiet", "main", check=False) == ""  # main still unborn


def test_deploy_while_a_merge_is_in_progress_changes_nothing_of_it(repo):
    git(repo, "checkout", "--quiet", "-b", "side")
    (repo / "content" / "2021-08-12" / "01-first.md").write_text("---\ntitle: 甲\ndate: 2021-08-12\n---\n甲。\n", encoding="utf-8")
    git(repo, "commit", "--quiet", "-am", "side")
    git(repo, "checkout", "--quiet", "main")
    (repo / "content" / "2021-08-12" / "01-first.md").write_text("---\ntitle: 乙\ndate: 2021-08-12\n---\n乙。\n", encoding="utf-8")
    git(repo, "commit", "--quiet", "-am", "main")
    git(repo, "merge", "side", check=False)  # a conflict
    before = state(repo)
    result = run("deploy", cwd=repo)
    assert_refused(result)  # the conflicted article is an uncommitted change, or does not parse
    assert state(repo) == before


def test_deploy_without_git_installed_is_one_line(repo, monkeypatch):
    monkeypatch.setenv("PATH", str(repo / "no-such-bin"))
    assert "git" in assert_refused(run("deploy", cwd=repo))


def test_deploy_push_without_the_remote_is_one_line(repo):
    assert "remote" in assert_refused(run("deploy", "--push", "--remote", "nowhere", cwd=repo))


def test_deploy_with_an_output_inside_git_is_refused(repo):
    before = state(repo)
    assert_refused(run("deploy", "--out", ".git/site", cwd=repo))
    assert_refused(run("build", "--out", ".git/objects", cwd=repo))
    assert state(repo) == before
    assert git(repo, "fsck", "--no-progress", check=False) is not None and not (repo / ".git" / "site").exists()


def test_deploy_outside_any_repository(tmp_path):
    project = make_project(tmp_path / "plain")
    env_dir = os.environ.get("GIT_DIR")
    assert env_dir is None
    assert "git" in assert_refused(run("deploy", cwd=project))
