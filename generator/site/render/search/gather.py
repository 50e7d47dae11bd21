"""Every term of a set of articles and where it occurs (the rules in `terms`), written as postings.

An archive of 5,000 articles has some five million occurrences of terms, so numpy does the work
in whole arrays: the articles are laid out in one string of folded code points, where terms are
found by comparing neighbours, sorted by term, and written as text (`codec`, in the layout
`postings` describes) several times faster than Python could loop over them.

Articles are taken `CHUNK` at a time, so that memory stays bounded on large archives; each term's
postings from one chunk are joined to those from the chunks before.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import islice

import numpy as np

from generator.site.render.search import codec
from generator.site.render.search.terms import MAX_POSITION, TITLE_ZONE, body_offset
from generator.text.cjk import SEARCH_LETTERS
from generator.text.scripts import search_fold

CHUNK = 256  # articles gathered at once: some 50 MB of arrays
_SEPARATOR = "\x00"  # between an article's title and body, and between articles: no term spans it
_CHAR_BITS = 18  # of a CJK code point (the last CJK block ends below 0x40000)
_WORD_KEYS = 1 << (2 * _CHAR_BITS)  # keys of terms with a word or a space start here, after CJK pairs'
_ORDER_BITS = 64 - 2 * _CHAR_BITS - 1  # a key's low bits hold the occurrence's place in the text
_LAST = np.frombuffer(codec.LAST.encode(), np.uint8)
_MORE = np.frombuffer(codec.MORE.encode(), np.uint8)
_LIMITS = np.array([32**digits for digits in range(1, 13)], np.int64)  # the least number of 2, 3, … digits
_SPACE = ord(" ")

Postings = dict[str, tuple[str, str]]  # term -> (docs, positions)
Written = Iterator[tuple[str, str, str, int, int]]  # (term, docs, positions, first doc, last doc)


_CODES = 0x110000  # every Unicode code point


def _code_table(ranges: Iterable[tuple[int, int]], value: int) -> np.ndarray:
    """A table of every code point: `value` for those in `ranges` (inclusive), else 0."""
    table = np.zeros(_CODES, np.uint8)
    for low, high in ranges:
        table[low : high + 1] = value
    return table


@lru_cache(maxsize=1)
def _tables() -> tuple[np.ndarray, np.ndarray]:
    """`search_fold` as a table of code points (it changes none above the Basic Multilingual Plane),
    and the kind of each: CJK or word."""
    folded = np.arange(_CODES, dtype=np.uint32)
    folded[:0x10000] = np.frombuffer(search_fold("".join(map(chr, range(0x10000)))).encode("utf-32-le", "surrogatepass"), np.uint32)
    return folded, _code_table(SEARCH_LETTERS, _CJK) | _code_table(((ord("0"), ord("9")), (ord("a"), ord("z"))), _WORD)


_CJK, _WORD = 1, 2


class _Joined:
    """Postings of chunks of articles joined: a term's docs start with its doc id + 1 (its distance
    from -1), which becomes its distance from the term's last doc in the chunks before."""

    def __init__(self) -> None:
        self.postings: dict[str, list[str]] = {}
        self.last: dict[str, int] = {}

    def add(self, written: Written) -> None:
        for term, docs, positions, first, last in written:
            before = self.postings.get(term)
            if before is None:
                self.postings[term] = [docs, positions]
            else:
                before[0] += codec.encode([first - self.last[term]]) + docs[len(codec.encode([first + 1])) :]
                before[1] += positions
            self.last[term] = last

    def result(self) -> Postings:
        return {term: (docs, positions) for term, (docs, positions) in self.postings.items()}


def postings(articles: Iterable[tuple[str, str]], first_doc: int = 0) -> tuple[Postings, Postings]:
    """The postings of the pairs and words, and of the characters, of articles given as (title, text),
    the first with doc id `first_doc`, the others following."""
    terms, chars = _Joined(), _Joined()
    articles = iter(articles)
    while chunk := list(islice(articles, CHUNK)):  # (a chunk's occurrences stay far below 2 ** _ORDER_BITS)
        text, codes, starts = _layout(chunk)
        kinds = _kinds(codes)
        terms.add(_chunk_terms(text, codes, kinds, starts, first_doc))
        chars.add(_chunk_chars(codes, kinds == _CJK, starts, first_doc))
        first_doc += len(chunk)
    return terms.result(), chars.result()


