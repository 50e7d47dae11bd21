"""The last build of an output folder, kept in `.cache/`, and what the next build may keep from it.

For each file the last build wrote, the manifest holds the keys it depended on (see `deps`) and its
inode, size and modification time as written; for each *slice* of the output (an edition's files,
or the site-wide files at the root, `ROOT`), the fingerprints of those keys and a digest of every
input file. A file is kept,
hard-linked into the new build instead of being rendered, when none of its keys' fingerprints
changed and the file in the output folder is still the one written. A build whose inputs are all as
they were, with the output folder intact, changes nothing at all: it is up to date.

The manifest is written after the output folder is swapped in. Were a build killed in between, the
next one finds files that do not match the manifest and renders them again.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from generator.site.incremental import cachefile

ROOT = "/"  # the slice of the files at the output root that serve every edition (sitemap, robots.txt)
Stat = tuple[int, int, int]  # inode, size, modification time in ns


def stat_of(path: str | Path) -> Stat | None:
    try:
        result = os.stat(path)
    except OSError:
        return None
    return result.st_ino, result.st_size, result.st_mtime_ns


class OutputFile(NamedTuple):  # a tuple: thousands of them are loaded on every build
    kind: str  # the target kind ('article', 'rss' …): what summaries count
    depends: frozenset[str]
    stat: Stat


@dataclass
class Slice:
    """One edition's files (or the site-wide ones), as the last build of them left them."""

    language: str = ""  # of the edition ('' for ROOT)
    inputs: str = ""  # digest of every input file and setting of that build
    files: dict[str, OutputFile] = field(default_factory=dict)  # by path in the output folder
    fingerprints: dict[str, Any] = field(default_factory=dict)  # of every key the files depend on
    search_token: str = ""  # of the kept state of the search index in the output (see `batch`)
    sources: dict[str, str] = field(default_factory=dict)  # digest of each article's file (see `deps.Fingerprints.reuse`)
    layout: bytes = b""  # see `deps.layout`


@dataclass
class Manifest:
    slices: dict[str, Slice] = field(default_factory=dict)  # by edition prefix ('' for the default edition), and ROOT
    warnings: list[str] = field(default_factory=list)  # of the last build, told again while it is up to date

    @staticmethod
    def path(project: Path, out: Path, kind: str = "build") -> Path:
        """The cache file of `kind` for the output folder `out`."""
        name = hashlib.blake2b(str(out).encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()
        return project / cachefile.FOLDER / f"{kind}-{name}.json"

    @classmethod
    def load(cls, project: Path, out: Path) -> Manifest:
        return cachefile.load(cls.path(project, out), _manifest_from_plain) or Manifest()

    def save(self, project: Path, out: Path) -> None:
        cachefile.save(self.path(project, out), _manifest_to_plain(self))

    def intact(self, out: Path, slices: Iterable[str]) -> bool:
        """Whether the output folder holds exactly the files of the manifest, those of `slices` unchanged."""
        expected = sum(len(part.files) for part in self.slices.values())
        present = sum(len(files) for _, _, files in os.walk(out)) - 1  # less the marker
        if present != expected:
            return False
        root = f"{out}/"
        return all(stat_of(root + path) == record.stat for name in slices for path, record in self.slices[name].files.items())

    def up_to_date(self, out: Path, inputs: Mapping[str, str]) -> bool:
        """Whether a build of the slices `inputs` names (with these input digests) would change nothing."""
        known = all(name in self.slices and self.slices[name].inputs == digest for name, digest in inputs.items())
        return known and self.intact(out, inputs)


# As kept: every key once, in a table; a file's dependencies an index into a list of the distinct key
# sets (each a list of key indices); bytes as hex, the stat a list.
def _manifest_to_plain(manifest: Manifest) -> dict:
    keys: dict[str, int] = {}
    depends: dict[frozenset[str], int] = {}
    slices = {}
    for name, part in manifest.slices.items():
        files = {path: [record.kind, depends.setdefault(record.depends, len(depends)), *record.stat] for path, record in part.files.items()}
        fingerprints = [[keys.setdefault(key, len(keys)), value.hex() if isinstance(value, bytes) else None]
                        for key, value in part.fingerprints.items()]
        slices[name] = {
            "language": part.language, "inputs": part.inputs, "files": files, "fingerprints": fingerprints,
            "search_token": part.search_token, "sources": part.sources, "layout": part.layout.hex(),
        }
    sets = [[keys.setdefault(key, len(keys)) for key in members] for members in depends]
    return {"keys": list(keys), "depends": sets, "slices": slices, "warnings": manifest.warnings}


def _manifest_from_plain(plain: dict) -> Manifest:
    keys = [sys.intern(key) for key in plain["keys"]]
    depends = [frozenset([keys[index] for index in members]) for members in plain["depends"]]
    slices = {}
    for name, kept in plain["slices"].items():
        files = {path: OutputFile(kind, depends[index], tuple(stat)) for path, (kind, index, *stat) in kept["files"].items()}
        fingerprints = {keys[index]: bytes.fromhex(value) if value is not None else None for index, value in kept["fingerprints"]}
        slices[name] = Slice(kept["language"], kept["inputs"], files, fingerprints, kept["search_token"], kept["sources"],
                             bytes.fromhex(kept["layout"]))
    return Manifest(slices, plain["warnings"])


def stamps(files: Iterable[str]) -> dict[str, tuple[int, int]]:
    """The size and modification time of each of `files`."""
    found = {}
    for path in files:
        try:
            stat = os.stat(path)
        except OSError:  # a link to nothing or to itself: the content walker reports it
            found[path] = -1, -1
            continue
        found[path] = stat.st_size, stat.st_mtime_ns
    return found


def inputs_digest(stamps: Mapping[str, tuple[int, int]], settings: Any) -> str:
    """A digest of the `stamps` of every input file of a build and of its `settings`."""
    digest = hashlib.blake2b(repr(settings).encode("utf-8"), digest_size=16)
    for path, (size, mtime) in stamps.items():
        digest.update(f"{path}\0{size}\0{mtime}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def tree_files(folder: Path, skip: Callable[[str], bool] = lambda name: False) -> list[str]:
    """Every file under `folder`, sorted, leaving out top-level entries `skip` names."""
    found: list[str] = []
    for root, dirs, files in os.walk(folder):
        if root == str(folder):
            dirs[:] = [name for name in dirs if not skip(name)]
            files = [name for name in files if not skip(name)]
        dirs.sort()
        found.extend(f"{root}/{name}" for name in sorted(files))
        found.extend(f"{root}/{name}" for name in dirs if os.path.islink(f"{root}/{name}"))  # not walked, but seen
    return found


class Freshness:
    """Which files of one slice a build may keep: those whose keys all have the fingerprint they had."""

    def __init__(self, last: Slice | None, fingerprint: Callable[[str], Any], out: Path):
        self.last = last or Slice()
        self.out = out
        kept = self.last.fingerprints
        self.changed = {key for key, value in kept.items() if fingerprint(key) != value}

    def keep(self, path: str) -> OutputFile | None:
        """The record of `path` if the file can be kept as it is."""
        record = self.last.files.get(path)
        if record is None or not self.changed.isdisjoint(record.depends):
            return None
        return record if stat_of(f"{self.out}/{path}") == record.stat else None
