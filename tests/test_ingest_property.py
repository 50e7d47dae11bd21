"""Property: ingest never loses, duplicates or reorders a character of article text.

Every non-whitespace character of the raw text, except removed page furniture and section banner
lines (they become the `section` field), lands in exactly one article, in order: in its part,
title, subtitle, a subheading or a paragraph.
"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.ingest.boilerplate import detect_furniture
from generator.ingest.hints import Hints, apply_hints
from generator.ingest.layout import build_blocks
from generator.ingest.lines import split_lines
from generator.ingest.rules import Kind, label_blocks
from generator.ingest.segment import segment

CJK = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
LATIN = ["5G", "AI", "EDA", "Mini LED", "R16", "IPO", "2021", "3.6", "CEO"]


@st.composite
def phrase(draw, min_size=2, max_size=14):
    words = draw(st.lists(st.one_of(st.text(alphabet=CJK, min_size=1, max_size=4), st.sampled_from(LATIN)),
                          min_size=1, max_size=6))
    text = "".join(words)[:max_size]
    return text if len(text) >= min_size else text + "工作"


@st.composite
def paragraph(draw):
    sentences = draw(st.lists(phrase(min_size=4, max_size=30), min_size=1, max_size=5))
    return "，".join(sentences) + draw(st.sampled_from(["。", "！", "？", "。”"]))


@st.composite
def bulletin(draw):
    lines: list[tuple[str, str]] = []  # (kind, text): kinds are "section", "heading", "subtitle", "part", "para"
    for _ in range(draw(st.integers(1, 3))):
        if draw(st.booleans()):
            lines.append(("section", draw(st.text(alphabet=CJK, min_size=2, max_size=4))))
        for _ in range(draw(st.integers(1, 3))):
            if draw(st.integers(0, 5)) == 0:
                lines.append(("part", "· " + draw(st.text(alphabet=CJK, min_size=2, max_size=3)) + "篇 ·"))
            lines.append(("heading", draw(phrase(min_size=4, max_size=24))))
            if draw(st.integers(0, 4)) == 0:
                lines.append(("subtitle", "——" + draw(phrase(min_size=4, max_size=20))))
            for _ in range(draw(st.integers(1, 4))):
                if draw(st.integers(0, 3)) == 0:
                    lines.append(("heading", draw(phrase(min_size=3, max_size=12))))
                lines.append(("para", draw(paragraph())))
    return lines, draw(st.sampled_from(["double", "plain", "plain-blank"])), draw(st.integers(16, 40))


def unique(kind: str, text: str, number: int) -> str:
    mark = CJK[number % len(CJK)] + CJK[number // len(CJK)]
    if kind == "part":
        return f"· {mark}篇 ·"
    if kind == "para":
        return mark + text
    return text + mark


def wrap(text: str, width: int) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)] or [""]


def typeset(lines, style: str, width: int) -> str:
    physical: list[str] = []
    # Every line unique, as in a real bulletin (a line repeating at the same place on several
    # pages is, by definition, a running header).
    lines = [(kind, unique(kind, text, number)) for number, (kind, text) in enumerate(lines)]
    for kind, text in lines:
        rows = wrap(text, width) if kind == "para" else [text]
        if style == "double":
            rows[-1] += " "
            if kind == "section":
                rows.append(" ")
        physical += rows
        if style == "plain-blank":
            physical.append("")
    if style == "double":
        return "\n\n".join(physical) + "\n"
    pages = [physical[i:i + 30] for i in range(0, len(physical), 30)]
    return "\n\f".join("\n".join(["电子信息周刊 2022.05.06", *page, "- %d -" % n]) for n, page in enumerate(pages, 1))


def nonspace(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


def expected_and_actual(text: str) -> tuple[str, str]:
    source = split_lines(text)
    furniture = {id(item.line) for item in detect_furniture(source)}
    blocks = build_blocks(source, [line for line in source.lines if id(line) not in furniture])
    labeled, _ = apply_hints(label_blocks(blocks), Hints())
    expected = []
    for item in labeled:
        if item.kind is Kind.SECTION:
            continue
        expected.append(item.text if item.kind is Kind.PART else "".join(line.text for line in item.block.lines))
    actual = []
    for article in segment(labeled, "untitled").articles:
        if article.opens_part:
            actual.append(article.part)
        if not article.synthetic_title:
            actual.append(article.title)
        actual.append(article.subtitle or "")
        actual += [item.text for item in article.items]
    return nonspace("".join(expected)), nonspace("".join(actual))


@settings(max_examples=120, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(bulletin())
def test_no_character_of_article_text_is_lost_duplicated_or_reordered(generated):
    lines, style, width = generated
    expected, actual = expected_and_actual(typeset(lines, style, width))
    assert actual == expected


@settings(max_examples=120, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(bulletin())
def test_only_page_furniture_is_removed_as_furniture(generated):
    lines, style, width = generated
    text = typeset(lines, style, width)
    removed = {item.line.text for item in detect_furniture(split_lines(text))}
    assert all(line == "电子信息周刊 2022.05.06" or line.startswith("- ") for line in removed), removed
