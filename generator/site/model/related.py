"""Related articles by shared tags, computed through the tag index (never pairwise over all articles).

For each article, candidates are the articles nearest to it in time within each of its tags' lists
(at most `WINDOW` on each side), so the work per article is bounded whatever the archive size. A shared
tag scores more the rarer it is; ties go to the article closer in time, then to the slug.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from dataclasses import dataclass, field

from generator.site.model.objects import Article, Site

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
                positions[tag.slug] = {member: index for index, member in enumerate(tag.articles)}
    day = {article: article.date.toordinal() for article in articles}
    for article in articles:
        scores: dict[Article, float] = {}
        score_of = scores.get
        for tag in article.tags:
            index, weight = positions[tag.slug][article], weights[tag.slug]
            for other in tag.articles[max(0, index - WINDOW) : index + WINDOW + 1]:
                scores[other] = score_of(other, 0.0) + weight
        scores.pop(article, None)  # in its own tags' lists
        article.related = _best(scores, day, day[article], count)


def _best(scores: dict[Article, float], day: dict[Article, int], today: int, count: int) -> list[Article]:
    """The `count` best candidates: highest score, then closest in time, then by slug.

    Only candidates scoring about as much as the `count`-th best can be among them, so the full
    ranking key is made for a few of them, not for every candidate.
    """
    least = heapq.nlargest(count, scores.values())[-1] - 1e-9 if len(scores) > count else float("-inf")  # below rounding's reach
    ranked = sorted((-round(score, 9), abs(day[other] - today), other.slug, other) for other, score in scores.items() if score >= least)
    return [other for *_, other in ranked[:count]]


@dataclass
class RelatedMemo:
    """Related articles of the last build, reused while no article's tags, date or slug changed."""

    digest: str = ""
    keys: dict[str, list[str]] = field(default_factory=dict)  # article key -> related article keys



def _related_digest(articles: list[Article]) -> str:
    """Everything related articles depend on: each article's place, slug, date and tags."""
    material = repr([(article.key, article.slug, article.date.toordinal(), [tag.key for tag in article.tags]) for article in articles])
    return hashlib.blake2b(material.encode("utf-8"), digest_size=16).hexdigest()


def share_related(sites: list[Site], memo: RelatedMemo) -> None:
    """Related articles, found once (they depend on tags and dates only) and given to every edition."""
    first = sites[0].articles
    digest = _related_digest(first)
    if digest != memo.digest:
        related_articles(first)
        memo.digest, memo.keys = digest, {article.key: [other.key for other in article.related] for article in first}
    for site in sites:
        by_key = {article.key: article for article in site.articles}
        for article in site.articles:
            article.related = [by_key[key] for key in memo.keys[article.key]]

