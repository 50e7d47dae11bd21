"""Write an ingested issue folder without ever losing an editor's work.

Ingest records a hash of every file it writes in `.ingest.json`. On the next ingest a file whose
content still has that hash is ingest's own and may be replaced or removed; a file that changed
(or that ingest never wrote) is the editor's: it is kept and reported, unless `--force`, and even
then tags the editor added by hand are carried over. A generated file the editor deleted is not
brought back without `--force`. Every file is written to a temporary name and renamed.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import BulletinError
from generator.fsutil import atomic_write_text
from generator.text import frontmatter
from generator.text.yamlfile import parse_mapping

MANIFEST = ".ingest.json"


@dataclass(frozen=True)
class PlannedFile:
    name: str
    text: str
    tags: tuple[str, ...] = ()  # the tags ingest chose (to tell them from tags added by hand)
    retag: Callable[[list[str]], str] | None = None  # the same file with another tag list


@dataclass
class WriteReport:
    folder: Path
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # edited by hand: left alone
    not_restored: list[str] = field(default_factory=list)  # deleted by hand: not recreated
    removed: list[str] = field(default_factory=list)  # stale files of ingest's own

    def lines(self) -> list[str]:
        out = []
        for name in self.kept:
            out.append(f"kept {self.folder / name}: edited since it was generated (use --force to replace it)")
        for name in self.not_restored:
            out.append(f"not recreated {self.folder / name}: it was deleted by hand (use --force to restore it)")
        for name in self.removed:
            out.append(f"removed {self.folder / name}: no longer produced by this ingest")
        return out


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _load_manifest(folder: Path) -> dict:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) and isinstance(data.get("files"), dict) else {"files": {}}
    except (OSError, ValueError):
        return {"files": {}}


def _file_tags(path: Path, text: str) -> list[str]:
    """The tags an article file has now; none when its front matter cannot be read."""
    try:
        front, _, _ = frontmatter.split(text, path)
        return parse_mapping(front, path, 2, what="front matter").text_list("tags")
    except BulletinError:
        return []


def _with_hand_tags(planned: PlannedFile, path: Path, existing: str, generated_before: list[str]) -> str:
    hand = [tag for tag in _file_tags(path, existing) if tag not in generated_before and tag not in planned.tags]
    if not hand or planned.retag is None:
        return planned.text
    return planned.retag(list(planned.tags) + hand)


def check_writable(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise BulletinError(f"cannot write here: {exc.strerror or exc}", folder) from None


def write_issue(folder: Path, planned: list[PlannedFile], force: bool = False) -> WriteReport:
    check_writable(folder)
    for stale in folder.glob(".*.tmp"):  # left by an ingest that was killed mid-write
        stale.unlink(missing_ok=True)
    manifest = _load_manifest(folder)
    recorded: dict = manifest["files"]
    report = WriteReport(folder=folder)
    new_records: dict = {}
    wanted = {item.name for item in planned}

    for item in planned:
        path = folder / item.name
        before = recorded.get(item.name) or {}
        existing = path.read_text(encoding="utf-8", errors="replace") if path.exists() else None
        ours = existing is not None and sha256(existing) == before.get("sha256")
        text = item.text
        if existing is None and before and not force:
            report.not_restored.append(item.name)
            new_records[item.name] = before
            continue
        if existing is not None and not ours:
            if not force:
                report.kept.append(item.name)
                new_records[item.name] = before or {"sha256": None, "tags": []}
                continue
            text = _with_hand_tags(item, path, existing, before.get("tags", []))
        if existing == text:
            report.unchanged.append(item.name)
        else:
            atomic_write_text(path, text)
            report.written.append(item.name)
        new_records[item.name] = {"sha256": sha256(text), "tags": list(item.tags)}

    for name, before in recorded.items():
        if name in wanted:
            continue
        path = folder / name
        if not path.exists():
            continue
        if sha256(path.read_text(encoding="utf-8", errors="replace")) == before.get("sha256"):
            path.unlink()
            report.removed.append(name)
        else:
            report.kept.append(name)
            new_records[name] = before

    manifest = {"version": 1, "files": dict(sorted(new_records.items()))}
    atomic_write_text(folder / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    return report
