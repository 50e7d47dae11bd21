"""Evidence that a heading starts a new article rather than dividing the current one.

Each measure follows from how bulletins are written and laid out, and holds across bulletins:

- cohesion: a new story shares few words with the one before it (a deep TextTiling valley) and
  does not repeat the current title's words;
- lead: a news lead restates its headline (`华为发布数据库新品` over `华为在同一大会上发布……`), a
  feature's paragraph goes on from the one before rather than from its subheading; a new story opens with a dateline (`8月16日，`, `近日，`, `本刊讯`) or an editor's note (`编者按：`), a continuing one often
  with a word that points back (`此外，`, `对此，`, `该公司`);
- series: a heading shaped like the current article's last subheading (`（二）…` after `（一）…`,
  `底气：…` after `目标：…`) belongs to the same series;
- typography: headings set the way this bulletin sets its sure titles (those under a banner, above
  a subtitle or byline, or listed by the contents page): the same blank lines around them, the same
  indent, the same spacing of Latin words;
- length: a title is longer than a subheading, and an article that has gone on for many paragraphs
  is likelier to end than one that has just begun, the more so past the length its section's (or
  the bulletin's) articles typically have: a run of one-paragraph briefs ends every paragraph or two;
  a heading over a single paragraph is often a brief's (a feature's parts run longer);
- form: a run of briefs prints parallel headlines (a figure in each, two clauses set apart by a
  space, about the same length: `中国电信上半年服务收入2694亿元 算力收入快速增长` after
  `中国移动上半年营业收入5438亿元 净利润同比增长5.0%`), while a feature's subheadings are short
  phrases unlike its title.

`Evidence.score()` weighs them into one number: positive for a title, negative for a subheading,
its size the confidence (the weights were fitted on the corpus's tune half; see bench/eval/).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, fields

from generator.ingest.chars import numbering
from generator.ingest.cohesion import Cohesion, coverage
from generator.ingest.rules import Kind, Labeled
from generator.text.cjk import HAN_CLASS

DATELINE = re.compile(
    r"^(?:(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|上旬|中旬|下旬|初|底|末)|(?:\d{4}年)?\d{1,2}月[，,]|近日|日前|近期|昨日|昨天|今天|今日|本周|上周|"
    r"当地时间|本报讯|本刊讯|本网讯|新华社|编者按|据.{0,12}(?:报道|消息|获悉)|据[^，。；]{2,16}(?:介绍|透露|披露))"
    # or a source named first: "中国信息通信研究院最新数据显示，", "工业和信息化部消息，"
    r"|^[^，。；]{2,24}(?:数据显示|统计显示|报告显示|调查显示|消息称?|公告称?|发布消息)[，,]"
)
# The first words of a paragraph that goes on from what came before it.
CONTINUES = re.compile(
    r"^(?:此外|另外|同时|与此同时|而|但|但是|不过|然而|对此|其中|因此|所以|为此|据此|这|该|他|她|它|其|"
    r"此前|随后|相比之下|与之相比|在此基础上|除此之外|除了|一方面|另一方面|首先|其次|再次|最后|总的来看|总体来看)"
    r"|^从[^，。]{1,16}(?:看|来看)[，,]"  # "从已发布的业绩预告看，": an argument going on
)
FIRST_SENTENCE = re.compile(r"[。！？!?]")
# A day named in a news lead: "9日晚", "8月10日", "当地时间周二"
LEAD_CHARS = 100  # how far into the text after a heading a news lead names its day
DAY = re.compile(r"(?<![\d.])\d{1,2}日(?:晚|早|晨|上午|下午|中午|电)?|当地时间")
SPACED_LATIN = re.compile(rf"[{HAN_CLASS}] [A-Za-z0-9]|[A-Za-z0-9%] [{HAN_CLASS}]")
TOUCHING_LATIN = re.compile(rf"[{HAN_CLASS}][A-Za-z0-9]|[A-Za-z0-9%][{HAN_CLASS}]")
LABEL = re.compile(r"^[^：:，。]{1,6}[：:]")  # "目标：", "北京：": a short label opening a heading
# A quantity (`5438亿元`, `11.9%`, `1200个`), not a name with a digit in it (`5G`, `R16`).
FIGURE = re.compile(r"\d[\d.,]*\s*(?:%|％|[亿万千百]|[个家部台辆倍款项座次户人元])")
# Two clauses set apart by a space (`…5438亿元 净利润同比增长5.0%`), not Latin set off (`5G R16`).
CLAUSE_SPACE = re.compile(r"[^\sA-Za-z0-9.\-] +[^\sA-Za-z0-9]|[^\sA-Za-z0-9] +[^\sA-Za-z0-9.\-]")
ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]是|第[一二三四五六七八九十]|首先|其次|再次|最后)")


def spaced_latin(text: str) -> bool | None:
    """Does the heading set Latin words and numbers off with spaces? None when it has none."""
    if SPACED_LATIN.search(text):
        return not TOUCHING_LATIN.search(text)
    return False if TOUCHING_LATIN.search(text) else None


def shape(text: str) -> str | None:
    """The form a heading shares with others of its series, if it has a telling one."""
    style = numbering(text)
    if style:
        return style
    if ORDINAL.match(text):
        return "ordinal"
    if text.endswith(("：", ":")):
        return "label alone"
    if LABEL.match(text):
        return "label"
    return None


def _form(text: str) -> tuple[bool, bool, int]:
    """What parallel headings share: a figure, two clauses set apart by a space, the length."""
    return bool(FIGURE.search(text)), bool(CLAUSE_SPACE.search(text)), len(re.sub(r"\s", "", text))


def like_title(heading: str, title: str) -> float:
    """How parallel the heading is with the current title: the share of the title's telling traits
    (a figure, two clauses) that it has too, at about the title's length; 0 when the title has none."""
    figure, clauses, length = _form(heading)
    title_figure, title_clauses, title_length = _form(title)
    telling = title_figure + title_clauses
    if not telling or min(length, title_length) < 0.6 * max(length, title_length):
        return 0.0
    return ((figure and title_figure) + (clauses and title_clauses)) / telling


