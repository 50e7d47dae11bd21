"""Write an ingested issue folder without ever losing an editor's work.

Ingest records a hash of every file it writes in `.ingest.json`. On the next ingest a file whose
content still has that hash is ingest's own and may be replaced or removed; a file that changed
(or that ingest never wrote) is the editor's: it is kept and reported, unless `--force`, and even
then tags the editor added by hand are carried over. A generated file the editor deleted is not
brought back without `--force`. Every file is written to a temporary name and renamed, and the
record is updated in two steps around the writes (`write_issue`), so a killed ingest never makes the
next one take its own files for the editor's.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import BulletinError
from generator.fsutil import atomic_write_text, locked, read_file
from generator.text import frontmatter
from generator.text.normalize import clean_text
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
    replaced: dict[str, list[str]] = field(default_factory=dict)  # edited by hand, replaced by --force: the hand tags kept

    def lines(self) -> list[str]:
        out = []
        for name in self.kept:
            out.append(f"kept {self.folder / name}: edited since it was generated (use --force to replace it)")
        for name, tags in self.replaced.items():
            carried = f"; its hand-added tags kept: {', '.join(tags)}" if tags else ""
            out.append(f"replaced {self.folder / name}: it was edited since it was generated (--force){carried}")
        for name in self.not_restored:
            out.append(f"not recreated {self.folder / name}: it was deleted by hand (use --force to restore it)")
        for name in self.removed:
            out.append(f"removed {self.folder / name}: no longer produced by this ingest")
        return out


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _load_manifest(folder: Path) -> dict:
    try:
        data = json.loads(read_file(folder / MANIFEST, "ingest record"))
        files = data.get("files") if isinstance(data, dict) else None
        if isinstance(files, dict) and all(isinstance(record, dict) for record in files.values()):
            return data
    except (BulletinError, ValueError):
        pass
    return {"files": {}}


def _file_tags(text: str, path: Path) -> list[str]:
    """The tags of an article as the build reads them: after a BOM, whatever line endings, with `...`
    closing the front matter, a single tag written as text; none if the front matter does not parse."""
    try:
        front, _, _ = frontmatter.split(clean_text(text.removeprefix("\ufeff")), path)
        return parse_mapping(front, path, 2, what="front matter").text_list("tags")
    except BulletinError:
        return []


def _ours(record: dict, text: str) -> bool:
    """Whether `text` is what ingest last wrote under this record, or what it was about to write when
    it was stopped (`pending`)."""
    digest = sha256(text)
    return digest == record.get("sha256") or digest in record.get("pending", [])


def check_writable(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise BulletinError(f"cannot write here: {exc.strerror or exc}", folder) from None


def _read(path: Path) -> str | None:
    try:
        return read_file(path, "article").decode("utf-8", errors="replace")
    except BulletinError:
        return None if not os.path.lexists(path) else ""  # a FIFO or a folder under the name: never ours


def write_issue(folder: Path, planned: list[PlannedFile], force: bool = False) -> WriteReport:
    """Write the planned files, keeping the editor's; one ingest at a time per folder (another waits).

    The record of what ingest wrote changes with the files as one step: before any file is written, the
    record already names the hash each one is about to get (`pending`), so an ingest killed half-way
    leaves files that the next one still knows as its own, whichever version each of them holds."""
    check_writable(folder)
    with locked(folder):
        return _write_issue(folder, planned, force)


def _write_issue(folder: Path, planned: list[PlannedFile], force: bool) -> WriteReport:
    for stale in folder.glob(".*.tmp"):  # left by an ingest that was killed mid-write
        stale.unlink(missing_ok=True)
    recorded: dict = _load_manifest(folder)["files"]
    report = WriteReport(folder=folder)
    new_records: dict = {}
    writes: dict[str, str] = {}
    wanted = {item.name for item in planned}

    for item in planned:
        path = folder / item.name
        before = recorded.get(item.name) or {}
        existing = _read(path)
        ours = existing is not None and _ours(before, existing)
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
            text, report.replaced[item.name] = _with_hand_tags(item, existing, path, before.get("tags", []))
        if existing == text:
            report.unchanged.append(item.name)
        else:
            writes[item.name] = text
        new_records[item.name] = {"sha256": sha256(text), "tags": list(item.tags)}

    removals = []
    for name, before in recorded.items():
        if name in wanted:
            continue
        existing = _read(folder / name)
        if existing is None:
            continue
        if _ours(before, existing):
            removals.append(name)
        else:
            report.kept.append(name)
            new_records[name] = before

    if writes or removals:
        _save_manifest(folder, {**recorded, **{name: _pending(recorded.get(name) or {}, new_records[name]) for name in writes}})
    for name, text in writes.items():
        atomic_write_text(folder / name, text)
        report.written.append(name)
    for name in removals:
        (folder / name).unlink(missing_ok=True)
        report.removed.append(name)
    _save_manifest(folder, new_records)
    return report


def _pending(before: dict, after: dict) -> dict:
    """The record of a file about to be written: the old version and the new one both count as ingest's,
    and the tags of both as generated (hand-added tags are those in neither)."""
    versions = [digest for digest in (before.get("sha256"), *before.get("pending", [])) if digest]
    tags = list(dict.fromkeys([*before.get("tags", []), *after["tags"]]))
    return {"sha256": after["sha256"], "pending": versions, "tags": tags}


def _save_manifest(folder: Path, records: dict) -> None:
    manifest = {"version": 1, "files": dict(sorted(records.items()))}
    atomic_write_text(folder / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")


def _with_hand_tags(planned: PlannedFile, existing: str, path: Path, generated_before: list[str]) -> tuple[str, list[str]]:
    """The planned text with the tags an editor added by hand to `existing`, and those tags."""
    hand = [tag for tag in _file_tags(existing, path) if tag not in generated_before and tag not in planned.tags]
    if not hand or planned.retag is None:
        return planned.text, []
    return planned.retag(list(planned.tags) + hand), hand
