"""Chinese scripts folded into one for search, with OpenCC's own tables.

Search matches a query against an article in whichever script either was written: both are folded
character by character to Simplified (`fold_script`: 華為 and 华为 both become 华为), one character in,
one out, so that a position in folded text is a position in the text as shown. Words that differ
between the scripts beyond their characters (数据 in Simplified is 資料 in Taiwan) cannot fold that
way; `vocabulary` lists them as the edition's conversion may write them, and the search script tries
a query both ways.

Only the Basic Multilingual Plane is folded: OpenCC's few conversions of rarer characters would cost
more time to find than they could ever match.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import opencc

from generator.text.cjk import HAN
from generator.text.hant import lexicon
from generator.text.normalize import fold

# Every configuration that turns some Traditional text into Simplified, character by character.
_TO_SIMPLIFIED = ("t2s", "tw2s", "hk2s")
_FOLDED = [(low, high) for low, high in HAN if high < 0x10000]  # the ideographs of the Basic Multilingual Plane
# The configuration that changes words, not only characters: Taiwan's, converted by generator.text.hant.
_TAIWAN = "s2twp"


@lru_cache(maxsize=1)
def simplified_table() -> dict[int, int]:
    """Code point of a Traditional (or variant) character -> code point of its Simplified form.

    Made by asking OpenCC to convert every character on its own, once per process (~0.1 s)."""
    chars = [chr(code) for low, high in _FOLDED for code in range(low, high + 1)]
    table: dict[int, int] = {}
    for config in _TO_SIMPLIFIED:
        converted = opencc.OpenCC(config).convert("\n".join(chars)).split("\n")  # OpenCC never converts across a newline
        for char, simple in zip(chars, converted, strict=True):
            if simple != char and len(simple) == 1:
                table.setdefault(ord(char), ord(simple))
    for code in list(table):  # 麼 -> 么 -> 幺: to the end of every chain, so that folding twice changes nothing
        target, seen = table[code], {code}
        while target in table and target not in seen:
            seen.add(target)
            target = table[target]
        if target in seen:  # a cycle: no form is the Simplified one
            del table[code]
        else:
            table[code] = target
    return table


@lru_cache(maxsize=1)
def _foldable() -> re.Pattern[str]:
    return re.compile("[" + "".join(map(chr, sorted(simplified_table()))) + "]+")


def fold_script(text: str) -> str:
    """Traditional characters to Simplified, one character in, one out."""
    table = simplified_table()
    # most text is Simplified already: translating only the runs that change is much faster
    return _foldable().sub(lambda run: run.group().translate(table), text)


def search_fold(text: str) -> str:
    """What search compares: full-width and capital letters folded (`fold`), and the script."""
    return fold_script(fold(text))


def _taiwan_words() -> list[tuple[str, str]]:
    """(Simplified word, a Taiwan word it may become) of the Taiwan conversion: its vocabulary, its
    foreign names, and every use of each word with two (数据 -> 資料 and 數據)."""
    pairs = list(lexicon.vocabulary().items())
    for word, (default, uses) in lexicon.senses().items():
        pairs += [(word, default), *((word, use.written) for use in uses)]
    return pairs


@cache
def vocabulary(config: str) -> tuple[tuple[str, str], ...]:
    """(word, what it may become) for each word configuration `config` may write as another word,
    both folded (`search_fold`): (('数据', '资料'), ('内存', '记忆体'), …); none for a configuration
    that only changes characters."""
    if config != _TAIWAN:
        return ()
    pairs = {(search_fold(word), search_fold(other)) for word, other in _taiwan_words()}
    return tuple(sorted(pair for pair in pairs if pair[0] != pair[1]))
