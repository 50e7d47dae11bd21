"""Content files to prepared articles: each read, its body parsed once and its text made for every
edition (`model.Prepared`), and kept for the next build.

What was prepared is kept in `.cache/sources/` (JSON), by file, with its size, modification time and
a digest of its bytes. A file is prepared again only when it changed (a file saved without a change
is not), when the `_issue.yml` it was read with names another issue, or when an edition it has no
text for appears. A kept article carries no rendered body: the body is rendered again from the kept
source the first time something needs it (`LazyBody`), which after a small edit only the few pages
showing that body do.

Many files to prepare (a cold build) are prepared by worker processes (`workers`); the first problem
in content order is reported, as a serial read would.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path
from typing import NamedTuple

from generator import workers
from generator.errors import BulletinError
from generator.site.content.reader import Content, SourceArticle, SourceIssue, content_folders, read_article, read_issue_file
from generator.site.editions.convert import Converter
from generator.site.editions.edition import Edition
from generator.site.incremental import cachefile
from generator.site.markup.markdown import Body, MarkdownRenderer
from generator.site.model.prepare import ArticleText, Prepared, prepare
from generator.text.slugs import load_pinyin

CACHE = cachefile.FOLDER / "sources"
INDEX = "index.json"
Stamp = tuple[int, int]  # size, modification time in ns


_SOURCE_FIELDS = [field.name for field in dataclasses.fields(SourceArticle)][1:]  # all but the path


# Kept records are tuples (quick to load by the thousand), the source article without its path.
class _KeptText(NamedTuple):
    """An edition's text of an article, as kept: everything but the rendered body."""

    title: str
    subtitle: str | None
    part: str | None
    summary: str
    relative_links: bool
    author: str | None
    source_name: str | None


class _Kept(NamedTuple):
    """An article file as last prepared."""

    stamp: Stamp
    digest: str  # of the file's bytes
    folder_issue: str | None  # id of the `_issue.yml` beside it when it was read
    fields: tuple  # of its SourceArticle, the path apart
    reading_minutes: int
    texts: dict[str, _KeptText]  # by edition text key

    def source(self, path: Path) -> SourceArticle:
        return SourceArticle(path, *self.fields)

    @classmethod
    def from_plain(cls, plain: list) -> _Kept:
        """A record as `cachefile` keeps it: lists for tuples (a field's too), dates as dates."""
        stamp, digest, folder_issue, fields, minutes, texts = plain
        fields = tuple(tuple(value) if isinstance(value, list) else value for value in fields)
        return cls(tuple(stamp), digest, folder_issue, fields, minutes, {key: _KeptText(*text) for key, text in texts.items()})


class LazyBody:
    """A `Body` rendered the first time one of its fields is read."""

    __slots__ = ("_render", "_body", "relative_links")

    def __init__(self, render: Callable[[], Body], relative_links: bool):
        self._render = render
        self._body: Body | None = None
        self.relative_links = relative_links

    def _get(self) -> Body:
        if self._body is None:
            self._body = self._render()
        return self._body

    html = property(lambda self: self._get().html)
    headings = property(lambda self: self._get().headings)
    text = property(lambda self: self._get().text)
    lead = property(lambda self: self._get().lead)


def file_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _stamp(stat: os.stat_result) -> Stamp:
    return stat.st_size, stat.st_mtime_ns


@dataclass(frozen=True)
class _Task:
    position: int  # in content order, for reporting the first problem
    path: Path
    key: str
    folder_issue: SourceIssue | None
    source: SourceArticle | None  # kept and unchanged: only texts for new editions are needed


def _prepare_task(task: _Task, editions: Sequence[Edition], renderer: MarkdownRenderer) -> tuple[_Kept, dict[str, ArticleText]]:
    stamp = _stamp(task.path.stat())
    digest = file_digest(task.path.read_bytes())
    source = task.source or read_article(task.path, task.key, task.folder_issue)
    minutes, texts = prepare(source, editions, renderer)
    kept_texts = {key: _KeptText(t.title, t.subtitle, t.part, t.summary, t.body.relative_links, t.author, t.source_name)
                  for key, t in texts.items()}
    folder_issue = task.folder_issue.id if task.folder_issue else None
    fields = tuple(getattr(source, name) for name in _SOURCE_FIELDS)
    return _Kept(stamp, digest, folder_issue, fields, minutes, kept_texts), texts


