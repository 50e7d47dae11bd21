"""Deterministic synthetic archive: N articles with realistic Chinese text and front matter like real content.

The same (n, seed) gives the same bytes on every run and every machine: only `random.Random(seed)` is
used, and every collection is iterated in a fixed order.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from bench import vocab

ARTICLES_PER_ISSUE = 70
LATEST_ISSUE = date(2021, 8, 12)
DEFAULT_SEED = 20210812
TAGS_PER_ARTICLE_WEIGHTS = [15, 25, 25, 18, 10, 7]  # for 1..6 tags
PARAGRAPHS = (4, 15)
PARAGRAPH_CHARS = (60, 200)


@dataclass(frozen=True)
class Article:
    title: str
    section: str
    date: date
    order: int
    slug: str
    tags: tuple[str, ...]
    body: str  # Markdown: paragraphs one per line, some "## " subheadings

    @property
    def issue(self) -> str:
        return self.date.isoformat()

    @property
    def path(self) -> str:
        """Where the article lives under content/, as ingest writes it."""
        return f"{self.issue}/{self.order:02d}-{self.slug}.md"

    def markdown(self) -> str:
        """The article file: YAML front matter exactly like ingest's, then the body."""
        lines = [
            "---",
            f"title: {self.title}",
            f"section: {self.section}",
            f"publication: {vocab.PUBLICATION}",
            f"date: {self.issue}",
            f"issue: {self.issue}",
            f"order: {self.order}",
            f"slug: {self.slug}",
            f"tags: [{', '.join(self.tags)}]",
            "---",
        ]
        return "\n".join(lines) + "\n" + self.body


class _Writer:
    """Draws titles, tags and bodies from one seeded RNG."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.tag_weights = [1 / rank for rank in range(1, len(vocab.TAGS) + 1)]
        self.slugs: set[str] = set()

    def article(self, index: int) -> Article:
        issue_number, position = divmod(index, ARTICLES_PER_ISSUE)
        section = vocab.SECTIONS[position * len(vocab.SECTIONS) // ARTICLES_PER_ISSUE]
        title, slug = self.title()
        tags = self.tags()
        return Article(
            title=title,
            section=section,
            date=LATEST_ISSUE - timedelta(weeks=issue_number),
            order=position + 1,
            slug=slug,
            tags=tags,
            body=self.body(tags),
        )

    def title(self) -> tuple[str, str]:
        actor, actor_pinyin = self.rng.choice(vocab.ACTORS)
        first, first_pinyin = self.rng.choice(vocab.TOPICS)
        second, second_pinyin = self.rng.choice(vocab.TOPICS)
        if second == first:
            return f"{actor}：{first}", self.unique_slug(f"{actor_pinyin}-{first_pinyin}")
        return f"{actor}：{first} {second}", self.unique_slug(f"{actor_pinyin}-{first_pinyin}-{second_pinyin}")

    def unique_slug(self, slug: str) -> str:
        candidate, suffix = slug, 1
        while candidate in self.slugs:
            suffix += 1
            candidate = f"{slug}-{suffix}"
        self.slugs.add(candidate)
        return candidate

    def tags(self) -> tuple[str, ...]:
        count = self.rng.choices(range(1, 7), weights=TAGS_PER_ARTICLE_WEIGHTS)[0]
        chosen: list[str] = []
        while len(chosen) < count:
            tag = self.rng.choices(vocab.TAGS, weights=self.tag_weights)[0]
            if tag not in chosen:
                chosen.append(tag)
        return tuple(chosen)

    def body(self, tags: tuple[str, ...]) -> str:
        paragraphs = [self.paragraph(tags) for _ in range(self.rng.randint(*PARAGRAPHS))]
        blocks: list[str] = []
        if self.rng.random() < 0.4:  # a feature-like article with subheadings
            headings = self.rng.sample(vocab.HEADINGS, k=min(3, len(paragraphs) // 2))
            step = len(paragraphs) // len(headings)
            starts = {index * step: heading for index, heading in enumerate(headings)}
        else:
            starts = {}
        for index, paragraph in enumerate(paragraphs):
            if index in starts:
                blocks.append(f"## {starts[index]}")
            blocks.append(paragraph)
        return "\n\n".join(blocks) + "\n"

    def paragraph(self, tags: tuple[str, ...]) -> str:
        low, high = PARAGRAPH_CHARS
        target = self.rng.randint(low, high)
        text = ""
        while len(text) < target:
            sentence = self.sentence(tags)
            if len(text) >= low and len(text) + len(sentence) > high:
                break
            text += sentence
        return text

    def sentence(self, tags: tuple[str, ...]) -> str:
        rng = self.rng
        focus = rng.choice(tags) if rng.random() < 0.6 else rng.choice(vocab.TAGS)
        kind = rng.randrange(4)
        if kind == 0:
            return f"{rng.choice(vocab.ADVERBIALS)}，{rng.choice(vocab.SUBJECTS)}{rng.choice(vocab.VERBS)}{focus}领域{rng.choice(vocab.OBJECTS)}建设。"
        if kind == 1:
            year = rng.randint(2015, 2021)
            metric, unit = rng.choice(vocab.METRICS)
            return (
                f"{year}年{focus}相关{metric}达到{rng.randint(12, 9800)}{unit}，"
                f"同比增长{rng.randint(1, 60)}.{rng.randint(0, 9)}%。"
            )
        if kind == 2:
            return f"{rng.choice(vocab.SUBJECTS)}表示，将{rng.choice(vocab.VERBS)}{rng.choice(vocab.OBJECTS)}，{rng.choice(vocab.RESULTS)}。"
        actor = rng.choice(vocab.ACTORS)[0]
        return f"{actor}围绕{focus}{rng.choice(vocab.VERBS)}{rng.choice(vocab.OBJECTS)}，{rng.choice(vocab.RESULTS)}。"


def generate(n: int, seed: int = DEFAULT_SEED) -> list[Article]:
    """The first n articles of the archive: newest issue first, 70 articles per weekly issue."""
    writer = _Writer(seed)
    return [writer.article(index) for index in range(n)]


def issue_yaml(issue_date: date) -> str:
    return (
        f"publication: {vocab.PUBLICATION}\n"
        f"date: {issue_date.isoformat()}\n"
        f"issue: {issue_date.isoformat()}\n"
        "number: null\n"
        f"sections: [{', '.join(vocab.SECTIONS)}]\n"
    )


def write_content(articles: list[Article], content: Path) -> None:
    """Write the archive as `bulletin ingest` would: content/<date>/_issue.yml and NN-<slug>.md files."""
    if content.exists():
        shutil.rmtree(content)
    for article in articles:
        folder = content / article.issue
        if not folder.exists():
            folder.mkdir(parents=True)
            (folder / "_issue.yml").write_text(issue_yaml(article.date), encoding="utf-8")
        (content / article.path).write_text(article.markdown(), encoding="utf-8")
