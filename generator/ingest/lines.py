"""Text -> physical lines carrying the layout cues a PDF extraction leaves behind.

Two raw styles exist. In the *double-spaced* style every physical line is followed by a blank
line, a missing blank line marks a page break and a run of blank lines surrounds the page
furniture. In the *plain* style (pdftotext) lines follow each other, pages are separated by form
feeds and a blank line separates paragraphs. Either style may carry a trailing space on the last
line of a paragraph; `Source.trailing_cue` says whether this file does.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from generator.ingest.chars import SENTENCE_END, last_meaningful
from generator.text.cjk import display_width

MAX_PRINTED_WIDTH = 160  # no printed column is wider (80 CJK characters): wider lines are whole paragraphs


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line number in the raw file
    text: str  # content without edge whitespace (spaces, NBSP, full-width spaces)
    lead: bool  # whitespace before the content
    trail: bool  # whitespace after the content
    indent: int  # width of the leading whitespace in half-width cells
    page: int  # 0-based page index
    gap: int  # empty lines between the previous content line and this one
    marker_after: bool  # followed by a line holding only spaces (a layout marker)
    width: int  # display width of `text`


@dataclass
class Source:
    lines: list[Line]
    double_spaced: bool
    trailing_cue: bool
    indent_cue: bool
    hard_wrapped: bool  # False when each paragraph is one long line (text not from a page)
    full_width: int  # display width of a full line of body text
    page_count: int
    first_line_width: int | None = None  # width of a paragraph's first line when its indent was lost
    paragraph_indent: int = 0  # the usual indent of a paragraph's first line (where indents show)
    pages_from_form_feeds: bool = False
    notes: list[str] = field(default_factory=list)


def _edge_ws(raw: str) -> tuple[str, bool, bool, int]:
    stripped = raw.strip()
    if not stripped:
        return "", False, False, 0
    head = raw[: len(raw) - len(raw.lstrip())]
    indent = sum(2 if ch == "\u3000" else 1 for ch in head)
    # Only a plain space or tab at the end is a cue; NBSP and full-width spaces are padding.
    return stripped, bool(head), raw != raw.rstrip(" \t"), indent


def _percentile(values: list[int], fraction: float) -> int:
    if not values:
        return 0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def _trailing_spaces_end_paragraphs(lines: list[Line], full_width: int) -> bool:
    """Do trailing spaces mark paragraph ends here? They do when the lines carrying one look like
    the end of a paragraph (a finished sentence, or a short line) rather than any line."""
    trailing = [line for line in lines if line.trail]
    if len(trailing) < max(2, 0.03 * len(lines)):
        return False
    ends = sum(1 for line in trailing
               if last_meaningful(line.text) in SENTENCE_END or line.width < 0.85 * full_width)
    return ends >= 0.75 * len(trailing)


def _lost_indent_width(lines: list[Line], full_width: int) -> int | None:
    """The width of a paragraph's first line, when the indent that started it was dropped by the
    extraction (plain pdftotext): then first lines are a constant step shorter than full ones,
    which tells a paragraph start even after a full last line. None when there is no such step."""
    firsts = [cur.width for prev, cur, nxt in zip(lines, lines[1:], lines[2:])
              if last_meaningful(prev.text) in SENTENCE_END and prev.width < 0.8 * full_width
              and cur.width >= 0.8 * full_width and nxt.width >= 0.8 * full_width and cur.indent == prev.indent]
    if len(firsts) < 5:
        return None
    first = _percentile(firsts, 0.5)
    return first if full_width - first >= 3 else None


def split_lines(text: str) -> Source:
    """Split decoded text into content lines with their cues and page numbers."""
    raw_lines: list[tuple[int, str, bool]] = []  # (number, text, page break before)
    for number, physical in enumerate(text.split("\n"), start=1):
        pieces = physical.split("\f")
        for index, piece in enumerate(pieces):
            raw_lines.append((number, piece, index > 0))
    form_feeds = any(brk for _, _, brk in raw_lines)

    # First pass: content lines with the number of empty lines before them.
    pending: list[dict] = []
    empty_run = 0
    page = 0
    for number, piece, page_break in raw_lines:
        if page_break:
            page += 1
        content, lead, trail, indent = _edge_ws(piece)
        if not content:
            if piece and pending:  # a line of spaces only: a layout marker after the previous line
                pending[-1]["marker_after"] = True
            elif not piece:
                empty_run += 1
            continue
        pending.append(
            {"number": number, "text": content, "lead": lead, "trail": trail, "indent": indent, "page": page,
             "gap": empty_run if pending else 0, "marker_after": False, "width": display_width(content)}
        )
        empty_run = 0

    # Double-spaced: nearly every line is followed by one blank line, and lines that follow each
    # other directly are rare (page breaks). Plain text with blank lines between paragraphs has
    # many directly following lines (the lines of each paragraph).
    pairs = max(1, len(pending) - 1)
    one_blank = sum(1 for item in pending[1:] if item["gap"] == 1) / pairs
    adjacent = sum(1 for item in pending[1:] if item["gap"] == 0) / pairs
    double_spaced = one_blank >= 0.5 and adjacent <= 0.15
    if double_spaced and not form_feeds:
        # No form feeds: a page break shows as a missing blank line or a run of blank lines.
        page = 0
        for index, item in enumerate(pending):
            if index and (item["gap"] == 0 or item["gap"] >= 2):
                page += 1
            item["page"] = page

    widths = [item["width"] for item in pending]
    full_width = max(_percentile(widths, 0.85), 1)
    indented = sum(1 for item in pending if item["indent"] >= 2) / max(1, len(pending))
    lines = [Line(**item) for item in pending]
    return Source(
        lines=lines,
        double_spaced=double_spaced,
        trailing_cue=_trailing_spaces_end_paragraphs(lines, full_width),
        indent_cue=0.03 <= indented <= 0.6,
        hard_wrapped=full_width <= MAX_PRINTED_WIDTH,
        full_width=full_width,
        page_count=(lines[-1].page + 1) if lines else 0,
        first_line_width=None if double_spaced or indented >= 0.03 else _lost_indent_width(lines, full_width),
        paragraph_indent=Counter(item["indent"] for item in pending if 2 <= item["indent"] <= 8).most_common(1)[0][0]
        if indented >= 0.03 else 0,
        pages_from_form_feeds=form_feeds,
    )
