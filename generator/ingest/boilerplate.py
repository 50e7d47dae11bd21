"""Page furniture: running headers and footers, page numbers, copyright lines, mastheads.

Furniture is found by what it is, never by what a particular bulletin prints: a line that repeats
at the edges of several pages (digits ignored, so "Page 11" and "Page 31" are one line), a page
number, a copyright notice, or a masthead line carrying the issue date before the first article.
The lines found also tell the publication name, the issue date and the issue number.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from generator.ingest.chars import CLAUSE_END, SENTENCE_END, collapse_spaces, last_meaningful
from generator.ingest.lines import Line, Source
from generator.text.cjk import han_count

EDGE_LINES = 4  # content lines at the top and bottom of a page that may be furniture
MASTHEAD_LINES = 3
CLUSTER_LINES = 3  # a running line next to a page number is part of the same page furniture
SHORT_LINE = 40  # display width up to which a running line may vary in its digits

PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.?)\s*\d+(?:\s*(?:of|/)\s*\d+)?|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?"
    r"|[-–—]\s*\d+\s*[-–—]|\d+\s*/\s*\d+|\d{1,3})$",
    re.IGNORECASE,
)
EXPLICIT_PAGE_NUMBER = re.compile(r"^(?:page\s*\d+|第\s*\d+\s*页)", re.IGNORECASE)
COPYRIGHT = re.compile(r"©|版权所有|copyright|\(c\)\s*\d{4}|未经.{0,6}(?:同意|许可|授权).{0,4}不得转载", re.IGNORECASE)
DATE = re.compile(r"(?<!\d)(20\d\d|19\d\d)\s*(?:[.\-/]|年)\s*(\d{1,2})\s*(?:[.\-/]|月)\s*(\d{1,2})(?!\d)")
CONTENTS_HEADING = re.compile(r"^(?:目\s*录|本期目录|contents)$", re.IGNORECASE)
# "工信部：加强数据信息分析 ………… 3": an entry, dot leaders, a page number.
CONTENTS_ENTRY = re.compile(r"^(?P<entry>\S.*?)\s*(?:[.．·・…⋯]{3,}|…{2,}|⋯{2,}|-{4,})\s*(?P<page>\d{1,3})$")
# Under a contents heading, an entry may also end in a page number after a space: "工信部：… 3".
SPACED_ENTRY = re.compile(r"^(?P<entry>\S.*\D)\s+(?P<page>\d{1,3})$")
CONTENTS_SPAN = 200  # lines a table of contents may run to
ISSUE_NUMBER = re.compile(r"(?:总\s*)?第\s*(\d+)\s*期|(?:No\.|NO\.|Vol\.)\s*(\d+)")


@dataclass(frozen=True)
class Furniture:
    line: Line
    reason: str


@dataclass(frozen=True)
class IssueMetadata:
    publication: str | None
    date: date | None
    number: int | None


def _key(line: Line) -> str:
    """What repeats from page to page: short lines may differ in their digits (page numbers,
    dates), longer ones must repeat exactly."""
    text = collapse_spaces(line.text).lower()
    return re.sub(r"\d+", "#", text) if line.width <= SHORT_LINE else text


def _edge_positions(lines: list[Line]) -> dict[int, set[str]]:
    """Where each line near a page edge sits: "top0" is a page's first line, "bottom0" its last."""
    by_page: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        by_page.setdefault(line.page, []).append(index)
    positions: dict[int, set[str]] = {}
    for indices in by_page.values():
        for offset, index in enumerate(indices[:EDGE_LINES]):
            positions.setdefault(index, set()).add(f"top{offset}")
        for offset, index in enumerate(reversed(indices[-EDGE_LINES:])):
            positions.setdefault(index, set()).add(f"bottom{offset}")
    return positions


def find_dates(text: str) -> list[date]:
    found = []
    for year, month, day in DATE.findall(text):
        try:
            found.append(date(int(year), int(month), int(day)))
        except ValueError:
            continue
    return found


def _is_masthead(line: Line, full_width: int) -> bool:
    """A short line before the first article that prints the issue date or number."""
    text = line.text
    if line.width > 0.7 * full_width or re.search(r"[。，；]", text):
        return False
    return bool(find_dates(text) or ISSUE_NUMBER.search(text))


def _extend_masthead(reasons: dict[int, str | None], lines: list[Line], full_width: int) -> None:
    """The short lines above a dated masthead line belong to the masthead (the publication's name,
    its publisher): everything before the last masthead line near the top of the first page."""
    dated = [index for index in range(min(MASTHEAD_LINES, len(lines))) if reasons[index] == "masthead"]
    for index in range(max(dated, default=-1)):
        line = lines[index]
        if reasons[index] is None and line.width <= 0.7 * full_width and not re.search(r"[。，；]", line.text):
            reasons[index] = "masthead"


