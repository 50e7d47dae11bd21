"""The sample ships right: its hints file fixes what ingest gets wrong alone, harms nothing it gets
right, and the committed content/2021-08-12/ is what `make site` writes with it."""

from __future__ import annotations

import yaml

from generator.ingest.hints import load_hints
from generator.ingest.pipeline import Options, plan_ingest

from ingest_helpers import ROOT, SAMPLE, SAMPLE_TITLES, segmented
from rawstyles import compose

HINTS = ROOT / "content" / "raw" / "2021-08-12.hints.yml"
ISSUE = ROOT / "content" / "2021-08-12"


def outline(articles, squeeze: bool = False) -> list[tuple[str, list[str]]]:
    """Each article's title and subheadings; `squeeze`: without spaces (a line wrap may take one)."""
    text = (lambda value: "".join(value.split())) if squeeze else (lambda value: value)
    return [(text(article.title), [text(heading.text) for heading in article.subheadings]) for article in articles]


def test_the_shipped_hints_give_the_printed_articles():
    plan = plan_ingest(SAMPLE.read_bytes(), str(SAMPLE), Options(hints=load_hints(HINTS)))
    assert [article.title for article in plan.segmented.articles] == SAMPLE_TITLES
    assert not [warning for warning in plan.warnings if "matched no" in warning], plan.warnings  # every hint matched a line
    by_title = dict(outline(plan.segmented.articles))
    assert not [heading for heading in by_title["TCL 科技上半年盈利大增 461.5% 将寻找半导体产业投资布局机会"] if "晶方" in heading]
    assert by_title["第三代半导体概念火热 封测巨头晶方科技入局"] == ["晶方基金再投资", "第三代半导体概念股火热"]
    assert by_title["让 5G 标准制定发布成为产业健康发展支撑"][-1] == "中小企业参与5G的发展可注重利用现有资源"
    assert by_title["全球首个 5G R16 Ready 业务实现端到端验证"][-1] == "5G R16推广应用 运营商需提供配套服务"


def test_the_hints_change_nothing_ingest_already_gets_right():
    """Typeset with a table of contents, the same articles are found without help; the hints agree."""
    truth = segmented(SAMPLE.read_text(encoding="utf-8"), load_hints(HINTS)).articles
    text = compose(truth, "信息产业监测", "2021年8月12日", True, True)
    alone = plan_ingest(text.encode("utf-8"), "2021-08-12.txt", Options())
    hinted = plan_ingest(text.encode("utf-8"), "2021-08-12.txt", Options(hints=load_hints(HINTS)))
    assert [title for title, _ in outline(alone.segmented.articles, True)] == [title for title, _ in outline(truth, True)]
    assert outline(hinted.segmented.articles) == outline(alone.segmented.articles)


def test_the_committed_sample_content_is_the_hinted_ingest():
    titles = []
    for path in sorted(ISSUE.glob("*.md")):
        head = path.read_text(encoding="utf-8").split("\n---\n", 1)[0].removeprefix("---\n")
        titles.append(yaml.safe_load(head)["title"])
    assert titles == SAMPLE_TITLES
