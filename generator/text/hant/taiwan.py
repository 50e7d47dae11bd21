"""Simplified Chinese to the Traditional Chinese of Taiwan news, right by default on text never seen.

Three layers, each with one job:

1. Names (`names`): bodies, companies, products, titles in 《》 and people keep their own words, so
   they are converted by their characters only (国家数据局 國家數據局, 长江存储 長江存儲, 余承东 余承東).
2. Senses (`senses`): a word with two uses in news text is written as its context calls for
   (支持 backing / 支援 a product's support, 数据 資料 / 數據), where it stands as a word of its own.
3. Everything else goes through OpenCC's Taiwan characters (s2tw) with the reviewed Taiwan vocabulary
   and a general dictionary's words added to its segmentation (`backend`), then the characters Taiwan
   newspapers print (臺 -> 台, 佈 -> 布).

The pieces of one text are converted together, one OpenCC call per layer: OpenCC never matches a phrase
across a newline, so pieces joined by newlines convert as if alone.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache, cached_property
from importlib import resources

from generator.text.hant import backend, lexicon, names, segmenter, senses
from generator.text.pieces import convert_apart
from generator.text.trie import trie_regex


def _trie_pattern(words) -> re.Pattern[str]:
    return re.compile(trie_regex(words))


@cache
def fingerprint() -> str:
    """A digest of everything the conversion's results depend on: its modules, its data, jieba's words."""
    files = sorted((file.name, file.read_bytes()) for file in resources.files(__package__).iterdir() if file.name.endswith((".py", ".yml")))
    digest = hashlib.sha256(repr([segmenter.VERSION, files]).encode())
    return digest.hexdigest()[:16]


class Taiwan:
    """`Taiwan()(text)`: the text in Taiwan's Traditional Chinese. Builds its OpenCC handles on first use."""

    @cached_property
    def _vocabulary_opencc(self):
        return backend.taiwan()

    @cached_property
    def _characters_opencc(self):
        return backend.characters()

    @cached_property
    def _sense_words(self) -> re.Pattern[str]:
        # Compounds of the vocabulary that hold a sense word settle its use: found first, left alone.
        sense_words = lexicon.senses()
        compounds = [word for word in lexicon.vocabulary() if any(sense in word and sense != word for sense in sense_words)]
        return _trie_pattern([*sense_words, *compounds])

    def __call__(self, text: str) -> str:
        pieces: list[tuple[str, str]] = []  # (how, text): "words", "name", "person" or "done"
        position = 0
        for name in names.find(text):
            self._plain(text, position, name.start, pieces)
            pieces.append(("person" if name.person else "name", text[name.start : name.end]))
            position = name.end
        self._plain(text, position, len(text), pieces)
        if len(pieces) == 1:  # no name, no word with two uses: the common case
            return self._vocabulary_opencc.convert(text)
        return "".join(self._convert(pieces))

    def _plain(self, text: str, start: int, end: int, pieces: list[tuple[str, str]]) -> None:
        """Text outside names: sense words written as their context calls for, the rest as words."""
        sense_words = lexicon.senses()
        position = start
        search = start
        while (match := self._sense_words.search(text, search, end)) is not None:
            word = match.group()
            if word not in sense_words:  # a compound of the vocabulary: OpenCC converts it
                search = match.end()
                continue
            if not segmenter.cuts_at(text, match.start(), match.end()):
                search = match.start() + 1
                continue
            pieces.append(("words", text[position : match.start()]))
            pieces.append(("done", senses.written(word, senses.clause_before(text, match.start()), text[match.end() : end])))
            position = search = match.end()
        pieces.append(("words", text[position:end]))

    def _convert(self, pieces: list[tuple[str, str]]) -> list[str]:
        converted = [piece if how == "done" else "" for how, piece in pieces]
        for hows, opencc in ((("words",), self._vocabulary_opencc), (("name", "person"), self._characters_opencc)):
            indexes = [index for index, (how, piece) in enumerate(pieces) if how in hows and piece]
            if indexes:
                for index, text in zip(indexes, convert_apart(opencc.convert, [pieces[index][1] for index in indexes])):
                    converted[index] = text
        surnames = lexicon.names()["surname_characters"]
        people = lexicon.names()["people"]
        for index, (how, piece) in enumerate(pieces):
            if how == "person":
                converted[index] = people.get(piece) or surnames.get(piece[0], converted[index][0]) + converted[index][1:]
        return converted
