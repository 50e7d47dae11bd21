"""The output folder: guarded, built beside it in a temporary folder, and swapped in at the end.

A build never writes into the output folder itself. It fills a temporary sibling folder
(`.<name>-build-*`), then swaps it with the output folder in one atomic rename (Linux
`renameat2(RENAME_EXCHANGE)`; elsewhere two renames), then deletes the old build. A failed or
interrupted build deletes its temporary folder and leaves the previous output untouched; folders left
by a killed build are removed by the next one.

Files a build keeps from the previous output (unchanged pages of an incremental build, the other
editions of a `--variant` build) are hard-linked into the temporary folder (copied where the file
system has no links): the swap stays one atomic step, and no file is ever missing, not even for an
instant. A file is only ever written new (`write_new` refuses to open an existing one), never into a
linked one, so the previous output is never changed while it is still being served.

Only folders carrying the marker file are ever replaced or deleted, and the output folder may not be
the project, a folder containing it, the home folder, or inside `content/` or a theme.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.errors import BulletinError
from generator.fsutil import locked, make_build_folder, real_path
from generator.project import ProjectPaths

MARKER = ".bulletin-build"
MARKER_TEXT = b"This folder was written by `bulletin build` and is replaced by every build.\n"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _is_within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def guard(paths: ProjectPaths) -> Path:
    """The project's output folder, resolved, if a build may replace it and a server may serve it; else
    a BulletinError (the one guard of `bulletin build`, `serve` and `deploy`)."""
    own = [paths.root / name for name in (".git", ".cache")]  # the repository and the build's own cache
    return check_output_folder(paths.out, project=paths.root, protected=[paths.content, paths.themes, *own])


def check_output_folder(out: Path, *, project: Path, protected: list[Path]) -> Path:
    """The resolved output folder, or a BulletinError if building there could destroy something."""
    out = Path(os.path.abspath(out.expanduser()))
    if out.is_symlink():
        raise BulletinError("the output folder is a symbolic link; name the real folder instead", out)
    resolved = real_path(out)
    home = real_path(Path.home())
    if _is_within(real_path(project), resolved) or resolved == home:
        raise BulletinError("refusing to build into this folder: it is (or contains) the project or your home folder; use --out output", out)
    for folder in protected:
        if _is_within(resolved, real_path(folder)):
            raise BulletinError(f"refusing to build inside {folder}: choose a folder outside content, themes, .git and .cache", out)
    if resolved.parent.is_dir() and not os.access(resolved.parent, os.W_OK):
        raise BulletinError("cannot build here: the folder holding the output is read-only (a build is made beside "
                            "the output, then swapped in)", resolved.parent)
    if resolved.exists():
        if not resolved.is_dir():
            raise BulletinError("the output path exists and is not a folder", out)
        if not os.access(resolved, os.W_OK):
            raise BulletinError("the output folder is read-only: make it writable or choose another --out", out)
        if any(resolved.iterdir()) and not (resolved / MARKER).is_file():
            raise BulletinError(
                f"refusing to replace a non-empty folder that `bulletin build` did not make (it has no {MARKER} file); "
                "choose another --out or empty it",
                out,
            )
    return resolved


@contextmanager
def building(out: Path) -> Iterator[None]:
    """Hold the lock of builds into `out` (on the folder holding it, where build folders are made and
    swapped): a second build waits for the first, instead of deleting its build folder as one left behind."""
    out.parent.mkdir(parents=True, exist_ok=True)

    def waiting() -> None:
        print(f"bulletin: waiting for another build into {out} to finish", file=sys.stderr, flush=True)

    with locked(out.parent, waiting):
        yield


def remove_left_behind(out: Path, *, wait: bool = True) -> None:
    """Delete the build folders beside `out` that an interrupted or killed build left (only marked ones);
    not `wait`ing, only if no build is running."""
    if not out.parent.is_dir():
        return
    with locked(out.parent, blocking=wait) as free:
        if free:
            _remove_stale(out)


def _remove_stale(out: Path) -> None:
    """Delete the marked build folders beside `out`; the caller holds the lock (`building`), so none is in use."""
    for stale in out.parent.glob(f".{out.name}-build-*"):
        if stale.is_dir() and not stale.is_symlink():
            _remove_build_folder(stale)


def _exchange(first: Path, second: Path) -> bool:
    """Atomically swap two folders; False if the system cannot."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    return result == 0


def _remove_build_folder(folder: Path) -> None:
    if (folder / MARKER).is_file() or not any(folder.iterdir()):
        _delete_marked(folder)


