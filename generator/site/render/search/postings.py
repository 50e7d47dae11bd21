"""Postings: where a term occurs, as two strings of numbers (`codec`) that search.js reads.

* *docs*: per article holding the term, its doc id less the previous one's (the first less -1),
  then `(occurrences - 1) * 2`, plus 1 if the first occurrence is in the title;
* *positions*, for pairs and words: per occurrence, its position less the previous one's in the
  same article (the first one as it is).

A character has docs only, one occurrence per article. A query of one pair or word needs only the
docs; a longer one, the positions too.

`gather` writes the postings of many articles at once. Here they are read and written per term,
with each occurrence as one integer, `doc id << SHIFT | position`, to edit them (`replace_docs`)
when some articles change.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from itertools import accumulate, chain, compress, repeat
from operator import add, and_, lshift, lt, mul, not_, rshift, sub

from generator.site.render.search import codec
from generator.site.render.search.terms import MAX_POSITION, TITLE_ZONE

SHIFT = MAX_POSITION.bit_length() - 1
_MASK = MAX_POSITION - 1


def encode(occurring: Sequence[int], with_positions: bool = True) -> tuple[str, str]:
    """(docs, positions) of a term from its occurrences in order; a character's occurrences are
    `doc id << SHIFT | (0 if in the title else TITLE_ZONE)`, one per article."""
    docs = list(map(rshift, occurring, repeat(SHIFT)))
    steps = list(map(sub, docs, chain((-1,), docs)))  # 0 for another occurrence in the same article
    starts = list(compress(range(len(docs)), steps))
    counts = map(sub, chain(starts[1:], (len(docs),)), starts)
    in_title = map(lt, map(and_, compress(occurring, steps), repeat(_MASK)), repeat(TITLE_ZONE))
    doc_numbers = chain.from_iterable(zip(compress(steps, steps), map(add, map(lshift, map(sub, counts, repeat(1)), repeat(1)), in_title)))
    if not with_positions:
        return codec.encode(doc_numbers), ""
    positions = list(map(and_, occurring, repeat(_MASK)))
    position_steps = map(sub, positions, map(mul, map(not_, steps), chain((0,), positions)))
    return codec.encode(doc_numbers), codec.encode(position_steps)


def decode(docs_text: str, positions_text: str, with_positions: bool = True) -> list[int]:
    """The occurrences `encode` was given."""
    numbers = codec.decode(docs_text)
    docs = list(accumulate(numbers[0::2], initial=-1))[1:]
    if not with_positions:
        return [doc << SHIFT | (0 if flags & 1 else TITLE_ZONE) for doc, flags in zip(docs, numbers[1::2])]
    steps = iter(codec.decode(positions_text))
    occurring: list[int] = []
    for doc, flags in zip(docs, numbers[1::2]):
        count = (flags >> 1) + 1
        occurring.extend(accumulate((next(steps) for _ in range(count)), initial=doc << SHIFT))
        del occurring[-count - 1]  # the doc's base itself
    return occurring


def occurrences(docs_text: str, positions_text: str, doc_id: int, with_positions: bool = True) -> list[int]:
    """The occurrences of postings that hold one article, as that of doc `doc_id`."""
    base = doc_id << SHIFT
    return [base + (occurrence & _MASK) for occurrence in decode(docs_text, positions_text, with_positions)]


def replace_docs(occurring: list[int], doc_ids: Iterable[int], new: dict[int, list[int]]) -> list[int]:
    """`occurring` with the occurrences of `doc_ids` replaced by `new[doc id]` (or none)."""
    result = list(occurring)
    for doc_id in sorted(doc_ids, reverse=True):
        start = bisect.bisect_left(result, doc_id << SHIFT)
        stop = bisect.bisect_left(result, (doc_id + 1) << SHIFT)
        result[start:stop] = new.get(doc_id, [])
    return result
