"""Tag suggestion: the taxonomy's tags an article is about, each with the tagger's confidence.

Every tag whose keywords the article mentions is a candidate; its evidence (generator/tags/evidence.py)
is weighed by a logistic model into a confidence from 0 to 1. The article gets the candidates at or
above the taxonomy's `min_confidence` (each further tag a little surer than the one before it), at
most `max_tags` of them, the surest first; when none reaches it, the surest candidate if it comes
close, else the fallback tag.

The weights were fitted on the tune half of the development corpus (tests/corpus/, rules for the
gold tags in its README) by `python -m bench.eval.tags --fit`, which prints them for this file.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from generator.tags.evidence import FEATURES, ArticleText, Evidence, features, gather
from generator.tags.mentions import Matcher
from generator.taxonomy import Taxonomy

WEIGHTS = dict(zip(FEATURES, (
    -4.95, 2.00, 0.91, 0.70, 0.78, 0.78, 1.01, 1.49, 0.85, 0.82, 0.27, 3.15, 1.67, 0.91, 1.88, -0.00,
)))
# Each tag after the first must be this much surer than the one before it had to be: an editor gives
# an article two or three tags, and a fourth candidate is more often a side topic than a subject.
FURTHER = 0.1
CLOSE = 0.5  # an article no tag reaches gets its surest candidate if that has this share of the threshold


@dataclass(frozen=True)
class Scored:
    name: str
    confidence: float


def confidence(evidence: Evidence, weights: dict[str, float] = WEIGHTS) -> float:
    z = sum(weights[name] * value for name, value in zip(FEATURES, features(evidence)))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


class Tagger:
    def __init__(self, taxonomy: Taxonomy):
        self.taxonomy = taxonomy
        self.matcher = Matcher((tag.name, term) for tag in taxonomy.tags if not tag.fallback for term in tag.terms)
        self.names = {tag.name for tag in taxonomy.tags if tag.kind == "name"}
        self.fallback = next((tag.name for tag in taxonomy.tags if tag.fallback), None)

    def evidence(self, title: str, paragraphs: Sequence[str], subtitle: str | None = None) -> list[Evidence]:
        return gather(ArticleText(title, subtitle, tuple(paragraphs)), self.matcher, self.names)

    def scores(self, title: str, paragraphs: Sequence[str], subtitle: str | None = None) -> list[Scored]:
        """Every candidate tag with its confidence, the surest first."""
        found = [Scored(e.tag, round(confidence(e), 3)) for e in self.evidence(title, paragraphs, subtitle)]
        return sorted(found, key=lambda item: (-item.confidence, item.name))

    def choose(self, scored: list[Scored]) -> list[str]:
        threshold = self.taxonomy.min_confidence
        chosen: list[str] = []
        for item in scored[: self.taxonomy.max_tags]:
            if item.confidence < threshold + FURTHER * len(chosen):
                break
            chosen.append(item.name)
        if not chosen and scored and scored[0].confidence >= CLOSE * threshold:
            chosen = [scored[0].name]
        if not chosen and self.fallback:
            chosen = [self.fallback]
        return chosen

    def suggest(self, title: str, paragraphs: Sequence[str], subtitle: str | None = None) -> list[str]:
        return self.choose(self.scores(title, paragraphs, subtitle))
