"""Block rules: an ordered chain of small named rules that label each block.

Like markdown-it's rule chains, each rule looks at one block (and its neighbours, and facts about
the whole bulletin) and either returns a label or passes. The first rule that answers wins. Labels:

- TABLE: a small table (found by the layout step).
- PART: the part label of a special feature, decorated on both sides ("· 定义篇 ·").
- BYLINE: an author or source line ("来源：新华社", "作者：…", "人民邮电报记者 王海燕", "（来源：…）").
- SECTION: a column banner (栏目): a short name set off by a layout marker, standing directly above
  an article title, in brackets (`【市场观察】`), or numbered in a series of its own (`一、政策动态`).
- SUBTITLE: a line opening with a dash right under a heading ("——广东有望…").
- HEADING: an article title or an in-article subheading; `segment` decides which. A heading may
  be numbered (`1. `, `（一）`) or bracketed (`【…】`); the enumerator is kept apart.
- BODY: a paragraph.

Rules follow from how bulletins are laid out and written, never from a particular bulletin's words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import Enum
from functools import cached_property

from generator.ingest.bylines import CAPTION, parse_byline
from generator.ingest.chars import (
    CLAUSE_END,
    CLOSERS,
    DASHES,
    chinese_int,
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
    BYLINE = "byline"
    TABLE = "table"
    BODY = "body"


@dataclass(frozen=True)
class Labeled:
    block: Block
    kind: Kind
    text: str  # display text (for headings: spaces collapsed, decoration removed; numbering kept)
    forced: str | None = None  # "title" or "subheading" when a hint decided; never second-guessed
    listed: str | None = None  # "title" or "subheading" as the contents page shows it
    synthetic: bool = False  # a title a hint supplied: not text of the bulletin
    enumerator: str | None = None  # a heading's printed number or brackets: "1.", "（一）", "【】"
    author: str | None = None  # a byline's author, as printed
    source: str | None = None  # a byline's source, as printed

    @property
    def unnumbered(self) -> str:
        """A heading without its enumerator: what a title reads once its number went to `order`."""
        if self.enumerator == "【】":
            return self.text[1:-1].strip()
        if self.enumerator:
            return self.text[len(self.enumerator):].strip()
        return self.text


MAX_HEADING_CHARS = 64
MAX_HEADING_LINES = 3
MAX_SECTION_CHARS = 10
MAX_COLON_LEAD_CHARS = 30
MAX_LABEL_CHARS = 8  # "产能：", "三大挑战待破解：": a label heading ending in a colon is short

PART_DECORATION = re.compile(r"^[·•・●◆◇■□★☆\-—–\s]+(?P<name>[^·•・●◆◇■□★☆\-—–\s][^·•・●◆◇■□★☆]{0,11}?)[·•・●◆◇■□★☆\-—–\s]+$")
BRACKETED = re.compile(r"^[【\[〔〖](?P<name>[^】\]〕〗]{1,60})[】\]〕〗]$")
BANNER_DECORATION = re.compile(r"^[■□◆◇●○▲△▶►★☆]\s*")
# A turn of an interview: "记者：……？", "问：……", "答：……": dialogue, never a heading.
DIALOGUE = re.compile(r"^(?:记者|主持人|问|答|Q|A)\s*[:：]")
PUNCTUATION = re.compile(r"[，。；：！？、,.;:!?“”\"（）()《》]")
CHINESE_NUMBERED = re.compile(r"^(?P<number>[一二三四五六七八九十]{1,3})[、．.]\s*(?P<name>.+)$")
# A heading's enumerator: "1. ", "1．", "1、", "（一）", "(1)", "一、", "第一部分"
ENUMERATOR = re.compile(r"^(?:\d{1,2}[.．、](?!\d)\s*|[（(][一二三四五六七八九十\d]{1,3}[）)]\s*|[一二三四五六七八九十]{1,3}[、．]\s*)")




def heading_shaped(block: Block) -> bool:
    """Short, one to three lines, no sentence inside and no clause punctuation at the end."""
    text = block.text
    if block.rows or len(block.lines) > MAX_HEADING_LINES or len(text) > MAX_HEADING_CHARS:
        return False
    if last_meaningful(text) in CLAUSE_END or re.search(r"[。；;]", text):
        return False
    if text.endswith(("：", ":")) and (re.search(r"[，,]", text) or han_count(text) > MAX_LABEL_CHARS):
        return False  # a sentence that introduces what follows ("他认为，……有三个："), not a label ("产能：")
    if text[0] in CLOSERS or text[0] in "，。、；：,.;:!?！？":
        return False
    if CAPTION.search(text) or DIALOGUE.match(text) or parse_byline(text) is not None:
        return False
    return sum(1 for ch in text if ch.isalnum()) >= 2


def enumerator(text: str) -> str | None:
    bracketed = BRACKETED.match(text)
    if bracketed:
        return "【】"
    match = ENUMERATOR.match(text)
    return match.group(0).strip() if match else None


def banner_name(text: str) -> str | None:
    """The name a section banner shows: short, unpunctuated, without decoration or brackets."""
    text = BANNER_DECORATION.sub("", collapse_spaces(text))
    bracketed = BRACKETED.match(text)
    if bracketed:
        text = bracketed.group("name").strip()
    if len(text) <= MAX_SECTION_CHARS and not PUNCTUATION.search(text) and han_count(text) >= 2:
        return text
    return None


def _starts_with_dash(text: str) -> bool:
    return text.startswith(DASHES)


@dataclass
class Document:
    """The blocks of a bulletin and what is known of it as a whole, for the rules to consult."""

    blocks: list[Block]
    contents_sections: set[str] = field(default_factory=set)  # section names a contents page lists

    def following(self, index: int) -> Block | None:
        return self.blocks[index + 1] if index + 1 < len(self.blocks) else None

    def above_heading(self, index: int) -> bool:
        following = self.following(index)
        return (following is not None and heading_shaped(following) and not _starts_with_dash(following.text)
                and PART_DECORATION.match(following.text) is None)

    @cached_property
    def bracketed_titles(self) -> bool:
        """Does this bulletin put its titles in brackets? It does when its bracketed lines are
        mostly followed by text or a byline (a banner is followed by a title)."""
        above_text = above_title = 0
        for index, block in enumerate(self.blocks):
            bracketed = BRACKETED.match(block.text)
            if bracketed and not bracketed.group("name").endswith("篇"):
                if self.above_heading(index):
                    above_title += 1
                else:
                    above_text += 1
        return above_text > above_title

    @cached_property
    def numbered_banners(self) -> set[int]:
        """Blocks that are numbered section banners (`一、政策动态`): banner-shaped, above a
        heading, and either listed by the contents page or numbered in one series of their own
        through the bulletin (subheadings numbered so start again in every article)."""
        candidates = []
        for index, block in enumerate(self.blocks):
            match = CHINESE_NUMBERED.match(collapse_spaces(block.text))
            if match and banner_name(match.group("name")) and self.above_heading(index):
                candidates.append((index, match.group("number"), banner_name(match.group("name"))))
        listed = {index for index, _, name in candidates if name in self.contents_sections}
        if listed:
            return listed
        accepted, expected = set(), 1
        for index, number, _ in candidates:
            if chinese_int(number) == expected:
                accepted.add(index)
                expected += 1
        return accepted if len(accepted) >= 2 else set()


# --- the rules -------------------------------------------------------------------------------

Rule = Callable[[Document, int, list[Labeled]], Labeled | None]


def rule_table(doc: Document, index: int, done: list[Labeled]) -> Labeled | None:
    block = doc.blocks[index]
    return Labeled(block, Kind.TABLE, block.text) if block.rows else None


def rule_part_label(doc: Document, index: int, done: list[Labeled]) -> Labeled | None:
    block = doc.blocks[index]
    match = PART_DECORATION.match(block.text)
    if not match:
        bracketed = BRACKETED.match(block.text)
        if bracketed and bracketed.group("name").endswith("篇") and len(bracketed.group("name")) <= 12:
            match = bracketed
    if match and len(block.lines) == 1 and han_count(match.group("name")) >= 2:
        return Labeled(block, Kind.PART, collapse_spaces(match.group("name")))
    return None


def rule_byline(doc: Document, index: int, done: list[Labeled]) -> Labeled | None:
    block = doc.blocks[index]
    if len(block.lines) > 2:
        return None
    parsed = parse_byline(block.text)
    if parsed is None:
        return None
    author, source = parsed
    return Labeled(block, Kind.BYLINE, collapse_spaces(block.text), author=author, source=source)


def rule_section_banner(doc: Document, index: int, done: list[Labeled]) -> Labeled | None:
    block = doc.blocks[index]
    numbered = CHINESE_NUMBERED.match(collapse_spaces(block.text))
    numbered_name = banner_name(numbered.group("name")) if numbered else None
    if index in doc.numbered_banners and numbered_name:
        return Labeled(block, Kind.SECTION, numbered_name)
    name = banner_name(block.text)
    if name is None or not heading_shaped(block) or (done and done[-1].kind is Kind.PART):
        return None  # a part label is followed by an article title, never by a banner
    bracketed = BRACKETED.match(BANNER_DECORATION.sub("", block.text))
    if bracketed and doc.bracketed_titles:
        return None
    if block.marker_after or doc.above_heading(index) or bracketed or name in doc.contents_sections:
        return Labeled(block, Kind.SECTION, name)
    return None


def rule_subtitle(doc: Document, index: int, done: list[Labeled]) -> Labeled | None:
    block = doc.blocks[index]
    if not _starts_with_dash(block.text) or not done or done[-1].kind is not Kind.HEADING:
        return None
    if len(block.text) > MAX_HEADING_CHARS or len(block.lines) > MAX_HEADING_LINES:
        return None
    return Labeled(block, Kind.SUBTITLE, collapse_spaces(block.text))


def rule_heading(doc: Document, index: int, done: list[Labeled]) -> Labeled | None:
    block = doc.blocks[index]
    if heading_shaped(block) and not _starts_with_dash(block.text):
        text = collapse_spaces(block.text)
        return Labeled(block, Kind.HEADING, text, enumerator=enumerator(text))
    return None


def rule_body(doc: Document, index: int, done: list[Labeled]) -> Labeled | None:
    return Labeled(doc.blocks[index], Kind.BODY, doc.blocks[index].text)


RULES: list[Rule] = [rule_table, rule_part_label, rule_byline, rule_section_banner, rule_subtitle, rule_heading,
                     rule_body]


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
            and not block.rows
            and parse_byline(block.text) is None
            and heading_shaped(following)
            and not following.text.endswith(("：", ":"))
        ):
            merged.append(replace(block, text=block.text + following.text, lines=block.lines + following.lines))
            index += 2
            continue
        merged.append(block)
        index += 1
    return merged


def label_blocks(blocks: list[Block], rules: list[Rule] = RULES, contents_sections: set[str] | None = None
                 ) -> list[Labeled]:
    doc = Document(merge_colon_headings(blocks), contents_sections or set())
    labeled: list[Labeled] = []
    for index in range(len(doc.blocks)):
        for rule in rules:
            result = rule(doc, index, labeled)
            if result is not None:
                labeled.append(result)
                break
    return labeled
