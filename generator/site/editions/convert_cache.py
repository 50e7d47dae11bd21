"""Converted text kept between builds, so that a build converts only the text that is new.

One JSON file per edition in `<project>/.cache/convert/`, named by the edition's folder and its
`Conversion.key` (OpenCC's version and configuration, the override phrases): a change to any of them
starts a new file. A file maps `digest(text)` to the converted text. A build that converts all the
content keeps only what it used, so the file never grows beyond the content for long; an incremental
build, which converts only what changed, adds to it. The cache only saves time: a missing, unreadable
or broken file is the same as an empty one, and one that cannot be written is skipped.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.errors import BulletinError
from generator.fsutil import atomic_write_text, read_file
from generator.site.editions.convert import Conversion, Converter, digest

FOLDER = Path(".cache") / "convert"
_KEY_RE = re.compile(r"[0-9a-f]{16}\.json")  # what follows '<edition>-' in a file name


class ConversionCache:
    def __init__(self, project: Path):
        self.folder = project / FOLDER

    def _path(self, name: str, conversion: Conversion) -> Path:
        return self.folder / f"{name}-{conversion.key}.json"

    def load(self, name: str, conversion: Conversion) -> dict[str, str]:
        """The results kept for edition `name` with this conversion; {} when there are none."""
        try:
            data = json.loads(read_file(self._path(name, conversion), "cache file"))
        except (BulletinError, ValueError):
            return {}
        if not isinstance(data, dict) or not all(isinstance(value, str) for value in data.values()):
            return {}
        return data

    def save(self, name: str, converter: Converter, only_used: bool = True) -> None:
        """Keep what `converter` converted in this build, if it differs from what it was given: only
        that when the build converted all the content (`only_used`), else added to what was kept."""
        results = {} if only_used else dict(converter.known)
        results.update((digest(text), converted) for text, converted in sorted(converter.results.items()) if not text.isascii())
        path = self._path(name, converter.conversion)
        try:
            if results != converter.known:
                atomic_write_text(path, json.dumps(results, ensure_ascii=False, separators=(",", ":")))
            for stale in self.folder.glob(f"{name}-*.json"):  # other conversion keys: never read again
                if stale != path and _KEY_RE.fullmatch(stale.name[len(name) + 1 :]):
                    stale.unlink()
        except OSError:
            pass
