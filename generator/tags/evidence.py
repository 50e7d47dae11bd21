"""What an article's text says about each tag whose keywords it mentions: where the mentions are
(title, the lead's opening clause, the lead), how many, how spread through the article, whether a
name is only listed among others. The tagger weighs these (generator/tags/tagger.py)."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

from generator.tags.mentions import Matcher, Mention
from generator.text.words import rarity

LEAD_MIN_CHARS = 30  # a shorter first paragraph (a byline, a one-line note) is not the lead
SHARE_PRIOR = 3  # mentions added to an article's total before shares are taken
SETTING_MAX_CHARS = 10  # a lead's opening clause this short is its dateline (8月5日，近日，本报讯 …)
# A clause opening with these sets the scene (在…期间，据…，截至…，受…影响，随着…): the subject follows.
_SETTING = re.compile(r"^(?:在|据|截至|截止|受|随着|为了?|自|从|当地时间|继|今年|去年|近年|近期)")
_CLAUSE_END = re.compile(r"[,。;:!?]")
_LOCATIVE = re.compile(r"[在于][^,。;:]{0,3}$")  # 在上海发布: the place is where, not who
_LIST_GLUE = {"、", "和", "与", "及", "以及", ",", "/"}


@dataclass(frozen=True)
class Evidence:
    """What one article says about one tag."""

    tag: str
    in_title: bool  # a keyword in the title (or the subtitle)
    title_terms: int  # different keywords of the tag in the title: 营收 and 净利润 say more than one
    in_subject: bool  # opening the lead, before its first comma: who or what the news is about
    in_lead: bool  # anywhere in the first paragraph
    mentions: int  # in the body
    variety: int  # different keywords of the tag in the body: an article about a topic names it many ways
    weight: float  # the body's mentions, each counting as much as its keyword is rare (`words.rarity`, at most 1)
    spread: float  # the share of the body's paragraphs that mention it
    density: float  # body mentions per 100 characters
    share: float  # of all the tag mentions in the body (as if there were a few more: one of one is not all)
    listed: float  # the share of its mentions that are in a list with other names
    name: bool  # the tag's keywords are names


@dataclass(frozen=True)
class ArticleText:
    title: str
    subtitle: str | None
    paragraphs: tuple[str, ...]


def _subject_end(lead: str) -> int:
    """Where the lead's subject clause ends: the first clause that is not its dateline or setting."""
    start = 0
    for _ in range(3):
        end = _CLAUSE_END.search(lead, start)
        if end is None:
            return len(lead)
        clause = lead[start:end.start()]
        if len(clause) > SETTING_MAX_CHARS and not _SETTING.match(clause):
            return end.start()
        start = end.end()
    return start


def _listed(text: str, mentions: list[Mention], names: set[str]) -> set[int]:
    """Indexes of name mentions standing next to a mention of another name: `中国移动、中国电信`."""
    listed = set()
    named = [(index, m) for index, m in enumerate(mentions) if m.key in names]
    for (i, a), (j, b) in zip(named, named[1:]):
        if a.key != b.key and text[a.end:b.start] in _LIST_GLUE:
            listed |= {i, j}
    return listed


def _inside_other(mentions: list[Mention], names: set[str]) -> list[Mention]:
    """`mentions` without names that are part of a longer keyword of another tag: 北京 in
    北京证券交易所 is not Beijing."""
    return [m for m in mentions if m.key not in names or not any(
        o.key != m.key and o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
        for o in mentions)]


def gather(article: ArticleText, matcher: Matcher, names: set[str]) -> list[Evidence]:
    """The evidence for every tag the article mentions; `names` are the tags of kind name."""
    headline = " ".join(filter(None, (article.title, article.subtitle)))
    headline, in_headline = matcher.find(headline)
    in_headline = _inside_other(in_headline, names)
    title_keys = {m.key for m in in_headline if m.key not in names or not _LOCATIVE.search(headline[:m.start])}
    paragraphs = [p for p in article.paragraphs if p.strip()]
    lead_index = next((i for i, p in enumerate(paragraphs) if len(p) >= LEAD_MIN_CHARS), 0)

    counts: dict[str, int] = defaultdict(int)
    said: dict[str, set[str]] = defaultdict(set)
    weights: dict[str, float] = defaultdict(float)
    paragraphs_with: dict[str, int] = defaultdict(int)
    listed: dict[str, int] = defaultdict(int)
    in_lead: set[str] = set()
    in_subject: set[str] = set()
    length = 0
    for index, paragraph in enumerate(paragraphs):
        text, mentions = matcher.find(paragraph)
        mentions = _inside_other(mentions, names)
        length += len(text)
        for i in _listed(text, mentions, names):
            listed[mentions[i].key] += 1
        for mention in mentions:
            counts[mention.key] += 1
            said[mention.key].add(mention.keyword)
            # everyday words count less, and so do words that stand for several tags
            weights[mention.key] += min(1.0, rarity(mention.keyword)) / matcher.senses.get(mention.keyword, 1)
        for key in {m.key for m in mentions}:
            paragraphs_with[key] += 1
        if index == lead_index:
            in_lead = {m.key for m in mentions}
            end = _subject_end(text)
            in_subject = {m.key for m in mentions if m.start < end and not _LOCATIVE.search(text[:m.start])}
    total = sum(counts.values()) + SHARE_PRIOR
    return [
        Evidence(
            tag=key,
            in_title=key in title_keys,
            title_terms=len({m.keyword for m in in_headline if m.key == key}) if key in title_keys else 0,
            in_subject=key in in_subject,
            in_lead=key in in_lead,
            mentions=counts[key],
            variety=len(said[key]),
            weight=weights[key],
            spread=paragraphs_with[key] / max(1, len(paragraphs)),
            density=100 * counts[key] / max(100, length),
            share=counts[key] / total,
            listed=listed[key] / counts[key] if counts[key] else 0.0,
            name=key in names,
        )
        for key in sorted(title_keys | set(counts) | {m.key for m in in_headline})
    ]


def features(evidence: Evidence) -> tuple[float, ...]:
    """The numbers the tagger's weights apply to, in the order of `FEATURES`."""
    e = evidence
    topic = not e.name
    return (
        1.0,
        topic * e.in_title,
        topic * e.in_subject,
        topic * e.in_lead,
        topic * math.log1p(e.weight),
        topic * e.spread,
        topic * min(e.density, 2.0),
        topic * e.share,
        topic * min(e.title_terms - 1, 2) if e.title_terms else 0.0,
        topic * math.log1p(e.variety),
        e.name * 1.0,
        e.name * e.in_title,
        e.name * e.in_subject,
        e.name * math.log1p(e.mentions),
        e.name * e.spread,
        e.name * e.listed,
    )


FEATURES = ("bias", "title", "subject", "lead", "log weight", "spread", "density", "share", "title terms", "variety",
            "name", "name title", "name subject", "name log mentions", "name spread", "name listed")
