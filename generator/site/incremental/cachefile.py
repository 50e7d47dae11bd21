"""State kept between builds in `<project>/.cache/`: pickled, stamped with the engine's version.

A cache only ever saves time. It is written atomically; a missing, unreadable, truncated or foreign
file reads as no cache; and it holds the digest of the engine's own source code and of the
libraries that shape the output (`engine_version`), so a changed engine never trusts what an older
one kept. Delete `.cache/` at any time: the next build is a cold one.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import sys
from functools import cache
from pathlib import Path
from typing import Any

from generator import __version__, source_digest

FOLDER = Path(".cache")
_LIBRARIES = ("jinja2", "markdown_it", "opencc", "pypinyin", "yaml", "markupsafe")


@cache
def engine_version() -> str:
    """A digest of the build engine's code (the whole package), its version, Python's and its libraries' versions."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{__version__} {sys.version}".encode())
    for name in _LIBRARIES:  # found, not imported (pypinyin takes a quarter of a second): its file stands for its version
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec and spec.origin else ""
        stat = os.stat(origin) if origin else None
        digest.update(f"{name} {origin} {stat.st_size if stat else ''} {stat.st_mtime_ns if stat else ''}".encode())
    digest.update(source_digest().encode())  # the build engine and the text layer it uses
    return digest.hexdigest()


def _ignore_in_git(folder: Path) -> None:
    """Tell git to ignore the cache, even in a project whose .gitignore does not name it."""
    while folder.name != FOLDER.name and folder.parent != folder:
        folder = folder.parent
    ignore = folder / ".gitignore"
    if folder.name == FOLDER.name and not ignore.exists():
        ignore.write_text("# kept between builds by bulletin build; safe to delete\n*\n", encoding="utf-8")


def load(path: Path) -> Any | None:
    """What `save` kept at `path`, or None when there is nothing usable there."""
    try:
        with path.open("rb") as handle:
            version, value = pickle.load(handle)
    except Exception:  # noqa: BLE001 - any damage to a cache file only means there is no cache
        return None
    return value if version == engine_version() else None


def save(path: Path, value: Any) -> None:
    """Keep `value` at `path`: written beside it and renamed over it (not synced to disk: a cache
    lost in a crash is only a slower next build)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _ignore_in_git(path.parent)
        temporary.write_bytes(pickle.dumps((engine_version(), value), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)  # a cache that cannot be written is no cache
