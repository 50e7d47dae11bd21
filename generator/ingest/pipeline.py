"""Ingest one raw bulletin: bytes in, a planned issue folder out (pure; the command does the I/O)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from generator.errors import BulletinError
from generator.ingest.boilerplate import Furniture, detect_furniture, find_dates, issue_metadata
from generator.ingest.contents import read_contents, titles_from_contents
from generator.ingest.decode import decode_bytes
from generator.ingest.document import Rows, article_file, issue_file
from generator.ingest.hints import Hints, apply_hints
from generator.ingest.layout import build_blocks
from generator.ingest.lines import Source, split_lines
from generator.ingest.review import review
from generator.ingest.rules import label_blocks
from generator.ingest.segment import Article, Decision, Segmented, segment
from generator.ingest.writer import PlannedFile
from generator.project import ISSUE_FILE
from generator.tags.tagger import Tagger
from generator.taxonomy import Taxonomy
from generator.text.slugs import numbered, title_slug

_COMPACT_DATE = re.compile(r"(?<!\d)(20\d\d)(\d\d)(\d\d)(?!\d)")


@dataclass(frozen=True)
class Options:
    issue_date: date | None = None
    publication: str | None = None
    hints: Hints = field(default_factory=Hints)
    taxonomy: Taxonomy = field(default_factory=lambda: Taxonomy(()))
    reslug: bool = False  # articles already in the folder get the current slug rule's slug too


@dataclass(frozen=True)
class Published:
    """An article already in the issue folder: its slug, and the earlier ones that redirect to it."""

    slug: str
    redirect_from: tuple[str, ...] = ()


def title_key(title: str) -> str:
    """A title as articles are matched by it across ingests: spaces ignored."""
    return "".join(title.split())


def article_slug(title: str, before: Published | None, taken: set[str], reslug: bool) -> Published:
    """The slug of an article, and the earlier slugs that redirect to it.

    An article already published keeps its slug, so that links to it never break when the slug rule
    changes; with `reslug` it gets the current rule's slug, and the one it had redirects to it."""
    if before is not None and not reslug and before.slug not in taken:
        return before
    slug = numbered(title_slug(title), taken)
    if before is None:
        return Published(slug)
    earlier = before.redirect_from + ((before.slug,) if before.slug != slug else ())
    return Published(slug, tuple(dict.fromkeys(s for s in earlier if s != slug)))


@dataclass
class PlannedArticle:
    article: Article
    order: int
    slug: str
    tags: list[str]
    file: PlannedFile


@dataclass
class Plan:
    source_path: str
    source: Source
    furniture: list[Furniture]
    issue_date: date
    publication: str | None
    number: int | None
    segmented: Segmented
    articles: list[PlannedArticle]
    issue: PlannedFile
    warnings: list[str]

    @property
    def decisions(self) -> list[Decision]:
        return self.segmented.decisions

    @property
    def folder_name(self) -> str:
        return self.issue_date.isoformat()


def date_from_name(path: str) -> date | None:
    name = Path(path).name
    candidates = find_dates(name)
    for year, month, day in _COMPACT_DATE.findall(name):
        try:
            candidates.append(date(int(year), int(month), int(day)))
        except ValueError:
            continue
    return candidates[0] if candidates else None


def _retagged(fields: dict, items: Sequence[tuple[str, str | Rows]], tags: list[str]) -> str:
    """The article file with another tag list."""
    return article_file({**fields, "tags": tags}, items)


def segment_source(source: Source, furniture: list[Furniture], hints: Hints,
                   fallback_title: str) -> tuple[Segmented, list[str]]:
    """Furniture removed, lines joined into blocks, blocks labeled and hinted, then segmented."""
    removed = {id(item.line) for item in furniture}
    blocks = build_blocks(source, [line for line in source.lines if id(line) not in removed])
    contents = read_contents(furniture)
    labeled, unmatched = apply_hints(label_blocks(blocks, contents_sections=set(contents.sections)), hints)
    labeled = titles_from_contents(labeled, contents)
    return segment(labeled, fallback_title), unmatched


def plan_ingest(data: bytes, path: str, options: Options,
                slugs_taken: Callable[[str], set[str]] = lambda folder: set(),
                published: Callable[[str], Mapping[str, Published]] = lambda folder: {}) -> Plan:
    """The issue folder a raw bulletin becomes. `slugs_taken(folder)` gives the slugs that other
    issues use, and `published(folder)` the articles already in the issue's own folder by title
    (`title_key`), once the folder (its date) is known."""
    source = split_lines(decode_bytes(data, path))
    furniture = detect_furniture(source)
    printed = issue_metadata(furniture)
    issue_date = options.issue_date or printed.date or date_from_name(path)
    if issue_date is None:
        raise BulletinError("no issue date found in the page headers, footers or file name: pass --date YYYY-MM-DD",
                            path)
    publication = options.publication or printed.publication
    fallback_title = f"{publication or Path(path).stem} {issue_date.isoformat()}"
    segmented, warnings = segment_source(source, furniture, options.hints, fallback_title)
    warnings = warnings + segmented.warnings
    if options.issue_date and printed.date and options.issue_date != printed.date:
        warnings.append(f"--date {options.issue_date} differs from the date the bulletin prints ({printed.date})")
    if not segmented.decisions:
        warnings.append("no article structure recognised: the whole text became one article")
    warnings += review(segmented.decisions)

    tagger = Tagger(options.taxonomy)
    taken = set(slugs_taken(issue_date.isoformat()))
    before = published(issue_date.isoformat())
    width = max(2, len(str(len(segmented.articles))))
    planned: list[PlannedArticle] = []
    for order, article in enumerate(segmented.articles, start=1):
        named = article_slug(article.title, before.get(title_key(article.title)), taken, options.reslug)
        slug = named.slug
        taken.add(slug)
        tags = tagger.suggest(article.title, [item.text for item in article.items], article.subtitle)
        fields = {
            "title": article.title,
            "subtitle": article.subtitle,
            "section": article.section,
            "part": article.part,
            "author": article.author,
            "source": article.source,
            "publication": publication,
            "date": issue_date,
            "issue": issue_date,
            "order": order,
            "slug": slug,
            "redirect_from": list(named.redirect_from) or None,
            "tags": tags,
            "source_lines": f"{article.first_line}-{article.last_line}",
        }
        items: list[tuple[str, str | Rows]] = [(item.kind, item.rows or item.text) for item in article.items]
        file = PlannedFile(
            name=f"{order:0{width}d}-{slug}.md",
            text=article_file(fields, items),
            tags=tuple(tags),
            retag=partial(_retagged, fields, items),
        )
        planned.append(PlannedArticle(article, order, slug, tags, file))

    issue = PlannedFile(ISSUE_FILE, issue_file(publication, issue_date, printed.number, segmented.sections, path))
    return Plan(path, source, furniture, issue_date, publication, printed.number, segmented, planned, issue,
                warnings)