def _parts(path: str) -> list[str]:
    """The parts of a '/'-separated relative path, or a BulletinError if it could leave its folder."""
    parts = path.split("/")
    if path.startswith("/") or "\\" in path or any(part in ("", ".", "..") for part in parts):
        raise BulletinError(f"refusing to write outside the output folder: {path!r}")
    return parts


def write_new(folder: Path, path: str, data: bytes) -> os.stat_result:
    """Write a new file at `path` inside `folder` (never outside it, never into an existing file)."""
    target = folder.joinpath(*_parts(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "xb") as handle:
        handle.write(data)
    return os.stat(target)


def link_kept(out: Path, folder: Path, path: str, made: set[str] | None = None) -> str:
    """Link the file at `path` in the previous output `out` into the build folder (copy it where the
    file system has no links). Thousands per incremental build: plain strings, and the folders
    already `made` are not made again."""
    _parts(path)
    source, target = f"{out}/{path}", f"{folder}/{path}"
    parent = target.rpartition("/")[0]
    if made is None or parent not in made:
        os.makedirs(parent, exist_ok=True)
        if made is not None:
            made.add(parent)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
    return target


def _delete_marked(folder: Path) -> None:
    """Delete a build folder, its marker last: a deletion killed half-way leaves a folder that the
    next build still recognises as its own and finishes deleting. Never an error: what cannot be
    deleted now is tried again by the next build."""
    try:
        for child in folder.iterdir():
            if child.name == MARKER:
                continue
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)
        (folder / MARKER).unlink(missing_ok=True)
    except OSError:
        return
    shutil.rmtree(folder, ignore_errors=True)


class Staging:
    """A temporary build folder beside `out`: write files, then `commit()` to swap it in.

    Use as a context manager: leaving it without a commit (an error, Ctrl-C) deletes the folder.
    """

    def __init__(self, out: Path):
        self.out = out
        self._prefix = f".{out.name}-build-"
        _remove_stale(out)
        self.folder = make_build_folder(self._prefix, out.parent).resolve()
        self._committed = False
        try:
            (self.folder / MARKER).write_bytes(MARKER_TEXT)
        except BaseException:  # a full disk, Ctrl-C: no empty build folder stays behind
            shutil.rmtree(self.folder, ignore_errors=True)
            raise
        self.bytes_written = 0
        self.files_written = 0
        self._folders: set[str] = set()  # made in the build folder already (by `keep`)

    def write(self, path: str, data: bytes) -> os.stat_result:
        """Write `data` at `path` (relative, '/'-separated) inside the build folder, never outside it."""
        stat = write_new(self.folder, path, data)
        self.count(len(data))
        return stat

    def count(self, size: int) -> None:
        """Count a file written into the folder (by this process, or by a worker: see `write_new`)."""
        self.bytes_written += size
        self.files_written += 1

    def keep(self, path: str) -> None:
        """Link the previous output's file at `path` into the build folder: the file as it is."""
        link_kept(self.out, self.folder, path, self._folders)

    def carry_over(self, folders: list[str] | None, leave_out: Callable[[str], bool]) -> None:
        """Link the previous output's files into the build folder, except those the build wrote.

        `folders` ('zh-hant/'): only files under these; None: every file. `leave_out(path)` is true for
        the files ('robots.txt') and folders ('zh-hant/') not to carry over.
        """
        if not self.out.is_dir():
            return
        roots = [self.out / folder for folder in folders] if folders is not None else [self.out]
        for root in roots:
            for folder, dirs, files in os.walk(root):
                relative = Path(folder).relative_to(self.out).as_posix()
                prefix = "" if relative == "." else relative + "/"
                dirs[:] = sorted(name for name in dirs if not leave_out(prefix + name + "/"))
                for name in sorted(files):
                    path = prefix + name
                    if path != MARKER and not leave_out(path):
                        self._link(Path(folder) / name, path)

    def _link(self, source: Path, path: str) -> None:
        target = self.folder / path
        if target.exists() or source.is_symlink():
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)

    def commit(self) -> None:
        if not (self.folder / MARKER).is_file():  # never swap in a folder the next build would refuse
            raise BulletinError("the build folder was removed while building (by another program?): the output "
                                "is unchanged; build again", self.folder)
        if not self.out.exists():
            os.rename(self.folder, self.out)
        elif _exchange(self.folder, self.out):
            _delete_marked(self.folder)  # now holds the previous build
        else:
            old = Path(tempfile.mkdtemp(prefix=self._prefix, dir=self.out.parent))
            (old / MARKER).write_bytes(MARKER_TEXT)
            os.rename(self.out, old / "previous")
            os.rename(self.folder, self.out)
            _delete_marked(old)
        self._committed = True

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if not self._committed:
            shutil.rmtree(self.folder, ignore_errors=True)
