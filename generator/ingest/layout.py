"""Lines -> blocks: join hard-wrapped lines into paragraphs (and wrapped headings into one).

A block ends where a cue says a paragraph ends; otherwise the next line continues it. The cues,
strongest first: a blank line in the plain style, an indented next line, a trailing space (when
this file marks paragraph ends that way), and the line widths of justified text (only the last
line of a paragraph is short).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.ingest.bylines import CAPTION, parse_byline
from generator.ingest.chars import CLAUSE_END, DASHES, SENTENCE_END, is_latin, join_wrapped, last_meaningful, numbering
from generator.ingest.lines import Line, Source
from generator.ingest.tables import find_table

FULL = 0.85  # a line this wide (relative to a full line) fills its row
FULL_AFTER_SENTENCE = 0.92  # a sentence that ends this far right may still end its paragraph
HEADING_ENDS = CLAUSE_END | SENTENCE_END | set("：:")
WRAPPED_HEADING = 0.5  # the first line of a wrapped heading fills at least this much of a row
WRAPPED_HEADING_FIRST = 0.6  # … of a centred wrapped headline in a larger font
SENTENCE_MARK = re.compile(r"[。，；;]")  # a line holding one is prose, never the rest of a heading
MAX_LABEL = 8  # characters of a label heading that ends in a colon ("产能：", "北京：")


@dataclass(frozen=True)
class Block:
    text: str  # the joined text, whitespace at the joins normalised
    lines: tuple[Line, ...]
    rows: tuple[tuple[str, ...], ...] | None = None  # a table's cells, row by row

    @property
    def first(self) -> int:
        return self.lines[0].number

    @property
    def last(self) -> int:
        return self.lines[-1].number

    @property
    def marker_after(self) -> bool:
        return self.lines[-1].marker_after


def _is_word_wrap(prev: Line, cur: Line, source: Source) -> bool:
    """A trailing space between two Latin words split across a full line (`Mini ` / `LED`)."""
    return (
        is_latin(prev.text[-1])
        and is_latin(cur.text[0])
        and prev.width >= FULL * source.full_width
    )


def _heading_line(line: Line, full_width: int) -> bool:
    """A short line that ends without punctuation, or a short label ending in a colon (`北京：`):
    never the tail of a paragraph."""
    if line.width >= FULL * full_width:
        return False
    return last_meaningful(line.text) not in HEADING_ENDS or (
        line.text.endswith(("：", ":")) and len(line.text) <= MAX_LABEL + 1 and not SENTENCE_MARK.search(line.text))


def _question_headline(line: Line, full_width: int) -> bool:
    """A short question or exclamation with no clause inside (`AI手机能否撬动换机潮？`): after a
    finished sentence, a headline rather than a paragraph's last line."""
    return (line.width < WRAPPED_HEADING * full_width and line.text.endswith(("？", "！", "?", "!"))
            and not SENTENCE_MARK.search(line.text) and len(line.text) >= 6)


def _colon_lead(line: Line, following: Line, full_width: int) -> bool:
    """"千种幻影创始人张雷：" above "智能驾培新模式…": a heading in two lines, the first ending in a colon."""
    return line.width < FULL * full_width and line.text.endswith(("：", ":")) and _heading_line(following, full_width)


def _centred_rest(block: list[Line], cur: Line, source: Source) -> bool:
    """The rest of a centred headline that filled its first line: indented far more than a
    paragraph, short, and no more prose than the line above it."""
    prev = block[-1]
    return (len(block) <= 2 and cur.indent > source.paragraph_indent + 2 and cur.width < 0.6 * source.full_width
            and prev.width >= WRAPPED_HEADING_FIRST * source.full_width
            and not SENTENCE_MARK.search(prev.text + cur.text) and last_meaningful(prev.text) not in HEADING_ENDS
            and not cur.text.startswith(DASHES)
            and prev.indent != source.paragraph_indent)


