"""Issue 18, class 8: work bounded by the size of the input, never by its square.

Each case is the issue's own size: before, 40,000 equal headings, a body of 300,000 `{{` and a title
of 150,000 `{` each took over a minute, 3,000 tags took 36 s and wrote 658 MB. The timeout marks a
hang; the sizes of what is written are checked directly.
"""

from __future__ import annotations

import json

import pytest
from hostile_helpers import article, assert_clean, make_project, run, snapshot

pytestmark = pytest.mark.timeout(180)  # a hang, not a benchmark: each case builds in a few seconds


def output_bytes(out) -> int:
    return sum(path.stat().st_size for path in out.rglob("*") if path.is_file())


BODIES = {
    "40000-equal-headings": "".join("## 同一个标题\n\n一段。\n\n" for _ in range(40_000)),
    "300000-open-marks": "{{" * 300_000,
    "open-marks-on-many-lines": "正文{{\n" * 50_000,
    "marks-closed-at-the-end": "{{" * 100_000 + "}}",
    "150000-braces": "{" * 150_000,
    "100000-brackets": "[" * 100_000,
    "100000-emphasis": "*a " * 100_000,
    "deep-blockquotes": ">" * 10_000 + " 引文",
    "deep-lists": "".join("  " * level + "- 项\n" for level in range(2_000)),
    "one-5mb-line": "数据" * 1_250_000,
    "100000-blank-lines": "\n" * 100_000 + "正文。",
    "wide-table": "|" + "列|" * 5_000 + "\n|" + "-|" * 5_000 + "\n|" + "值|" * 5_000,
    "100000-entities": "&#12;" * 100_000,
    "30000-links": "[链](a.md)" * 30_000,  # linear, but markdown-it takes a quarter of a millisecond a link
}


@pytest.mark.parametrize("name", BODIES)
def test_a_pathological_body_builds_in_linear_time(tmp_path, name):
    project = make_project(tmp_path, {"2021-08-12/01-a.md": article("病态正文", BODIES[name])})
    assert_clean(run("build", cwd=project))
    assert (project / "output" / "index.html").is_file()


def test_equal_headings_get_distinct_ids(tmp_path):
    project = make_project(tmp_path, {"2021-08-12/01-a.md": article("标题", BODIES["40000-equal-headings"])})
    assert_clean(run("build", cwd=project))
    [page] = (project / "output" / "articles").glob("*.html")
    html = page.read_text(encoding="utf-8")
    assert 'id="tong-yi-ge-biao-ti-40000"' in html or html.count('<h2 id="') == 40_000


TITLES = {"150000-braces": "{" * 150_000, "75000-open-marks": "{{" * 75_000, "50000-marks": "{{甲}}" * 50_000}


@pytest.mark.parametrize("name", TITLES)
def test_a_pathological_title_builds_in_linear_time(tmp_path, name):
    project = make_project(tmp_path, {"2021-08-12/01-a.md": article(f"'{TITLES[name]}'", summary=f"'{TITLES[name]}'"),
                                      "2021-08-12/02-b.md": article("另一篇")},
                           site="editions:\n  - {language: zh-Hant, opencc: s2twp}\n")
    assert_clean(run("build", cwd=project))


@pytest.mark.parametrize("count", [3_000, 20_000])
def test_thousands_of_tags_on_one_article_are_capped_with_a_warning(tmp_path, count):
    tags = "[" + ", ".join(f"标签{number}" for number in range(count)) + "]"
    project = make_project(tmp_path, {"2021-08-12/01-a.md": article("标签很多", tags=tags), "2021-08-12/02-b.md": article("普通")})
    result = run("build", cwd=project)
    assert_clean(result)
    assert f"{count} tags; only the first 30 are used" in result.stderr and "01-a.md" in result.stderr
    assert len(list((project / "output" / "tags").glob("*/index.html"))) == 30
    assert output_bytes(project / "output") < 10 * 2**20  # 3,000 tags wrote 658 MB
    check = run("check", cwd=project)
    assert check.returncode == 1 and "01-a.md:" in check.stdout and f"{count} tags" in check.stdout


def test_many_articles_with_one_slug_are_numbered_in_linear_time(tmp_path):
    project = make_project(tmp_path, {f"2021-08-12/{index:04}-a.md": article(f"文{index}", slug="same") for index in range(800)})
    result = run("build", cwd=project)
    assert_clean(result)
    assert len(list((project / "output" / "articles").glob("*.html"))) == 800


def test_a_second_build_of_a_pathological_site_changes_nothing(tmp_path):
    project = make_project(tmp_path, {"2021-08-12/01-a.md": article("标题", BODIES["300000-open-marks"])})
    assert_clean(run("build", cwd=project))
    before = snapshot(project / "output")
    result = run("build", cwd=project)
    assert_clean(result)
    assert "up to date" in result.stdout and snapshot(project / "output") == before


def test_thousands_of_override_phrases_are_checked_against_every_text_in_linear_time(tmp_path):
    """`bulletin check` looks for each override phrase in every text of the site: 5,000 phrases over
    thousands of texts took minutes when each phrase was searched in each text."""
    articles = {f"2021-08-12/{index:03}-a.md": article(f"文{index}", "".join(f"术语{number}甲，" for number in range(index * 5, index * 5 + 5)) * 20)
                for index in range(500)}
    project = make_project(tmp_path, articles, site="editions:\n  - {language: zh-Hant, opencc: s2twp}\n")
    phrases = [f"术语{number}甲" for number in range(5_000)]  # the first 2,500 used, one inside another's text
    (project / "content" / "hant-overrides.yml").write_text("".join(f"{phrase}: 術語{phrase[2:]}\n" for phrase in phrases), encoding="utf-8")
    result = run("check", "--format", "json", cwd=project)
    unused = {problem["line"] for problem in json.loads(result.stdout)["problems"] if problem["rule"] == "unused-override"}
    assert unused == set(range(2_501, 5_001))
