"""Chinese (and Japanese, Korean) characters: the one table of their Unicode ranges, and the classes made
from it that ingest, build, search and check share.

themes/default/static/js/search.js keeps a copy of `SEARCH_LETTERS` (a browser has no Python): change
both together.
"""

from __future__ import annotations

import re
import unicodedata

# Code point ranges, inclusive.
HAN = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F))  # ideographs: URO, ext. A, compatibility, ext. B and later
KANA = ((0x3040, 0x30FF),)
HANGUL = ((0xAC00, 0xD7AF),)
RADICALS_AND_BOPOMOFO = ((0x2E80, 0x2FDF), (0x3100, 0x312F), (0x31A0, 0x31FF))
# CJK symbols and punctuation, full-width forms, and the quotes, dashes and ellipsis Chinese text uses.
PUNCTUATION = ((0x3000, 0x303F), (0xFF00, 0xFFEF))
PUNCTUATION_CHARS = "\u2014\u2018\u2019\u201c\u201d\u2026\u00b7"  # — ‘ ’ “ ” … ·

LETTERS = RADICALS_AND_BOPOMOFO + KANA + HAN + HANGUL
SEARCH_LETTERS = KANA + HAN + HANGUL  # what the search index cuts into bigrams


def char_class(*ranges: tuple[tuple[int, int], ...], chars: str = "") -> str:
    """The inside of a regex character class (no brackets) for `ranges` and `chars`."""
    return "".join(f"{re.escape(chr(low))}-{re.escape(chr(high))}" for group in ranges for low, high in group) + re.escape(chars)


HAN_CLASS = char_class(HAN)
LETTER_CLASS = char_class(LETTERS)
PUNCTUATION_CLASS = char_class(PUNCTUATION, chars=PUNCTUATION_CHARS)

HAN_RUN_RE = re.compile(f"[{HAN_CLASS}]+")
CJK_LETTER_RE = re.compile(f"[{LETTER_CLASS}]")
CJK_LETTERS_RE = re.compile(f"[{LETTER_CLASS}]+")
WIDE_RE = re.compile(f"[{LETTER_CLASS}{PUNCTUATION_CLASS}]")
LATIN_WORD_RE = re.compile(r"[A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")  # full-width ones too
# A space between two CJK characters: in a Chinese headline it separates phrases ("政策密集发布 网络安全…"),
# where a space beside a Latin word or a number is only spacing ("让 5G 标准…").
PHRASE_SPACE_RE = re.compile(f"(?<=[{LETTER_CLASS}{PUNCTUATION_CLASS}])\\s+(?=[{LETTER_CLASS}{PUNCTUATION_CLASS}])")


def is_han(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in HAN)


def han_count(text: str) -> int:
    return sum(map(len, HAN_RUN_RE.findall(text)))


def is_cjk_letter(char: str) -> bool:
    return bool(char) and CJK_LETTER_RE.match(char) is not None


def is_wide(char: str) -> bool:
    """A CJK letter or punctuation, or any character as wide as one: a line break between two of these is
    not a space, and no space goes between them."""
    return bool(char) and (WIDE_RE.match(char) is not None or unicodedata.east_asian_width(char) in ("W", "F"))


def phrases(headline: str) -> list[str]:
    """The phrases of a headline, split where a space stands between two CJK characters."""
    return PHRASE_SPACE_RE.split(headline)


def display_width(text: str) -> int:
    """Width in half-width cells, as a line occupies it on a printed page or a terminal."""
    return sum(2 if unicodedata.east_asian_width(char) in ("W", "F") else 1 for char in text)