def ends_block(block: list[Line], cur: Line, following: Line | None, source: Source) -> bool:
    """Does the paragraph (or heading) made of the lines `block` end before `cur`? (`following`
    comes after `cur`.)"""
    prev = block[-1]
    width = source.full_width
    # Blank lines end a paragraph in the plain style, except the blank lines a page break leaves
    # where its header and footer were taken out.
    over_page = cur.page != prev.page and source.pages_from_form_feeds
    if not source.hard_wrapped or (not source.double_spaced and cur.gap >= 1 and not over_page):
        return True
    if parse_byline(cur.text) is not None or (len(block) == 1 and parse_byline(prev.text) is not None):
        return True  # a byline stands on its own line
    if len(block) == 1 and CAPTION.match(prev.text) and prev.width < FULL * width:
        return True  # so does a caption
    if numbering(cur.text) and _heading_line(cur, width) and prev.width < FULL * width:
        return True  # a numbered heading starts afresh, even after another short line
    if source.indent_cue and cur.indent >= 2:
        return not _centred_rest(block, cur, source)
    if source.trailing_cue:
        # This file ends paragraphs (and headings) with a space: a line without one goes on.
        return prev.trail and not _is_word_wrap(prev, cur, source)
    sentence_done = last_meaningful(prev.text) in SENTENCE_END
    if sentence_done and (_heading_line(cur, width) or _question_headline(cur, width)):
        return True
    if (sentence_done or prev.text.endswith(("：", ":"))) and source.first_line_width and not source.trailing_cue \
            and cur.width <= (source.first_line_width + width) / 2:
        return True  # a line as short as a first line whose indent was lost starts a paragraph
    if (not source.trailing_cue and prev.width >= FULL * width and following is not None
            and (_heading_line(cur, width) or _colon_lead(cur, following, width))
            and following.width < FULL * width and following.gap <= int(source.double_spaced)):
        # Only a paragraph's last line is short: two short lines after a full one are a wrapped
        # heading, even when the paragraph above ends without punctuation (a byline).
        return True
    if sentence_done and prev.width < FULL_AFTER_SENTENCE * width and not source.trailing_cue:
        return True
    if prev.width < FULL * width:
        if sentence_done or cur.text.startswith(DASHES) or prev.width < WRAPPED_HEADING * width:
            return True
        if len(block) == 1 and SENTENCE_MARK.search(prev.text):
            return False  # prose cut short by a word too long for the line, not a heading
        if len(block) > 1:
            return True  # only a paragraph's last line is short, punctuated or not (a byline)
        # A short line followed by a full one is a heading above its paragraph; a long line
        # and a short one are a heading set in a larger font, wrapped, unless the short one is
        # a sentence: a one-line paragraph under the heading.
        return cur.width >= FULL * width or bool(SENTENCE_MARK.search(cur.text))
    return False


def build_blocks(source: Source, lines: list[Line]) -> list[Block]:
    blocks: list[Block] = []
    current: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        table = find_table(lines, index, source.full_width, source.double_spaced)
        if table is not None:
            if current:
                blocks.append(_make_block(current, source))
                current = []
            rows = lines[table.start:table.end]
            blocks.append(Block(text="\n".join(" | ".join(row) for row in table.rows), lines=tuple(rows),
                                rows=table.rows))
            index = table.end
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        if current and ends_block(current, line, following, source):
            blocks.append(_make_block(current, source))
            current = []
        current.append(line)
        index += 1
    if current:
        blocks.append(_make_block(current, source))
    return blocks


def _make_block(lines: list[Line], source: Source) -> Block:
    text = lines[0].text
    for prev, cur in zip(lines, lines[1:]):
        word_space = prev.trail or (not source.trailing_cue and is_latin(prev.text[-1]))
        text = join_wrapped(text, cur.text, word_space)
    return Block(text=text, lines=tuple(lines))
