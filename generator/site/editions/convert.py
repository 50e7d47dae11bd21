"""Chinese script conversion for an edition: OpenCC, with override phrases that take priority over it.

For Taiwan vocabulary (`s2twp`) the text between override phrases goes through the Taiwan conversion
of `generator.text.hant` (names, words with two uses, reviewed vocabulary over OpenCC's s2tw) instead
of OpenCC's own s2twp, whose phrase table is written for software and changes news words.

`Converter(Conversion(...))` is a pure function of its text: the same text, configuration and overrides
always give the same result. Each distinct text is converted once per process (memoized), and
`Conversion.key` names everything the result depends on, so results are also kept between builds
(`convert_cache`): a converter takes the earlier results as `known`, by `digest(text)`.

Overrides win over OpenCC by segmentation, not by search and replace: the text is cut at every override
phrase (leftmost first, the longest phrase at each position), override phrases are replaced by their
value, and only the pieces between them go through OpenCC. So an override is never re-converted by a
later OpenCC step, and OpenCC never matches a phrase across an override's edge (`欧美发达国家` with the
override `发达国家` cannot become `歐美髮達`).

A split (`美|发达`) is an override whose value is its pieces, each converted on its own: it corrects
where OpenCC cuts a phrase without naming the characters, which differ between configurations.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import chain

import opencc

from generator.text.hant import taiwan
from generator.text.pieces import convert_apart
from generator.text.trie import trie_regex

VERSION = 2  # bump when the conversion algorithm changes: invalidates kept results
TAIWAN = "s2twp"  # the configuration converted by the Taiwan conversion (generator.text.hant), not OpenCC alone


@dataclass(frozen=True)
class Conversion:
    """What a conversion depends on: the OpenCC configuration and the override phrases."""

    config: str
    overrides: tuple[tuple[str, str], ...] = ()  # (source phrase, converted phrase), sorted by phrase
    splits: tuple[str, ...] = ()  # phrases with '|' between pieces converted apart: '并|发布'

    @property
    def key(self) -> str:
        """A digest of everything a converted text depends on, for caches that outlive the process."""
        backend = taiwan.fingerprint() if self.config == TAIWAN else ""
        material = json.dumps([VERSION, opencc.__version__, backend, self.config, self.overrides, self.splits], ensure_ascii=False)
        return hashlib.sha256(material.encode("utf-8")).hexdigest()[:16]


def digest(text: str) -> str:
    """A short fingerprint of a text, the key of its result in a cache kept between builds."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """A regex matching any of `phrases`, the longest one where several start at the same place."""
    phrases = list(phrases)
    return re.compile(f"({trie_regex(phrases)})") if phrases else None  # one group: `split` keeps the phrases


class Converter:
    """Convert text with one `Conversion`; picklable (a worker process rebuilds the OpenCC handle)."""

    def __init__(self, conversion: Conversion, known: Mapping[str, str] | None = None):
        self.conversion = conversion
        self.known = known or {}  # results of the same conversion from earlier builds, by digest
        self._backend = self.backend(conversion.config)
        # A split's value is the tuple of its pieces until it is first needed (see `_override`).
        self._overrides: dict[str, str | tuple[str, ...]] = {split.replace("|", ""): tuple(split.split("|")) for split in conversion.splits}
        self._overrides.update(conversion.overrides)
        self._pattern = phrase_pattern(self._overrides)
        self._memo: dict[str, str] = {}

    @staticmethod
    def backend(config: str) -> Callable[[str], str]:
        """What converts the text between override phrases: for Taiwan vocabulary the Taiwan
        conversion (names, senses, reviewed vocabulary over OpenCC s2tw), else OpenCC itself."""
        return taiwan.Taiwan() if config == TAIWAN else opencc.OpenCC(config).convert

    def __call__(self, text: str) -> str:
        converted = self._memo.get(text)
        if converted is None:
            if text.isascii():
                converted = text
            else:
                converted = self.known.get(digest(text)) if self.known else None
                if converted is None:
                    converted = self._convert(text)
            self._memo[text] = converted
        return converted

    @property
    def results(self) -> dict[str, str]:
        """Every text converted so far, with its result."""
        return self._memo

    def remember(self, results: Mapping[str, str]) -> None:
        """Take texts converted elsewhere (by a worker process) as if converted here."""
        self._memo.update(results)

    def _convert(self, text: str) -> str:
        parts = self._pattern.split(text) if self._pattern else [text]
        if len(parts) == 1:
            return self._backend(text)
        gaps, phrases = parts[0::2], [self._override(phrase) for phrase in parts[1::2]]
        converted = convert_apart(self._backend, gaps)
        return "".join(chain.from_iterable(zip(converted, [*phrases, ""])))

    def _override(self, phrase: str) -> str:
        value = self._overrides[phrase]
        if isinstance(value, tuple):  # each piece is shorter than the phrase: the recursion ends
            value = self._overrides[phrase] = "".join(map(self._convert, value))
        return value

    def __getstate__(self) -> Conversion:
        return self.conversion

    def __setstate__(self, conversion: Conversion) -> None:
        Converter.__init__(self, conversion)