def _next_kind(labeled: list[Labeled], index: int) -> Kind | None:
    return labeled[index + 1].kind if index + 1 < len(labeled) else None


def _signature(labeled: list[Labeled], index: int) -> dict[str, object]:
    """The typographic traits of the heading at `index`."""
    item = labeled[index]
    first = item.block.lines[0]
    above = index
    while above > 0 and labeled[above - 1].kind in (Kind.SECTION, Kind.PART):
        above -= 1  # a banner right above a title: the space is above the banner
    following = labeled[index + 1].block.lines[0] if index + 1 < len(labeled) else None
    traits: dict[str, object] = {
        "blank before": min(labeled[above].block.lines[0].gap, 2),
        "blank after": min(following.gap, 2) if following is not None else None,
        "indent": 0 if first.indent == 0 else 1 if first.indent < 4 else 2,
        "lines": min(len(item.block.lines), 2),
    }
    latin = spaced_latin(item.text)
    if latin is not None:
        traits["spaced latin"] = latin
    return traits


class TitleStyle:
    """How this bulletin sets its titles, learnt from the headings that can only be titles, and
    how alike another heading is (the log-likelihood ratio of its traits, titles against all
    headings, added up over the traits that titles share and other headings do not all share)."""

    def __init__(self, labeled: list[Labeled]):
        headings = [i for i, item in enumerate(labeled) if item.kind is Kind.HEADING]
        sure = [i for i in headings if self.sure_title(labeled, i)]
        self._titles = [_signature(labeled, i) for i in sure]
        self._all = [_signature(labeled, i) for i in headings]
        latin = [bool(s["spaced latin"]) for s in self._titles if "spaced latin" in s]
        # Headlines set Latin off with spaces (`湖北建成 3.6 万个 5G 基站`) when this bulletin's sure
        # titles do so at least half the time and its body text does not.
        self.spaces_latin = bool(latin) and sum(latin) >= len(latin) / 2 and not body_spaces_latin(labeled)

    @staticmethod
    def sure_title(labeled: list[Labeled], index: int) -> bool:
        item = labeled[index]
        before = labeled[index - 1].kind if index else None
        return (item.forced == "title" or item.listed == "title" or before in (Kind.SECTION, Kind.PART)
                or _next_kind(labeled, index) in (Kind.SUBTITLE, Kind.BYLINE))

    def likeness(self, labeled: list[Labeled], index: int) -> float:
        if len(self._titles) < 3:
            return 0.0
        score = 0.0
        for trait, value in _signature(labeled, index).items():
            if value is None:
                continue
            titles = [s.get(trait) for s in self._titles if s.get(trait) is not None]
            everyone = [s.get(trait) for s in self._all if s.get(trait) is not None]
            if len(set(everyone)) < 2 or len(titles) < 3 or Counter(titles).most_common(1)[0][1] < 0.75 * len(titles):
                continue  # a trait every heading shares, or one titles do not share, tells nothing
            kinds = len(set(everyone))
            in_titles = (titles.count(value) + 0.5) / (len(titles) + 0.5 * kinds)
            in_all = (everyone.count(value) + 0.5) / (len(everyone) + 0.5 * kinds)
            score += math.log(in_titles / in_all)
        return max(-3.0, min(3.0, score))


