"""Issue 18, classes 7 and 12 (`bulletin check`): every problem at its file and line, and links no file can
have (an encoded NUL, a 300-byte name) reported as broken instead of crashing the check."""

from __future__ import annotations

import json
import os

import pytest
from hostile_helpers import assert_no_traceback, make_project, run, run_process

FRONT = """---
title: 标题
date: 2021-08-12
slug: Not A Slug
section: 未知栏目
tags:
  - 已知
  - 未知甲
other: [已知, 未知乙]
---
正文。
"""


@pytest.fixture
def checked(tmp_path):
    project = make_project(tmp_path, {"2021-08-12/01-a.md": FRONT,
                                      "2021-08-12/02-b.md": "---\ntitle: 乙\ndate: 2021-08-12\nslug: 'Not A Slug'\ntags: [未知丙]\n---\n正文。\n"},
                           site="sections: [产业环境]\n")
    (project / "content" / "tags.yml").write_text("已知: [已知]\n", encoding="utf-8")
    result = run("check", "--format", "json", cwd=project)
    assert_no_traceback(result)
    assert result.returncode == 1
    return {(problem["path"].rsplit("/", 1)[1], problem["rule"], problem["line"]) for problem in json.loads(result.stdout)["problems"]}


@pytest.mark.parametrize("file, rule, line", [
    ("01-a.md", "slug", 4), ("01-a.md", "unknown-section", 5), ("01-a.md", "unknown-tag", 8),
    ("02-b.md", "slug", 4), ("02-b.md", "duplicate-slug", 4), ("02-b.md", "unknown-tag", 5), ("01-a.md", "unknown-key", 9),
])
def test_every_rule_reports_its_line(checked, file, rule, line):
    assert (file, rule, line) in checked, sorted(checked)


def test_no_problem_is_reported_without_a_line_when_its_field_has_one(checked):
    assert all(line for _, rule, line in checked if rule in ("slug", "duplicate-slug", "unknown-section", "unknown-tag")), checked


LINKS = ["[x](a%00b.md)", "[x](" + "a" * 300 + ".md)", "[x](" + "长" * 200 + ".md)", "[x](%ff%fe.md)", "[x](../../../../../../../etc/passwd.md)",
         "[x](articles/%00.html)", "[x](" + "a/" * 3000 + "b.md)", "[x](con.md)", "[x](%2e%2e/%2e%2e/x.md)", "[x](a\\\\b.md)"]


@pytest.mark.parametrize("link", LINKS, ids=range(len(LINKS)))
def test_a_link_no_file_can_have_is_a_broken_link(tmp_path, link):
    project = make_project(tmp_path, {"2021-08-12/01-a.md": f"---\ntitle: 链接\ndate: 2021-08-12\n---\n正文{link}。\n"})
    result = run("check", cwd=project)
    assert_no_traceback(result)
    assert result.returncode == 1 and "01-a.md:5:" in result.stdout and "[broken-link]" in result.stdout, result.stdout


def test_a_fifo_among_the_raw_bulletins_never_blocks_check(tmp_path):
    """check reads the raw bulletins for override phrases: a FIFO there would wait for a writer for ever."""
    project = make_project(tmp_path, {"2021-08-12/01-a.md": "---\ntitle: 甲\ndate: 2021-08-12\nslug: Not A Slug\n---\n正文。\n"},
                           site="editions:\n  - {language: zh-Hant, opencc: s2twp}\n")
    (project / "content" / "hant-overrides.yml").write_text("正文: 內文\n", encoding="utf-8")
    (project / "content" / "raw").mkdir()
    os.mkfifo(project / "content" / "raw" / "2021-08-13.txt")
    result = run_process("check", cwd=project)
    assert_no_traceback(result)
    assert result.returncode == 1 and "01-a.md:4:" in result.stdout and "[slug]" in result.stdout, result.stdout
