"""Lexical cohesion between stretches of text (TextTiling-style), by their words.

Terms are the content words a segmenter finds (jieba: 晶方, 第三代, 半导体, 5g), without stopwords.
Weights are TF-IDF over the paragraphs of the bulletin itself, so words every article uses
(企业, 数字化) count little and names that carry a story (晶方, 卫星) count much.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from generator.ingest.rules import Kind, Labeled
from generator.text.words import content_words, content_words_of_each


def terms(text: str) -> Counter[str]:
    return Counter(content_words(text))


class Weights:
    """Inverse document frequencies learnt from the paragraphs of one bulletin."""

    def __init__(self, documents: Iterable[Counter[str]]):
        """`documents`: the term counts of each paragraph."""
        frequency: Counter[str] = Counter()
        count = 0
        for document in documents:
            count += 1
            frequency.update(document.keys())
        self._idf = {term: math.log((1 + count) / (1 + seen)) + 1.0 for term, seen in frequency.items()}
        self._unseen = math.log(1 + count) + 1.0

    def vector(self, text: str) -> dict[str, float]:
        return self.weigh(terms(text))

    def weigh(self, counts: Counter[str]) -> dict[str, float]:
        return {term: (1 + math.log(tf)) * self._idf.get(term, self._unseen) for term, tf in counts.items()}


def cosine(left: dict[str, float], right: dict[str, float]) -> float:
    if not left or not right:
        return 0.0
    if len(left) > len(right):
        left, right = right, left
    dot = sum(weight * right.get(term, 0.0) for term, weight in left.items())
    norm = math.sqrt(sum(w * w for w in left.values())) * math.sqrt(sum(w * w for w in right.values()))
    return dot / norm if norm else 0.0


def coverage(part: dict[str, float], whole: dict[str, float]) -> float:
    """Share of `part`'s weight whose terms also occur in `whole` (how much of a heading is known)."""
    total = sum(part.values())
    if not total:
        return 0.0
    return sum(weight for term, weight in part.items() if term in whole) / total


WINDOW_CHARS = 260  # body text on each side of a boundary compared for cohesion


class Cohesion:
    """Cohesion between the body text before and after each block of a labeled bulletin."""

    def __init__(self, labeled: list[Labeled]):
        self.labeled = labeled
        body = [index for index, item in enumerate(labeled) if item.kind is Kind.BODY]
        self._terms: list[Counter[str] | None] = [None] * len(labeled)
        for index, found in zip(body, content_words_of_each([labeled[index].text for index in body])):
            self._terms[index] = Counter(found)
        self.weights = Weights(counts for counts in self._terms if counts is not None)
        self._gaps: dict[int, float] = {}
        self._mean_gap: float | None = None

    def terms_of(self, index: int) -> Counter[str]:
        found = self._terms[index]
        return found if found is not None else terms(self.labeled[index].text)

    def window(self, start: int, step: int, chars: int = WINDOW_CHARS) -> Counter[str]:
        """Terms of the body text from block `start` in direction `step`, up to a section banner."""
        total: Counter[str] = Counter()
        size = 0
        index = start
        while 0 <= index < len(self.labeled) and size < chars:
            item = self.labeled[index]
            if item.kind is Kind.SECTION:
                break
            if item.kind is Kind.BODY:
                total.update(self._terms[index])
                size += len(item.text)
            index += step
        return total

    def similarity(self, left: Counter[str], right: Counter[str]) -> float:
        return cosine(self.weights.weigh(left), self.weights.weigh(right))

    def gap(self, index: int) -> float:
        """Cohesion across the boundary just before block `index`."""
        if index not in self._gaps:
            self._gaps[index] = self.similarity(self.window(index - 1, -1), self.window(index, 1))
        return self._gaps[index]

    def mean_gap(self) -> float:
        """Typical cohesion between neighbouring paragraphs of this document."""
        if self._mean_gap is None:
            gaps = [self.gap(i) for i in range(1, len(self.labeled))
                    if self.labeled[i].kind is Kind.BODY and self.labeled[i - 1].kind is Kind.BODY]
            self._mean_gap = max(sum(gaps) / len(gaps), 0.01) if gaps else 0.1
        return self._mean_gap

    def depth(self, index: int) -> float:
        """The depth of the cohesion valley across the heading at `index`: how far cohesion rises
        again on either side before it falls (TextTiling's depth score)."""
        value = self.similarity(self.window(index - 1, -1), self.window(index + 1, 1))
        left = value
        k = index - 1
        while k > 0 and self.gap(k) >= left:
            left = self.gap(k)
            k -= 1
        right = value
        k = index + 2
        while k < len(self.labeled) and self.gap(k) >= right:
            right = self.gap(k)
            k += 1
        return (left - value) + (right - value)

    def echo(self, text: str, index: int) -> float:
        """Share of `text`'s terms (weighted) that the text after block `index` repeats."""
        after: Counter[str] = Counter()
        k = index + 1
        while k < len(self.labeled) and self.labeled[k].kind in (Kind.BODY, Kind.SUBTITLE, Kind.BYLINE):
            after.update(self.terms_of(k))
            k += 1
        return coverage(self.weights.vector(text), self.weights.weigh(after))
