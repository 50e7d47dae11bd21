"""Real extraction artefacts: a bulletin typeset as HTML, printed to PDF by headless Chromium, and
extracted by poppler's `pdftotext` (with `-layout` for the layout style).

Three layouts come out of here:
- `pdftotext`: a weekly with a running header, a footer carrying the copyright and the issue date,
  and a page label (`Page N`, `- N -`); pages separated by form feeds, no blank line between
  paragraphs, indents lost.
- `pdftotext-layout`: the same kind of weekly extracted with `-layout`: indents, centred headings
  and footers padded with spaces, blank lines where the page has space.
- `numbered-monthly`: a monthly with a cover, a contents page with page numbers, `一、` section
  banners, `1.` or `【…】` titles, `来源：`/`作者：` lines, `第 N 页 共 M 页` footers and a closing
  masthead.

The contents page is typeset twice: its page numbers are read from the first printing.
"""

from __future__ import annotations

import html
import random
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .house import House, byline_lines, chinese_number
from .source import Bulletin, Paragraph, Subheading, Table

SERIF = "'Noto Serif CJK SC', 'Noto Serif CJK', serif"
SANS = "'Noto Sans CJK SC', 'Noto Sans CJK', sans-serif"


@dataclass(frozen=True)
class Design:
    """The typographic choices of one bulletin (drawn from its seed unless a knob sets them)."""

    body_pt: float
    title_pt: float
    margin_mm: int
    paragraph_gap_em: float
    title_align: str
    banner: str  # format with {name} and {number}
    title_label: str  # format with {title} and {number}
    byline_form: str
    page_label: str
    footer_lines: tuple[str, ...]
    header: str
    cover: bool
    contents: bool
    closing: bool
    extract_layout: bool


def design(bulletin: Bulletin, house: House, rng: random.Random) -> Design:
    layout = bulletin.layout
    monthly = layout == "numbered-monthly"
    knob = house.knob
    if monthly:
        banner = "{number}、{name}"
        title_label = knob("title_style", rng.choice(["number", "number", "bracket"]))
        title_label = "【{title}】" if title_label == "bracket" else "{number}. {title}"
        page_label = "第 {n} 页 共 {total} 页"
        footer = (page_label,)
        header = "{publication}  {issue}"
    else:
        banner = rng.choice(["{name}", "【{name}】", "■ {name}"])
        title_label = "{title}"
        page_label = rng.choice(["Page {n}", "- {n} -"]) if layout == "pdftotext" else rng.choice(["- {n} -", "{n}"])
        footer = (house.footer(), page_label)
        header = "{publication}  {issue}"
    return Design(
        body_pt=knob("body_pt", rng.choice([10.5, 11, 12])),
        title_pt=knob("title_pt", rng.choice([14, 15, 16])),
        margin_mm=knob("margin_mm", rng.choice([18, 22, 25])),
        paragraph_gap_em=knob("paragraph_gap_em", rng.choice([0.0, 0.0, 0.4, 0.8])),
        title_align=knob("title_align", rng.choice(["left", "center"])),
        banner=knob("banner", banner),
        title_label=knob("title_label", title_label),
        byline_form=knob("byline_form", rng.choice(["labeled", "joined"]) if monthly else "split"),
        page_label=knob("page_label", page_label),
        footer_lines=tuple(knob("footer_lines", footer)),
        header=knob("header", header),
        cover=knob("cover", monthly or rng.random() < 0.4),
        contents=knob("contents", monthly or rng.random() < 0.3),
        closing=knob("closing", monthly or rng.random() < 0.5),
        extract_layout=knob("extract_layout", layout == "pdftotext-layout"),
    )


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _css(d: Design) -> str:
    return f"""
@page {{ size: A4; margin: {d.margin_mm + 8}mm {d.margin_mm}mm {d.margin_mm + 6}mm {d.margin_mm}mm; }}
body {{ font-family: {SERIF}; font-size: {d.body_pt}pt; line-height: 1.7; margin: 0; }}
p {{ margin: 0 0 {d.paragraph_gap_em}em 0; text-indent: 2em; text-align: justify; }}
p.plain {{ text-indent: 0; }}
.banner {{ font-family: {SANS}; font-size: {d.title_pt + 2}pt; font-weight: bold; margin: 1.2em 0 .6em;
          border-bottom: 2px solid #888; }}
.title {{ font-family: {SANS}; font-size: {d.title_pt}pt; font-weight: bold; text-align: {d.title_align};
          margin: 1em 0 .4em; line-height: 1.4; }}
.subtitle {{ text-align: {d.title_align}; text-indent: 0; margin-bottom: .5em; }}
.byline {{ text-indent: 0; text-align: {d.title_align}; font-size: {d.body_pt - 1}pt; margin-bottom: .4em; }}
.part {{ text-align: center; font-family: {SANS}; font-size: {d.title_pt}pt; margin: 1em 0 .5em; text-indent: 0; }}
h3 {{ font-family: {SANS}; font-size: {d.body_pt + 0.5}pt; margin: .8em 0 .3em; }}
table {{ border-collapse: collapse; margin: .6em auto; font-size: {d.body_pt - 1}pt; }}
td, th {{ border: 1px solid #444; padding: 2px 10px; font-weight: normal; }}
.cover {{ break-after: page; text-align: center; padding-top: 60mm; }}
.cover .name {{ font-family: {SANS}; font-size: 30pt; font-weight: bold; margin-bottom: 10mm; }}
.cover div {{ font-size: 14pt; margin: 4mm 0; }}
.contents {{ break-after: page; }}
.contents h2 {{ text-align: center; font-family: {SANS}; }}
.contents .group {{ font-family: {SANS}; font-weight: bold; margin-top: .6em; }}
.contents .entry {{ display: flex; align-items: baseline; }}
.contents .entry .t {{ flex: 0 1 auto; }}
.contents .entry .dots {{ flex: 1 1 0; overflow: hidden; white-space: nowrap; min-width: 2em; }}
.contents .entry .n {{ flex: none; padding-left: .3em; }}
.closing {{ margin-top: 2em; border-top: 1px solid #444; padding-top: .5em; }}
.closing p {{ text-indent: 0; }}
"""


