"""`bulletin check` finds every problem in one pass and names file, line and rule."""

import json
import shutil

import pytest

from ingest_helpers import ROOT, bulletin

GOOD = """---
title: 好文章
date: 2021-08-12
section: 产业环境
slug: hao-wenzhang
tags: [5G]
---
第一段正文。

## 小标题

第二段，[链接到另一篇](../2021-08-12/02-second.md)和[站内链接](../articles/second.html)。
"""


def write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path):
    issue = tmp_path / "content" / "2021-08-12"
    issue.mkdir(parents=True)
    (tmp_path / "site.yml").write_text("title: 测试\nsections: [产业环境, 运营竞争]\n", encoding="utf-8")
    shutil.copy(ROOT / "content" / "tags.yml", tmp_path / "content" / "tags.yml")
    write(issue, "01-good.md", GOOD)
    write(issue, "02-second.md", GOOD.replace("hao-wenzhang", "second").replace("好文章", "第二篇"))
    return tmp_path


def check(project, *extra):
    return bulletin(["check", *extra], project)


def test_clean_content_passes(project):
    result = check(project)
    assert result.returncode == 0, result.stdout
    assert "2 articles checked: no problems" in result.stdout


def test_every_problem_is_reported_with_file_line_and_rule(project):
    issue = project / "content" / "2021-08-12"
    write(issue, "03-bad-yaml.md", "---\ntitle: [未闭合\ndate: 2021-08-12\n---\n正文。\n")
    write(issue, "04-no-title.md", "---\ndate: 2021-08-12\n---\n正文。\n")
    write(issue, "05-bad-date.md", "---\ntitle: 日期错\ndate: 2021/08/12\n---\n正文。\n")
    write(issue, "06-dup.md", GOOD.replace("好文章", "重复"))
    write(issue, "07-section.md", GOOD.replace("产业环境", "不存在的栏目").replace("hao-wenzhang", "s7"))
    write(issue, "08-tag.md", GOOD.replace("[5G]", "[5G, 没有这个标签]").replace("hao-wenzhang", "s8"))
    write(issue, "09-links.md", GOOD.replace("02-second.md", "99-missing.md").replace("articles/second", "articles/nope")
          .replace("hao-wenzhang", "s9"))
    write(issue, "10-empty.md", "---\ntitle: 空\ndate: 2021-08-12\nslug: s10\n---\n\n")
    write(issue, "11-leftovers.md", "---\ntitle: 残留\ndate: 2021-08-12\nslug: s11\n---\n"
                                    "这一段写到一半就断了，\n\nPage 11\n\n©2021 某某研究院 版权所有，未经许可不得转载。\n\n好的结尾。\n")
    write(issue, "12-slug.md", GOOD.replace("hao-wenzhang", "../../etc/passwd"))
    write(issue, "13-typo.md", GOOD.replace("title:", "tilte: x\ntitle:").replace("hao-wenzhang", "s13"))
    result = check(project)
    assert result.returncode == 1
    out = result.stdout
    expected = [
        ("03-bad-yaml.md:", "invalid YAML in front matter"),
        ("04-no-title.md", "missing required field 'title'"),
        ("05-bad-date.md:3", "must be a date"),
        ("06-dup.md", "duplicate-slug"),
        ("07-section.md", "unknown-section"),
        ("08-tag.md", "unknown-tag"),
        ("09-links.md:12", "99-missing.md does not exist"),
        ("09-links.md:12", "no article has the slug"),
        ("10-empty.md", "empty-article"),
        ("11-leftovers.md:6", "ends mid-sentence"),
        ("11-leftovers.md:8", "page number"),
        ("11-leftovers.md:10", "copyright"),
        ("12-slug.md", "[slug]"),
        ("13-typo.md:2", "tilte: unknown field; did you mean title? [unknown-key]"),
    ]
    for where, what in expected:
        assert any(where in line and what in line for line in out.splitlines()), (where, what, out)
    assert "Traceback" not in result.stderr