def _layout(articles: Sequence[tuple[str, str]]) -> tuple[str, np.ndarray, np.ndarray]:
    """The articles folded in one string, each body at its offset from its title; its code points;
    where each article starts."""
    pieces: list[str] = []
    starts: list[int] = []
    at = 0
    for title, text in articles:
        offset = body_offset(title)
        text = text[: MAX_POSITION - offset]
        starts.append(at)
        pieces += [title, _SEPARATOR * (offset - len(title)), text, _SEPARATOR]
        at += offset + len(text) + 1
    codes = _tables()[0][np.frombuffer("".join(pieces).encode("utf-32-le", "surrogatepass"), np.uint32)]
    return codes.tobytes().decode("utf-32-le", "surrogatepass"), codes, np.array(starts, np.int64)


def _kinds(codes: np.ndarray) -> np.ndarray:
    return _tables()[1][codes]


def _word_terms(text: str, codes: np.ndarray, kinds: np.ndarray) -> tuple[list[str], np.ndarray]:
    """The terms with a word or a space in them, and where each is: every one is a piece of `text`."""
    word = np.concatenate((kinds == _WORD, [False, False]))  # two more, so that looking past the end is harmless
    cjk = np.concatenate((kinds == _CJK, [False, False]))
    space = np.concatenate((codes == _SPACE, [False, False]))
    starts = np.flatnonzero(word[:-2] & ~np.concatenate(([False], word[:-3])))
    ends = np.flatnonzero(word[:-2] & ~word[1:-1]) + 1
    before, after = starts - 1, ends  # the neighbours (-1 stands for none)
    spaced_before = (before >= 1) & space[before]
    previous_ends = np.concatenate(([-2], ends[:-1]))
    pieces = [
        (starts, ends),  # the word
        *_where((before >= 0) & cjk[before], before, ends),  # 网5g
        *_where(spaced_before & cjk[before - 1], before - 1, ends),  # 网 5g
        *_where(spaced_before & (previous_ends == before), np.concatenate(([0], starts[:-1])), ends),  # allied market
        *_where(cjk[after], starts, after + 1),  # 5g网
        *_where(space[after] & cjk[after + 1], starts, after + 2),  # 5g 网
    ]
    spaced_cjk = np.flatnonzero(cjk[:-4] & space[1:-3] & cjk[2:-2])  # 数 据
    pieces.append((spaced_cjk, spaced_cjk + 3))
    found_starts = np.concatenate([piece_starts for piece_starts, _ in pieces])
    found_ends = np.concatenate([piece_ends for _, piece_ends in pieces])
    return list(map(text.__getitem__, map(slice, found_starts.tolist(), found_ends.tolist()))), found_starts


