"""The text layer ingest, build and check share: one CJK table, one slug rule, one YAML reader, one
front-matter schema."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from build_helpers import ROOT
from generator.errors import BulletinError
from generator.ingest.document import article_file, issue_file
from generator.ingest.hints import load_hints
from generator.site.content.reader import read_article, read_issue_file
from generator.text.cjk import SEARCH_LETTERS, han_count, is_han, is_wide
from generator.text.frontmatter import ARTICLE, ISSUE
from generator.text.slugs import is_slug, slugify, title_slug
from generator.text.yamlfile import closest


def _js_ranges(pattern: str) -> list[tuple[int, int]]:
    ranges = []
    for low, high in re.findall(r"\\u\{?([0-9a-fA-F]+)\}?-\\u\{?([0-9a-fA-F]+)\}?", pattern):
        ranges.append((int(low, 16), int(high, 16)))
    return sorted(ranges)


def test_the_search_script_cuts_the_same_characters_as_the_index():
    script = (ROOT / "themes/default/static/js/search.js").read_text(encoding="utf-8")
    pattern = re.search(r"var CJK_RUN = /\[(.*?)\]\+/gu;", script).group(1)
    assert _js_ranges(pattern) == sorted(SEARCH_LETTERS)


@pytest.mark.parametrize("char, han, wide", [("中", True, True), ("𠀀", True, True), ("，", False, True), ("“", False, True),
                                             ("a", False, False), ("か", False, True), ("５", False, True)])
def test_one_table_classifies_characters(char, han, wide):
    assert is_han(char) is han and is_wide(char) is wide


def test_han_count_counts_ideographs_only():
    assert han_count("5G网络，覆盖率99%") == 5


def test_a_slug_as_written_is_what_the_build_keeps():
    assert is_slug("shuju-anquan") and slugify("shuju-anquan") == "shuju-anquan"
    assert not is_slug("Shuju--Anquan") and is_slug(slugify("Shuju--Anquan"))
    assert not is_slug("con") and slugify("con") == "con-x"


def test_an_article_slug_is_the_title_in_words_and_a_slug_the_build_keeps():
    slug = title_slug("工信部：加强数据信息分析 抓好区域协查任务落实")
    assert slug == "gongxinbu-jiaqiang-shuju-xinxi-fenxi"
    assert is_slug(slug) and slugify(slug) == slug
    assert title_slug("５G与Wi-Fi 6") == "5g-yu-wi-fi-6"
    assert title_slug("！？") == "article"


def test_what_ingest_writes_the_build_reads_field_for_field(tmp_path: Path):
    fields = {"title": "数据安全法实施", "subtitle": None, "section": "产业环境", "part": None, "publication": "信息产业监测",
              "date": dt.date(2021, 8, 12), "issue": dt.date(2021, 8, 12), "order": 3, "slug": "shuju-anquan-fa",
              "tags": ["数据安全"], "source_lines": "10-20"}
    assert set(fields) <= set(ARTICLE.names)
    issue = tmp_path / "_issue.yml"
    issue.write_text(issue_file("信息产业监测", dt.date(2021, 8, 12), None, ["产业环境"], "raw/2021-08-12.txt"), encoding="utf-8")
    article = tmp_path / "03-shuju-anquan-fa.md"
    article.write_text(article_file(fields, [("paragraph", "第一段。"), ("subheading", "小标题")]), encoding="utf-8")
    source_issue = read_issue_file(issue)
    source = read_article(article, "03-shuju-anquan-fa.md", source_issue)
    assert source_issue.unknown == () and source.unknown == ()
    assert (source.title, source.section, source.publication, source.date, source.issue, source.order, source.slug, source.tags) == \
           ("数据安全法实施", "产业环境", "信息产业监测", dt.date(2021, 8, 12), "2021-08-12", 3, "shuju-anquan-fa", ("数据安全",))
    assert source.body == "第一段。\n\n## 小标题\n"
    assert "number: null" in issue.read_text(encoding="utf-8")  # every issue field shows, for editors to fill in


def test_the_schema_refuses_to_write_a_field_it_does_not_have():
    with pytest.raises(ValueError):
        ARTICLE.write({"title": "x", "titel": "y"})
    assert set(ISSUE.names) == {"publication", "date", "issue", "number", "sections", "source"}


def test_a_typo_is_matched_to_the_name_meant():
    assert closest("per_pgae", ["per_page", "feed_size"]) == "per_page"
    assert closest("colour", ["per_page", "feed_size"]) is None


def test_a_hint_that_is_no_hint_names_the_one_meant(tmp_path: Path):
    hints = tmp_path / "x.hints.yml"
    hints.write_text("titles: [甲]\nsubheading: [乙]\n", encoding="utf-8")
    with pytest.raises(BulletinError) as caught:
        load_hints(hints)
    assert str(caught.value) == f"{hints}:2: subheading: unknown hint; did you mean subheadings?"
    unknown: list[BulletinError] = []
    assert load_hints(hints, unknown).titles and [problem.line for problem in unknown] == [2]
