"""Lexical cohesion between stretches of text (TextTiling-style), for Chinese and Latin terms.

Chinese has no spaces, so terms are character bigrams inside runs of CJK characters (most
two-character words and all longer words contribute) plus Latin words such as 5G or EDA.
Weights are TF-IDF over the paragraphs of the bulletin itself, so words every article uses
(的发, 我国) count little and names that carry a story (晶方, 卫星) count much.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

from generator.text.cjk import HAN_RUN_RE

_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9.+\-]*|[0-9]+[A-Za-z][A-Za-z0-9.+\-]*")


def terms(text: str) -> Counter[str]:
    found: Counter[str] = Counter()
    for run in HAN_RUN_RE.findall(text):
        found.update(run[i : i + 2] for i in range(len(run) - 1))
    found.update(token.lower().rstrip(".-+") for token in _LATIN.findall(text))
    return found


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
