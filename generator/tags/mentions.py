"""Where a taxonomy's keywords occur in a text: whole words only, quotes and spaces ignored.

A keyword counts where the text's words start and end with it: `云计算` in `云计算平台` counts,
`联通` in `互联互通` does not, nor `AI` in `OpenAI`, `5G` in `5GHz`. The words come from the
segmenter (generator/text/words.py), which is taught every Chinese keyword so that they come out
whole. Quotation marks and the spaces a headline puts around Latin words are dropped first, so
`“十四五”规划` is `十四五规划` and `5G 手机` is `5G手机`. A keyword with `*` is a pattern: `《*条例》`
is any book-title-marked name ending in 条例.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from generator.text import words
from generator.text.cjk import is_cjk_letter

_ASCII_ALNUM = re.compile("[a-z0-9]")
_QUOTES = re.compile("[\"'“”‘’「」『』〝〞]")
_CJK_OR_PUNCT = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_SPACES_BY_CJK = re.compile(rf"\s+(?=[{_CJK_OR_PUNCT}])|(?<=[{_CJK_OR_PUNCT}])\s+")
_PATTERN_GAP = "[^《》“”\n]{1,60}?"  # what `*` stands for: part of one name, never past its end


def normalize(text: str) -> str:
    """Text as keywords are matched in it: NFKC (full-width letters to ASCII), lower case, no quotes,
    no spaces next to CJK characters, runs of spaces made one."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _QUOTES.sub("", text)
    text = _SPACES_BY_CJK.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


def usable(keyword: str) -> bool:
    """A keyword the matcher can use: a single Chinese character (`云`, `法`) is part of too many
    words and names to say anything on its own."""
    keyword = normalize(keyword).replace("*", "")
    return bool(keyword) and not (len(keyword) == 1 and is_cjk_letter(keyword))


@dataclass(frozen=True)
class Mention:
    key: str  # what the keyword stands for (a tag's name)
    keyword: str  # the keyword as normalized
    start: int  # in the normalized text
    end: int


class Matcher:
    """Finds keywords, each standing for a key, as whole words of a text."""

    def __init__(self, keywords: Iterable[tuple[str, str]]):
        """`keywords`: (key, keyword) pairs; a keyword may stand for several keys."""
        self._by_first: dict[str, list[tuple[str, str]]] = {}
        self._patterns: list[tuple[re.Pattern[str], str, str]] = []
        spellings = set()
        keys_of: dict[str, set[str]] = {}
        for key, keyword in keywords:
            if not usable(keyword):
                continue
            normal = normalize(keyword)
            keys_of.setdefault(normal, set()).add(key)
            if "*" in normal:
                regex = _PATTERN_GAP.join(map(re.escape, normal.split("*")))
                self._patterns.append((re.compile(regex), normal, key))
                continue
            for form in dict.fromkeys((normal, normal.replace(" ", ""))):
                self._by_first.setdefault(form[0], []).append((form, key))
                spellings.add(form)
        # how many keys each keyword stands for: 具身智能 says 机器人 or 人工智能, not both for sure
        self.senses = {keyword: len(keys) for keyword, keys in keys_of.items()}
        for entries in self._by_first.values():
            entries.sort(key=lambda entry: -len(entry[0]))  # the longest keyword at a place wins
        # Taught only Chinese keywords: a Latin one in its dictionary (`6g`) would cut Latin runs
        # apart (`16gb` as `1/6g/b`); Latin runs come out whole without help.
        words.add_words(spelling for spelling in spellings if not _ASCII_ALNUM.search(spelling))

    def find(self, text: str) -> tuple[str, list[Mention]]:
        """The normalized text and the keyword mentions in it, in order; where keywords of one key
        overlap, the longest counts once."""
        text = normalize(text)
        candidates = [Mention(key, keyword, match.start(), match.end())
                      for pattern, keyword, key in self._patterns for match in pattern.finditer(text)]
        for start, char in enumerate(text):
            for keyword, key in self._by_first.get(char, ()):
                if text.startswith(keyword, start):
                    candidates.append(Mention(key, keyword, start, start + len(keyword)))
        if not candidates:
            return text, []
        edges = words.word_edges(text, (end for m in candidates for end in (m.start, m.end)))
        # A keyword the segmenter keeps whole (工业互联网安全) still holds the keywords it starts
        # with (工业互联网): they count too.
        heads = {(m.start, m.end) for m in candidates if m.start in edges and m.end in edges}
        valid = set(heads)
        for m in candidates:
            if any(start == m.start and m.end < end for start, end in heads):
                valid.add((m.start, m.end))
        found: list[Mention] = []
        covered: dict[str, int] = {}  # key -> end of its last mention
        for mention in sorted(candidates, key=lambda m: (m.start, -m.end)):
            if (mention.start, mention.end) in valid and covered.get(mention.key, -1) <= mention.start:
                found.append(mention)
                covered[mention.key] = mention.end
        return text, found
