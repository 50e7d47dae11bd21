"""Word boundaries for the Taiwan conversion, from the shared segmenter's dictionary (`generator.text.words`,
jieba; loaded on first use).

Two uses: `words()` lists the dictionary's words for OpenCC's segmentation (so that OpenCC's phrases
never cross a word: 整机|制造, not 整|机制|造), and `cuts_at(text, start, end)` tells whether a word
found by search stands as a word of its own in its context (内存 in 在境内存储 does not).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import jieba

from generator.text import words as segmentation

MIN_FREQUENCY = 50  # rarer dictionary entries are mostly phrases, names and fragments (大运, 工业局)
OVERLAP_FREQUENCY = 5  # a rarer word that overlaps a word of ours still makes OpenCC miss it (操作数|据)
VERSION = f"jieba {jieba.__version__}, frequency {MIN_FREQUENCY}, {OVERLAP_FREQUENCY}"  # what `words()` depends on
WINDOW = 4  # characters of context on each side when segmenting around a word
_CROSS = 3  # the longest stretch a crossing word reaches beyond a word's edge, in characters


def words(minimum: int = MIN_FREQUENCY) -> list[str]:
    """Chinese words of two characters or more that the dictionary knows well enough."""
    return [word for word, frequency in segmentation.dictionary().items()
            if frequency >= minimum and len(word) > 1 and all("\u4e00" <= char <= "\u9fff" for char in word)]


def is_word(text: str, minimum: int = MIN_FREQUENCY) -> bool:
    """Whether the dictionary knows `text` as a word, at least `minimum` times."""
    return segmentation.dictionary().get(text, 0) >= minimum


def overlaps_from_left(ours: Iterable[str]) -> dict[str, int]:
    """Each stretch where a dictionary word starts before one of `ours` and ends inside it (境内存:
    境内 over 内存), with where the word of ours starts in it: the overlaps that a longest match
    from the left (OpenCC's) resolves for the dictionary word."""
    heads: dict[str, list[str]] = {}  # the start of a dictionary word -> its ends
    for word in words(OVERLAP_FREQUENCY):
        for cut in range(1, len(word)):
            if cut <= _CROSS:
                heads.setdefault(word[cut:], []).append(word[:cut])
    ours = set(ours)
    overlaps = {before + word: len(before) for word in ours for cut in range(1, len(word)) for before in heads.get(word[:cut], ())}
    return {stretch: start for stretch, start in overlaps.items() if stretch not in ours}  # 大数据 is a word of its own


def crossed(text: str, start: int, end: int) -> bool:
    """Whether a dictionary word overlaps text[start:end] across one of its edges."""
    frequency = segmentation.dictionary()
    for left in range(max(0, start - _CROSS), start):
        for right in range(start + 1, end):
            if frequency.get(text[left:right]):
                return True
    for left in range(start + 1, end):
        for right in range(end + 1, min(len(text), end + _CROSS) + 1):
            if frequency.get(text[left:right]):
                return True
    return False


def cuts_inside(text: str, start: int, end: int) -> tuple[int, ...]:
    """Where the best segmentation of text[start:end]'s neighbourhood cuts it: () when it is a word
    there, alone or opening or closing a longer one (数据 in 数据安全, 大数据); its middle when a longer
    word holds it there (视频 in 电视频道); else the cuts inside it (内|存 in 境内|存储)."""
    if not crossed(text, start, end):
        return ()
    offset = max(0, start - WINDOW)
    own = {start + cut for cut in _cuts(text[start:end], 0, end - start, inside=False)}  # 移动|通信 in 移动通信
    return tuple(cut for cut in (offset + cut for cut in _cuts(text[offset : end + WINDOW], start - offset, end - offset)) if cut not in own)


@lru_cache(maxsize=1 << 16)
def _cuts(window: str, start: int, end: int, inside: bool = True) -> tuple[int, ...]:
    """The cuts strictly between `start` and `end` of the best segmentation of `window`; with
    `inside`, the middle of the stretch when a longer word holds it inside."""
    cuts, position = [], 0
    for word in segmentation.cut_by_dictionary(window):
        word_start, position = position, position + len(word)
        if start < position < end:
            cuts.append(position)
        elif inside and word_start < start < end < position:
            return ((start + end) // 2,)
    return tuple(cuts)
