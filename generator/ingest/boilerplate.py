"""Page furniture: running headers and footers, page numbers, copyright lines, covers, mastheads,
contents pages and closing mastheads.

Furniture is found by what it is, never by what a particular bulletin prints. An ordered chain of
small rules marks lines; each rule sees what the rules before it marked:

1. page numbers in their common forms at a page's edge (`Page 3`, `- 3 -`, `第 3 页 共 12 页`, `3/12`);
2. copyright notices;
3. running lines: a line repeating at the same edge of several pages (digits ignored, so `Page 11`
   and `Page 31` are one line);
4. a cover: a first page of a few short display lines that print the issue's date or number;
5. a masthead: short lines at the top that print the issue's date or number;
6. a contents page: a `目录` heading and the entries under it (wrapped ones included);
7. a closing masthead: an end mark (`（本期完）`) and what follows it, or editor, publisher and
   address lines at the very end.

The lines found also tell the publication name, the issue date and the issue number.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from generator.ingest.chars import CLAUSE_END, SENTENCE_END, collapse_spaces, last_meaningful
from generator.ingest.lines import Line, Source
from generator.text.cjk import han_count

EDGE_LINES = 4  # content lines at the top and bottom of a page that may be furniture
MASTHEAD_LINES = 4  # content lines at the top of the text that may be a masthead
CLUSTER_LINES = 3  # a running line next to a page number is part of the same page furniture
SHORT_LINE = 40  # display width up to which a running line may vary in its digits
COVER_LINES = 10  # a cover holds a few display lines
CLOSING_LINES = 12  # lines at the end that may form a closing masthead

PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.?)\s*\d+(?:\s*(?:of|/)\s*\d+)?|第\s*\d+\s*页(?:\s*[/／，,]?\s*共\s*\d+\s*页)?"
    r"|[-–—]\s*\d+\s*[-–—]|\d+\s*[/／]\s*\d+|\d{1,3})$",
    re.IGNORECASE,
)
EXPLICIT_PAGE_NUMBER = re.compile(r"^(?:page\s*\d+|第\s*\d+\s*页)", re.IGNORECASE)
COPYRIGHT = re.compile(r"©|版权所有|copyright|\(c\)\s*\d{4}|未经.{0,6}(?:同意|许可|授权).{0,4}不得转载", re.IGNORECASE)
DATE = re.compile(r"(?<!\d)(20\d\d|19\d\d)\s*(?:[.\-/]|年)\s*(\d{1,2})\s*(?:[.\-/]|月)\s*(\d{1,2})(?!\d)")
CONTENTS_HEADING = re.compile(r"^(?:目\s*录|本期目录|本期要目|contents)$", re.IGNORECASE)
# "工信部：加强数据信息分析 ………… 3": an entry, dot leaders, a page number.
CONTENTS_ENTRY = re.compile(r"^(?P<entry>\S.*?)\s*(?:[.．·・…⋯]{3,}|…{2,}|⋯{2,}|-{4,})\s*(?P<page>\d{1,3})$")
# Under a contents heading, an entry may also end in a page number after a space: "工信部：… 3".
SPACED_ENTRY = re.compile(r"^(?P<entry>\S.*\D)\s+(?P<page>\d{1,3})$")
CONTENTS_SPAN = 200  # lines a table of contents may run to
ISSUE_NUMBER = re.compile(r"(总\s*)?第\s*(\d+)\s*期|(?:No\.|NO\.|Vol\.)\s*(\d+)")
# "（本期完）", "——本期结束——", "（全文完）": the end of the issue's text.
END_MARK = re.compile(r"^[（(【\[—\-\s]*(?:本期完|本期结束|全文完|完)[）)】\]—\-\s]*$")
# Editor, publisher and address lines of a masthead: "责任编辑：王敏", "主办：……", "电话：……".
MASTHEAD_LABEL = re.compile(r"^(?:责任编辑|编辑|主编|执行主编|编审|审核|审校|签发|主办|承办|协办|编印|编发|出版|"
                            r"地址|电话|传真|邮编|邮箱|电子邮箱|投稿邮箱|网址|网站|报送|抄送|发送|印发|内部资料)"
                            r"\s*[:：]")
SENTENCE_MARK = re.compile(r"[，。；]")


@dataclass(frozen=True)
class Furniture:
    line: Line
    reason: str


@dataclass(frozen=True)
class IssueMetadata:
    publication: str | None
    date: date | None
    number: int | None


@dataclass
class Page:
    """What the furniture rules look at: the lines, where they sit, and what is marked so far."""

    source: Source
    reasons: dict[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.lines = self.source.lines
        self.positions = _edge_positions(self.lines)

    def mark(self, index: int, reason: str) -> None:
        self.reasons.setdefault(index, reason)

    def unmarked(self) -> list[int]:
        return [index for index in range(len(self.lines)) if index not in self.reasons]

    def short(self, index: int, share: float = 0.7) -> bool:
        """A display line: short, and no sentence inside it."""
        line = self.lines[index]
        return line.width <= share * self.source.full_width and not SENTENCE_MARK.search(line.text)


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


def _names_issue(text: str) -> bool:
    return bool(find_dates(text) or ISSUE_NUMBER.search(text))


# --- the rules -------------------------------------------------------------------------------


def rule_page_numbers(page: Page) -> None:
    for index, line in enumerate(page.lines):
        if PAGE_NUMBER.match(line.text) and (index in page.positions or EXPLICIT_PAGE_NUMBER.match(line.text)):
            page.mark(index, "page number")


def rule_copyright(page: Page) -> None:
    for index, line in enumerate(page.lines):
        if COPYRIGHT.search(line.text) and line.width <= 1.3 * page.source.full_width \
                and (index in page.positions or len(line.text) <= 80):
            page.mark(index, "copyright line")


def rule_running_lines(page: Page) -> None:
    """A running header or footer repeats at the same place on several pages. Where pages are
    only inferred (no form feeds), it must also sit by a page number or copyright line, or repeat
    on three pages, so that a heading that happens to recur is not mistaken for one."""
    lines = page.lines
    pages: dict[tuple[str, str], set[int]] = {}
    for index, places in page.positions.items():
        if lines[index].width <= 1.3 * page.source.full_width:
            for place in places:
                pages.setdefault((_key(lines[index]), place), set()).add(lines[index].page)
    shaped = list(page.reasons)
    for index, places in page.positions.items():
        if index in page.reasons:
            continue
        text = lines[index].text
        if sum(1 for ch in text if ch.isalnum()) < 2 or last_meaningful(text) in SENTENCE_END | CLAUSE_END \
                or re.search(r"[，。；]", text):
            continue  # a piece of a paragraph (a mark, a clause, a sentence), never a running line
        repeats = max((len(pages.get((_key(lines[index]), place), ())) for place in places), default=0)
        near_shaped = any(abs(index - other) <= CLUSTER_LINES for other in shaped)
        if repeats >= 3 or (repeats >= 2 and (page.source.pages_from_form_feeds or near_shaped)):
            page.mark(index, "running header or footer")


def rule_cover(page: Page) -> None:
    """A first page that holds only a few display lines, one of them the issue's date or number."""
    if page.source.page_count < 2:
        return
    first = [index for index, line in enumerate(page.lines) if line.page == page.lines[0].page]
    rest = [index for index in first if index not in page.reasons]
    if not rest or len(rest) > COVER_LINES or not all(page.short(index) for index in rest):
        return
    if any(_names_issue(page.lines[index].text) for index in rest):
        for index in rest:
            page.mark(index, "cover")