def test_json_output_for_machines(project):
    write(project / "content" / "2021-08-12", "03-empty.md", "---\ntitle: 空\ndate: 2021-08-12\nslug: s3\n---\n")
    result = check(project, "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["articles"] == 3
    assert data["problems"] == [{"path": "content/2021-08-12/03-empty.md", "line": 6, "rule": "empty-article",
                                 "message": "the article has no text"}]


def test_a_broken_site_config_is_a_problem_not_a_crash(project):
    (project / "site.yml").write_text("title: [\n", encoding="utf-8")
    result = check(project)
    assert result.returncode == 1 and "site.yml" in result.stdout and "Traceback" not in result.stderr


def test_the_zh_hant_override_file_is_checked(project):
    (project / "site.yml").write_text("title: 测试\nsections: [产业环境]\neditions: [{language: zh-Hant, opencc: s2twp}]\n",
                                      encoding="utf-8")
    (project / "content" / "hant-overrides.yml").write_text("发布会: 發布會\n数据:\n", encoding="utf-8")
    result = check(project)
    assert result.returncode == 1
    assert "content/hant-overrides.yml:2" in result.stdout and "[overrides]" in result.stdout


def test_settings_fields_and_hints_nobody_reads_are_errors_naming_the_one_meant(project):
    (project / "site.yml").write_text("title: 测试\nsections: [产业环境, 运营竞争]\nper_pgae: 5\n", encoding="utf-8")
    (project / "content" / "2021-08-12" / "_issue.yml").write_text("date: 2021-08-12\nsectoins: [产业环境]\n", encoding="utf-8")
    raw = project / "content" / "raw"
    raw.mkdir()
    (raw / "2021-08-12.hints.yml").write_text("titles: [某标题]\ntitel: [另一个]\n", encoding="utf-8")
    tags = project / "content" / "tags.yml"
    tags.write_text(tags.read_text(encoding="utf-8").replace("aliases: [第五代移动通信]", "alias: [第五代移动通信]"), encoding="utf-8")
    result = check(project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    for where, what in [("site.yml:3", "per_pgae: unknown setting; did you mean per_page?"),
                        ("content/2021-08-12/_issue.yml:2", "sectoins: unknown field; did you mean sections?"),
                        ("content/raw/2021-08-12.hints.yml:2", "titel: unknown hint; did you mean titles?"),
                        ("content/tags.yml:", "alias: unknown field; did you mean aliases?")]:
        assert any(line.startswith(where) and what in line and "[unknown-key]" in line for line in lines), (where, what, result.stdout)


def test_an_issue_described_twice_is_reported(project):
    for folder in ("2021-08-12", "2021-08-12-bis"):
        (project / "content" / folder).mkdir(exist_ok=True)
        (project / "content" / folder / "_issue.yml").write_text("date: 2021-08-12\n", encoding="utf-8")
    result = check(project)
    assert result.returncode == 1
    assert "issue '2021-08-12' is already described by" in result.stdout and "[issue-file]" in result.stdout


def test_markdown_is_read_as_the_build_reads_it(project):
    """Protected text and a table: the build's parser knows them, CommonMark alone would see text."""
    body = "---\ntitle: 表格\ndate: 2021-08-12\nslug: s3\n---\n| 指标 | 数值 |\n| --- | --- |\n| 收入 | 增长 |\n\n{{华为}}发布了新品。\n"
    write(project / "content" / "2021-08-12", "03-table.md", body)
    result = check(project)
    assert result.returncode == 0, result.stdout


def test_an_override_phrase_no_text_uses_is_reported_with_its_line(project):
    (project / "site.yml").write_text("title: 测试\nsections: [产业环境]\neditions: [{language: zh-Hant, opencc: s2twp}]\n",
                                      encoding="utf-8")
    body = (project / "content").rglob("*.md").__next__().read_text(encoding="utf-8")
    used = next(char for char in body.split("---", 2)[2] if "\u4e00" <= char <= "\u9fff")
    (project / "content" / "hant-overrides.yml").write_text(f"{used}: {used}\n余晓辉: 余曉輝\n", encoding="utf-8")
    result = check(project)
    assert result.returncode == 1
    assert "content/hant-overrides.yml:2: override '余晓辉' is used by no text of the site [unused-override]" in result.stdout
    assert "hant-overrides.yml:1" not in result.stdout