def _where(condition: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    return [(starts[condition], ends[condition])]


def _chunk_terms(text: str, codes: np.ndarray, kinds: np.ndarray, starts: np.ndarray, first_doc: int) -> Written:
    """Every pair and word of a chunk of articles laid out by `_layout`."""
    cjk = kinds == _CJK
    at = np.flatnonzero(cjk[:-1] & cjk[1:])
    keys = (codes[at].astype(np.uint64) << np.uint64(_CHAR_BITS)) | codes[at + 1]
    words, word_at = _word_terms(text, codes, kinds)
    numbers: defaultdict[str, int] = defaultdict()
    numbers.default_factory = numbers.__len__  # each new term gets the next number
    word_keys = np.fromiter(map(numbers.__getitem__, words), np.uint64, len(words)) + np.uint64(_WORD_KEYS)
    keys = np.concatenate((keys, word_keys))
    at = np.concatenate((at, word_at))
    # sorted by term, then in text order: a plain sort of the keys with each occurrence's index in
    # their low bits (several times faster than a stable sort of the keys)
    low = np.uint64(_ORDER_BITS)
    indexed = np.sort((keys << low) | np.arange(len(keys), dtype=np.uint64))
    keys, at = indexed >> low, at[(indexed & np.uint64((1 << _ORDER_BITS) - 1)).astype(np.int64)]
    docs = np.searchsorted(starts, at, side="right") - 1
    names = list(numbers)
    for key, doc_text, position_text, first, last in _written(keys, docs + first_doc, at - starts[docs]):
        term = names[key - _WORD_KEYS] if key >= _WORD_KEYS else chr(key >> _CHAR_BITS) + chr(key & ((1 << _CHAR_BITS) - 1))
        yield term, doc_text, position_text, first, last


def _chunk_chars(codes: np.ndarray, cjk: np.ndarray, starts: np.ndarray, first_doc: int) -> Written:
    """Every CJK character of a chunk of articles laid out by `_layout`."""
    at = np.flatnonzero(cjk)
    docs = np.searchsorted(starts, at, side="right") - 1
    outside_title = (at - starts[docs]) >= TITLE_ZONE
    # one occurrence per (character, article): the first, in the title if any is
    keys = np.sort((codes[at].astype(np.uint64) << np.uint64(32)) | (docs.astype(np.uint64) << np.uint64(1)) | outside_title)
    firsts = np.ones(len(keys), bool)
    firsts[1:] = (keys[1:] >> np.uint64(1)) != (keys[:-1] >> np.uint64(1))
    keys = keys[firsts]
    chars = (keys >> np.uint64(32)).astype(np.int64)
    docs = ((keys >> np.uint64(1)) & np.uint64(0x7FFFFFFF)).astype(np.int64)
    positions = (keys & np.uint64(1)).astype(np.int64) * TITLE_ZONE  # a position in the title zone, or not
    for key, doc_text, _, first, last in _written(chars, docs + first_doc, positions, with_positions=False):
        yield chr(key), doc_text, "", first, last


def _written(keys: np.ndarray, docs: np.ndarray, positions: np.ndarray, with_positions: bool = True) -> Iterator[tuple[int, str, str, int, int]]:
    """(key, docs, positions, first doc, last doc) of each term, from its occurrences sorted by key,
    then in text order: the layout of `postings`, for every term at once."""
    count = len(keys)
    if not count:
        return
    term_starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    new_doc = np.zeros(count, bool)
    new_doc[term_starts] = True
    new_doc[1:] |= docs[1:] != docs[:-1]
    doc_at = np.flatnonzero(new_doc)  # the first occurrence of each (term, doc)
    previous_doc = np.concatenate(([-1], docs[:-1]))
    previous_doc[term_starts] = -1
    doc_numbers = np.empty(2 * len(doc_at), np.int64)
    doc_numbers[0::2] = docs[doc_at] - previous_doc[doc_at]
    doc_numbers[1::2] = (np.diff(np.append(doc_at, count)) - 1) * 2 + (positions[doc_at] < TITLE_ZONE)
    doc_chars, doc_starts = _encode(doc_numbers)
    doc_bounds = np.append(doc_starts[2 * np.searchsorted(doc_at, term_starts)], len(doc_chars)).tolist()
    if with_positions:
        previous_position = np.concatenate(([0], positions[:-1]))
        previous_position[new_doc] = 0
        position_chars, position_starts = _encode(positions - previous_position)
        position_bounds = np.append(position_starts[term_starts], len(position_chars)).tolist()
    else:
        position_chars, position_bounds = "", [0] * (len(term_starts) + 1)
    last_docs = docs[np.append(term_starts[1:], count) - 1].tolist()
    for index, (key, first) in enumerate(zip(keys[term_starts].tolist(), docs[term_starts].tolist())):
        yield (key, doc_chars[doc_bounds[index] : doc_bounds[index + 1]],
               position_chars[position_bounds[index] : position_bounds[index + 1]], first, last_docs[index])


_TABLED = 32**3  # numbers of up to three digits are looked up
_FOUR_DIGITS = 32**4


@lru_cache(maxsize=1)
def _codes() -> tuple[np.ndarray, np.ndarray]:
    """The characters `codec` writes for each number below `_TABLED`, as the bytes of one 32-bit word
    (zero bytes after them), and how many there are."""
    numbers = np.arange(_TABLED, dtype=np.int64)
    lengths = np.searchsorted(_LIMITS, numbers, side="right") + 1
    digits = np.zeros((_TABLED, 4), np.uint8)
    digits[numbers, lengths - 1] = _LAST[numbers & 31]
    for place in (1, 2):  # the digits before the last
        has = np.flatnonzero(lengths > place)
        digits[has, lengths[has] - 1 - place] = _MORE[(numbers[has] >> (5 * place)) & 31]
    return digits.view(np.uint32).ravel(), lengths


def _encode(numbers: np.ndarray) -> tuple[str, np.ndarray]:
    """`codec.encode(numbers)`, and where each number's characters start in it."""
    if len(numbers) and numbers.max() >= _FOUR_DIGITS:  # beyond positions and a million articles: never met
        text = codec.encode(numbers.tolist())
        lengths = np.fromiter((len(codec.encode([number])) for number in numbers.tolist()), np.int64, len(numbers))
        return text, np.cumsum(lengths) - lengths
    table, table_lengths = _codes()
    small = numbers < _TABLED
    words = table[np.where(small, numbers, 0)]
    lengths = np.where(small, table_lengths[np.where(small, numbers, 0)], 4)
    big = np.flatnonzero(~small)
    if len(big):  # four digits, written in place
        values = numbers[big]
        words[big] = (_MORE[(values >> 15) & 31].astype(np.uint32) | _MORE[(values >> 10) & 31].astype(np.uint32) << 8
                      | _MORE[(values >> 5) & 31].astype(np.uint32) << 16 | _LAST[values & 31].astype(np.uint32) << 24)
    chars = words.view(np.uint8)
    return chars[chars != 0].tobytes().decode("ascii"), np.cumsum(lengths) - lengths
