"""Labeled blocks -> sections and articles.

Article titles and in-article subheadings look alike on the page, so each heading is judged from
its context, TextTiling-style: a title starts a new story, so the text after it shares few words
with the text before it (a deep valley of lexical cohesion) and little with the current article's
title; it is often followed by a dateline ("8月5日，", "近日，") and may be typeset differently
from subheadings. A heading right after a section banner or a part label, or right above a
subtitle, is always a title.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from generator.ingest.chars import numbering, tidy_paragraph
from generator.ingest.cohesion import Weights, cosine, coverage, terms
from generator.ingest.rules import Kind, Labeled
from generator.text.cjk import HAN_CLASS

WINDOW_CHARS = 260  # body text on each side of a boundary compared for cohesion
LOW_CONFIDENCE = 1.0  # |score| below this is reported as an uncertain decision

DATELINE = re.compile(
    r"^(?:\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月\d{1,2}日|近日|日前|近期|昨日|昨天|今天|今日|本周|上周|"
    r"当地时间|本报讯|新华社|据.{0,12}(?:报道|消息|获悉))"
)
_SPACED_LATIN = re.compile(rf"[{HAN_CLASS}] [A-Za-z0-9]|[A-Za-z0-9%] [{HAN_CLASS}]")
_TOUCHING_LATIN = re.compile(rf"[{HAN_CLASS}][A-Za-z0-9]|[A-Za-z0-9%][{HAN_CLASS}]")


@dataclass
class Item:
    """One piece of an article body: a paragraph or a subheading."""

    kind: str  # "paragraph" or "subheading"
    text: str
    first_line: int
    last_line: int


@dataclass
class Article:
    title: str
    section: str | None
    part: str | None
    first_line: int
    last_line: int
    subtitle: str | None = None
    items: list[Item] = field(default_factory=list)
    synthetic_title: bool = False  # no title in the text: the title was made up and says so
    opens_part: bool = False  # the first article under its part label

    @property
    def paragraphs(self) -> list[Item]:
        return [item for item in self.items if item.kind == "paragraph"]

    @property
    def subheadings(self) -> list[Item]:
        return [item for item in self.items if item.kind == "subheading"]


@dataclass(frozen=True)
class Decision:
    line: int
    text: str
    verdict: str  # "title" or "subheading"
    score: float
    reason: str

    @property
    def uncertain(self) -> bool:
        return self.reason == "cohesion" and abs(self.score) < LOW_CONFIDENCE


@dataclass
class Segmented:
    sections: list[str]
    articles: list[Article]
    decisions: list[Decision]
    warnings: list[str]


@dataclass(frozen=True)
class Features:
    depth: float  # TextTiling depth of the cohesion valley at the heading, over the document's mean
    valley: float  # cohesion between the text before and after the heading, over the mean
    title_echo: float  # share of the current title's terms found after the heading
    spaced_latin: bool  # Latin set off by spaces while body text runs it in (headline style)
    dateline: bool  # the text after opens with a date or "近日"
    length: int  # characters in the heading
    paragraphs_since_title: int

    def score(self) -> float:
        """Positive: a new article's title; negative: a subheading. Cohesion is measured relative
        to the document's own mean, so the weights hold for long and short bulletins alike."""
        return (
            1.0 * self.depth
            - 1.1 * self.valley
            - 6.0 * self.title_echo
            + 1.6 * self.spaced_latin
            + 1.9 * self.dateline
            + 0.11 * min(self.length, 40)
            + 0.3 * math.log1p(self.paragraphs_since_title)
            - 2.8
        )


def spaced_latin(text: str) -> bool:
    return bool(_SPACED_LATIN.search(text)) and not _TOUCHING_LATIN.search(text)


class Cohesion:
    """Cohesion between the body text before and after each block of a labeled bulletin."""

    def __init__(self, labeled: list[Labeled]):
        self.labeled = labeled
        self._terms = [terms(item.text) if item.kind is Kind.BODY else None for item in labeled]
        self.weights = Weights(counts for counts in self._terms if counts is not None)
        self._gaps: dict[int, float] = {}
        self._mean_gap: float | None = None

    def window(self, start: int, step: int) -> Counter[str]:
        """Terms of the body text from block `start` in direction `step`, up to a section banner."""
        total: Counter[str] = Counter()
        size = 0
        index = start
        while 0 <= index < len(self.labeled) and size < WINDOW_CHARS:
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

    def valley(self, index: int) -> tuple[float, float]:
        """(depth, value) of the cohesion valley across the heading at `index`: how far cohesion
        rises again on either side before it falls (TextTiling's depth score)."""
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
        return (left - value) + (right - value), value

    def echo(self, title: str, index: int) -> float:
        """Share of the title's terms that the text after block `index` repeats."""
        after: Counter[str] = Counter()
        k = index + 1
        while k < len(self.labeled) and self.labeled[k].kind in (Kind.BODY, Kind.SUBTITLE):
            after.update(self._terms[k] or terms(self.labeled[k].text))
            k += 1
        return coverage(self.weights.vector(title), self.weights.weigh(after))


def _body_spaces_latin(labeled: list[Labeled]) -> bool:
    """Does the body text itself set Latin words off with spaces? Then headings doing so say nothing."""
    spaced = touching = 0
    for item in labeled:
        if item.kind is Kind.BODY:
            spaced += len(_SPACED_LATIN.findall(item.text))
            touching += len(_TOUCHING_LATIN.findall(item.text))
    return spaced > 0.3 * max(1, spaced + touching)


def _next_body(labeled: list[Labeled], index: int) -> str:
    for item in labeled[index + 1 :]:
        if item.kind is Kind.BODY:
            return item.text
        if item.kind is not Kind.SUBTITLE:
            return ""
    return ""