def _extend_contents(reasons: dict[int, str | None], lines: list[Line]) -> None:
    """Below a contents heading: entries ending in a page number, and the section names between
    them (a short line counts only when an entry follows it, so the first real banner after the
    contents is left alone)."""
    for start in [i for i, reason in reasons.items() if reason == "table of contents"
                  and CONTENTS_HEADING.match(lines[i].text)]:
        index = start + 1
        while index < min(len(lines), start + CONTENTS_SPAN):
            text = lines[index].text
            following = lines[index + 1].text if index + 1 < len(lines) else ""
            if CONTENTS_ENTRY.match(text) or SPACED_ENTRY.match(text):
                reasons[index] = "table of contents"
            elif len(text) <= 12 and (CONTENTS_ENTRY.match(following) or SPACED_ENTRY.match(following)):
                reasons[index] = "table of contents"
            else:
                break
            index += 1


def _by_shape(index: int, line: Line, at_edge: bool, source: Source) -> str | None:
    text = line.text
    if PAGE_NUMBER.match(text) and (at_edge or EXPLICIT_PAGE_NUMBER.match(text)):
        return "page number"
    if COPYRIGHT.search(text) and line.width <= 1.3 * source.full_width and (at_edge or len(text) <= 80):
        return "copyright line"
    if index < MASTHEAD_LINES and _is_masthead(line, source.full_width):
        return "masthead"
    if CONTENTS_HEADING.match(text) or CONTENTS_ENTRY.match(text):
        return "table of contents"
    return None


def detect_furniture(source: Source) -> list[Furniture]:
    lines = source.lines
    positions = _edge_positions(lines)
    reasons = {index: _by_shape(index, line, index in positions, source) for index, line in enumerate(lines)}
    # A running header or footer repeats at the same place on several pages. Where pages are only
    # inferred (no form feeds), it must also sit by a page number or copyright line, or repeat
    # on three pages, so that a heading that happens to recur is not mistaken for one.
    pages: dict[tuple[str, str], set[int]] = {}
    for index, places in positions.items():
        if lines[index].width <= 1.3 * source.full_width:
            for place in places:
                pages.setdefault((_key(lines[index]), place), set()).add(lines[index].page)
    _extend_masthead(reasons, lines, source.full_width)
    _extend_contents(reasons, lines)
    shaped = [index for index, reason in reasons.items() if reason]
    for index, places in positions.items():
        if reasons[index]:
            continue
        text = lines[index].text
        if sum(1 for ch in text if ch.isalnum()) < 2 or last_meaningful(text) in SENTENCE_END | CLAUSE_END \
                or re.search(r"[，。；]", text):
            continue  # a piece of a paragraph (a mark, a clause, a sentence), never a running line
        repeats = max((len(pages.get((_key(lines[index]), place), ())) for place in places), default=0)
        near_shaped = any(abs(index - other) <= CLUSTER_LINES for other in shaped)
        if repeats >= 3 or (repeats >= 2 and (source.pages_from_form_feeds or near_shaped)):
            reasons[index] = "running header or footer"
    return [Furniture(line, reason) for index, line in enumerate(lines) if (reason := reasons[index])]


def contents_entries(furniture: list[Furniture]) -> list[str]:
    """The entries of the bulletin's table of contents (article titles and section names)."""
    entries = []
    for item in furniture:
        match = CONTENTS_ENTRY.match(item.line.text) or SPACED_ENTRY.match(item.line.text)
        if item.reason == "table of contents" and match:
            entries.append(collapse_spaces(match.group("entry")))
    return entries


def issue_metadata(furniture: list[Furniture]) -> IssueMetadata:
    """Publication name, issue date and issue number as the page furniture prints them."""
    dates: Counter[date] = Counter()
    numbers: Counter[int] = Counter()
    names: Counter[str] = Counter()
    for item in furniture:
        text = item.line.text
        dates.update(find_dates(text))
        for groups in ISSUE_NUMBER.findall(text):
            numbers.update(int(g) for g in groups if g)
        if item.reason in ("running header or footer", "masthead") and not COPYRIGHT.search(text):
            name = _publication_name(text)
            if name:
                names[name] += 1
    return IssueMetadata(
        publication=names.most_common(1)[0][0] if names else None,
        date=dates.most_common(1)[0][0] if dates else None,
        number=numbers.most_common(1)[0][0] if numbers else None,
    )


def _publication_name(text: str) -> str | None:
    quoted = re.search(r"《([^》]{2,30})》", text)
    if quoted:
        return quoted.group(1)
    text = DATE.sub(" ", text)
    text = ISSUE_NUMBER.sub(" ", text)
    text = re.sub(r"\d+", " ", text)
    candidates = [part.strip(" -–—|·,，") for part in re.split(r"\s{2,}|[|｜]", text)]
    candidates = [part for part in candidates if 2 <= han_count(part) and len(part) <= 30]
    return max(candidates, key=han_count) if candidates else None
