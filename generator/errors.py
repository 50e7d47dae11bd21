"""The one exception type the CLI turns into a clean one-line message."""

from __future__ import annotations

from pathlib import Path


class BulletinError(Exception):
    """A problem the user can fix: names the file (and line) it comes from."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path + (f":{self.line}" if self.line else "") + ": "
        return where + self.message
