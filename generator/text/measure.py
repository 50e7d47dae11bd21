"""How long a text takes to read, and a text cut to a length."""

from __future__ import annotations

import math

from generator.text.cjk import CJK_LETTERS_RE, LATIN_WORD_RE

CHARS_PER_MINUTE = 450  # reading speed for Chinese text; a Latin word counts as one character


def reading_units(text: str) -> int:
    """CJK characters plus Latin words: what reading time is proportional to."""
    return sum(map(len, CJK_LETTERS_RE.findall(text))) + len(LATIN_WORD_RE.findall(text))  # runs: fewer matches


def reading_minutes(text: str) -> int:
    return max(1, math.ceil(reading_units(text) / CHARS_PER_MINUTE))


def truncate(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"