def _converters(editions: Sequence[Edition]) -> list[Converter]:
    return [edition.transform for edition in editions if isinstance(edition.transform, Converter)]


def _prepare_chunk(editions: Sequence[Edition], renderer: MarkdownRenderer, tasks: Sequence[_Task]) -> tuple[list, list[dict[str, str]]]:
    """Prepare `tasks` (in a worker, or here): results or problems by position, and the texts each
    converter converted on the way (a worker's memory dies with it; the parent keeps them)."""
    converters = _converters(editions)
    marks = [len(converter.results) for converter in converters]
    results: list[tuple[int, str, tuple[_Kept, dict[str, ArticleText]] | BulletinError]] = []
    for task in tasks:
        try:
            results.append((task.position, task.key, _prepare_task(task, editions, renderer)))
        except BulletinError as problem:
            results.append((task.position, task.key, problem))
    learned = [dict(islice(converter.results.items(), mark, None)) for converter, mark in zip(converters, marks)]
    return results, learned


@dataclass
class _Walk:
    """Every file of content/ in order: `(path, is issue file, its folder's _issue.yml or None)`."""

    files: list[tuple[Path, bool, Path | None]] = field(default_factory=list)
    problem: BulletinError | None = None  # met while walking, after `files`
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # see `content_folders`


def _walk(root: Path) -> _Walk:
    walk = _Walk()
    try:
        for _folder, issue_file, articles in content_folders(root, walk.skipped):
            if issue_file is not None:
                walk.files.append((issue_file, True, None))
            walk.files.extend((path, False, issue_file) for path in articles)
    except BulletinError as problem:
        if not walk.files:
            raise
        walk.problem = problem
    return walk


