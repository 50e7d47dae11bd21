"""What a bulletin prints besides its articles: the issue line, running header, footer, cover,
closing masthead, bylines. Each layout picks from these; `style:` knobs in a source override them
(render/README.md lists the knobs).

The sample's publication prints its own footer; a source of that publication gets it unless its
style says otherwise, so "next week's issue" looks like the sample.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .source import Article, Bulletin

SAMPLE_PUBLICATION = "信息产业监测"
SAMPLE_FOOTER = "©{year} 询合作需要，特殊定制，未经同意，不得转载。请致电 400-007-6879  {dotted}"
CHINESE_NUMERALS = "一二三四五六七八九十"


def chinese_number(n: int) -> str:
    if n <= 10:
        return CHINESE_NUMERALS[n - 1]
    if n < 20:
        return "十" + CHINESE_NUMERALS[n - 11]
    tens, ones = divmod(n, 10)
    return CHINESE_NUMERALS[tens - 1] + "十" + (CHINESE_NUMERALS[ones - 1] if ones else "")


@dataclass(frozen=True)
class House:
    """The strings one bulletin prints, formatted for its date and number."""

    bulletin: Bulletin
    rng: random.Random

    def knob(self, name: str, default):
        return self.bulletin.style.get(name, default)

    def fmt(self, template: str) -> str:
        b = self.bulletin
        return template.format(
            publication=b.publication,
            organization=b.organization or b.publication + "编辑部",
            year=b.date.year,
            month=b.date.month,
            day=b.date.day,
            dotted=b.date.strftime("%Y.%m.%d"),
            iso=b.date.isoformat(),
            chinese_date=f"{b.date.year}年{b.date.month}月{b.date.day}日",
            number=b.number if b.number is not None else "",
            issue=self.issue_label(),
        )

    def issue_label(self) -> str:
        """`2021年第33期`, or the year alone when the source gives no number."""
        b = self.bulletin
        return f"{b.date.year}年第{b.number}期" if b.number is not None else f"{b.date.year}年{b.date.month}月"

    def running_header(self) -> str:
        return self.fmt(self.knob("header", "{publication}"))

    def footer(self) -> str:
        default = SAMPLE_FOOTER if self.bulletin.publication == SAMPLE_PUBLICATION else \
            "©{year} {organization} 版权所有  {dotted}"
        return self.fmt(self.knob("footer", default))

    def page_label(self, page: int, total: int) -> str:
        return self.knob("page_label", "Page {n}").format(n=page, total=total)

    def cover(self) -> list[str]:
        lines = [self.bulletin.publication, self.issue_label()]
        if self.bulletin.organization:
            lines.append(self.bulletin.organization)
        lines.append(self.fmt(self.knob("cover_date", "{chinese_date}")))
        return lines

    def closing(self) -> list[str]:
        """The closing masthead after the last article."""
        b = self.bulletin
        lines = [self.knob("end_mark", "（本期完）")]
        if b.editor:
            lines.append(f"责任编辑：{b.editor}")
        lines.append(f"主办：{b.organization or b.publication + '编辑部'}")
        lines.append(self.knob("masthead_contact", "地址：北京市海淀区学院路40号  邮编：100191  电话：010-6230 4567"))
        lines.append(self.fmt(self.knob("copyright", "本刊所载内容仅供内部参考，未经许可不得转载。©{year} 版权所有")))
        return lines


def byline_lines(article: Article, form: str) -> tuple[list[str], list[str]]:
    """(lines under the title, lines after the body) for the article's author and source.

    `form`: "labeled" prints 作者：/来源： lines under the title; "split" prints the author under the
    title as it is (`人民邮电报记者 王海燕`), or after the body in brackets when it is a bare reporter's
    credit (`（记者 何静）`), and `（来源：…）` after the body; "joined" prints both on one line under
    the title.
    """
    top: list[str] = []
    end: list[str] = []
    if form == "joined" and article.author and article.source:
        return [f"来源：{article.source}　作者：{article.author}"], []
    if form == "split":
        if article.author and (article.author.startswith(("记者", "通讯员")) or "通讯员" in article.author
                               or article.author.endswith("整理")):
            end.append(f"（{article.author}）")
        elif article.author:
            top.append(article.author)
        if article.source:
            end.append(f"（来源：{article.source}）")
        return top, end
    if article.source:
        top.append(f"来源：{article.source}")
    if article.author:
        top.append(f"作者：{article.author}")
    return top, end
