"""Lines -> blocks: join hard-wrapped lines into paragraphs (and wrapped headings into one).

A block ends where a cue says a paragraph ends; otherwise the next line continues it. The cues,
strongest first: a blank line in the plain style, an indented next line, a trailing space (when
this file marks paragraph ends that way), and the line widths of justified text (only the last
line of a paragraph is short).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.ingest.chars import CLAUSE_END, DASHES, SENTENCE_END, is_latin, join_wrapped, last_meaningful
from generator.ingest.lines import Line, Source

FULL = 0.85  # a line this wide (relative to a full line) fills its row
FULL_AFTER_SENTENCE = 0.92  # a sentence that ends this far right may still end its paragraph
HEADING_ENDS = CLAUSE_END | SENTENCE_END | set("：:")
WRAPPED_HEADING = 0.5  # the first line of a wrapped heading fills at least this much of a row
SENTENCE_MARK = re.compile(r"[。，；;]")  # a line holding one is prose, never the rest of a heading


@dataclass(frozen=True)
class Block:
    text: str  # the joined text, whitespace at the joins normalised
    lines: tuple[Line, ...]

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
    """A short line that ends without punctuation: never the tail of a paragraph."""
    return line.width < FULL * full_width and last_meaningful(line.text) not in HEADING_ENDS


def _colon_lead(line: Line, following: Line, full_width: int) -> bool:
    """"千种幻影创始人张雷：" above "智能驾培新模式…": a heading in two lines, the first ending in a colon."""
    return line.width < FULL * full_width and line.text.endswith(("：", ":")) and _heading_line(following, full_width)


def ends_block(block: list[Line], cur: Line, following: Line | None, source: Source) -> bool:
    """Does the paragraph (or heading) made of the lines `block` end before `cur`? (`following`
    comes after `cur`.)"""
    prev = block[-1]
    width = source.full_width
    if not source.hard_wrapped or (not source.double_spaced and cur.gap >= 1):
        return True
    if source.indent_cue and cur.indent >= 2:
        return True
    if source.trailing_cue and prev.trail:
        return not _is_word_wrap(prev, cur, source)
    sentence_done = last_meaningful(prev.text) in SENTENCE_END
    if sentence_done and _heading_line(cur, width):
        return True
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
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        if current and ends_block(current, line, following, source):
            blocks.append(_make_block(current, source))
            current = []
        current.append(line)
    if current:
        blocks.append(_make_block(current, source))
    return blocks


def _make_block(lines: list[Line], source: Source) -> Block:
    text = lines[0].text
    for prev, cur in zip(lines, lines[1:]):
        word_space = prev.trail or (not source.trailing_cue and is_latin(prev.text[-1]))
        text = join_wrapped(text, cur.text, word_space)
    return Block(text=text, lines=tuple(lines))
