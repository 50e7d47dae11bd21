"""Files at the edges: atomic writes (a reader or a crash never sees half a file), and reads that only
ever take regular files (a FIFO, a device, a link to nowhere or to itself is named, never waited on)."""

from __future__ import annotations

import errno
import functools
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.errors import BulletinError


@functools.cache
def umask() -> int:
    """The process's umask (reading it means setting it, so it is read once, before any thread starts)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def make_build_folder(prefix: str, parent: Path) -> Path:
    """A new temporary folder in `parent` with the permissions `mkdir` would give it: mkdtemp's 0700
    would make a published site (a web server's, a teammate's copy) unreadable to everyone else."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    folder.chmod(0o777 & ~umask())
    return folder


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp's 0600 would hide an article, a site.yml or a page from everyone else: the mode of
        # the file replaced, else what a plain open() gives
        try:
            mode = stat.S_IMODE(os.stat(path).st_mode)
        except OSError:
            mode = 0o666 & ~umask()
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def atomic_write_text(path: str | Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def read_file(path: str | Path, what: str) -> bytes:
    """The bytes of the regular file at `path`; a BulletinError naming it for anything else. Opened
    without blocking, so a FIFO (which would wait for a writer for ever) is refused, not read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise BulletinError(f"cannot read {what}: {describe_os_error(exc)}", path) from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise BulletinError(f"cannot read {what}: it is {_kind(mode)}, not a file", path)
    with os.fdopen(fd, "rb") as handle:
        try:
            return handle.read()
        except OSError as exc:
            raise BulletinError(f"cannot read {what}: {describe_os_error(exc)}", path) from None


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a special file"


def describe_os_error(exc: OSError) -> str:
    """An OSError in words: 'symbolic link loop', 'No space left on device'."""
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop (it leads back to itself)"
    if exc.errno == errno.ENOENT and exc.filename and os.path.islink(exc.filename):
        return "a symbolic link to nothing (its target does not exist)"
    return exc.strerror or str(exc)


def unreadable_name(name: str) -> str | None:
    """Why a file or folder name cannot be taken (it is not UTF-8: it could be neither printed nor
    published), or None."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "its name is not valid UTF-8: rename it"
    return None


def unreadable(path: str | Path) -> str | None:
    """Why the project cannot take `path` as a file, or None if it can: a name that is not UTF-8 (it
    could be neither printed nor published), a symbolic link to nothing or to itself, or a FIFO, device
    or socket (reading one blocks or never ends)."""
    why = unreadable_name(os.path.basename(path))
    if why:
        return why
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return describe_os_error(exc)
    return None if stat.S_ISREG(mode) else f"it is {_kind(mode)}, not a file"


def real_path(path: str | Path) -> Path:
    """`path` with every symbolic link followed, as far as they lead: a loop or a link to nothing stops
    there, never an error (`Path.resolve` raises on a loop)."""
    return Path(os.path.realpath(path))


def printable(path: str | Path) -> str:
    """`path` as text that can always be printed: bytes that are not UTF-8 shown as `\\xff`."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


@contextmanager
def locked(folder: str | Path, waiting: Callable[[], None] | None = None, *, blocking: bool = True) -> Iterator[bool]:
    """Hold an exclusive lock on `folder` (an advisory lock on the folder itself: no lock file to leave
    behind, and the system releases it when the process dies, even by kill -9). Another holder makes
    this wait, after calling `waiting()`, or, not `blocking`, gives False at once instead of True.
    Where folders cannot be locked, nothing is locked (True)."""
    try:
        import fcntl

        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except (ImportError, OSError):
        yield True
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not blocking:
                yield False
                return
            if waiting:
                waiting()
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield True
    finally:
        os.close(fd)
