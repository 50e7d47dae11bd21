"""A corpus bulletin's source (tests/corpus/FORMAT.md) read into data classes.

The renderer lays these out as raw text; the scorer (bench/eval/ingest.py) reads the same classes
as the gold answers, so there is one reading of the format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

LAYOUTS = ("double-spaced", "pdftotext", "pdftotext-layout", "numbered-monthly", "web")
SPLITS = ("tune", "heldout", "sample")


class SourceError(ValueError):
    """A source file that does not follow FORMAT.md; the message names the file."""


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Subheading:
    text: str


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[str, ...], ...]  # the first row is the header


Block = Paragraph | Subheading | Table


@dataclass(frozen=True)
class Article:
    title: str
    section: str
    body: tuple[Block, ...]
    subtitle: str | None = None
    part: str | None = None
    author: str | None = None
    source: str | None = None
    tags: tuple[str, ...] = ()

    @property
    def paragraphs(self) -> list[str]:
        return [block.text for block in self.body if isinstance(block, Paragraph)]

    @property
    def subheadings(self) -> list[str]:
        return [block.text for block in self.body if isinstance(block, Subheading)]


@dataclass(frozen=True)
class Section:
    name: str
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class Bulletin:
    name: str
    publication: str
    date: date
    layout: str
    split: str
    sections: tuple[Section, ...]
    number: int | None = None
    organization: str | None = None
    editor: str | None = None
    style: dict = field(default_factory=dict)
    path: Path | None = None

    @property
    def articles(self) -> list[Article]:
        return [article for section in self.sections for article in section.articles]


def _block(value, where: str) -> Block:
    if isinstance(value, str):
        return Paragraph(value.strip())
    if isinstance(value, dict) and set(value) == {"h"}:
        return Subheading(str(value["h"]).strip())
    if isinstance(value, dict) and set(value) == {"table"} and isinstance(value["table"], list) \
            and all(isinstance(row, list) for row in value["table"]):
        return Table(tuple(tuple(str(cell) for cell in row) for row in value["table"]))
    raise SourceError(f"{where}: a body block is a paragraph string, {{h: …}} or {{table: [[…], …]}}, not {value!r}")


def _text(value, where: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, (str, int, float)):
        return str(value).strip() or None
    raise SourceError(f"{where}: expected text, not {value!r}")


def _article(data, section: str, where: str) -> Article:
    if not isinstance(data, dict) or not data.get("title"):
        raise SourceError(f"{where}: an article needs a title")
    where = f"{where} “{data['title']}”"
    body = tuple(_block(value, where) for value in data.get("body") or [])
    if not any(isinstance(block, Paragraph) for block in body):
        raise SourceError(f"{where}: an article needs at least one paragraph")
    return Article(
        title=str(data["title"]).strip(),
        section=section,
        body=body,
        subtitle=_text(data.get("subtitle"), where),
        part=_text(data.get("part"), where),
        author=_text(data.get("author"), where),
        source=_text(data.get("source"), where),
        tags=tuple(str(tag) for tag in data.get("tags") or ()),
    )


def load_bulletin(path: Path) -> Bulletin:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise SourceError(f"{path}: invalid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise SourceError(f"{path}: a source is a mapping (see tests/corpus/FORMAT.md)")
    for key in ("name", "publication", "date", "layout", "split", "sections"):
        if key not in data:
            raise SourceError(f"{path}: missing `{key}`")
    if data["layout"] not in LAYOUTS:
        raise SourceError(f"{path}: layout {data['layout']!r} is not one of {', '.join(LAYOUTS)}")
    if data["split"] not in SPLITS:
        raise SourceError(f"{path}: split {data['split']!r} is not one of {', '.join(SPLITS)}")
    if not isinstance(data["date"], date):
        raise SourceError(f"{path}: date must be YYYY-MM-DD")
    sections = []
    for index, section in enumerate(data["sections"] or [], start=1):
        if not isinstance(section, dict) or not section.get("name") or not section.get("articles"):
            raise SourceError(f"{path}: section {index} needs a name and articles")
        name = str(section["name"]).strip()
        articles = tuple(_article(article, name, f"{path}: section {name}, article {number}")
                         for number, article in enumerate(section["articles"], start=1))
        sections.append(Section(name, articles))
    style = data.get("style") or {}
    if not isinstance(style, dict):
        raise SourceError(f"{path}: style must be a mapping of renderer knobs")
    return Bulletin(
        name=str(data["name"]),
        publication=str(data["publication"]),
        date=data["date"],
        layout=data["layout"],
        split=data["split"],
        sections=tuple(sections),
        number=int(data["number"]) if data.get("number") is not None else None,
        organization=_text(data.get("organization"), str(path)),
        editor=_text(data.get("editor"), str(path)),
        style=style,
        path=path,
    )
