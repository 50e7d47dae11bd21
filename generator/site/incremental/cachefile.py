"""State kept between builds in `<project>/.cache/`: JSON, stamped with the engine's version.

A cache only ever saves time. It is written atomically; a missing, unreadable, truncated or foreign
file reads as no cache; and it holds the digest of the engine's own source code and of the
libraries that shape the output (`engine_version`), so a changed engine never trusts what an older
one kept. Delete `.cache/` at any time: the next build is a cold one.

A cache file is data, never code: a `.cache/` that arrives with a copied or cloned project (or is
planted in one) is parsed as JSON, checked and at worst ignored; nothing in it is executed, which
pickle could not promise. Each owner turns its state into plain values (text, numbers, lists,
mappings, dates) and back, and anything unexpected while reading it back means no cache.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import importlib.util
import json
import os
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from generator import __version__, source_digest
from generator.fsutil import read_file

T = TypeVar("T")
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
    if folder.name == FOLDER.name and not os.path.lexists(ignore):  # a link planted there is not followed
        ignore.write_text("# kept between builds by bulletin build; safe to delete\n*\n", encoding="utf-8")


def load(path: Path, decode: Callable[[Any], T]) -> T | None:
    """`decode(value)` of what `save` kept at `path`, or None when there is nothing usable there."""
    try:
        kept = json.loads(read_file(path, "cache file").decode("utf-8", "surrogatepass"), object_hook=_from_plain)
        if kept["engine"] != engine_version():
            return None
        return decode(kept["value"])
    except Exception:  # noqa: BLE001 - any damage to a cache file, even a wrong shape, only means there is no cache
        return None


def save(path: Path, value: Any) -> None:
    """Keep `value` (plain values and dates) at `path`: written beside it and renamed over it (not
    synced to disk: a cache lost in a crash is only a slower next build)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _ignore_in_git(path.parent)
        data = json.dumps({"engine": engine_version(), "value": value}, ensure_ascii=False, separators=(",", ":"), default=_to_plain)
        temporary.write_bytes(data.encode("utf-8", "surrogatepass"))
        os.replace(temporary, path)
    except OSError:  # a cache that cannot be written is no cache
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


_DATE, _DATETIME = "__date__", "__datetime__"


def _to_plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return {_DATETIME: value.isoformat()}
    if isinstance(value, dt.date):
        return {_DATE: value.isoformat()}
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    raise TypeError(f"a cache holds plain values, not {type(value).__name__}")


def _from_plain(mapping: dict) -> Any:
    if len(mapping) == 1:
        if _DATE in mapping:
            return dt.date.fromisoformat(mapping[_DATE])
        if _DATETIME in mapping:
            return dt.datetime.fromisoformat(mapping[_DATETIME])
    return mapping
