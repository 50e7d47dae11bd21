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
from generator.text.hant.backend import CLOSE, OPEN
from generator.text.pieces import convert_apart


@cache
def fingerprint() -> str:
    """A digest of everything the conversion's results depend on: its modules, its data, jieba's words."""
    files = sorted((file.name, file.read_bytes()) for file in resources.files(__package__).iterdir() if file.name.endswith((".py", ".yml")))
    digest = hashlib.sha256(repr([segmenter.VERSION, files]).encode())
    return digest.hexdigest()[:16]


class Taiwan:
    """`Taiwan()(text)`: the text in Taiwan's Traditional Chinese. Builds its OpenCC handles on first use.

    The common path is one OpenCC call: the vocabulary converter leaves the words with two uses marked,
    and they are written from their converted context. A stretch where a dictionary word overlaps a
    word of the vocabulary or one with two uses from the left comes back marked too, and its text is
    then converted the careful way (`_plain`), with the segmentation of its neighbourhood.
    """

    @cached_property
    def _vocabulary_opencc(self):
        return backend.taiwan()

    @cached_property
    def _marking_opencc(self):
        return backend.taiwan(lambda: [*lexicon.senses(), *self._overlaps], fingerprint())

    @cached_property
    def _characters_opencc(self):
        return backend.characters()

    @cached_property
    def _overlaps(self) -> dict[str, int]:
        return segmenter.overlaps_from_left([*lexicon.vocabulary(), *lexicon.senses()])

    @cached_property
    def _find(self) -> backend.Finder:
        """What `_plain` looks for, the longest at each place: the words with two uses, the compounds
        of the vocabulary that hold one and settle its use (数据中心), the overlapped words."""
        def words() -> list[str]:
            senses = lexicon.senses()
            compounds = [word for word in lexicon.vocabulary() if any(sense in word for sense in senses)]
            return [*senses, *compounds, *self._overlaps]
        return backend.Finder("find", words, fingerprint())

    @cached_property
    def _converted_senses(self) -> dict[str, tuple[str, tuple[lexicon.Sense, ...]]]:
        """The sense cues as the vocabulary converter writes them, to read converted context."""
        convert = self._vocabulary_opencc.convert
        def pattern(cue: re.Pattern[str] | None) -> re.Pattern[str] | None:
            return re.compile(convert(cue.pattern)) if cue else None
        return {word: (default, tuple(lexicon.Sense(use.written, pattern(use.after), pattern(use.before)) for use in uses))
                for word, (default, uses) in lexicon.senses().items()}

    def __call__(self, text: str) -> str:
        if OPEN in text or CLOSE in text:  # the marks' own characters: the careful way only
            return self._carefully(text)
        found = names.find(text)
        if not found:  # most paragraphs: one OpenCC call
            return self._resolve(text, self._marking_opencc.convert(text))
        pieces: list[tuple[str, str]] = []  # (how, source text): "words", "name" or "person"
        position = 0
        for name in found:
            pieces.append(("words", text[position : name.start]))
            pieces.append(("person" if name.person else "name", text[name.start : name.end]))
            position = name.end
        pieces.append(("words", text[position:]))
        converted = self._convert(pieces, self._marking_opencc)
        return "".join(self._resolve(piece, written) if how == "words" else written
                       for (how, piece), written in zip(pieces, converted))

    def _resolve(self, source: str, converted: str) -> str:
        """Text outside names as the marking converter wrote it: each marked word with two uses written
        as its converted context calls for. A mark that holds an overlap (年数据: 年数 over 数据) is
        settled by the segmentation of its neighbourhood in the source: the word of ours when it is a
        word there, else the whole text the careful way."""
        if OPEN not in converted:
            return converted
        table, vocabulary = self._converted_senses, lexicon.vocabulary()
        written, position, cursor = [], 0, 0
        for start, end in backend.marked_spans(converted):
            marked = converted[start:end]
            written.append(converted[position : start - 1])
            position = end + 1
            found = source.find(marked, cursor)
            cursor = found + len(marked) if found >= 0 else cursor
            skip = next((length for length in range(1, len(marked)) if marked[length:] in table or marked[length:] in vocabulary), 0)
            if marked not in table:  # an overlap: the word of ours starts `skip` characters in
                if found < 0 or not skip or segmenter.cuts_inside(source, found + skip, found + len(marked)):
                    return self._carefully(source)
                written.append(self._vocabulary_opencc.convert(marked[:skip]))
            word = marked[skip:] if marked not in table else marked
            if word in table:
                after = converted[position:].replace(OPEN, "").replace(CLOSE, "")
                written.append(senses.written(word, senses.clause_before("".join(written)), after, table))
            else:
                written.append(vocabulary[word])
        written.append(converted[position:])
        return "".join(written)

    def _carefully(self, text: str) -> str:
        pieces: list[tuple[str, str]] = []
        self._plain(text, 0, len(text), pieces)
        return "".join(self._convert(pieces, self._vocabulary_opencc))

    def _plain(self, text: str, start: int, end: int, pieces: list[tuple[str, str]]) -> None:
        """Text outside names: words with two uses, and the words of the vocabulary that a dictionary
        word overlaps from the left, found by one search; the rest is left to OpenCC, whose longest
        match from the left finds every word of the vocabulary that nothing overlaps so.

        Where a dictionary word overlaps one of these, the segmentation of the neighbourhood decides:
        a word there is converted here (a word with two uses always is), else the text is cut where
        the segmentation cuts it (在境内|存储, not 在境|内存|储), so that OpenCC cannot take it either.
        """
        vocabulary, sense_words, overlaps = lexicon.vocabulary(), lexicon.senses(), self._overlaps
        position = start
        for found_start, last in self._found(text, start, end):
            found = text[found_start:last]
            if found in overlaps:  # the word of the vocabulary starts inside the stretch
                first = found_start + overlaps[found]
            elif found in sense_words:
                first = found_start
            else:  # a compound of the vocabulary that settles a word with two uses: OpenCC converts it
                continue
            if first < position:
                continue
            word = text[first:last]
            cuts = segmenter.cuts_inside(text, first, last)
            if cuts:
                for cut in cuts:
                    if cut > position:
                        pieces.append(("words", text[position:cut]))
                        position = cut
                continue
            written = senses.written(word, senses.clause_before(text, first), text[last:end]) if word in sense_words else vocabulary[word]
            if first > position:
                pieces.append(("words", text[position:first]))
            pieces.append(("done", written))
            position = last
        pieces.append(("words", text[position:end]))

    def _found(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        if OPEN in text or CLOSE in text:  # the finder's own marks: nothing is found in such a text
            return []
        return [(first + start, last + start) for first, last in self._find(text[start:end])]

    def _convert(self, pieces: list[tuple[str, str]], words_opencc) -> list[str]:
        """Each piece converted as its kind asks, one OpenCC call per kind: "words" with `words_opencc`,
        names by their characters, people with their surname's own character; "done" as it is."""
        converted = [piece if how == "done" else "" for how, piece in pieces]
        for hows, opencc in ((("words",), words_opencc), (("name", "person"), self._characters_opencc)):
            indexes = [index for index, (how, piece) in enumerate(pieces) if how in hows and piece]
            if indexes:
                for index, text in zip(indexes, convert_apart(opencc.convert, [pieces[index][1] for index in indexes])):
                    converted[index] = text
        surnames, people = lexicon.names()["surname_characters"], lexicon.names()["people"]
        for index, (how, piece) in enumerate(pieces):
            if how == "person":
                converted[index] = people.get(piece) or surnames.get(piece[0], converted[index][0]) + converted[index][1:]
        return converted
