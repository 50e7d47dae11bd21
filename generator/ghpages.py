"""Publish a folder as the whole tree of a branch (`gh-pages`) with git plumbing, like ghp-import.

The folder becomes one new commit on top of the branch's previous one (so history shows every
deploy), without touching the working tree, the index or the current branch: a temporary index file
takes the folder's files, `write-tree` makes the tree and `commit-tree` the commit.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.errors import BulletinError

EXCLUDED = (".bulletin-build",)  # the build's marker file: it says nothing to a web server


def git(cwd: Path, *args: str, env: dict[str, str] | None = None, check: bool = True) -> subprocess.CompletedProcess:
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                                env={**os.environ, **(env or {})})
    except FileNotFoundError:
        raise BulletinError("git is not installed (deploying needs it)") from None
    if check and result.returncode != 0:
        message = (result.stderr or result.stdout).strip().splitlines()
        raise BulletinError(f"git {args[0]} failed: {message[-1] if message else 'exit status ' + str(result.returncode)}")
    return result


def repository_root(folder: Path) -> Path:
    result = git(folder, "rev-parse", "--show-toplevel", check=False)
    if result.returncode != 0:
        raise BulletinError("not inside a git repository: run `git init` and commit the project first, "
                            "or publish with the GitHub Pages workflow", folder)
    return Path(result.stdout.strip())


def uncommitted(repo: Path, paths: list[Path]) -> list[str]:
    """Files under `paths` that differ from the last commit, untracked ones included (repository-relative)."""
    existing = [str(path) for path in paths if path.exists()]
    if not existing:
        return []
    entries = iter(git(repo, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *existing).stdout.split("\0"))
    files = []
    for entry in entries:
        if entry:
            files.append(entry[3:])  # "XY path"
            if entry[0] in "RC":
                next(entries, None)  # a rename or copy is followed by its old path
    return files


def _revision(repo: Path, name: str) -> str | None:
    result = git(repo, "rev-parse", "--verify", "--quiet", f"{name}^{{commit}}", check=False)
    return result.stdout.strip() or None


def source_revision(repo: Path) -> str | None:
    """The short id of the checked-out commit (None in a repository without commits)."""
    result = git(repo, "rev-parse", "--short", "HEAD", check=False)
    return result.stdout.strip() if result.returncode == 0 else None


@dataclass(frozen=True)
class Published:
    branch: str
    commit: str
    changed: bool  # False: the branch already held exactly this site
    files: int


def branch_ref(repo: Path, branch: str) -> str:
    """The ref of the branch to publish to, if it may be: a valid name, and checked out nowhere (moving
    a checked-out branch to the site's tree would turn every project file into a change to commit)."""
    ref = f"refs/heads/{branch}"
    if branch.startswith("-") or branch == "HEAD" or git(repo, "check-ref-format", ref, check=False).returncode != 0:
        raise BulletinError(f"not a valid branch name: {branch!r}")
    listing = git(repo, "worktree", "list", "--porcelain", check=False).stdout.split("\n\n")
    for worktree in listing:
        fields = dict(line.partition(" ")[::2] for line in worktree.splitlines())
        if fields.get("branch") == ref:
            raise BulletinError(f"the branch {branch!r} is checked out (in {fields.get('worktree', repo)}): deploying "
                                "to it would replace its files with the site; deploy to another branch (--branch gh-pages)")
    return ref


def publish(folder: Path, repo: Path, branch: str, message: str) -> Published:
    """Commit the files of `folder` as the whole tree of `branch` (created when missing)."""
    ref = branch_ref(repo, branch)
    parent = _revision(repo, ref)
    git_dir = git(repo, "rev-parse", "--absolute-git-dir").stdout.strip()
    with tempfile.TemporaryDirectory(prefix="bulletin-deploy-") as scratch:
        env = {"GIT_DIR": git_dir, "GIT_WORK_TREE": str(folder), "GIT_INDEX_FILE": str(Path(scratch) / "index")}
        # --force: the folder is the site as built, whatever the repository's or the user's ignore rules say
        git(folder, "add", "--all", "--force", "--", ".", *(f":(exclude){name}" for name in EXCLUDED), env=env)
        files = len(git(folder, "ls-files", env=env).stdout.splitlines())
        tree = git(folder, "write-tree", env=env).stdout.strip()
    if parent and git(repo, "rev-parse", f"{parent}^{{tree}}").stdout.strip() == tree:
        return Published(branch, parent, False, files)
    commit = git(repo, "commit-tree", tree, *(["-p", parent] if parent else []), "-m", message).stdout.strip()
    git(repo, "update-ref", "-m", "bulletin deploy", ref, commit, parent or "")
    return Published(branch, commit, True, files)


def push(repo: Path, remote: str, branch: str) -> None:
    if git(repo, "remote", "get-url", remote, check=False).returncode != 0:
        raise BulletinError(f"no git remote called {remote!r}: add one with `git remote add {remote} URL` "
                            "or name it with --remote")
    git(repo, "push", remote, f"refs/heads/{branch}:refs/heads/{branch}")
