"""Block rules: an ordered chain of small named rules that label each block.

Like markdown-it's rule chains, each rule looks at one block (and its neighbours) and either
returns a label or passes. The first rule that answers wins. Labels:

- SECTION: a column banner (栏目) such as a short name on its own, set off by a layout marker
  or standing directly above an article title.
- PART: the part label of a special feature, decorated on both sides ("· 定义篇 ·").
- SUBTITLE: a line opening with a dash right under a heading ("——广东有望…").
- HEADING: an article title or an in-article subheading; `segment` decides which.
- BODY: a paragraph.

Rules follow from how bulletins are laid out and written, never from a particular bulletin's words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum

from generator.ingest.chars import (
    CLAUSE_END,
    CLOSERS,
    DASHES,
    collapse_spaces,
    last_meaningful,
)
from generator.ingest.layout import Block
from generator.text.cjk import han_count


class Kind(str, Enum):
    SECTION = "section"
    PART = "part"
    SUBTITLE = "subtitle"
    HEADING = "heading"
    BODY = "body"


@dataclass(frozen=True)
class Labeled:
    block: Block
    kind: Kind
    text: str  # display text (for headings: spaces collapsed, decoration removed)
    forced: str | None = None  # "title" or "subheading" when a hint decided; never second-guessed
    synthetic: bool = False  # a title a hint supplied: not text of the bulletin


MAX_HEADING_CHARS = 64
MAX_HEADING_LINES = 3
MAX_SECTION_CHARS = 10
MAX_COLON_LEAD_CHARS = 30

PART_DECORATION = re.compile(r"^[·•・●◆◇■□★☆\-—–\s]+(?P<name>[^·•・●◆◇■□★☆\-—–\s][^·•・●◆◇■□★☆]{0,11}?)[·•・●◆◇■□★☆\-—–\s]+$")
BRACKETED = re.compile(r"^[【\[〔〖](?P<name>[^】\]〕〗]{1,12})[】\]〕〗]$")
# Bylines, sources and captions: "（记者 张三）", "来源：新华社", "图1 5G基站": short, unpunctuated, never headings.
BYLINE = re.compile(r"^[（(].{0,30}[）)]$|^(?:文|图|表|来源|资料来源|数据来源|作者|编辑|责编|责任编辑|记者|通讯员|撰稿|审核)"
                    r"\s*\d*\s*[:：\s]")
PUNCTUATION = re.compile(r"[，。；：！？、,.;:!?“”\"（）()《》]")


def heading_shaped(block: Block) -> bool:
    """Short, one to three lines, no sentence inside and no clause punctuation at the end."""
    text = block.text
    if len(block.lines) > MAX_HEADING_LINES or len(text) > MAX_HEADING_CHARS:
        return False
    if last_meaningful(text) in CLAUSE_END or re.search(r"[。；;]", text):
        return False
    if text[0] in CLOSERS or text[0] in "，。、；：,.;:!?！？":
        return False
    if BYLINE.search(text):
        return False
    return sum(1 for ch in text if ch.isalnum()) >= 2


def _section_name(block: Block) -> str | None:
    bracketed = BRACKETED.match(block.text)
    if bracketed and not bracketed.group("name").endswith("篇"):
        return bracketed.group("name").strip()
    text = collapse_spaces(block.text)
    if len(text) <= MAX_SECTION_CHARS and not PUNCTUATION.search(text) and han_count(text) >= 2:
        return text
    return None


def _starts_with_dash(text: str) -> bool:
    return text.startswith(DASHES)


# --- the rules -------------------------------------------------------------------------------

Rule = Callable[[list[Block], int, list[Labeled]], Labeled | None]


def rule_part_label(blocks: list[Block], index: int, done: list[Labeled]) -> Labeled | None:
    block = blocks[index]
    match = PART_DECORATION.match(block.text)
    if not match:
        bracketed = BRACKETED.match(block.text)
        if bracketed and bracketed.group("name").endswith("篇"):
            match = bracketed
    if match and len(block.lines) == 1 and han_count(match.group("name")) >= 2:
        return Labeled(block, Kind.PART, collapse_spaces(match.group("name")))
    return None


def rule_section_banner(blocks: list[Block], index: int, done: list[Labeled]) -> Labeled | None:
    block = blocks[index]
    name = _section_name(block)
    if name is None or not heading_shaped(block) or (done and done[-1].kind is Kind.PART):
        return None  # a part label is followed by an article title, never by a banner
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    above_title = (
        following is not None
        and heading_shaped(following)
        and not _starts_with_dash(following.text)
        and PART_DECORATION.match(following.text) is None
    )
    if block.marker_after or above_title or BRACKETED.match(block.text):
        return Labeled(block, Kind.SECTION, name)
    return None


def rule_subtitle(blocks: list[Block], index: int, done: list[Labeled]) -> Labeled | None:
    block = blocks[index]
    if not _starts_with_dash(block.text) or not done or done[-1].kind is not Kind.HEADING:
        return None
    if len(block.text) > MAX_HEADING_CHARS or len(block.lines) > MAX_HEADING_LINES:
        return None
    return Labeled(block, Kind.SUBTITLE, collapse_spaces(block.text))


def rule_heading(blocks: list[Block], index: int, done: list[Labeled]) -> Labeled | None:
    block = blocks[index]
    if heading_shaped(block) and not _starts_with_dash(block.text):
        return Labeled(block, Kind.HEADING, collapse_spaces(block.text))
    return None


def rule_body(blocks: list[Block], index: int, done: list[Labeled]) -> Labeled | None:
    return Labeled(blocks[index], Kind.BODY, blocks[index].text)


RULES: list[Rule] = [rule_part_label, rule_section_banner, rule_subtitle, rule_heading, rule_body]


def merge_colon_headings(blocks: list[Block]) -> list[Block]:
    """A short heading ending in a colon continues on the next line ("目标：" / "三年拿下…")."""
    merged: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if (
            following is not None
            and block.text.endswith(("：", ":"))
            and len(block.text) <= MAX_COLON_LEAD_CHARS
            and len(block.lines) == 1
            and heading_shaped(following)
            and not following.text.endswith(("：", ":"))
        ):
            merged.append(replace(block, text=block.text + following.text, lines=block.lines + following.lines))
            index += 2
            continue
        merged.append(block)
        index += 1
    return merged


def label_blocks(blocks: list[Block], rules: list[Rule] = RULES) -> list[Labeled]:
    blocks = merge_colon_headings(blocks)
    labeled: list[Labeled] = []
    for index in range(len(blocks)):
        for rule in rules:
            result = rule(blocks, index, labeled)
            if result is not None:
                labeled.append(result)
                break
    return labeled
