"""Ingest one or more raw files into the content folder: the I/O around the pure pipeline.

Shared by `bulletin ingest` and by `bulletin serve` (which ingests raw files dropped into
content/raw/). Every raw file is planned before anything is written, so one bad file in a batch
leaves the content folder untouched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from generator.errors import BulletinError
from generator.fsutil import describe_os_error, printable, read_file, unreadable_name
from generator.ingest.hints import Hints, load_hints
from generator.ingest.pipeline import Options, Plan, Published, plan_ingest, title_key
from generator.ingest.writer import WriteReport, write_issue
from generator.project import HINTS_SUFFIX, RAW_FOLDER, TAGS_FILE
from generator.taxonomy import load_taxonomy

MAX_RAW_BYTES = 20 * 2**20  # a bulletin is a few hundred KB; anything this big is a mistake
_ARTICLE_NAME = re.compile(r"^\d+-(.+)\.md$")
_FRONT_MATTER = re.compile(r"^---\n(.*?)\n---\n", re.S)


@dataclass
class Planned:
    plan: Plan
    hints_file: Path | None


def read_raw(path: Path) -> bytes:
    if unreadable_name(str(path)):  # its name goes into _issue.yml and every message
        raise BulletinError("the file's name (or its folder's) is not valid UTF-8: rename it", printable(path))
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise BulletinError("no such file", path) from None
    except OSError as exc:
        raise BulletinError(f"cannot read: {describe_os_error(exc)}", path) from None
    if path.is_dir():
        raise BulletinError("is a folder, not a raw bulletin file", path)
    if size > MAX_RAW_BYTES:
        raise BulletinError(f"is {size / 2**20:.1f} MB, more than one bulletin can be (limit "
                            f"{MAX_RAW_BYTES // 2**20} MB): split it into one file per issue", path)
    return read_file(path, "the raw bulletin")


def hints_beside(raw: Path) -> Path | None:
    """The hints file an editor keeps next to a raw bulletin, if any."""
    candidate = raw.with_name(raw.stem + HINTS_SUFFIX)
    return candidate if candidate.is_file() else None


def slugs_in_use(content: Path, except_folder: str) -> set[str]:
    """Slugs of articles in other issue folders (taken from their file names)."""
    taken: set[str] = set()
    if not content.is_dir():
        return taken
    for folder in content.iterdir():
        if folder.is_dir() and folder.name not in (except_folder, RAW_FOLDER) and not folder.name.startswith("."):
            for file in folder.glob("*.md"):
                match = _ARTICLE_NAME.match(file.name)
                if match:
                    taken.add(match.group(1))
    return taken


def published_slugs(folder: Path) -> dict[str, Published]:
    """The slug, and the earlier slugs it redirects from, of every article already in an issue
    folder, by title: re-ingesting keeps them, so that published links never break."""
    found: dict[str, Published] = {}
    for file in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        match = _FRONT_MATTER.match(file.read_text(encoding="utf-8", errors="replace"))
        try:
            data = yaml.safe_load(match.group(1)) if match else None
        except yaml.YAMLError:
            continue
        if isinstance(data, dict) and data.get("title") and data.get("slug"):
            earlier = data.get("redirect_from") or []
            found[title_key(str(data["title"]))] = Published(
                str(data["slug"]), tuple(map(str, earlier if isinstance(earlier, list) else [earlier])))
    return found


def plan_all(raws: list[Path], content: Path, *, issue_date: date | None = None, publication: str | None = None,
             hints_file: Path | None = None, reslug: bool = False) -> list[Planned]:
    """Plan every raw file; a hints file named on the command line applies to all, otherwise each
    raw file's own `<name>.hints.yml` applies to it."""
    if issue_date and len(raws) > 1:
        raise BulletinError("--date names one issue: ingest one raw file at a time with it")
    taxonomy = load_taxonomy(content / TAGS_FILE)
    planned: list[Planned] = []
    for raw in raws:
        used_hints = hints_file or hints_beside(raw)
        hints = load_hints(used_hints) if used_hints else Hints()

        def taken(folder: str, raw: Path = raw) -> set[str]:
            slugs = slugs_in_use(content, folder)
            for other in planned:
                if other.plan.folder_name == folder:
                    raise BulletinError(f"same issue date {other.plan.issue_date} as {other.plan.source_path}", raw)
                slugs |= {article.slug for article in other.plan.articles}
            return slugs

        plan = plan_ingest(read_raw(raw), str(raw), Options(issue_date, publication, hints, taxonomy, reslug), taken,
                           lambda folder: published_slugs(content / folder))
        planned.append(Planned(plan, used_hints))
    return planned


def write_plan(plan: Plan, content: Path, force: bool = False) -> WriteReport:
    return write_issue(content / plan.folder_name, [plan.issue, *(article.file for article in plan.articles)], force)
