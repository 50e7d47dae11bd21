"""Punctuation and small text measures of the ingest rules (character classes are `text.cjk`'s)."""

from __future__ import annotations

import re

from generator.text.cjk import HAN_CLASS, PUNCTUATION_CLASS, is_wide

# Sentence-final and clause punctuation: a heading never ends with these.
CLAUSE_END = set("。；，、.;,")
SENTENCE_END = set("。！？!?…；;")
CLOSERS = set("”’」』）)】〕》>\"'")
DASHES = ("——", "—", "--", "－－")

def is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def last_meaningful(text: str) -> str:
    """The last character once closing quotes and brackets are set aside."""
    stripped = text.rstrip()
    while stripped and stripped[-1] in CLOSERS:
        stripped = stripped[:-1].rstrip()
    return stripped[-1] if stripped else ""


def join_wrapped(left: str, right: str, word_space: bool) -> str:
    """Join two pieces of one paragraph split at a line end.

    No space is ever inserted next to a wide (CJK) character; between two Latin words one space
    is kept when the line end carried one (`word_space`).
    """
    if not left:
        return right
    if not right:
        return left
    if word_space and not is_wide(left[-1]) and not is_wide(right[0]):
        return left + " " + right
    return left + right


_SPACE_RUN = re.compile(r"[ \t\u00a0\u3000]+")
_SPACE_BETWEEN_WIDE = re.compile(f"(?<=[{HAN_CLASS}{PUNCTUATION_CLASS}])[ ]+(?=[{HAN_CLASS}{PUNCTUATION_CLASS}])")


def collapse_spaces(text: str) -> str:
    return _SPACE_RUN.sub(" ", text).strip()


_BOOK_TITLE = re.compile(r"(《[^《》]*》)")


def tidy_paragraph(text: str) -> str:
    """Body text: one space at most, none between two CJK characters (typesetting leftovers),
    except inside 《book titles》, which are quoted as published."""
    pieces = _BOOK_TITLE.split(collapse_spaces(text))
    return "".join(piece if index % 2 else _SPACE_BETWEEN_WIDE.sub("", piece) for index, piece in enumerate(pieces))


# "一、", "（二）", "3．", "第四部分": how a heading may be numbered, by numbering style.
_ENUMERATORS = (
    ("chinese", re.compile(r"^[一二三四五六七八九十]{1,3}[、．.]")),
    ("parenthesised", re.compile(r"^[（(][一二三四五六七八九十\d]{1,3}[）)]")),
    ("arabic", re.compile(r"^\d{1,2}[、．.](?!\d)")),
    ("ordinal", re.compile(r"^第[一二三四五六七八九十\d]{1,3}[章节部分篇]")),
)


_CHINESE_DIGITS = "一二三四五六七八九"


def chinese_int(numeral: str) -> int | None:
    """一 -> 1, 十二 -> 12, 二十 -> 20: the small Chinese numerals that number banners and parts."""
    if not numeral or any(ch not in _CHINESE_DIGITS + "十" for ch in numeral):
        return None
    if "十" not in numeral:
        return _CHINESE_DIGITS.index(numeral) + 1 if len(numeral) == 1 else None
    tens, _, ones = numeral.partition("十")
    value = (_CHINESE_DIGITS.index(tens) + 1 if tens else 1) * 10
    return value + (_CHINESE_DIGITS.index(ones) + 1 if ones else 0)


def numbering(text: str) -> str | None:
    """The numbering style a heading opens with, if any."""
    for style, pattern in _ENUMERATORS:
        if pattern.match(text):
            return style
    return None
