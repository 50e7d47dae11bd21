"""Read content/: article files (YAML front matter + Markdown) and optional `_issue.yml` files.

The reader checks fields and types (`text.frontmatter`'s schema) and nothing else: it returns plain
records, and every problem a user can fix is a BulletinError naming the file and line. Fields the
schema does not know are no error: each record lists them (`unknown`), and the build warns of them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import BulletinError
from generator.fsutil import printable, unreadable, unreadable_name
from generator.project import ISSUE_FILE, RAW_FOLDER
from generator.text import frontmatter
from generator.text.frontmatter import ARTICLE, ISSUE, as_date
from generator.text.yamlfile import parse_mapping, read_text_file

_ORDER_PREFIX_RE = re.compile(r"^\d+[-_ ]+")


@dataclass(frozen=True)
class SourceIssue:
    id: str
    path: Path
    date: dt.date | None = None
    publication: str | None = None
    number: str | None = None
    sections: tuple[str, ...] = ()
    unknown: tuple[tuple[int, str], ...] = ()  # (line, message) of each field the schema does not know


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
    unknown: tuple[tuple[int, str], ...] = ()  # (line, message) of each field the schema does not know
    author: str | None = None  # the byline, as printed (`人民邮电报记者 王海燕`)
    source_name: str | None = None  # where the article comes from (front matter `source:`, 来源)
    redirect_from: tuple[str, ...] = ()  # earlier slugs: their pages send the reader here


@dataclass
class Content:
    articles: list[SourceArticle] = field(default_factory=list)
    issues: dict[str, SourceIssue] = field(default_factory=dict)
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # files that could not be read, and why

    def add_issue(self, issue: SourceIssue) -> None:
        """Add an issue file's issue; a BulletinError if another issue file already describes it."""
        known = self.issues.get(issue.id)
        if known is not None:
            raise BulletinError(f"issue {issue.id!r} is already described by {known.path}", issue.path)
        self.issues[issue.id] = issue

    def unknown_fields(self) -> list[tuple[Path, int, str]]:
        """(file, line, message) of every field of the files the schema does not know: issue files first."""
        records: list[SourceIssue | SourceArticle] = [*sorted(self.issues.values(), key=lambda issue: issue.path), *self.articles]
        return [(record.path, line, message) for record in records for line, message in record.unknown]


def _is_hidden(name: str) -> bool:
    return name.startswith((".", "_"))


def read_issue_file(path: Path) -> SourceIssue:
    mapping = parse_mapping(read_text_file(path, "issue file"), path, what=ISSUE_FILE)
    values = ISSUE.read(mapping)
    date = as_date(values["date"])
    return SourceIssue(
        id=values["issue"] or (date.isoformat() if date else path.parent.name),
        path=path,
        date=date,
        publication=values["publication"],
        number=values["number"],
        sections=tuple(values["sections"]),
        unknown=tuple((problem.line or 1, problem.message) for problem in ISSUE.unknown(mapping)),
    )


def read_article(path: Path, key: str, folder_issue: SourceIssue | None) -> SourceArticle:
    front, body, body_line = frontmatter.split(read_text_file(path, "article"), path)
    mapping = parse_mapping(front, path, 2, what="front matter")
    values = ARTICLE.read(mapping)
    when = values["date"]  # required: a date, or a date and time
    date = when.date() if isinstance(when, dt.datetime) else when
    return SourceArticle(
        path=path,
        key=key,
        title=values["title"],
        date=date,
        time=when if isinstance(when, dt.datetime) else None,
        issue=values["issue"] or (folder_issue.id if folder_issue else date.isoformat()),
        body=body,
        body_line=body_line,
        slug=values["slug"] or _ORDER_PREFIX_RE.sub("", path.stem) or path.stem,
        subtitle=values["subtitle"],
        section=values["section"],
        part=values["part"],
        publication=values["publication"],
        order=values["order"],
        tags=tuple(dict.fromkeys(values["tags"])),
        summary=values["summary"],
        unknown=tuple((problem.line or 1, problem.message) for problem in ARTICLE.unknown(mapping)),
        author=values["author"],
        source_name=values["source"],
        redirect_from=tuple(values["redirect_from"]),
    )


def content_folders(root: Path, skipped: list[tuple[Path, str]] | None = None) -> Iterator[tuple[Path, Path | None, list[Path]]]:
    """(folder, its `_issue.yml` or None, its article files) for every folder under `root`, sorted.

    Skipped: `raw/` at the top, and files and folders whose names start with '.' or '_'. Folders are
    walked as `os.walk` does (symbolic links to folders are not followed), with `os.scandir`: the
    file types come with the listing, no call per file. The files it would read that cannot be read
    (a name that is not UTF-8, a symbolic link to nothing or to itself, a FIFO, a device) are left out
    and added to `skipped` with the reason; a link out of `root` is an error.
    """
    if not root.is_dir():
        raise BulletinError("content folder not found", root)
    yield from _walk(root, root, skipped if skipped is not None else [])


def _walk(folder: Path, root: Path, skipped: list[tuple[Path, str]]) -> Iterator[tuple[Path, Path | None, list[Path]]]:
    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda entry: entry.name)
    folders = []
    for entry in entries:
        if entry.is_dir(follow_symlinks=False) and not _is_hidden(entry.name) and not (folder == root and entry.name == RAW_FOLDER):
            why = unreadable_name(entry.name)
            if why:
                skipped.append((folder / entry.name, why))
            else:
                folders.append(entry)
    files = {entry.name: entry for entry in entries if not entry.is_dir(follow_symlinks=False)}
    names = [ISSUE_FILE] if ISSUE_FILE in files else []
    names += [name for name in files if name.endswith(".md") and not _is_hidden(name)]
    readable = []
    for name in names:
        if files[name].is_symlink():
            _refuse_outside_link(folder / name, root)
        why = unreadable(folder / name)
        if why:
            skipped.append((folder / name, why))
        else:
            readable.append(name)
    issue_file = folder / ISSUE_FILE if ISSUE_FILE in readable else None
    yield folder, issue_file, [folder / name for name in readable if name != ISSUE_FILE]
    for entry in folders:
        yield from _walk(folder / entry.name, root, skipped)


def _refuse_outside_link(path: Path, root: Path) -> None:
    """A symbolic link may point anywhere (/etc, a private folder): publish only what lies in content/."""
    target = Path(os.path.realpath(path))  # never raises: a loop or a link to nothing stays in the path
    if root.resolve() not in target.parents and unreadable(path) is None:
        raise BulletinError(f"is a symbolic link to {printable(target)}, outside the content folder: "
                            "it is not published (copy the file in instead)", path)
