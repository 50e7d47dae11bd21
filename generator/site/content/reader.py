"""Read content/: article files (YAML front matter + Markdown) and optional `_issue.yml` files.

The reader checks fields and types and nothing else: it returns plain records, and every problem a
user can fix is a BulletinError naming the file and line.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import BulletinError
from generator.project import RAW_FOLDER
from generator.text.yamlfile import Mapping, parse_mapping, read_text_file

ISSUE_FILE = "_issue.yml"
_ORDER_PREFIX_RE = re.compile(r"^\d+[-_ ]+")
_FENCE_RE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class SourceIssue:
    id: str
    path: Path
    date: dt.date | None = None
    publication: str | None = None
    number: str | None = None
    sections: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceArticle:
    path: Path
    key: str  # path relative to the content folder, with '/': identifies the article across builds
    title: str
    date: dt.date
    time: dt.datetime | None  # when the front matter gives a time of day too
    issue: str
    body: str
    body_line: int  # line of the file on which the Markdown body starts
    slug: str
    subtitle: str | None = None
    section: str | None = None
    part: str | None = None
    publication: str | None = None
    order: int | None = None
    tags: tuple[str, ...] = ()
    summary: str | None = None


@dataclass
class Content:
    articles: list[SourceArticle] = field(default_factory=list)
    issues: dict[str, SourceIssue] = field(default_factory=dict)


def _is_hidden(name: str) -> bool:
    return name.startswith((".", "_"))


def read_issue_file(path: Path) -> SourceIssue:
    mapping = parse_mapping(read_text_file(path, "issue file"), path, what=ISSUE_FILE)
    date = mapping.date("date")
    issue_id = mapping.text("issue") or (date.isoformat()[:10] if date else path.parent.name)
    return SourceIssue(
        id=issue_id,
        path=path,
        date=date.date() if isinstance(date, dt.datetime) else date,
        publication=mapping.text("publication"),
        number=mapping.text("number"),
        sections=tuple(mapping.text_list("sections")),
    )


def split_front_matter(text: str, path: Path) -> tuple[str, str, int]:
    """(front matter YAML, Markdown body, line on which the body starts)."""
    if not text.startswith("---") or _FENCE_RE.match(text.split("\n", 1)[0]) is None:
        raise BulletinError("missing front matter: the file must start with a '---' line, then YAML fields, then '---'", path, 1)
    first_newline = text.find("\n")
    closing = _FENCE_RE.search(text, first_newline + 1) if first_newline >= 0 else None
    if closing is None:
        raise BulletinError("front matter is not closed: add a '---' line after the fields", path, 1)
    front = text[first_newline + 1 : closing.start()]
    body_start = text.find("\n", closing.end())
    body = text[body_start + 1 :] if body_start >= 0 else ""
    return front, body, text.count("\n", 0, closing.end()) + 2


def read_article(path: Path, key: str, folder_issue: SourceIssue | None) -> SourceArticle:
    front, body, body_line = split_front_matter(read_text_file(path, "article"), path)
    mapping: Mapping = parse_mapping(front, path, 2, what="front matter")
    when = mapping.date("date", required=True)
    date = when.date() if isinstance(when, dt.datetime) else when
    issue = mapping.text("issue") or (folder_issue.id if folder_issue else date.isoformat())
    return SourceArticle(
        path=path,
        key=key,
        title=mapping.text("title", required=True),
        date=date,
        time=when if isinstance(when, dt.datetime) else None,
        issue=issue,
        body=body,
        body_line=body_line,
        slug=mapping.text("slug") or _ORDER_PREFIX_RE.sub("", path.stem) or path.stem,
        subtitle=mapping.text("subtitle"),
        section=mapping.text("section"),
        part=mapping.text("part"),
        publication=mapping.text("publication"),
        order=mapping.integer("order"),
        tags=tuple(dict.fromkeys(mapping.text_list("tags"))),
        summary=mapping.text("summary"),
    )


def content_folders(root: Path) -> Iterator[tuple[Path, Path | None, list[Path]]]:
    """(folder, its `_issue.yml` or None, its article files) for every folder under `root`, sorted.

    Skipped: `raw/` at the top, and files and folders whose names start with '.' or '_'. Folders are
    walked as `os.walk` does (symbolic links to folders are not followed), with `os.scandir`: the
    file types come with the listing, no call per file.
    """
    if not root.is_dir():
        raise BulletinError("content folder not found", root)
    yield from _walk(root, root)


def _walk(folder: Path, root: Path) -> Iterator[tuple[Path, Path | None, list[Path]]]:
    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda entry: entry.name)
    folders = [entry for entry in entries if entry.is_dir() and not _is_hidden(entry.name) and not (folder == root and entry.name == RAW_FOLDER)]
    files = {entry.name: entry for entry in entries if not entry.is_dir()}
    issue_file = folder / ISSUE_FILE if ISSUE_FILE in files else None
    names = ([ISSUE_FILE] if issue_file else []) + [name for name in files if name.endswith(".md") and not _is_hidden(name)]
    for name in names:
        if files[name].is_symlink():
            _refuse_outside_link(folder / name, root)
    yield folder, issue_file, [folder / name for name in names[1 if issue_file else 0 :]]
    for entry in folders:
        if not entry.is_symlink():
            yield from _walk(folder / entry.name, root)


def _refuse_outside_link(path: Path, root: Path) -> None:
    """A symbolic link may point anywhere (/etc, a private folder): publish only what lies in content/."""
    if path.is_symlink() and root.resolve() not in path.resolve().parents:
        raise BulletinError(f"is a symbolic link to {path.resolve()}, outside the content folder: "
                            "it is not published (copy the file in instead)", path)