def rule_masthead(page: Page) -> None:
    """Short lines at the top of the text up to the last one that prints the issue's date or
    number (the publication's name, its publisher, `发布时间：…`)."""
    top = page.unmarked()[:MASTHEAD_LINES]
    dated = [index for index in top if page.short(index) and _names_issue(page.lines[index].text)]
    if not dated or not all(page.short(index) for index in top if index <= dated[-1]):
        return
    for index in top:
        if index <= dated[-1]:
            page.mark(index, "masthead")


def _entry(text: str) -> re.Match[str] | None:
    return CONTENTS_ENTRY.match(text) or SPACED_ENTRY.match(text)


def rule_contents(page: Page) -> None:
    """A contents heading and everything under it that belongs to the contents: entries ending in
    a page number, the section names between them, and the wrapped parts of long entries. They stop
    at the first line that is neither an entry nor next to one, or, at the foot of a page, with the
    wrapped rest of the last entry."""
    lines = page.lines
    for start, line in enumerate(lines):
        if not CONTENTS_HEADING.match(collapse_spaces(line.text)):
            continue
        page.mark(start, "table of contents")
        last_entry = start
        index = start + 1
        while index < min(len(lines), start + CONTENTS_SPAN):
            if index in page.reasons and page.reasons[index] != "table of contents":
                index += 1
                continue
            if _entry(lines[index].text):
                last_entry = index
            elif not _between_entries(page, index):
                break
            index += 1
        end = last_entry
        page_end = max(i for i, other in enumerate(lines) if other.page == lines[last_entry].page)
        if page.source.pages_from_form_feeds and page_end - last_entry <= 2 and all(
                page.short(i) or i in page.reasons for i in range(last_entry + 1, page_end + 1)):
            end = page_end  # the wrapped rest of the last entry, at the foot of the contents page
        for index in range(start + 1, end + 1):
            page.mark(index, "table of contents")


