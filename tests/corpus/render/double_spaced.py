"""The sample's layout, emulated: what a certain PDF-to-text tool made of 《信息产业监测》.

Measured on /work/shared/samples/bulletin-2021-08-12.txt (`python tests/corpus/render --compare`
prints the comparison):
- every content line is followed by a blank line, except the last line of a page: a page break is
  a missing blank line, and the next page's first line starts with a space;
- the last line of a paragraph, and every heading, ends with a space;
- body lines hold 39 ems (78 cells when all Chinese), a paragraph's first line two fewer (its
  indent is not extracted), headlines 29 ems; a headline that does not fit wraps, the first line
  without the trailing space, and a long headline with a colon may break after it, both lines
  then ending in a space;
- a section banner is followed by a line holding one space;
- on a few pages the furniture was extracted too: three blank lines, the running header, the
  copyright footer with the issue date, a line holding one space and `Page N`, each followed by a
  blank line; the page after it starts without a space;
- titles set Latin words and numbers off with spaces, subheadings do not.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .house import House, byline_lines
from .source import Bulletin, Paragraph, Subheading, Table
from .wrap import space_latin, wrap


@dataclass
class Row:
    text: str
    ends_paragraph: bool = True
    marker_after: bool = False


def _rows(text: str, line_em: float, indent_em: float = 0.0) -> list[Row]:
    lines = wrap(text, line_em, indent_em)
    return [Row(line, ends_paragraph=index == len(lines) - 1) for index, line in enumerate(lines)]


def _headline_rows(text: str, line_em: float, house: House) -> list[Row]:
    """A headline, wrapped; a long one with a colon early in it is sometimes set in two lines, the
    break after the colon (`千种幻影创始人张雷：` / `智能驾培新模式…`)."""
    colon = text.find("：")
    if 2 <= colon <= 16 and len(text) - colon > 8 and house.rng.random() < house.knob("colon_break_share", 0.3):
        return [Row(text[: colon + 1])] + _rows(text[colon + 1 :].strip(), line_em)
    return _rows(text, line_em)


def _table_rows(rows: tuple[tuple[str, ...], ...]) -> list[Row]:
    """A small table as the tool extracts it: each row's cells on one line, a few spaces apart."""
    return [Row("   ".join(cells)) for cells in rows]


def content_rows(bulletin: Bulletin, house: House) -> list[Row]:
    body_em = house.knob("body_em", 39)
    headline_em = house.knob("headline_em", 29)
    spaced = house.knob("headline_spaces", True)
    form = house.knob("byline_form", "split")
    rows: list[Row] = []
    part = None
    for section in bulletin.sections:
        rows.append(Row(section.name, marker_after=True))
        part = None
        for article in section.articles:
            if article.part and article.part != part:
                rows.append(Row(f"· {article.part} ·"))
            part = article.part
            rows += _headline_rows(space_latin(article.title) if spaced else article.title, headline_em, house)
            if article.subtitle:
                rows += _rows("——" + article.subtitle, body_em)
            top, end = byline_lines(article, form)
            rows += [Row(line) for line in top]
            for block in article.body:
                if isinstance(block, Paragraph):
                    rows += _rows(block.text, body_em, indent_em=2)
                elif isinstance(block, Subheading):
                    rows += _headline_rows(block.text, headline_em, house)
                elif isinstance(block, Table):
                    rows += _table_rows(block.rows)
            rows += [Row(line) for line in end]
    return rows


def render(bulletin: Bulletin, rng: random.Random) -> str:
    house = House(bulletin, rng)
    rows = content_rows(bulletin, house)
    per_page = house.knob("lines_per_page", 26)
    first_page = house.knob("first_page_lines", 21)
    pages: list[list[Row]] = [rows[:first_page]]
    pages += [rows[i:i + per_page] for i in range(first_page, len(rows), per_page)]
    # Which page breaks show their furniture: a few, at least two, never the same every issue.
    share = house.knob("furniture_share", 0.04)
    breaks = list(range(1, len(pages)))
    shown = {b for b in breaks if rng.random() < share}
    while len(shown) < min(2, len(breaks)):
        shown.add(rng.choice(breaks))
    page_offset = house.knob("page_offset", rng.randint(1, 3))
    total = len(pages) + page_offset

    out: list[str] = []
    for number, page in enumerate(pages):
        furniture = number in shown
        if furniture:
            out.append("\n\n")
            for line in (house.running_header(), house.footer()):
                out.append(f"{line} \n\n")
            out.append(" \n\n")
            out.append(f"{house.page_label(number + page_offset, total)} \n\n")
        for index, row in enumerate(page):
            lead = " " if index == 0 and not furniture else ""
            trail = " " if row.ends_paragraph else ""
            out.append(f"{lead}{row.text}{trail}\n")
            last_of_page = index == len(page) - 1
            if row.marker_after:
                out.append(" \n\n")
            elif not last_of_page or number + 1 in shown or number == len(pages) - 1:
                out.append("\n")
    out.append(" \n\n \n\n\n")
    return "".join(out)
