"""Related articles by shared tags, computed through the tag index (never pairwise over all articles).

For each article, candidates are the articles nearest to it in time within each of its tags' lists
(at most `WINDOW` on each side), so the work per article is bounded whatever the archive size. A shared
tag scores more the rarer it is; ties go to the article closer in time, then to the slug.
"""

from __future__ import annotations

import heapq
import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.site.model import Article

RELATED_COUNT = 5
WINDOW = 30


def related_articles(articles: list[Article], count: int = RELATED_COUNT) -> None:
    """Fill `article.related` for every article; tag lists must already hold their articles."""
    total = len(articles)
    weights = {}
    positions = {}
    for article in articles:
        for tag in article.tags:
            if tag.slug not in weights:
                weights[tag.slug] = 1.0 + math.log(total / len(tag.articles))
                positions[tag.slug] = {id(member): index for index, member in enumerate(tag.articles)}
    for article in articles:
        scores: dict[int, tuple[float, Article]] = {}
        for tag in article.tags:
            index = positions[tag.slug][id(article)]
            for other in tag.articles[max(0, index - WINDOW) : index + WINDOW + 1]:
                if other is not article:
                    score, _ = scores.get(id(other), (0.0, other))
                    scores[id(other)] = (score + weights[tag.slug], other)
        ranked = heapq.nsmallest(  # the same as sorted(...)[:count], without sorting every candidate
            count,
            scores.values(),
            key=lambda item: (-round(item[0], 9), abs((item[1].date - article.date).days), item[1].slug),
        )
        article.related = [other for _, other in ranked]
