"""From a request's URL path to a file inside the output folder, and nowhere else however it is encoded."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

INDEX = "index.html"
# Encoded separators and NUL: a name can never contain them, so a request that does is an attack or a bug.
_ENCODED_SEPARATOR = re.compile(r"%(2f|5c|00)", re.IGNORECASE)


class Refused(Exception):
    """The request cannot be served: `status` is 400 (malformed) or 404 (not a file of the site)."""

    def __init__(self, status: int):
        super().__init__(status)
        self.status = status


class Redirect(Exception):
    """A folder asked for without its trailing slash: relative links in its index.html need the slash."""

    def __init__(self, location: str):
        super().__init__(location)
        self.location = location


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def url_path(target: str) -> str:
    """The path of a request target (`/a/b.html?q=1` or an absolute URL), still percent-encoded."""
    if target.startswith("/"):  # not urlsplit: it would take `//name/...` for a host
        return target.partition("?")[0].partition("#")[0]
    return urlsplit(target).path


def resolve(root: Path, target: str) -> Path:
    """The file under `root` that the request target names; raises Refused or Redirect."""
    raw = url_path(target)
    if not raw.startswith("/") or "\\" in raw or "\x00" in raw or _ENCODED_SEPARATOR.search(raw):
        raise Refused(400)
    try:
        decoded = unquote(raw, errors="strict")
    except UnicodeDecodeError:
        raise Refused(400) from None
    parts = [part for part in decoded.split("/") if part]
    # '..' climbs out; hidden names ('.', the build marker, '.git') are never part of the site.
    if any(part.startswith(".") for part in parts):
        raise Refused(404)
    root = root.resolve()
    path = root.joinpath(*parts)
    if path.is_dir():
        if not raw.endswith("/"):
            raise Redirect(raw + "/")
        path = path / INDEX
    real = Path(os.path.realpath(path))  # follows symbolic links, which must still end inside the output folder
    if not _inside(real, root) or not real.is_file():
        raise Refused(404)
    return real