def segment(labeled: list[Labeled], fallback_title: str) -> Segmented:
    cohesion = Cohesion(labeled)
    headline_style_counts = not _body_spaces_latin(labeled)
    sections: list[str] = []
    articles: list[Article] = []
    decisions: list[Decision] = []
    warnings: list[str] = []
    section: str | None = None
    part: str | None = None
    current: Article | None = None
    paragraphs_since_title = 0
    after_banner = True  # at the start, and after a section banner or part label
    part_pending = False  # a part label not yet followed by an article

    def open_article(title: str, first: int, last: int, synthetic: bool = False) -> Article:
        nonlocal part_pending
        article = Article(title=title, section=section, part=part, first_line=first, last_line=last,
                          synthetic_title=synthetic, opens_part=part_pending)
        part_pending = False
        articles.append(article)
        return article

    for index, item in enumerate(labeled):
        block = item.block
        if item.kind is Kind.SECTION:
            section = item.text
            if section not in sections:
                sections.append(section)
            part = None
            current = None
            after_banner = True
        elif item.kind is Kind.PART:
            part = item.text
            part_pending = True
            current = None
            after_banner = True
        elif item.kind is Kind.SUBTITLE:
            assert current is not None  # rule_subtitle only fires right under a heading
            current.subtitle = item.text
            current.last_line = block.last
        elif item.kind is Kind.HEADING:
            verdict, score, reason = judge(Context(labeled, index, current, after_banner, cohesion,
                                                   headline_style_counts, paragraphs_since_title))
            if verdict == "subheading" and current is None:
                warnings.append(f"line {block.first}: “{item.text}” cannot join an article: none comes before it")
                verdict, reason = "title", "no article before it"
            decisions.append(Decision(block.first, item.text, verdict, score, reason))
            if verdict == "title":
                current = open_article(item.text, block.first, block.last, synthetic=item.synthetic)
                paragraphs_since_title = 0
            else:
                assert current is not None  # a subheading with no article before it became a title above
                current.items.append(Item("subheading", item.text, block.first, block.last))
                current.last_line = block.last
            after_banner = False
        else:
            if current is None:
                current = open_article(fallback_title, block.first, block.last, synthetic=True)
                warnings.append(
                    f"line {block.first}: text with no title above it; it became an article titled "
                    f"“{fallback_title}”: give it a title with a hint or edit the file"
                )
            current.items.append(Item("paragraph", tidy_paragraph(item.text), block.first, block.last))
            current.last_line = block.last
            paragraphs_since_title += 1
            after_banner = False
    return Segmented(sections=sections, articles=articles, decisions=decisions, warnings=warnings)


@dataclass(frozen=True)
class Context:
    """What the title-or-subheading rules may look at for the heading at `index`."""

    labeled: list[Labeled]
    index: int
    current: Article | None
    after_banner: bool
    cohesion: Cohesion
    headline_style_counts: bool
    paragraphs_since_title: int

    @property
    def item(self) -> Labeled:
        return self.labeled[self.index]

    @property
    def following(self) -> Labeled | None:
        return self.labeled[self.index + 1] if self.index + 1 < len(self.labeled) else None


Verdict = tuple[str, float, str]  # ("title" | "subheading", score, reason)


def judge_hint(ctx: Context) -> Verdict | None:
    return (ctx.item.forced, 0.0, "hint") if ctx.item.forced else None


def judge_after_banner(ctx: Context) -> Verdict | None:
    return ("title", 0.0, "first heading after a banner") if ctx.current is None or ctx.after_banner else None


def judge_above_subtitle_or_heading(ctx: Context) -> Verdict | None:
    following = ctx.following
    if following is not None and following.kind is Kind.SUBTITLE:
        return "title", 0.0, "has a subtitle"
    if following is not None and following.kind is Kind.HEADING:
        return "title", 0.0, "a heading follows"
    return None


def judge_no_text_below(ctx: Context) -> Verdict | None:
    following = ctx.following
    return ("subheading", 0.0, "no text below") if following is None or following.kind is not Kind.BODY else None


def judge_numbered(ctx: Context) -> Verdict | None:
    """Numbered headings divide an article, unless the article's own title is numbered the same
    way: then they are its siblings (a bulletin that numbers its articles)."""
    style = numbering(ctx.item.text)
    if style is None:
        return None
    assert ctx.current is not None  # without an article, the first judge decided
    if style == numbering(ctx.current.title):
        return "title", 0.0, "numbered like the title"
    return "subheading", 0.0, "numbered"


def judge_by_cohesion(ctx: Context) -> Verdict:
    assert ctx.current is not None  # without an article, the first judge decided
    cohesion = ctx.cohesion
    depth, valley = cohesion.valley(ctx.index)
    features = Features(
        depth=depth / cohesion.mean_gap(),
        valley=valley / cohesion.mean_gap(),
        title_echo=cohesion.echo(ctx.current.title, ctx.index),
        spaced_latin=ctx.headline_style_counts and spaced_latin(ctx.item.text),
        dateline=bool(DATELINE.match(_next_body(ctx.labeled, ctx.index))),
        length=len(ctx.item.text),
        paragraphs_since_title=ctx.paragraphs_since_title,
    )
    score = features.score()
    return ("title" if score > 0 else "subheading"), score, "cohesion"


JUDGES = [judge_hint, judge_after_banner, judge_above_subtitle_or_heading, judge_no_text_below, judge_numbered,
          judge_by_cohesion]


def judge(ctx: Context) -> Verdict:
    """Title or subheading: the first judge that decides wins; cohesion always decides."""
    return next(verdict for rule in JUDGES if (verdict := rule(ctx)) is not None)
