"""Labeled blocks -> sections and articles.

A walk through the labeled bulletin: banners open sections, part labels open parts, bylines and
subtitles go to the article above, paragraphs and tables to the current article, and every heading
is judged title or subheading by the chain in `judges.py`, given the article so far. Each judgement
is kept as a `Decision` for the `--dry-run` outline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median

from generator.ingest.chars import tidy_paragraph
from generator.ingest.cohesion import Cohesion
from generator.ingest.evidence import Evidence, TitleStyle
from generator.ingest.judges import Context, judge
from generator.ingest.rules import Kind, Labeled


@dataclass
class Item:
    """One piece of an article body: a paragraph, a subheading or a table."""

    kind: str  # "paragraph", "subheading" or "table"
    text: str
    first_line: int
    last_line: int
    rows: tuple[tuple[str, ...], ...] | None = None  # a table's cells


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
    author: str | None = None
    source: str | None = None
    printed_number: str | None = None  # the number or brackets the title was printed with

    @property
    def paragraphs(self) -> list[Item]:
        return [item for item in self.items if item.kind == "paragraph"]

    @property
    def subheadings(self) -> list[Item]:
        return [item for item in self.items if item.kind == "subheading"]


@dataclass(frozen=True)
class Decision:
    line: int
    text: str  # as it is used: a title without its number
    verdict: str  # "title" or "subheading"
    score: float  # positive for a title; the size is the confidence
    reason: str
    evidence: Evidence | None = None
    heading: str = ""  # the heading as printed
    under_heading: bool = False  # right under another heading, no text between


@dataclass
class Segmented:
    sections: list[str]
    articles: list[Article]
    decisions: list[Decision]
    warnings: list[str]


@dataclass
class _Walk:
    """The state of the walk: where it is and what the current article holds so far."""

    labeled: list[Labeled]
    fallback_title: str
    sections: list[str] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    section: str | None = None
    part: str | None = None
    current: Article | None = None
    after_banner: bool = True  # at the start, and after a section banner or part label
    part_pending: bool = False  # a part label not yet followed by an article

    def typical_length(self) -> float:
        """The median paragraphs of the finished articles of this section, else of the bulletin."""
        finished = self.articles[:-1] if self.current is not None else self.articles
        lengths = [len(a.paragraphs) for a in finished if a.section == self.section] or [len(a.paragraphs) for a in finished]
        return float(median(lengths)) if lengths else 0.0

    def open_article(self, title: str, first: int, last: int, synthetic: bool = False,
                     number: str | None = None) -> Article:
        article = Article(title=title, section=self.section, part=self.part, first_line=first, last_line=last,
                          synthetic_title=synthetic, opens_part=self.part_pending, printed_number=number)
        self.part_pending = False
        self.articles.append(article)
        self.current = article
        return article


def segment(labeled: list[Labeled], fallback_title: str) -> Segmented:
    cohesion = Cohesion(labeled)
    style = TitleStyle(labeled)
    walk = _Walk(labeled, fallback_title)
    for index, item in enumerate(labeled):
        block = item.block
        current = walk.current
        if item.kind is Kind.SECTION:
            walk.section = item.text
            if item.text not in walk.sections:
                walk.sections.append(item.text)
            walk.part = walk.current = None
            walk.after_banner = True
        elif item.kind is Kind.PART:
            walk.part = item.text
            walk.part_pending = True
            walk.current = None
            walk.after_banner = True
        elif item.kind is Kind.SUBTITLE and current is not None:
            current.subtitle = item.text  # rule_subtitle only fires right under a heading
            current.last_line = block.last
        elif item.kind is Kind.BYLINE and current is not None:
            current.author = _credit(current.author, item.author)
            current.source = _credit(current.source, item.source)
            current.last_line = block.last
        elif item.kind is Kind.HEADING:
            _heading(walk, index, item, cohesion, style)
        else:
            if current is None:
                current = walk.open_article(fallback_title, block.first, block.last, synthetic=True)
                walk.warnings.append(
                    f"line {block.first}: text with no title above it; it became an article titled "
                    f"“{fallback_title}”: give it a title with a hint or edit the file"
                )
            if item.kind is Kind.TABLE:
                current.items.append(Item("table", item.text, block.first, block.last, rows=block.rows))
            else:
                current.items.append(Item("paragraph", tidy_paragraph(item.text), block.first, block.last))
            current.last_line = block.last
            walk.after_banner = False
    return Segmented(sections=walk.sections, articles=walk.articles, decisions=walk.decisions, warnings=walk.warnings)


def _credit(known: str | None, found: str | None) -> str | None:
    """An article's author or source from a second byline as well: one that says more
    (`本刊记者 宋雨桐 整理` at the end, after `本刊记者 宋雨桐` under the title) replaces it, a
    different one joins it, so that nothing printed is lost."""
    if not found or not known or found in known:
        return known or found
    return found if known in found else f"{known}；{found}"


def _heading(walk: _Walk, index: int, item: Labeled, cohesion: Cohesion, style: TitleStyle) -> None:
    block = item.block
    current = walk.current
    ctx = Context(
        labeled=walk.labeled, index=index, title=current.title if current else None,
        title_number=current.printed_number if current else None,
        subheadings=[sub.text for sub in current.subheadings] if current else [],
        paragraphs=len(current.paragraphs) if current else 0, typical=walk.typical_length(),
        after_banner=walk.after_banner,
        cohesion=cohesion, style=style,
    )
    verdict = judge(ctx)
    decided, score, reason = verdict.verdict, verdict.score, verdict.reason
    if decided == "subheading" and current is None:
        walk.warnings.append(f"line {block.first}: “{item.text}” cannot join an article: none comes before it")
        decided, reason = "title", "no article before it"
    walk.decisions.append(Decision(block.first, item.unnumbered if decided == "title" else item.text, decided,
                                   score, reason, verdict.evidence, heading=item.text,
                                   under_heading=index > 0 and walk.labeled[index - 1].kind is Kind.HEADING))
    if decided == "title":
        walk.open_article(item.unnumbered, block.first, block.last, synthetic=item.synthetic, number=item.enumerator)
    else:
        assert current is not None  # a subheading with no article before it became a title above
        current.items.append(Item("subheading", item.text, block.first, block.last))
        current.last_line = block.last
    walk.after_banner = False
