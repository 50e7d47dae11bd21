"""Issue 18, class 7 (names): names that collide once slugged, and names the site already uses.

`A`, `a` and `A-86f7e4` slug to `a`, `a` and `a-86f7e4`, and the second `a` used to take the hash
`86f7e4` too: two pages at one path, a traceback. An issue folder called `index` took the archive's
page. Every distinct tag, section and issue must get a page of its own, whatever the names.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hostile_helpers import article, assert_clean, make_project, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

COLLIDING = ["A", "a", "A-86f7e4"]


def pages(out: Path, kind: str) -> set[str]:
    return {path.parent.name for path in (out / kind).glob("*/index.html")}


def test_tags_that_collide_once_slugged_each_get_a_page(tmp_path):
    tags = "[" + ", ".join(COLLIDING) + "]"
    project = make_project(tmp_path, {"2021-08-12/01-a.md": article("甲", tags=tags)})
    assert_clean(run("build", cwd=project))
    assert len(pages(project / "output", "tags")) == 3


def test_sections_that_collide_once_slugged_each_get_a_page(tmp_path):
    project = make_project(tmp_path, {f"2021-08-12/0{index}-a.md": article(f"文{index}", section=name) for index, name in enumerate(COLLIDING)})
    assert_clean(run("build", cwd=project))
    assert len(pages(project / "output", "sections")) == 3


def test_issues_that_collide_once_slugged_each_get_a_page(tmp_path):
    project = make_project(tmp_path, {f"{name}/01-a.md": article(f"文{name}", issue=name) for name in COLLIDING})
    assert_clean(run("build", cwd=project))
    issues = {path.name for path in (project / "output" / "issues").glob("*.html")
              if not path.name.endswith(".single.html")} - {"index.html"}  # an issue's one-file download is no page
    assert len(issues) == 3


def assert_archive_lists_every_issue(out: Path, count: int) -> None:
    archive = (out / "issues" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]+\.html)"', archive.split('class="archive-year"', 1)[1])
    linked = {link.rpartition("/")[2] for link in links}
    issue_pages = {path.name for path in (out / "issues").glob("*.html")
                   if not path.name.endswith(".single.html")} - {"index.html"}  # an issue's one-file download is no page
    assert len(issue_pages) == count and linked >= issue_pages, (linked, issue_pages)


def test_an_issue_folder_named_index_does_not_take_the_archive(tmp_path):
    project = make_project(tmp_path, {"index/01-a.md": article("索引期"), "2021-08-13/01-b.md": article("普通期", date="2021-08-13")})
    (project / "content" / "index" / "_issue.yml").write_text("publication: 测试\n", encoding="utf-8")
    assert_clean(run("build", cwd=project))
    assert_archive_lists_every_issue(project / "output", 2)


@pytest.mark.parametrize("issue_id", ["index", "INDEX", "Index", "index.html", "../index", "issues/index"])
def test_an_issue_id_that_names_the_archive_gets_a_page_of_its_own(tmp_path, issue_id):
    project = make_project(tmp_path, {"2021-08-12/01-a.md": article("甲", issue=f"'{issue_id}'"), "2021-08-13/01-b.md": article("乙")})
    assert_clean(run("build", cwd=project))
    assert_archive_lists_every_issue(project / "output", 2)


NAME = st.one_of(st.sampled_from(["A-86f7e4", "a-86f7e4", "x" * 120, "index", "实验", "试验"]),
                 st.text(alphabet=st.sampled_from(list("Aa-_86f7e4 .实验试验数据")), min_size=1, max_size=8))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tags=st.lists(NAME, min_size=1, max_size=8), sections=st.lists(NAME, min_size=1, max_size=4))
def test_any_names_give_one_page_each(tmp_path_factory, tags, sections):
    tags = [tag for tag in dict.fromkeys(" ".join(tag.split()) for tag in tags) if tag]
    sections = [name for name in dict.fromkeys(" ".join(name.split()) for name in sections) if name]
    quoted = "[" + ", ".join(f"'{tag}'" for tag in tags) + "]"
    articles = {f"2021-08-12/{index:02}-a.md": article(f"文{index}", tags=quoted, section=f"'{name}'") for index, name in enumerate(sections or ["综合"])}
    project = make_project(tmp_path_factory.mktemp("names"), articles)
    assert_clean(run("build", cwd=project))
    assert len(pages(project / "output", "tags")) == len(tags)
    assert len(pages(project / "output", "sections")) == max(1, len(sections))
