"""Word boundaries for the Taiwan conversion, from jieba's dictionary (loaded on first use).

Two uses: `words()` lists the dictionary's words for OpenCC's segmentation (so that OpenCC's phrases
never cross a word: 整机|制造, not 整|机制|造), and `cuts_at(text, start, end)` tells whether a word
found by search stands as a word of its own in its context (内存 in 在境内存储 does not).
"""

from __future__ import annotations

import logging
from functools import cache, lru_cache

import jieba

MIN_FREQUENCY = 5  # rarer dictionary entries are mostly phrases and names, not words
VERSION = f"jieba {jieba.__version__}, frequency {MIN_FREQUENCY}"  # what `words()` depends on
WINDOW = 4  # characters of context on each side when segmenting around a word
_CROSS = 3  # the longest stretch a crossing word reaches beyond a word's edge, in characters


@cache
def _tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def words() -> list[str]:
    """Chinese words of two characters or more that the dictionary knows well enough."""
    return [word for word, frequency in _tokenizer().FREQ.items()
            if frequency >= MIN_FREQUENCY and len(word) > 1 and all("\u4e00" <= char <= "\u9fff" for char in word)]


def _crossed(text: str, start: int, end: int) -> bool:
    """Whether a dictionary word overlaps text[start:end] across one of its edges."""
    frequency = _tokenizer().FREQ
    for left in range(max(0, start - _CROSS), start):
        for right in range(start + 1, end):
            if frequency.get(text[left:right]):
                return True
    for left in range(start + 1, end):
        for right in range(end + 1, min(len(text), end + _CROSS) + 1):
            if frequency.get(text[left:right]):
                return True
    return False


def cuts_at(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a word in its context, alone or opening or closing a longer one
    (数据 in 数据安全, 大数据; not 视频 in 电视频道): in the best segmentation of its neighbourhood,
    no word crosses its edges or holds it in its middle."""
    if not _crossed(text, start, end):
        return True
    return _segmented_at(text[max(0, start - WINDOW) : end + WINDOW], min(start, WINDOW), min(start, WINDOW) + end - start)


@lru_cache(maxsize=1 << 16)
def _segmented_at(window: str, start: int, end: int) -> bool:
    position = 0
    for word in _tokenizer().cut(window, HMM=False):
        word_start, position = position, position + len(word)
        if start < position < end or word_start < start < end < position:
            return False
    return True
