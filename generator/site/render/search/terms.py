"""What search indexes of an article, and what a query asks of it: the same rules as search.js.

Text is folded first (`search_fold`: case, width, script), then read as *units*: a CJK character, or
a run of Latin letters and digits (`5g`, `eda`, `2021`); anything else separates units. Terms:

* a *pair*: two units side by side (`半导`, `5g网`, `网5g`), or with one space between them
  (`allied market`, `5g 网`), at the position of the first;
* a *word*: a Latin or digit unit on its own (`5g`), at its position;
* a *character*: a CJK character on its own, for one-character queries, by article only.

Positions count code points of the folded text, which has as many as the text shown (folding is one
character in, one out); the title starts at 0 and the body at `body_offset(title)`, so a position
below `TITLE_ZONE` is in the title. A query *part* (a run of units with nothing between them, or a
quoted phrase, whose units may also have one space between them) matches where all its pairs are at
the right distances from each other: no article text is needed to verify a phrase.

`gather` finds the terms of articles; `parts` reads a query; `scan` answers it by reading every
article, which the tests and the benchmark hold the index's answers to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from generator.text.cjk import SEARCH_LETTERS, char_class

CJK = char_class(SEARCH_LETTERS)  # inside of a regex class: kana, ideographs, hangul (search.js has the same)
TITLE_ZONE = 256  # positions below it are in the title (see `body_offset`)
MAX_POSITION = 1 << 20  # text beyond it is not indexed: a million characters
_UNIT_RUN_RE = re.compile(f"[a-z0-9]+|[{CJK}]+")
_CJK_RE = re.compile(f"[{CJK}]")
_WORD_START_RE = re.compile("[a-z0-9]")
_QUOTE_RE = re.compile("[\"“”「」『』]")


def body_offset(title: str) -> int:
    """Where the body starts in an article's positions: after the title zone, or the longest title."""
    return max(TITLE_ZONE, len(title) + 1)


def characters(text: str) -> set[str]:
    """The CJK characters of `text`."""
    return set(_CJK_RE.findall(text))


@dataclass(frozen=True)
class Part:
    """A run of query units that must stand together in an article: (unit, offset) each."""

    units: tuple[tuple[str, int], ...]

    @property
    def text(self) -> str:
        """The part as it stands in folded text."""
        text = ""
        for unit, offset in self.units:
            text += " " * (offset - len(text)) + unit
        return text

    def pairs(self) -> list[tuple[str, int]]:
        """Its pairs with their offsets: a part of one unit has none."""
        text = self.text
        return [(text[offset : at + len(following)], offset) for (_, offset), (following, at) in zip(self.units, self.units[1:])]

    def pattern(self) -> re.Pattern[str]:
        """A regex for the part in folded text: what a scan of every article looks for."""
        text = self.text
        before = "(?<![a-z0-9])" if _WORD_START_RE.match(text[0]) else ""
        after = "(?![a-z0-9])" if _WORD_START_RE.match(text[-1]) else ""
        return re.compile(before + re.escape(text) + after)


def scan(articles: Sequence[Sequence[str]], folded_query: str) -> list[int]:
    """The doc ids of the articles (each its folded texts: title and body, in every script) that hold
    every part of a query in one of their texts: the answer the index must give, found by reading
    every article."""
    patterns = [part.pattern() for part in parts(folded_query)]
    return [doc_id for doc_id, texts in enumerate(articles)
            if patterns and all(any(pattern.search(text) for text in texts) for pattern in patterns)]


def parts(folded_query: str) -> list[Part]:
    """The parts a folded query asks for, each once: words apart, and "quoted phrases"."""
    found: list[Part] = []
    for index, piece in enumerate(_QUOTE_RE.split(folded_query)):
        quoted = index % 2 == 1
        for words in [" ".join(piece.split())] if quoted else piece.split():
            found.extend(_parts_of(words, spaced=quoted))
    return list(dict.fromkeys(found))


def _parts_of(text: str, spaced: bool) -> Iterator[Part]:
    units: list[tuple[str, int]] = []
    end = -2
    for run_match in _UNIT_RUN_RE.finditer(text):
        run, start = run_match.group(), run_match.start()
        joined = start == end or (spaced and start == end + 1 and text[end] == " ")
        if units and not joined:
            yield _part(units)
            units = []
        if _WORD_START_RE.match(run):
            units.append((run, start))
        else:
            units.extend((char, start + number) for number, char in enumerate(run))
        end = run_match.end()
    if units:
        yield _part(units)


def _part(units: list[tuple[str, int]]) -> Part:
    start = units[0][1]
    return Part(tuple((unit, offset - start) for unit, offset in units))
