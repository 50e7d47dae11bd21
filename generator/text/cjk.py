"""Character classes of Chinese (and Japanese, Korean) text."""

from __future__ import annotations

import re

# Han ideographs (URO, extension A, compatibility, extensions B and later), kana and hangul.
_CJK_LETTER = (
    "\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u31a0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
)
# CJK symbols and punctuation, full-width forms, and the quotes, dashes and ellipsis Chinese text uses.
_CJK_PUNCT = "\u3000-\u303f\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026\u00b7"

CJK_LETTER_RE = re.compile(f"[{_CJK_LETTER}]")
CJK_LETTERS_RE = re.compile(f"[{_CJK_LETTER}]+")
WIDE_RE = re.compile(f"[{_CJK_LETTER}{_CJK_PUNCT}]")
HAN_RUN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
LATIN_WORD_RE = re.compile(r"[A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")
# A space between two CJK characters: in a Chinese headline it separates phrases ("政策密集发布 网络安全…"),
# where a space beside a Latin word or a number is only spacing ("让 5G 标准…").
PHRASE_SPACE_RE = re.compile(f"(?<=[{_CJK_LETTER}{_CJK_PUNCT}])\\s+(?=[{_CJK_LETTER}{_CJK_PUNCT}])")


def is_cjk_letter(char: str) -> bool:
    return bool(char) and CJK_LETTER_RE.match(char) is not None


def is_wide(char: str) -> bool:
    """A CJK letter or CJK punctuation: a line break between two of these is not a space."""
    return bool(char) and WIDE_RE.match(char) is not None


def phrases(headline: str) -> list[str]:
    """The phrases of a headline, split where a space stands between two CJK characters."""
    return PHRASE_SPACE_RE.split(headline)
