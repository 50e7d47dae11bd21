"""Bylines, the lines that say who wrote an article and where it comes from, and captions: lines
that stand on their own and are never headings.

A source line (`来源：新华社`, `（来源：人民邮电报）`, `来源：… 作者：…`), an author line (`作者：…`,
`文/…`), or a reporter's name as printed (`人民邮电报记者 王海燕`, `本刊记者 陈思远`, `（记者 张三）`).
They go to the article's front matter (`author:`, `source:`), never into a title or its text.
"""

from __future__ import annotations

import re

from generator.ingest.chars import collapse_spaces
from generator.text.cjk import HAN_CLASS

MAX_BYLINE_CHARS = 50
# Captions, table notes, editors' lines: "图1 5G基站", "（单位：亿元）", "注：……", "责任编辑：李四": short,
# unpunctuated, never headings.
CAPTION = re.compile(r"^[（(]?(?:文|图|表|图表|附图|附表|资料来源|数据来源|单位|注|说明|备注|编辑|责编|责任编辑|通讯员|撰稿|审核|编者按)"
                     r"\s*\d*\s*[:：\s]")

_LABEL_SOURCE = r"(?:来源|稿源|文章来源|信息来源|转自|摘编自|摘自)"
_LABEL_AUTHOR = r"(?:作者|撰文|文)"
BYLINE_FIELD = re.compile(rf"(?P<label>{_LABEL_SOURCE}|{_LABEL_AUTHOR})\s*[:：/／]\s*")
_NAMES = rf"[{HAN_CLASS}·]{{2,3}}(?:[\s、]+[{HAN_CLASS}·]{{2,3}}){{0,3}}"
_ROLE = r"(?:记者|通讯员|评论员|撰稿人?|研究员|分析师|委员|主任|教授|专家|院长|所长|总监|首席\S{0,6})"
_AFFILIATION = r"\S{2,30}(?:研究所|研究院|中心|大学|学院|研究会|协会|学会|委员会|智库|实验室)"
# A credit with no name: "本刊评论员", "本报特约评论员", "本刊编辑部"
UNNAMED = re.compile(r"^(?:本刊|本报|本网|本台)?(?:特约)?(?:评论员|编辑部|记者)$")
_NAME = rf"[{HAN_CLASS}·]{{2,3}}"  # a person's name after an affiliation: 王佳, 李振华
REPORTER = re.compile(rf"^(?P<author>\S{{0,12}}{_ROLE}\s+{_NAMES}|{_AFFILIATION}\s+{_NAME})$"
                      rf"|^[（(]\s*(?P<inner>\S{{0,12}}(?:记者|通讯员)\s*{_NAMES})\s*[）)]$")


def parse_byline(text: str) -> tuple[str | None, str | None] | None:
    """(author, source) when the line is a byline, else None."""
    text = collapse_spaces(text)
    if len(text) > MAX_BYLINE_CHARS or re.search(r"[。；]", text):
        return None
    bare = text
    if bare[:1] in "（(" and bare[-1:] in "）)":
        bare = bare[1:-1].strip()
    fields = list(BYLINE_FIELD.finditer(bare))
    if fields and fields[0].start() == 0:
        author = source = None
        for match, following in zip(fields, fields[1:] + [None]):
            value = bare[match.end(): following.start() if following else len(bare)].strip(" 　,，;；|｜")
            if not value:
                return None
            if re.fullmatch(_LABEL_SOURCE, match.group("label")):
                source = value
            else:
                author = value
        return author, source
    if UNNAMED.match(text):
        return text, None
    reporter = REPORTER.match(text)
    if reporter:
        return collapse_spaces(reporter.group("author") or reporter.group("inner")), None
    return None
