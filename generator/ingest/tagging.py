"""Tag suggestion: the 1-6 taxonomy tags whose keywords are prominent in an article."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.taxonomy import Tag, Taxonomy

MAX_TAGS = 6
TITLE_WEIGHT = 4.0  # a keyword in the title says more than one in the body
LEAD_WEIGHT = 1.0  # extra for a keyword in the first paragraph
MIN_BODY_HITS = 3  # without a title hit, a tag needs this many body mentions…
MIN_DENSITY = 1.5  # …and this many per thousand characters


@dataclass(frozen=True)
class Scored:
    name: str
    score: float


def _pattern(tag: Tag) -> re.Pattern[str]:
    alternatives = []
    for term in sorted(tag.terms, key=len, reverse=True):
        escaped = re.escape(term)
        # Latin keywords (5G, EDA, AI) only as whole words: not inside AIDS or 5GHz.
        if term[:1].isascii() and term[:1].isalnum():
            escaped = r"(?<![A-Za-z])" + escaped
        if term[-1:].isascii() and term[-1:].isalnum():
            escaped += r"(?![A-Za-z])"
        alternatives.append(escaped)
    return re.compile("|".join(alternatives), re.IGNORECASE)


class Tagger:
    def __init__(self, taxonomy: Taxonomy):
        self.taxonomy = taxonomy
        self._patterns = [(tag, _pattern(tag)) for tag in taxonomy.tags if tag.terms]

    def scores(self, title: str, paragraphs: list[str]) -> list[Scored]:
        body = "\n".join(paragraphs)
        lead = paragraphs[0] if paragraphs else ""
        per_thousand = max(1.0, len(body) / 1000)
        found = []
        for tag, pattern in self._patterns:
            in_title = len(pattern.findall(title))
            in_body = len(pattern.findall(body))
            if not (in_title or in_body):
                continue
            prominent = in_title or (in_body >= MIN_BODY_HITS and in_body / per_thousand >= MIN_DENSITY)
            if not prominent:
                continue
            score = TITLE_WEIGHT * min(in_title, 2) + in_body / per_thousand + LEAD_WEIGHT * bool(
                pattern.search(lead))
            found.append(Scored(tag.name, round(score, 3)))
        found.sort(key=lambda item: (-item.score, item.name))
        return found

    def suggest(self, title: str, paragraphs: list[str]) -> list[str]:
        chosen = [item.name for item in self.scores(title, paragraphs)[:MAX_TAGS]]
        if not chosen:
            chosen = [tag.name for tag in self.taxonomy.tags if tag.fallback][:1]
        return chosen
