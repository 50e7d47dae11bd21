"""Text copied from a web page: one line per paragraph, blank lines between, no page furniture.

The issue's name and date stand at the top, as a web page prints them; some sites indent every
paragraph with two ideographic spaces; a table arrives as rows of tab-separated cells.
"""

from __future__ import annotations

import random

from .house import House, byline_lines
from .source import Bulletin, Paragraph, Subheading, Table


def render(bulletin: Bulletin, rng: random.Random) -> str:
    house = House(bulletin, rng)
    indent = house.knob("indent", "\u3000\u3000" if rng.random() < 0.5 else "")
    banner = house.knob("banner", rng.choice(["{name}", "【{name}】", "■ {name}"]))
    form = house.knob("byline_form", "joined")
    out = [f"{bulletin.publication} {house.issue_label()}",
           house.fmt(house.knob("dateline", "发布时间：{iso}"))]
    part = None
    for section in bulletin.sections:
        out.append(banner.format(name=section.name))
        part = None
        for article in section.articles:
            if article.part and article.part != part:
                out.append(f"· {article.part} ·")
            part = article.part
            out.append(article.title)
            if article.subtitle:
                out.append("——" + article.subtitle)
            top, end = byline_lines(article, form)
            out += top
            for block in article.body:
                if isinstance(block, Paragraph):
                    out.append(indent + block.text)
                elif isinstance(block, Subheading):
                    out.append(block.text)
                elif isinstance(block, Table):
                    out.append("\n".join("\t".join(row) for row in block.rows))
            out += [indent + line for line in end]
    return "\n\n".join(out) + "\n"
