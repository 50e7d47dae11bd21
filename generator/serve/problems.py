"""A failed rebuild as the terminal and the browser overlay show it: file, line, message."""

from __future__ import annotations

import traceback
from dataclasses import dataclass

from generator.errors import BulletinError
from generator.project import ProjectPaths


@dataclass(frozen=True)
class Problem:
    message: str
    file: str | None = None  # relative to the project when inside it
    line: int | None = None
    details: str = ""  # a traceback, for errors that are bugs rather than bad input

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}: " if self.file and self.line else f"{self.file}: " if self.file else ""
        return where + self.message

    def as_json(self) -> dict:
        return {"message": self.message, "file": self.file, "line": self.line, "text": str(self)}


def problem_from(exc: BaseException, paths: ProjectPaths) -> Problem:
    """What went wrong; a BulletinError names its file and line, anything else is reported with its traceback."""
    if isinstance(exc, BulletinError):
        return Problem(exc.message, paths.show(exc.path) if exc.path else None, exc.line)
    details = "".join(traceback.format_exception(exc))
    return Problem(f"{type(exc).__name__}: {exc}", details=details)