class SourceStore:
    """The articles prepared by the last build (kept in the project's `.cache/`), updated by each build.

    Kept in one file per top folder of content/ (an issue), so that a build saves again only the
    folders it prepared something in; the issue files read go in one more file."""

    def __init__(self, project: Path):
        self.folder = project / CACHE
        self._articles: dict[str, _Kept] | None = None  # loaded by the first `read`
        self._issues: dict[Path, tuple[Stamp, SourceIssue]] = {}
        self.prepared_count = 0  # articles prepared by the last `read` (the others were kept)
        self.digests: dict[str, str] = {}  # a digest of each article's file, by article key, as last read
        self._saved: dict[str, dict[str, _Kept]] = {}  # by file name: what the cache files hold

    @staticmethod
    def _file(key: str) -> str:
        return hashlib.blake2b(key.partition("/")[0].encode("utf-8"), digest_size=8).hexdigest() + ".json"

    def _load(self) -> None:
        names, self._issues = cachefile.load(self.folder / INDEX, _index_from_plain) or ((), {})
        self._articles = {}
        for name in names:
            part = cachefile.load(self.folder / name, lambda plain: {key: _Kept.from_plain(kept) for key, kept in plain.items()})
            if part is None:
                continue
            self._saved[name] = part
            self._articles.update(part)

    def save(self) -> None:
        parts: dict[str, dict[str, _Kept]] = {}
        for key, kept in (self._articles or {}).items():
            parts.setdefault(self._file(key), {})[key] = kept
        for name, part in parts.items():
            saved = self._saved.get(name)
            if saved is None or saved.keys() != part.keys() or any(saved[key] is not kept for key, kept in part.items()):
                cachefile.save(self.folder / name, part)
        for name in self._saved.keys() - parts.keys():
            (self.folder / name).unlink(missing_ok=True)
        self._saved = parts
        issues = [[str(path), stamp, [issue.id, issue.date, issue.publication, issue.number, issue.sections]]
                  for path, (stamp, issue) in self._issues.items()]
        cachefile.save(self.folder / INDEX, [sorted(parts), issues])

    def _issue(self, path: Path) -> SourceIssue:
        stamp = _stamp(path.stat())
        kept = self._issues.get(path)
        if kept is None or kept[0] != stamp:
            kept = self._issues[path] = (stamp, read_issue_file(path))
        return kept[1]

    def read(self, root: Path, editions: Sequence[Edition], renderer: MarkdownRenderer,
             known: Mapping[str, Stamp] | None = None) -> tuple[Content, dict[str, Prepared]]:
        """Every article under `root` prepared for `editions`, and the issues `_issue.yml` files describe.
        `known` holds the stamps of files already looked at in this build, by path.

        Raises the first problem in content order, as reading the files one by one would."""
        if self._articles is None:
            self._load()
        walk = _walk(root)
        problems: list[tuple[int, BulletinError]] = [(len(walk.files), walk.problem)] if walk.problem else []
        content, issues = self._read_issues(walk, problems)
        stop = min(position for position, _ in problems) if problems else len(walk.files)
        wanted = {edition.text_key for edition in editions}
        prepared: dict[str, Prepared] = {}
        articles: dict[str, _Kept] = {}
        tasks = []
        start = len(str(root)) + 1
        for position, (path, is_issue, issue_path) in enumerate(walk.files[:stop]):
            if is_issue:
                continue
            key, folder_issue = str(path)[start:].replace(os.sep, "/"), issues.get(issue_path) if issue_path else None  # its path in content/
            kept = self._unchanged(key, path, folder_issue, known or {})
            if kept is not None and wanted <= kept.texts.keys():
                articles[key], prepared[key] = kept, _revive(kept.source(path), kept, editions, renderer)
            else:
                tasks.append(_Task(position, path, key, folder_issue, kept.source(path) if kept else None))
        for position, key, result in self._prepare(tasks, editions, renderer):
            if isinstance(result, BulletinError):
                problems.append((position, result))
                continue
            kept, texts = result
            articles[key], prepared[key] = kept, Prepared(kept.source(walk.files[position][0]), kept.reading_minutes, texts)
        if problems:
            raise min(problems, key=lambda item: item[0])[1]
        content.skipped = walk.skipped
        self._articles, self.prepared_count = articles, len(tasks)
        self.digests = {key: kept.digest for key, kept in articles.items()}
        content.articles = sorted((item.source for item in prepared.values()), key=lambda source: source.key)
        return content, prepared

    def _read_issues(self, walk: _Walk, problems: list[tuple[int, BulletinError]]) -> tuple[Content, dict[Path, SourceIssue]]:
        content, issues = Content(), {}
        for position, (path, is_issue, _) in enumerate(walk.files):
            if not is_issue:
                continue
            try:
                issue = self._issue(path)
                content.add_issue(issue)
            except BulletinError as problem:
                problems.append((position, problem))
                continue
            issues[path] = issue
        self._issues = {path: self._issues[path] for path in issues}
        return content, issues

    def _unchanged(self, key: str, path: Path, folder_issue: SourceIssue | None, known: Mapping[str, Stamp]) -> _Kept | None:
        """The kept article of `path` if the file and its folder's issue are as they were."""
        kept = (self._articles or {}).get(key)
        if kept is None or kept.folder_issue != (folder_issue.id if folder_issue else None):
            return None
        stamp = known.get(str(path)) or _stamp(os.stat(path))
        if stamp == kept.stamp:
            return kept
        if file_digest(path.read_bytes()) == kept.digest:  # saved again, not changed
            return kept._replace(stamp=stamp)
        return None

    def _prepare(self, tasks: list[_Task], editions: Sequence[Edition], renderer: MarkdownRenderer) -> Iterator:
        if len(tasks) >= workers.PARALLEL_MIN:
            load_pinyin()  # heading ids need it: loaded once here, not in every worker
        converters = _converters(editions)
        for results, learned in workers.run(partial(_prepare_chunk, editions, renderer), workers.chunks(tasks), len(tasks)):
            for converter, texts in zip(converters, learned):
                converter.remember(texts)
            yield from results


def _index_from_plain(plain: list) -> tuple:
    names, issues = plain
    kept = {}
    for path, stamp, (issue_id, date, publication, number, sections) in issues:
        kept[Path(path)] = tuple(stamp), SourceIssue(issue_id, Path(path), date, publication, number, tuple(sections))
    return names, kept


def _revive(source: SourceArticle, kept: _Kept, editions: Sequence[Edition], renderer: MarkdownRenderer) -> Prepared:
    """A kept article, its bodies rendered again only if something reads them."""
    by_key = {edition.text_key: edition for edition in editions}
    texts = {}
    for key, edition in by_key.items():
        text = kept.texts[key]

        def render(edition: Edition = edition) -> Body:
            return renderer.render(source.body, edition.transform)

        texts[key] = ArticleText(text.title, text.subtitle, text.part, text.summary, LazyBody(render, text.relative_links),
                                 text.author, text.source_name)
    return Prepared(source, kept.reading_minutes, texts)
