"""Tag aliases an editor writes are merged into their tag at build: one page, one name, everywhere."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from build_helpers import build_project, run_bulletin

TAXONOMY = """\
半导体:
  keywords: [芯片]
  aliases: [集成电路, 芯片产业]
"""


def _soup(out: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((out / path).read_text(encoding="utf-8"), "html.parser")


def _cloud(out: Path) -> dict[str, int]:
    page = _soup(out, "tags/index.html")
    return {a.contents[0]: int(a.select_one(".count").get_text()) for a in page.select(".tag-cloud a")}


def test_an_alias_joins_its_tag_page_and_the_article_shows_the_tag_once(make_project):
    project = make_project()
    before = build_project(project)
    assert _cloud(before.out)["集成电路"] == 2 and _cloud(before.out)["半导体"] == 2

    (project / "content" / "tags.yml").write_text(TAXONOMY, encoding="utf-8")
    after = build_project(project)  # an incremental build: the taxonomy alone changed
    cloud = _cloud(after.out)
    assert "集成电路" not in cloud and cloud["半导体"] == 2  # both articles carry both names: counted once
    assert not (after.out / "tags" / "jichengdianlu").exists()
    tag_page = _soup(after.out, "tags/bandaoti/index.html")
    assert len(tag_page.select("ol.article-list > li")) == 2
    article = _soup(after.out, "articles/guochan-eda-tupo.html")
    shown = [a.get_text() for a in article.select("a[href*='tags/']") if "tags/index" not in a["href"]]
    assert shown.count("半导体") == 1 and "集成电路" not in shown


def test_check_accepts_an_alias_and_names_an_unknown_tag(make_project):
    project = make_project()
    (project / "content" / "tags.yml").write_text(TAXONOMY + "5G:\n数据安全:\n云计算:\n人工智能:\n工业互联网:\n", encoding="utf-8")
    result = run_bulletin("check", cwd=project)
    unknown = {line.split("tag ")[1].split(" ")[0] for line in result.stdout.splitlines() if "[unknown-tag]" in line}
    assert "'集成电路'" not in unknown and "'EDA'" in unknown
