"""Character classes and small text utilities for Chinese content."""

from __future__ import annotations

import math
import re

# Han ideographs (URO, extension A, compatibility, extensions B and later), kana and hangul.
_CJK_LETTER = (
    "\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u31a0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
)
# CJK symbols and punctuation, full-width forms, and the quotes, dashes and ellipsis Chinese text uses.
_CJK_PUNCT = "\u3000-\u303f\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026\u00b7"

CJK_LETTER_RE = re.compile(f"[{_CJK_LETTER}]")
_CJK_LETTERS_RE = re.compile(f"[{_CJK_LETTER}]+")
WIDE_RE = re.compile(f"[{_CJK_LETTER}{_CJK_PUNCT}]")
HAN_RUN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
LATIN_WORD_RE = re.compile(r"[A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")

# C0/C1 controls other than tab and newline, and non-characters: not allowed in XML, never useful.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")

CHARS_PER_MINUTE = 450  # reading speed for Chinese text; a Latin word counts as one character


def is_cjk_letter(char: str) -> bool:
    return bool(char) and CJK_LETTER_RE.match(char) is not None


def is_wide(char: str) -> bool:
    """A CJK letter or CJK punctuation: a line break between two of these is not a space."""
    return bool(char) and WIDE_RE.match(char) is not None


def clean_text(text: str) -> str:
    """Normalise line endings and drop control characters that PDF extraction leaves behind."""
    return _CONTROL_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def reading_units(text: str) -> int:
    """CJK characters plus Latin words: what reading time is proportional to."""
    return sum(map(len, _CJK_LETTERS_RE.findall(text))) + len(LATIN_WORD_RE.findall(text))  # runs: fewer matches


def reading_minutes(text: str) -> int:
    return max(1, math.ceil(reading_units(text) / CHARS_PER_MINUTE))


def truncate(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


_FOLD_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD_TABLE.update({code: code + 32 for code in range(ord("A"), ord("Z") + 1)})
_FOLD_TABLE.update({code: code - 0xFEE0 + 32 for code in range(0xFF21, 0xFF3B)})


_FOLDABLE_RE = re.compile("[A-Z\uff01-\uff5e]+")


def fold(text: str) -> str:
    """Search folding: full-width ASCII to ASCII, A-Z to a-z; one character in, one out.

    The search script (themes/default/static/js/search.js) folds queries the same way.
    """
    # translate() looks up every character: on Chinese text, folding only the runs that change is faster
    return _FOLDABLE_RE.sub(lambda run: run.group().translate(_FOLD_TABLE), text)