def _between_entries(page: Page, index: int) -> bool:
    """A short line in the contents: a section name or a wrapped entry's other line, with an entry
    right before or after it."""
    if not page.short(index, 0.9):
        return False
    neighbours = [i for i in (index - 1, index + 1, index + 2) if 0 <= i < len(page.lines)]
    return any(_entry(page.lines[i].text) for i in neighbours)


def rule_closing(page: Page) -> None:
    """The closing masthead: an end mark and everything after it, or a run of editor, publisher
    and address lines (with copyright and page lines among them) that ends the text."""
    lines = page.lines
    tail = range(max(0, len(lines) - CLOSING_LINES), len(lines))
    for index in tail:
        if END_MARK.match(collapse_spaces(lines[index].text)):
            for rest in range(index, len(lines)):
                page.mark(rest, "closing masthead")
            return
    start = len(lines)
    for index in reversed(tail):
        if index in page.reasons or MASTHEAD_LABEL.match(lines[index].text):
            start = index
        else:
            break
    if any(MASTHEAD_LABEL.match(lines[index].text) for index in range(start, len(lines))):
        for index in range(start, len(lines)):
            page.mark(index, "closing masthead")


FurnitureRule = Callable[[Page], None]
RULES: list[FurnitureRule] = [rule_page_numbers, rule_copyright, rule_running_lines, rule_cover, rule_masthead,
                              rule_contents, rule_closing]


def detect_furniture(source: Source, rules: list[FurnitureRule] = RULES) -> list[Furniture]:
    page = Page(source)
    for rule in rules:
        rule(page)
    return [Furniture(line, page.reasons[index]) for index, line in enumerate(source.lines) if index in page.reasons]


def contents_entries(furniture: list[Furniture]) -> list[str]:
    """The entries of the bulletin's table of contents (article titles and section names), with a
    wrapped entry's other line joined to it both ways (it may be printed above or below the line
    that carries the page number)."""
    items = [collapse_spaces(item.line.text) for item in furniture if item.reason == "table of contents"
             and not CONTENTS_HEADING.match(collapse_spaces(item.line.text))]
    entries = []
    for index, text in enumerate(items):
        match = _entry(text)
        if not match:
            continue
        entry = collapse_spaces(match.group("entry"))
        entries.append(entry)
        before = items[index - 1] if index else ""
        after = items[index + 1] if index + 1 < len(items) else ""
        if after and not _entry(after):
            entries.append(entry + after)
        if before and not _entry(before):
            entries.append(before + entry)
    return entries


def contents_groups(furniture: list[Furniture]) -> list[str]:
    """Lines of the contents without a page number: section names (and wrapped parts of entries)."""
    return [collapse_spaces(item.line.text) for item in furniture if item.reason == "table of contents"
            and not _entry(item.line.text) and not CONTENTS_HEADING.match(collapse_spaces(item.line.text))]


def issue_metadata(furniture: list[Furniture]) -> IssueMetadata:
    """Publication name, issue date and issue number as the page furniture prints them."""
    dates: Counter[date] = Counter()
    numbers: Counter[int] = Counter()
    totals: Counter[int] = Counter()  # 总第345期: the running count, second choice
    names: Counter[str] = Counter()
    for item in furniture:
        text = item.line.text
        dates.update(find_dates(text))
        for running, number, other in ISSUE_NUMBER.findall(text):
            (totals if running else numbers).update(int(g) for g in (number, other) if g)
        if item.reason in ("running header or footer", "masthead", "cover") and not COPYRIGHT.search(text):
            name = _publication_name(text)
            if name:
                names[name] += 1
    numbers = numbers or totals
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
    text = re.sub(r"\d+\s*[年月日]|\d+|[（(][^）)]*[）)]", " ", text)
    candidates = [part.strip(" -–—|·,，") for part in re.split(r"\s{2,}|[|｜]", text)]
    candidates = [part for part in candidates if 2 <= han_count(part) and len(part) <= 30
                  and not re.search(r"[:：]", part)]
    return max(candidates, key=han_count) if candidates else None
