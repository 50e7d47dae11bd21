"""Title or subheading: an ordered chain of small judges, the first that decides wins.

The sure judges come first (a hint, the contents page, a banner above, a subtitle or byline below,
no text below, numbering); the last weighs the evidence of `evidence.py` and always decides. Every
verdict carries a score (its confidence; sure judges give ±SURE) and the reason, and names the
alternative and the hint that would apply it, for `--dry-run`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.ingest.chars import numbering
from generator.ingest.cohesion import Cohesion
from generator.ingest.evidence import Evidence, TitleStyle, gather
from generator.ingest.rules import Kind, Labeled

SURE = 9.0  # the score of a verdict no evidence can overturn


@dataclass(frozen=True)
class Verdict:
    verdict: str  # "title" or "subheading"
    score: float  # positive for a title; the size is the confidence
    reason: str
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Context:
    """What the judges may look at for the heading at `index`: the bulletin, and the current
    article so far (its title, subheadings and length)."""

    labeled: list[Labeled]
    index: int
    title: str | None  # the current article's title (None: no article open)
    title_number: str | None  # the enumerator the current title was printed with
    subheadings: list[str]
    paragraphs: int
    typical: float  # the median paragraphs of the section's (else the bulletin's) articles so far; 0: none
    after_banner: bool
    cohesion: Cohesion
    style: TitleStyle

    @property
    def item(self) -> Labeled:
        return self.labeled[self.index]

    @property
    def following(self) -> Labeled | None:
        return self.labeled[self.index + 1] if self.index + 1 < len(self.labeled) else None


def _sure(verdict: str, reason: str) -> Verdict:
    return Verdict(verdict, SURE if verdict == "title" else -SURE, reason)


def judge_hint(ctx: Context) -> Verdict | None:
    return _sure(ctx.item.forced, "hint") if ctx.item.forced else None


def judge_contents(ctx: Context) -> Verdict | None:
    return _sure(ctx.item.listed, "contents page") if ctx.item.listed else None


def judge_after_banner(ctx: Context) -> Verdict | None:
    return _sure("title", "first heading after a banner") if ctx.title is None or ctx.after_banner else None


def judge_above_subtitle_or_byline(ctx: Context) -> Verdict | None:
    following = ctx.following
    if following is not None and following.kind is Kind.SUBTITLE:
        return _sure("title", "has a subtitle")
    if following is not None and following.kind is Kind.BYLINE:
        return _sure("title", "has a byline")
    return None


def judge_above_heading(ctx: Context) -> Verdict | None:
    following = ctx.following
    if following is not None and following.kind is Kind.HEADING:
        return Verdict("title", 2.0, "a heading follows")
    return None


def judge_no_text_below(ctx: Context) -> Verdict | None:
    following = ctx.following
    no_text = following is None or following.kind not in (Kind.BODY, Kind.TABLE)
    return _sure("subheading", "no text below") if no_text else None


def _style(enumerator: str | None) -> str | None:
    if enumerator == "【】":
        return "bracketed"
    return numbering(enumerator + " ") if enumerator else None


def judge_numbered(ctx: Context) -> Verdict | None:
    """Numbered headings divide an article, unless the article's own title is numbered the same
    way: then they are its siblings (a bulletin that numbers its articles)."""
    style = _style(ctx.item.enumerator)
    if style is None:
        return None
    if style == _style(ctx.title_number):
        return _sure("title", "numbered like the title")
    return _sure("subheading", "numbered")


def judge_by_evidence(ctx: Context) -> Verdict:
    evidence = gather(ctx.labeled, ctx.index, ctx.cohesion, ctx.style, ctx.title or "", ctx.subheadings,
                      ctx.paragraphs, ctx.typical)
    score = evidence.score()
    return Verdict("title" if score > 0 else "subheading", score, "evidence", evidence)


Judge = Callable[[Context], Verdict | None]
JUDGES: list[Judge] = [judge_hint, judge_contents, judge_after_banner, judge_above_subtitle_or_byline, judge_numbered,
                       judge_above_heading, judge_no_text_below, judge_by_evidence]


def judge(ctx: Context, judges: list[Judge] = JUDGES) -> Verdict:
    """Title or subheading: the first judge that decides wins; the evidence always decides."""
    return next(verdict for rule in judges if (verdict := rule(ctx)) is not None)
