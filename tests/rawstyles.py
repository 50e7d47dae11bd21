"""Re-typeset a double-spaced raw bulletin (the sample's style) as other extraction styles.

`to_plain` gives what pdftotext prints: no blank line after every line, no trailing spaces,
pages separated by form feeds, and a running header and a page-number footer on every page.
"""

from __future__ import annotations

import re
import unicodedata

FURNITURE = re.compile(r"^(?:©.*|Page \d+)$")


def pages(text: str, running_header: str) -> list[list[str]]:
    """Content lines per page: a page ends where a blank line is missing or a blank run begins."""
    result: list[list[str]] = [[]]
    gap = 0
    for line in text.split("\n"):
        if not line.strip():
            gap += line == ""
            continue
        if result[-1] and (gap == 0 or gap >= 2):
            result.append([])
        if not FURNITURE.match(line.strip()) and line.strip() != running_header:
            result[-1].append(line)
        gap = 0
    return [page for page in result if page]


def to_plain(text: str, header: str, running_header: str, blank_between_paragraphs: bool = False) -> str:
    out = []
    for number, page in enumerate(pages(text, running_header), start=1):
        body = []
        for line in page:
            body.append(line.strip())
            if blank_between_paragraphs and line.endswith(" "):
                body.append("")
        out.append("\n".join([header, *body, "", f"- {number} -"]))
    return "\n\f".join(out) + "\n"


def wrap(text: str, width: int) -> list[str]:
    """Hard-wrap at `width` half-width cells (a CJK character takes two), as a PDF column does."""
    rows, row, used = [], "", 0
    for char in text:
        cells = 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
        if used + cells > width:
            rows.append(row)
            row, used = "", 0
        row += char
        used += cells
    return rows + [row]


def compose(articles, publication: str, issue_line: str, sections_in_brackets: bool, contents: bool,
            width: int = 76, lines_per_page: int = 40) -> str:
    """Typeset articles (with .title .subtitle .section .part .items) as a new pdftotext bulletin:
    a masthead, optionally a table of contents, banners, wrapped paragraphs, and a running header
    and page number on every page."""
    body: list[str] = [publication, issue_line, ""]
    if contents:
        body.append("目  录")
        for number, article in enumerate(articles, start=1):
            body.append(f"{article.title} {'.' * 12} {number + 1}")
    section = part = None
    for article in articles:
        if article.section != section:
            section = article.section
            body += ["", f"【{section}】" if sections_in_brackets else section, ""]
        if article.part != part:
            part = article.part
            if part:
                body.append(f"· {part} ·")
        body += wrap(article.title, 48)
        if article.subtitle:
            body.append(article.subtitle)
        for item in article.items:
            body += [item.text] if item.kind == "subheading" else wrap(item.text, width)
    pages = [body[i:i + lines_per_page] for i in range(0, len(body), lines_per_page)]
    return "\n\f".join("\n".join([f"{publication}    {issue_line}", *page, f"第 {n} 页"])
                       for n, page in enumerate(pages, start=1)) + "\n"
