"""Words of Chinese text, from a real segmenter (jieba), for everything that compares text by its
words: lexical cohesion in ingest, tag keywords, slugs and search.

One tokenizer is made on first use (jieba loads its dictionary then, about a second, and caches
it in the temporary folder). `add_words` teaches a taxonomy's keywords to a second tokenizer, a copy
used only to find keyword edges (`word_edges`) and to cut slugs: ingest, search and the zh-Hant conversion cut
text the same way whether or not tags were looked for first.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re
import threading
from collections.abc import Iterable, Mapping

from generator.text.cjk import HAN_CLASS

_LOCK = threading.Lock()
_TOKENIZER = None
# Government bodies bulletins name all the time, which jieba's dictionary lacks or cuts wrongly
# (国家发展改革委 as 国家/发展/改/革委会): taught to every tokenizer.
BODIES = frozenset(
    "工信部 工业和信息化部 发改委 发展改革委 国家发展改革委 国资委 网信办 国家网信办 中央网信办 国家数据局 "
    "市场监管总局 国家标准委 信通院 中国信通院 赛迪研究院 通信管理局 经信厅 经信委 工信厅 大数据局 "
    "证监会 国家知识产权局".split()
)
_KEYWORDS: set[str] = set()
_KEYWORD_TOKENIZER = None

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
            for word in sorted(BODIES):  # in one order: each word's frequency depends on those before it
                tokenizer.add_word(word)
            _TOKENIZER = tokenizer
        return _TOKENIZER


def _keyword_tokenizer():
    """The tokenizer taught the keywords of `add_words`: a copy of the shared one's dictionary (a
    dictionary copy takes milliseconds; loading jieba again would take a second)."""
    global _KEYWORD_TOKENIZER
    base = _tokenizer()
    with _LOCK:
        if _KEYWORD_TOKENIZER is None:
            import jieba

            tokenizer = jieba.Tokenizer()
            tokenizer.FREQ, tokenizer.total, tokenizer.initialized = dict(base.FREQ), base.total, True
            for word in sorted(_KEYWORDS):
                tokenizer.add_word(word)
            _KEYWORD_TOKENIZER = tokenizer
        return _KEYWORD_TOKENIZER


def add_words(words: Iterable[str]) -> None:
    """Teach the keyword tokenizer of `word_edges` words it should keep whole (a taxonomy's keywords)."""
    new = {word for word in words if word and word not in _KEYWORDS}
    with _LOCK:
        _KEYWORDS.update(new)
        if _KEYWORD_TOKENIZER is not None:
            for word in sorted(new):
                _KEYWORD_TOKENIZER.add_word(word)


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


def tokens(text: str) -> list[str]:
    """`text` cut into jieba's tokens, spaces and punctuation included: they join up to `text`."""
    return _tokenizer().lcut(text)


def keyword_tokens(text: str) -> list[str]:
    """`tokens` as the tokenizer taught the keywords of `add_words` cuts them (a slug keeps 中芯国际 whole)."""
    return _keyword_tokenizer().lcut(text)


_IDF: tuple[dict[str, float], float] | None = None


def rarity(word: str) -> float:
    """How rare `word` is in Chinese at large, the median word being 1: jieba's inverse document
    frequency over a general corpus (发展 0.3, 手机 0.52, 芯片 0.75, 基站 0.95); a word the
    table lacks (a name, a long term) counts as the median, as in jieba's own TF-IDF."""
    global _IDF
    if _IDF is None:
        from jieba.analyse import default_tfidf

        _IDF = default_tfidf.idf_loader.get_idf()
    table, median = _IDF
    return table.get(word, median) / median


def parts(word: str, longest: int = 3) -> list[str]:
    """A long word as the fewest shorter dictionary words it is made of (`国家发展改革委` -> 国家,
    发展, 改革, 委; `电信业务收入` -> 电信, 业务, 收入); the word itself when it is short or not made
    of words (an idiom, `有模有样`)."""
    if len(word) <= longest:
        return [word]
    known = dictionary()
    # best[i]: (cost, pieces) of word[:i]; a piece is a dictionary word of 2..longest characters or
    # one character, which costs more (most Chinese words have two)
    best: list[tuple[int, list[str]]] = [(len(word) * 3, []) for _ in range(len(word) + 1)]
    best[0] = (0, [])
    for end in range(1, len(word) + 1):
        for size in range(1, min(longest, end) + 1):
            piece = word[end - size:end]
            if size > 1 and not known.get(piece):
                continue
            cost = best[end - size][0] + (1 if size > 1 else 3)
            if cost < best[end][0]:
                best[end] = (cost, best[end - size][1] + [piece])
    found = best[-1][1]
    return found if sum(len(part) == 1 for part in found) <= 1 else [word]


def word_edges(text: str, positions: Iterable[int]) -> set[int]:
    """Those of `positions` where a word of `text` starts or ends, as jieba cuts it without guessing
    new words (its HMM): characters outside the dictionary stay single, and a keyword taught to it is
    never merged into a guessed word.

    Only the runs of text that hold one of the positions are cut: jieba cuts each run of Han letters,
    ASCII letters and digits on its own, and makes every other character a word of its own, so a
    position outside a run, or at its edge, is always an edge.
    """
    import jieba

    runs = [match.span() for match in jieba.re_han_default.finditer(text)]
    run_starts = [start for start, _ in runs]
    cuts: dict[int, set[int]] = {}
    edges = set()
    for position in set(positions):
        index = bisect.bisect_right(run_starts, position) - 1
        if index < 0 or not runs[index][0] < position < runs[index][1]:
            edges.add(position)
            continue
        if index not in cuts:
            start, end = runs[index]
            pieces = _keyword_tokenizer().lcut(text[start:end], HMM=False)
            cuts[index] = set(itertools.accumulate(map(len, pieces), initial=start))
        if position in cuts[index]:
            edges.add(position)
    return edges


def words(text: str) -> list[str]:
    """The words of `text` in order: Chinese words as jieba cuts them, Latin words and numbers
    lower-cased; spaces and punctuation dropped."""
    return [word for token in tokens(text) if (word := _word(token))]


def words_of_each(texts: list[str]) -> list[list[str]]:
    """`words` of many texts at once (one pass of the segmenter: much quicker than one per text)."""
    out: list[list[str]] = [[]]
    for token in tokens("\n".join(text.replace("\n", " ") for text in texts)):
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
