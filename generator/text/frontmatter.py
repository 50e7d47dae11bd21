"""The fields of content files: an article's front matter and an issue's `_issue.yml`.

One schema that ingest writes (in this order), the build reads (with these types) and `bulletin check`
validates (these names and no others); docs/reference/front-matter.md describes it for editors.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping as MappingType
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import BulletinError
from generator.text.yamlfile import Mapping, dump

TEXT = "text"
DATE = "date"  # 2021-08-12, or a date and time: 2021-08-12 09:30:00+08:00
WHOLE_NUMBER = "whole number"
TEXT_LIST = "list of text"  # [5G, 半导体]; a single text is a one-item list


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # TEXT, DATE, WHOLE_NUMBER or TEXT_LIST
    meaning: str
    required: bool = False
    default: str = ""  # what leaving the field out means


@dataclass(frozen=True)
class Schema:
    what: str  # how messages name the file part: 'front matter', '_issue.yml'
    fields: tuple[Field, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(field.name for field in self.fields)

    def read(self, mapping: Mapping) -> dict[str, Any]:
        """Every field's value, checked against its kind (None when absent); a BulletinError names the
        file and line of a missing required field or a value of the wrong kind."""
        values: dict[str, Any] = {}
        for field in self.fields:
            if field.kind == DATE:
                values[field.name] = mapping.date(field.name, required=field.required)
            elif field.kind == WHOLE_NUMBER:
                values[field.name] = mapping.integer(field.name)
            elif field.kind == TEXT_LIST:
                values[field.name] = mapping.text_list(field.name)
            else:
                values[field.name] = mapping.text(field.name, required=field.required)
        return values

    def unknown(self, mapping: Mapping) -> list[BulletinError]:
        """A problem for each key that is no field of the schema, with the field it looks like."""
        return mapping.unknown(self.names, "field")

    def write(self, values: MappingType[str, Any], keep_empty: bool = False) -> str:
        """The fields as YAML, in the schema's order; those that are None left out, unless `keep_empty`
        (then written `null`, so an editor sees every field there is)."""
        unknown = set(values) - set(self.names)
        if unknown:
            raise ValueError(f"not fields of the {self.what}: {', '.join(sorted(unknown))}")
        return dump({name: values.get(name) for name in self.names if keep_empty or values.get(name) is not None})


ARTICLE = Schema("front matter", (
    Field("title", TEXT, "the article's title", required=True),
    Field("subtitle", TEXT, "a second title line, shown under the title"),
    Field("section", TEXT, "the bulletin's column the article belongs to", default="site.yml's default_section"),
    Field("part", TEXT, "a group of articles inside a section (a part banner), shown above the title"),
    Field("publication", TEXT, "the bulletin's name", default="the issue's, then site.yml's publication, then its title"),
    Field("date", DATE, "the publication date (a time of day may follow)", required=True),
    Field("issue", TEXT, "the issue the article belongs to", default="the folder's _issue.yml issue, else the date"),
    Field("order", WHOLE_NUMBER, "the article's place in its issue", default="after numbered articles, by file name"),
    Field("slug", TEXT, "the article's name in its URL (articles/<slug>.html)", default="the file name without its leading number"),
    Field("redirect_from", TEXT_LIST, "the article's earlier slugs: each old address (articles/<old>.html) sends the reader "
          "here (written by ingest --reslug)", default="none"),
    Field("tags", TEXT_LIST, "the article's tags", default="none"),
    Field("summary", TEXT, "the text shown in lists and feeds", default="the start of the first paragraph"),
    Field("author", TEXT, "the byline as printed (人民邮电报记者 王海燕), shown on the article page"),
    Field("source", TEXT, "where the article comes from (来源: 人民邮电报), shown on the article page"),
    Field("source_lines", TEXT, "lines of the raw bulletin the article came from (written by ingest, for editors)"),
))

ISSUE = Schema("_issue.yml", (
    Field("publication", TEXT, "the bulletin's name", default="the articles', then site.yml's publication, then its title"),
    Field("date", DATE, "the issue's date", default="the issue id when it is a date, else its newest article's date"),
    Field("issue", TEXT, "the issue's id, which articles name in their `issue` field", default="the date, else the folder name"),
    Field("number", TEXT, "the issue's number as printed (总第123期)"),
    Field("sections", TEXT_LIST, "the issue's sections in the order it prints them", default="site.yml's sections, then as met"),
    Field("source", TEXT, "the raw bulletin the issue was ingested from (written by ingest, for editors)"),
))

_FENCE_RE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def split(text: str, path: Path) -> tuple[str, str, int]:
    """(front matter YAML, Markdown body, line on which the body starts) of an article file."""
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


def article_text(values: MappingType[str, Any], body: str) -> str:
    """An article file: its front matter (in the schema's order) and its Markdown body."""
    return "---\n" + ARTICLE.write(values) + "---\n" + body


def as_date(value: dt.date | dt.datetime | None) -> dt.date | None:
    """The day of a DATE field's value (which may hold a time of day too)."""
    return value.date() if isinstance(value, dt.datetime) else value
