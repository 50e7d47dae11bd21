"""Articles and issues as files: YAML front matter (`text.frontmatter`'s schema) plus Markdown, one
line per paragraph, a small table as a Markdown table."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from generator.text.frontmatter import ISSUE, article_text

# Characters that would turn plain text into Markdown markup.
_INLINE_MARKUP = re.compile(r"([\\`*_\[\]<])|&(?=#?\w+;)")
_BLOCK_START = re.compile(r"^(#{1,6}\s|[-+*]\s|>|={3,}|-{3,}|\|)")
_ORDERED_START = re.compile(r"^(\d{1,9})([.)])(\s|$)")

Rows = Sequence[Sequence[str]]


def escape_markdown(text: str) -> str:
    """Plain text as Markdown that renders to the same text."""
    text = _INLINE_MARKUP.sub(lambda m: "\\" + (m.group(1) or "&"), text)
    if _BLOCK_START.match(text):
        text = "\\" + text
    return _ORDERED_START.sub(lambda m: m.group(1) + "\\" + m.group(2) + m.group(3), text)


def markdown_table(rows: Rows) -> str:
    """A small table as a Markdown (GFM) table; the first row is the header."""
    width = max(len(row) for row in rows)

    def line(cells: Sequence[str]) -> str:
        padded = list(cells) + [""] * (width - len(cells))
        return "| " + " | ".join(escape_markdown(cell).replace("|", "\\|") for cell in padded) + " |"

    return "\n".join([line(rows[0]), "| " + " | ".join(["---"] * width) + " |", *(line(row) for row in rows[1:])])


def article_file(fields: dict, items: Sequence[tuple[str, str | Rows]]) -> str:
    """`fields` of the front matter schema; `items` are ("paragraph" | "subheading", text) or
    ("table", rows) pairs in reading order."""
    body = []
    for kind, value in items:
        if isinstance(value, str):
            body.append(("## " + escape_markdown(value)) if kind == "subheading" else escape_markdown(value))
        else:
            body.append(markdown_table(value))
    return article_text(fields, "\n\n".join(body) + "\n")


def issue_file(publication: str | None, issue_date: date, number: int | None, sections: list[str],
               source: str) -> str:
    fields = {"publication": publication, "date": issue_date, "issue": issue_date, "number": number,
              "sections": sections, "source": source}
    return ISSUE.write(fields, keep_empty=True)
