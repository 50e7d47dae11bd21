"""Small tables in extracted text, found before lines are joined into paragraphs.

A PDF extraction prints a table in one of two ways:
- row by row: each row on one line, its cells apart by a tab, a run of spaces, or (in plain
  pdftotext output) a single space;
- column by column: each column a group of short lines, the groups one blank line apart, all of
  the same length.

A table is a run of at least two rows (three when cells are only a single space apart, since a
headline may hold one space too) of the same number of cells, without sentence punctuation, most
of them holding figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.ingest.lines import Line

SENTENCE_PUNCTUATION = re.compile(r"[，。；！？：:]$|[。；！？]")
WIDE_GAP = re.compile(r"\t|\s{2,}")
FIGURE = re.compile(r"\d|—|--")
MAX_CELL = 24  # characters a table cell holds at most
MIN_ROWS = 2
MIN_ROWS_SINGLE_SPACED = 3
MIN_ROWS_OF_TEXT = 3
COLUMN_LINE_SHARE = 0.45  # a line of a column printed alone takes less than this share of a full line


@dataclass(frozen=True)
class TableRun:
    start: int  # index of the first line in the list given
    end: int  # index after the last line
    rows: tuple[tuple[str, ...], ...]


def split_cells(text: str, fine: bool = False) -> tuple[tuple[str, ...], bool]:
    """A line's cells, and whether they were set apart by a wide gap (tab or spaces) rather than
    a single space. A single space between two Latin letters stays inside a cell (`NAND Flash`).
    `fine` splits at every space, wide or not (an extraction that narrowed some gaps to one)."""
    text = text.strip()
    if WIDE_GAP.search(text) and not fine:
        return tuple(cell.strip() for cell in WIDE_GAP.split(text) if cell.strip()), True
    cells: list[str] = []
    for token in text.split():
        if cells and cells[-1][-1:].isascii() and cells[-1][-1:].isalpha() and token[:1].isascii() and token[:1].isalpha():
            cells[-1] += " " + token
        else:
            cells.append(token)
    return tuple(cells), bool(WIDE_GAP.search(text))


def _row_shaped(line: Line, fine: bool) -> tuple[str, ...] | None:
    cells, _ = split_cells(line.text, fine)
    if len(cells) < 2 or SENTENCE_PUNCTUATION.search(line.text) or any(len(cell) > MAX_CELL for cell in cells):
        return None
    return cells


def _row_run(lines: list[Line], start: int, fine: bool = False) -> TableRun | None:
    """Rows of cells, one row a line; with `fine`, cells split at every space. A run whose rows
    disagree on their cells when split at wide gaps only is tried again split finely."""
    first = _row_shaped(lines[start], fine)
    if first is None:
        return None
    wide = split_cells(lines[start].text)[1]
    rows = [first]
    index = start + 1
    while index < len(lines):
        cells = _row_shaped(lines[index], fine)
        over_page = lines[index].page != lines[index - 1].page  # blank lines at a page break say nothing
        if cells is None or abs(len(cells) - len(first)) > 1 or (lines[index].gap > 1 and not over_page):
            break
        rows.append(cells)
        index += 1
    needed = MIN_ROWS if wide else MIN_ROWS_SINGLE_SPACED
    figures = sum(1 for row in rows[1:] if any(FIGURE.search(cell) for cell in row[1:]))
    wide_rows = all(split_cells(lines[i].text)[1] for i in range(start, index))
    if len(rows) < needed or (figures < max(1, (len(rows) - 1) // 2)
                              and not (wide_rows and len(rows) >= MIN_ROWS_OF_TEXT)):
        # A table of words, not figures, must set its cells wide apart on three rows.
        return None if fine or not wide else _row_run(lines, start, fine=True)
    return TableRun(start, index, tuple(rows))


def _groups(lines: list[Line], start: int, full_width: int, size: int | None, limit: int | None
            ) -> tuple[list[list[str]], int]:
    """Groups of short cell lines one blank line apart, all of one length (`size`, when given),
    at most `limit` of them; and the index after the last."""
    groups: list[list[str]] = []
    index = start
    while index < len(lines) and (limit is None or len(groups) < limit):
        group = [lines[index].text]
        end = index + 1
        while end < len(lines) and lines[end].gap == 0:
            group.append(lines[end].text)
            end += 1
        if any(SENTENCE_PUNCTUATION.search(text) or len(text) > MAX_CELL
               or len(text) * 2 > COLUMN_LINE_SHARE * full_width for text in group):
            break
        if len(group) != (size or len(groups[0]) if groups else size or len(group)):
            break
        groups.append(group)
        index = end
        if index < len(lines) and lines[index].gap != 1:
            break
    return groups, index


def _column_run(lines: list[Line], start: int, full_width: int) -> TableRun | None:
    """Groups of short lines one blank line apart, all of one length: the columns of a table."""
    groups, index = _groups(lines, start, full_width, None, None)
    numeric = sum(1 for group in groups if sum(bool(FIGURE.search(text)) for text in group[1:]) >= len(group[1:]) / 2)
    if len(groups) < 2 or len(groups[0]) < 2 or not numeric:
        return None
    return TableRun(start, index, tuple(zip(*groups)))


def _continued(lines: list[Line], run: TableRun, full_width: int) -> TableRun:
    """A table that runs over a page break goes on column by column, as many columns as before."""
    rows, index = list(run.rows), run.end
    columns = max(len(row) for row in rows)
    while index < len(lines):
        more, after = _groups(lines, index, full_width, None, columns)
        if len(more) != columns or len({len(group) for group in more}) != 1:
            break
        rows += list(zip(*more))
        index = after
    return TableRun(run.start, index, tuple(rows))


def _cell_line(line: Line, full_width: int) -> bool:
    return (not SENTENCE_PUNCTUATION.search(line.text) and line.width <= 0.6 * full_width
            and all(len(cell) <= MAX_CELL for cell in split_cells(line.text)[0]))


def _shape(cells: list[str], columns: int) -> float:
    """How well `cells` read as rows of `columns` cells: a label first, figures after it."""
    rows = [cells[i:i + columns] for i in range(columns, len(cells), columns)]
    labels = sum(1 for row in rows if not _figure(row[0]))
    figures = sum(1 for row in rows for cell in row[1:] if _figure(cell))
    return (labels + figures) / (len(rows) * columns)


def _figure(cell: str) -> bool:
    """A cell holding a figure: `1.07亿台`, `-6.4%`, `+约140亿`, or a dash for none."""
    return bool(re.match(r"^[-+−]?[约近超逾]?\d|^[—–-]+$", cell))


def _cell_region(lines: list[Line], start: int, full_width: int, blank_lines: bool) -> int:
    """The end of the run of cell lines from `start`: short lines without sentence punctuation,
    next to each other on one page (or, with `blank_lines`, one blank line apart, over page breaks
    too), up to a line with no figure that stands above a paragraph (a heading after the table)."""
    index = start
    while index < len(lines) and _cell_line(lines[index], full_width):
        over_page = index > start and lines[index].page != lines[index - 1].page
        if index > start and (over_page and not blank_lines or not over_page and lines[index].gap > int(blank_lines)):
            break
        following = lines[index + 1] if index + 1 < len(lines) else None
        if index > start and not FIGURE.search(lines[index].text) and (
                following is None or not _cell_line(following, full_width)):
            break
        index += 1
    return index


def _scattered_run(lines: list[Line], start: int, full_width: int) -> TableRun | None:
    """A table whose cells the extraction printed in reading order but broken across lines as it
    pleased (`指标` / `2022年` / `2023年` / `算力总规模` / `180EFLOPS 230EFLOPS` …): the cells, read
    row by row or column by column, fall into the one column count that puts a label first and
    figures after."""
    end = _cell_region(lines, start, full_width, blank_lines=False)
    cells = [cell for line in lines[start:end] for cell in split_cells(line.text)[0]]
    if end - start < 3 or len(cells) < 6:
        return None
    fits = []
    for columns in range(2, 7):
        if len(cells) % columns or len(cells) // columns < 2:
            continue
        by_rows = [cells[i:i + columns] for i in range(0, len(cells), columns)]
        height = len(cells) // columns
        by_columns = [list(row) for row in zip(*[cells[i:i + height] for i in range(0, len(cells), height)])]
        for rows in (by_rows, by_columns):
            fits.append((round(_shape([cell for row in rows for cell in row], columns), 3), -columns, rows))
    best = max(fits, key=lambda fit: fit[:2], default=None)
    if best is None or best[0] < 0.8:
        return None
    return TableRun(start, end, tuple(tuple(row) for row in best[2]))


def _debris_run(lines: list[Line], start: int, full_width: int) -> TableRun | None:
    """Short lines rich in figures, a blank line apart at most, that no reading puts back into rows:
    still a table (one row a line), never a string of headings and banners."""
    end = _cell_region(lines, start, full_width, blank_lines=True)
    cells = [cell for line in lines[start:end] for cell in split_cells(line.text)[0]]
    figures = sum(1 for cell in cells if _figure(cell))
    if end - start >= 4 and figures >= 3 and figures >= 0.4 * len(cells):
        return TableRun(start, end, tuple(split_cells(line.text)[0] for line in lines[start:end]))
    return None


def find_table(lines: list[Line], start: int, full_width: int, double_spaced: bool) -> TableRun | None:
    """The table starting at `lines[start]`, if one does."""
    run = _row_run(lines, start)
    if run is None and not double_spaced:
        run = _column_run(lines, start, full_width) or _scattered_run(lines, start, full_width)
    if run is not None and not double_spaced:
        return _continued(lines, run, full_width)
    return run or (None if double_spaced else _debris_run(lines, start, full_width))
