"""A numbered monthly end to end: ingested without hints or --date, built, read as a reader would.

The raw file is a corpus bulletin (tests/corpus/raw/szfz-2026-08.txt, pdftotext output of a monthly
with a cover, a contents page, `一、` banners, `1.` titles, 来源/作者 lines, tables, `第 N 页 共 M 页`
footers and a closing masthead).
"""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

from build_helpers import FIXTURE_SITE, build_project, copy_project, run_bulletin
from ingest_helpers import ROOT

RAW = ROOT / "tests" / "corpus" / "raw" / "szfz-2026-08.txt"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = copy_project(FIXTURE_SITE, tmp_path_factory.mktemp("monthly"))
    with open(project / "site.yml", "a", encoding="utf-8") as handle:
        handle.write("editions:\n  - {language: zh-Hant, opencc: s2twp}\n")
    (project / "content" / "raw").mkdir()
    shutil.copy(RAW, project / "content" / "raw" / "monthly.txt")
    result = run_bulletin("ingest", "content/raw/monthly.txt", cwd=project)
    assert result.returncode == 0, result.stderr
    return build_project(project)


def front(path):
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def test_the_date_comes_from_the_cover_and_the_numbers_go_to_order(built):
    folder = built.project / "content" / "2026-08-31"
    issue = yaml.safe_load((folder / "_issue.yml").read_text(encoding="utf-8"))
    assert issue["number"] == 8 and issue["publication"] == "数字化发展月报"
    assert issue["sections"][:2] == ["政策动态", "产业发展"]  # banners without 一、
    first = front(sorted(folder.glob("*.md"))[0])
    assert first["title"] == "国家数据局等五部门印发《关于深化公共数据资源开发利用的若干措施》"
    assert first["order"] == 1 and first["source"] == "国家数据局网站" and first["section"] == "政策动态"


def test_bylines_show_on_the_article_page_in_both_editions(built):
    folder = built.project / "content" / "2026-08-31"
    article = next(path for path in folder.glob("*.md") if front(path).get("author") == "本刊记者 陈思远")
    slug = front(article)["slug"]
    page = built.page(f"articles/{slug}.html")
    assert "作者：本刊记者 陈思远" in page
    hant = built.page(f"zh-hant/articles/{slug}.html")
    assert "作者：本刊記者 陳思遠" in hant


def test_no_furniture_or_contents_in_any_article(built):
    folder = built.project / "content" / "2026-08-31"
    for path in folder.glob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"第 \d+ 页 共 \d+ 页|本期完|责任编辑|\.{6,}|^目录$", text, re.M), path.name


def test_a_table_is_kept_as_a_table(built):
    folder = built.project / "content" / "2026-08-31"
    article = next(path for path in folder.glob("*.md") if "通信业经济运行" in front(path)["title"])
    text = article.read_text(encoding="utf-8")
    assert "| 指标 | 1—7月累计 | 同比增长 |" in text and "| 电信业务收入 | 10460亿元 | 1.2% |" in text
    page = built.page(f"articles/{front(article)['slug']}.html")
    assert "<table>" in page and "<td>10460亿元</td>" in page
