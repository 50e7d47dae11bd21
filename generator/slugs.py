"""Readable ASCII slugs from Chinese titles: pinyin by word, shortened at a word boundary."""

from __future__ import annotations

import re

from pypinyin import lazy_pinyin
from pypinyin.seg.mmseg import seg

MAX_SLUG_CHARS = 40

_TOKENS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[A-Za-z0-9]+")
_ASCII_WORD = re.compile(r"[a-z0-9]+")


def _group(chars: list[str]) -> list[list[str]]:
    """Characters the dictionary did not join: three or fewer make one word, more make pairs
    (most Chinese words have two characters), an odd one out joining the last pair."""
    if len(chars) <= 3:
        return [chars] if chars else []
    groups = [chars[i : i + 2] for i in range(0, len(chars) - len(chars) % 2, 2)]
    if len(chars) % 2:
        groups[-1] = groups[-1] + chars[-1:]
    return groups


def _pinyin(chars: str) -> str:
    return "".join(p for p in lazy_pinyin(chars, errors="ignore") if _ASCII_WORD.fullmatch(p))


def words(text: str) -> list[str]:
    result: list[str] = []
    for token in _TOKENS.findall(text):
        if token.isascii():
            result.append(token.lower())
            continue
        singles: list[str] = []
        for piece in seg.cut(token):
            if len(piece) == 1:
                singles.append(piece)
                continue
            result.extend(_pinyin("".join(group)) for group in _group(singles))
            singles = []
            result.append(_pinyin(piece))
        result.extend(_pinyin("".join(group)) for group in _group(singles))
    return [word for word in result if word]


def slugify(text: str, max_chars: int = MAX_SLUG_CHARS) -> str:
    slug = ""
    for word in words(text):
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_chars:
            if not slug:
                slug = word[:max_chars]
            break
        slug = candidate
    return slug or "article"


def unique_slug(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`… the first not in `taken` (deterministic for the same inputs)."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"
