"""Bodies made of plain paragraphs and headings only, parsed without markdown-it.

Ingest writes most articles as one line per paragraph and `## ` subheadings, with no Markdown
syntax inside the text. For such a body markdown-it's result is known in advance: one paragraph or
heading per line, each holding its line as text. Reading it directly is about twenty times faster
than the general parser, which the build uses for everything else.

A body is plain only when nothing in it could mean anything to markdown-it: every block is a single
line, with no space around it; a paragraph does not start like another kind of block (`#`, `>`, a
list marker, a fence, a table, HTML …); a heading is `#`… , one space and its text; and no line holds
a character that starts inline syntax (emphasis, code, links, HTML, entities, escapes, protected
text). Anything else is parsed by markdown-it. `tests/test_markdown.py` checks that both give the same
HTML and text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.site.markup.tokens import UsedIds

_INLINE_SYNTAX = re.compile(r"[\\`*_\[\]!<>&{}~\x00-\x1f\x7f-\x9f\u2028\u2029]")  # controls (tab, CR) too
_HEADING = re.compile(r"(#{1,6}) (\S(?:.*\S)?)\Z")
_BLOCK_START = re.compile(r"[#>\-+*=_~`<|\[ ]|\d{1,9}[.)]")
_BLANK = re.compile(r"[ \t]*\Z")


@dataclass(frozen=True)
class PlainBlock:
    level: int  # 0 for a paragraph, 1-6 for a heading
    text: str
    id: str = ""  # a heading's anchor


def parse(source: str, heading_id: Callable[[str, UsedIds], str]) -> tuple[PlainBlock, ...] | None:
    """The blocks of `source` if it is plain, else None; `heading_id(text, used)` names each heading."""
    blocks: list[PlainBlock] = []
    used_ids = UsedIds()
    after_blank = True
    for line in source.split("\n"):
        if _BLANK.match(line):
            after_blank = True
            continue
        if not after_blank or line != line.strip() or _INLINE_SYNTAX.search(line):
            return None  # a block of several lines, an indent, or inline syntax
        after_blank = False
        heading = _HEADING.match(line)
        if heading:
            if "#" in heading.group(2):
                return None  # a closing sequence, or a '#' markdown-it may treat as one
            text = heading.group(2)
            blocks.append(PlainBlock(len(heading.group(1)), text, heading_id(text, used_ids)))
        elif _BLOCK_START.match(line):
            return None
        else:
            blocks.append(PlainBlock(0, line))
    return tuple(blocks)
