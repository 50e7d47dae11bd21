"""Words of Chinese text, from a real segmenter (jieba), for everything that compares text by its
words: lexical cohesion in ingest, tag keywords, slugs and search.

One tokenizer is made on first use (jieba loads its dictionary then, about a second, and caches
it in the temporary folder); `add_words` teaches it names and terms its dictionary lacks (a
taxonomy's keywords), so they come out whole.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable, Mapping

from generator.text.cjk import HAN_CLASS

_LOCK = threading.Lock()
_TOKENIZER = None
_ADDED: set[str] = set()

_CJK = re.compile(f"[{HAN_CLASS}]")
_LATIN_WORD = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.+\-]*$")
# Words that carry no topic: they join anything to anything ("的", "表示", "我国", "同比").
STOPWORDS = frozenset(
    "的 了 和 与 及 或 在 是 为 对 等 将 也 并 而 把 被 从 向 以 于 中 上 下 其 该 这 那 之 所 有 个 年 月 日 "
    "我们 他们 表示 认为 指出 介绍 称 说 据 以及 其中 同时 此外 目前 今年 去年 已经 进一步 相关 方面 "
    "一个 一些 通过 进行 开展 实现 推动 加快 推进 提升 发展 工作 情况 问题 我国 全国 国内 同比 增长 "
    "亿元 万元 百分点 记者 本报 本刊 近日 日前".split()
)


def _tokenizer():
    global _TOKENIZER
    with _LOCK:
        if _TOKENIZER is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            tokenizer = jieba.Tokenizer()
            tokenizer.initialize()
            for word in _ADDED:
                tokenizer.add_word(word)
            _TOKENIZER = tokenizer
        return _TOKENIZER


def add_words(words: Iterable[str]) -> None:
    """Teach the segmenter words it should keep whole (names, a taxonomy's keywords)."""
    new = {word for word in words if word and word not in _ADDED}
    _ADDED.update(new)
    if _TOKENIZER is not None:
        with _LOCK:
            for word in new:
                _TOKENIZER.add_word(word)


def dictionary() -> Mapping[str, int]:
    """The segmenter's dictionary: each word with how often its corpus has it (a word's prefixes are
    in it too, at 0)."""
    return _tokenizer().FREQ


def cut_by_dictionary(text: str) -> list[str]:
    """`text` cut where the dictionary's frequencies cut it best, without guessing words it does not
    know (no HMM): the same text always cuts the same way."""
    return _tokenizer().lcut(text, HMM=False)


def _word(token: str) -> str | None:
    token = token.strip()
    if _CJK.search(token):
        return token
    return token.lower() if _LATIN_WORD.match(token) else None


def words(text: str) -> list[str]:
    """The words of `text` in order: Chinese words as jieba cuts them, Latin words and numbers
    lower-cased; spaces and punctuation dropped."""
    return [word for token in _tokenizer().lcut(text) if (word := _word(token))]


def words_of_each(texts: list[str]) -> list[list[str]]:
    """`words` of many texts at once (one pass of the segmenter: much quicker than one per text)."""
    out: list[list[str]] = [[]]
    for token in _tokenizer().lcut("\n".join(text.replace("\n", " ") for text in texts)):
        if token == "\n":
            out.append([])
        elif word := _word(token):
            out[-1].append(word)
    return out if texts else []


def content_words(text: str) -> list[str]:
    """The words that say what a text is about: no stopwords, no single characters, no bare numbers."""
    return _content(words(text))


def content_words_of_each(texts: list[str]) -> list[list[str]]:
    return [_content(found) for found in words_of_each(texts)]


def _content(found: list[str]) -> list[str]:
    return [word for word in found if word not in STOPWORDS and len(word) >= 2 and not word.replace(".", "").isdigit()]