@dataclass(frozen=True)
class Evidence:
    depth: float  # TextTiling depth of the cohesion valley at the heading, over the bulletin's mean
    title_echo: float  # share of the current title's words found after the heading
    lead_echo: float  # share of the heading's words the first sentence after it repeats
    dateline: bool  # the text after opens with a date, 近日 or 本刊讯
    continues: bool  # the text after opens with a word pointing back (此外，对此，该…)
    dated_lead: bool  # the lead after it names a day early on (`公司9日晚公告称`, `8月10日发布`)
    same_series_as_subheading: bool  # shaped like the current article's last subheading
    style: float  # typography like this bulletin's sure titles (log-likelihood ratio)
    headline_latin: int  # where titles set Latin off with spaces: +1 this heading does, -1 it does not; else 0
    length: int  # characters in the heading
    paragraphs: int  # paragraphs of the current article so far
    typical: float  # paragraphs of the section's (else the bulletin's) articles so far, the median
    after: int  # paragraphs after the heading, up to the next heading
    like_title: float  # parallel in form with the current title (0 to 1)

    def vector(self) -> dict[str, float]:
        values = {field.name: float(getattr(self, field.name)) for field in fields(self)}
        values["length"] = min(self.length, 40) / 10
        values["paragraphs"] = math.log1p(self.paragraphs)
        values["after"] = math.log1p(min(self.after, 6))
        # how far the article has run past its section's typical length (0 when there is none yet)
        values["typical"] = math.log1p(self.paragraphs) - math.log1p(self.typical) if self.typical else 0.0
        return values

    def score(self) -> float:
        """Positive: a new article's title; negative: a subheading."""
        vector = self.vector()
        return BIAS + sum(WEIGHTS[name] * value for name, value in vector.items())


WEIGHTS = {
    "after": -2.28,
    "continues": -1.85,
    "dated_lead": 1.37,
    "dateline": 3.18,
    "depth": 1.44,
    "headline_latin": 1.49,
    "lead_echo": 1.23,
    "length": 3.55,
    "like_title": 0.85,
    "paragraphs": 0.04,
    "same_series_as_subheading": -1.3,
    "style": 1.68,
    "title_echo": -2.46,
    "typical": 1.05,
}
BIAS = -3.92


def _paragraphs_after(labeled: list[Labeled], index: int) -> int:
    count = 0
    for other in labeled[index + 1:]:
        if other.kind in (Kind.HEADING, Kind.SECTION, Kind.PART):
            break
        count += other.kind is Kind.BODY
    return count


def body_spaces_latin(labeled: list[Labeled]) -> bool:
    """Does the body text itself set Latin words off with spaces? Then headings doing so say nothing."""
    spaced = touching = 0
    for item in labeled:
        if item.kind is Kind.BODY:
            spaced += len(SPACED_LATIN.findall(item.text))
            touching += len(TOUCHING_LATIN.findall(item.text))
    return spaced > 0.3 * max(1, spaced + touching)


def gather(labeled: list[Labeled], index: int, cohesion: Cohesion, style: TitleStyle, title: str,
           subheadings: list[str], paragraphs: int, typical: float) -> Evidence:
    """The evidence about the heading at `index`, given the current article so far."""
    item = labeled[index]
    mean = cohesion.mean_gap()
    lead = next((other.text for other in labeled[index + 1:] if other.kind is Kind.BODY), "")
    own = shape(item.text)
    latin = spaced_latin(item.text)
    return Evidence(
        depth=cohesion.depth(index) / mean,
        title_echo=cohesion.echo(title, index),
        lead_echo=coverage(cohesion.weights.vector(item.unnumbered), cohesion.weights.vector(FIRST_SENTENCE.split(lead)[0])),
        dateline=bool(DATELINE.match(lead)),
        continues=bool(CONTINUES.match(lead)),
        dated_lead=bool(DAY.search(lead[:LEAD_CHARS])),
        same_series_as_subheading=bool(own and subheadings and shape(subheadings[-1]) == own),
        style=style.likeness(labeled, index),
        headline_latin=0 if not style.spaces_latin or latin is None else 1 if latin else -1,
        length=len(item.unnumbered),
        paragraphs=paragraphs,
        typical=typical,
        after=_paragraphs_after(labeled, index),
        like_title=like_title(item.unnumbered, title),
    )
