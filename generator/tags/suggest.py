"""What the taxonomy misses, for the editor to act on (`bulletin tags --suggest`).

- *Uncovered words*: words that many articles of the archive are about (a word in the title, or
  said `PROMINENT` times) and that no tag's name, keyword or alias covers, the most telling first: a
  word counts more the more articles it is prominent in and the rarer it is in Chinese at large
  (jieba's document frequencies over a general corpus), so `低空经济` ranks above `发展`. Articles
  that got only the fallback tag (or none) count double: what they share is what the taxonomy
  lacks most.
- *Idle tags*: tags that no article has, with how many articles mention their keywords at all (none:
  the keywords may be wrong; some: the tagger never found them prominent, or the tag is new).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from generator.tags.mentions import Matcher, normalize
from generator.taxonomy import Taxonomy
from generator.text.words import content_words, rarity

MIN_ARTICLES = 3  # a word fewer articles are about is no pattern yet
PROMINENT = 3  # a word said this often in an article (or in its title) is what the article is about
MIN_RARITY = 0.6  # rarity below which a word is everyday language (发展 0.3, 企业 0.35)
EXAMPLES = 3  # titles shown per word
_QUANTITY = re.compile("^[零一二两三四五六七八九十百千万亿]")  # 亿户, 万个, 三大: amounts, not topics


@dataclass(frozen=True)
class ArchiveArticle:
    title: str
    text: str
    tags: tuple[str, ...]  # as the taxonomy names them


@dataclass(frozen=True)
class Uncovered:
    word: str
    articles: int  # articles about it
    untagged: int  # of them, those with no tag but the fallback
    examples: tuple[str, ...]  # titles of some of them

    @property
    def score(self) -> float:
        return (self.articles + self.untagged) * rarity(self.word)


@dataclass(frozen=True)
class Idle:
    tag: str
    mentioned: int  # articles whose text has one of its keywords


@dataclass
class Suggestions:
    articles: int
    untagged: int
    uncovered: list[Uncovered]
    idle: list[Idle]


def _covered(word: str, terms: set[str]) -> bool:
    """A taxonomy term is the word or part of it (`人工智能产业` is covered by `人工智能`)."""
    word = normalize(word)
    return any(term in word for term in terms)


def suggest(articles: Sequence[ArchiveArticle], taxonomy: Taxonomy, *, min_articles: int = MIN_ARTICLES,
            limit: int = 30) -> Suggestions:
    terms = {normalize(term) for tag in taxonomy.tags for term in (*tag.terms, *tag.aliases)}
    terms = {term for term in terms if term and "*" not in term and len(term) > 1}
    fallback = {tag.name for tag in taxonomy.tags if tag.fallback}
    matcher = Matcher((tag.name, term) for tag in taxonomy.tags if not tag.fallback for term in tag.terms)

    users: dict[str, list[str]] = defaultdict(list)
    untagged_users: Counter[str] = Counter()
    mentioned: Counter[str] = Counter()
    untagged = 0
    for article in articles:
        bare = not set(article.tags) - fallback
        untagged += bare
        said = Counter(content_words(article.text))
        said.update(dict.fromkeys(content_words(article.title), PROMINENT))
        for word, count in said.items():
            if count >= PROMINENT:
                users[word].append(article.title)
                untagged_users[word] += bare
        mentioned.update({mention.key for mention in matcher.find(f"{article.title}\n{article.text}")[1]})

    uncovered = [
        Uncovered(word, len(titles), untagged_users[word], tuple(titles[:EXAMPLES]))
        for word, titles in users.items()
        if len(titles) >= min_articles and not word.isascii() and not _QUANTITY.match(word)
        and rarity(word) >= MIN_RARITY and not _covered(word, terms)
    ]
    uncovered.sort(key=lambda item: (-item.score, item.word))
    given = Counter(taxonomy.canonical(tag) for article in articles for tag in set(article.tags))
    idle = [Idle(tag.name, mentioned[tag.name]) for tag in taxonomy.tags if not tag.fallback and not given[tag.name]]
    idle.sort(key=lambda item: (item.mentioned, item.tag))
    return Suggestions(len(articles), untagged, uncovered[:limit], idle)
