"""An article prepared for every edition: its file read, its body parsed once, its text made in each
edition's script. `incremental.sources` keeps prepared articles between builds; `assemble` makes
the model from them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.site.content.reader import SourceArticle
from generator.site.editions.edition import Edition
from generator.site.markup.markdown import Body, MarkdownRenderer
from generator.text.measure import reading_minutes, truncate

SUMMARY_LENGTH = 120


@dataclass(frozen=True)
class ArticleText:
    """What one edition shows of an article, in its script."""

    title: str
    subtitle: str | None
    part: str | None
    summary: str
    body: Body
    author: str | None = None
    source_name: str | None = None


@dataclass(frozen=True)
class Prepared:
    """An article file read, its body parsed once, and its text made for each edition (by `text_key`)."""

    source: SourceArticle
    reading_minutes: int  # the same in every edition
    texts: Mapping[str, ArticleText]



def prepare(source: SourceArticle, editions: Sequence[Edition], renderer: MarkdownRenderer) -> tuple[int, dict[str, ArticleText]]:
    """Reading minutes and each edition's text of an article, its body parsed once for all."""
    parsed = renderer.parse(source.body)
    texts: dict[str, ArticleText] = {}
    for edition in editions:
        if edition.text_key in texts:
            continue
        text, body = edition.text, renderer.render_parsed(parsed, edition.transform)
        texts[edition.text_key] = ArticleText(
            title=text(source.title),
            subtitle=text(source.subtitle) if source.subtitle else None,
            part=text(source.part) if source.part else None,
            summary=text(source.summary) if source.summary else truncate(body.lead, SUMMARY_LENGTH),
            body=body,
            author=text(source.author) if source.author else None,
            source_name=text(source.source_name) if source.source_name else None,
        )
    return reading_minutes(parsed.text), texts
