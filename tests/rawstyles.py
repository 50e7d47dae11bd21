"""Re-typeset a double-spaced raw bulletin (the sample's style) as other extraction styles.

`to_plain` gives what pdftotext prints: no blank line after every line, no trailing spaces,
pages separated by form feeds, and a running header and a page-number footer on every page.
"""

from __future__ import annotations

import re

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