def _title_text(d: Design, title: str, number: int) -> str:
    return d.title_label.format(title=title, number=number)


def body_html(bulletin: Bulletin, house: House, d: Design, pages: dict[str, int] | None) -> str:
    out = [f"<!doctype html><html lang=zh-CN><head><meta charset=utf-8><style>{_css(d)}</style></head><body>"]
    if d.cover:
        out.append("<div class=cover>")
        name, *rest = house.cover()
        out.append(f"<div class=name>{_esc(name)}</div>")
        out += [f"<div>{_esc(line)}</div>" for line in rest]
        out.append("</div>")
    if d.contents:
        out.append("<div class=contents><h2>目  录</h2>")
        number = 0
        for index, section in enumerate(bulletin.sections, start=1):
            out.append(f"<div class=group>{_esc(d.banner.format(name=section.name, number=chinese_number(index)))}</div>")
            for article in section.articles:
                number += 1
                page = (pages or {}).get(article.title, 88)
                label = _title_text(d, article.title, number)
                out.append(f"<div class=entry><span class=t>{_esc(label)}</span>"
                           f"<span class=dots>{'.' * 200}</span><span class=n>{page}</span></div>")
        out.append("</div>")
    number = 0
    for index, section in enumerate(bulletin.sections, start=1):
        out.append(f"<div class=banner>{_esc(d.banner.format(name=section.name, number=chinese_number(index)))}</div>")
        part = None
        for article in section.articles:
            number += 1
            if article.part and article.part != part:
                out.append(f"<p class=part>· {_esc(article.part)} ·</p>")
            part = article.part
            out.append(f"<div class=title>{_esc(_title_text(d, article.title, number))}</div>")
            if article.subtitle:
                out.append(f"<p class=subtitle>——{_esc(article.subtitle)}</p>")
            top, end = byline_lines(article, d.byline_form)
            out += [f"<p class=byline>{_esc(line)}</p>" for line in top]
            for block in article.body:
                if isinstance(block, Paragraph):
                    out.append(f"<p>{_esc(block.text)}</p>")
                elif isinstance(block, Subheading):
                    out.append(f"<h3>{_esc(block.text)}</h3>")
                elif isinstance(block, Table):
                    head, *rows = block.rows
                    cells = "".join(f"<th>{_esc(cell)}</th>" for cell in head)
                    body = "".join("<tr>" + "".join(f"<td>{_esc(c)}</td>" for c in row) + "</tr>" for row in rows)
                    out.append(f"<table><tr>{cells}</tr>{body}</table>")
            out += [f"<p>{_esc(line)}</p>" for line in end]
    if d.closing:
        out.append("<div class=closing>" + "".join(f"<p>{_esc(line)}</p>" for line in house.closing()) + "</div>")
    out.append("</body></html>")
    return "\n".join(out)


def _template(lines: list[str], align: str) -> str:
    spans = "".join(
        f"<div>{_esc(line).replace('{n}', '<span class=pageNumber></span>').replace('{total}', '<span class=totalPages></span>')}</div>"
        for line in lines)
    return (f"<div style=\"font-family: {SANS}; font-size: 8pt; width: 100%; margin: 0 14mm; "
            f"text-align: {align};\">{spans}</div>")


def print_pdf(browser, page_html: str, house: House, d: Design, path: Path) -> None:
    header = house.fmt(d.header)
    footer = [house.fmt(line) if "{n}" not in line else line for line in d.footer_lines]
    tab = browser.new_page()
    try:
        tab.set_content(page_html, wait_until="load")
        tab.pdf(path=str(path), format="A4", display_header_footer=True, prefer_css_page_size=True,
                header_template=_template([header], "center"), footer_template=_template(footer, "center"))
    finally:
        tab.close()


def extract(path: Path, layout: bool) -> str:
    command = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(path), "-"]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def find_pages(text: str, bulletin: Bulletin) -> dict[str, int]:
    """The page each article's title is printed on, from an extraction (pages split at form feeds):
    the last page that prints it, as the contents page lists it earlier."""
    pages = [_squeeze(page) for page in text.split("\f")]
    found: dict[str, int] = {}
    for article in bulletin.articles:
        key = _squeeze(article.title)[:10]
        hits = [index for index, page in enumerate(pages) if key in page]
        if hits:
            found[article.title] = hits[-1] + 1
    return found


def render(bulletin: Bulletin, rng: random.Random, browser) -> str:
    house = House(bulletin, rng)
    d = design(bulletin, house, rng)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{bulletin.name}.pdf"
        pages: dict[str, int] | None = None
        for _ in range(3):  # the contents page's numbers settle in one or two rounds
            print_pdf(browser, body_html(bulletin, house, d, pages), house, d, path)
            text = extract(path, d.extract_layout)
            if not d.contents:
                return text
            found = find_pages(extract(path, False), bulletin)
            if found == pages:
                return text
            pages = found
        return text
