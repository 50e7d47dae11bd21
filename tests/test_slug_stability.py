"""Published links never break: re-ingesting keeps every article's slug when the slug rule changes;
`--reslug` moves articles to the new rule's slugs and their old addresses redirect to them."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

import generator.ingest.pipeline as pipeline
from generator.tags.tagger import Tagger
from generator.taxonomy import load_taxonomy
from build_helpers import ROOT, build_project, run_bulletin
from ingest_helpers import SAMPLE


@pytest.fixture
def project(tmp_path):
    (tmp_path / "content" / "raw").mkdir(parents=True)
    shutil.copy(SAMPLE, tmp_path / "content" / "raw" / "2021-08-12.txt")
    shutil.copy(ROOT / "content" / "tags.yml", tmp_path / "content" / "tags.yml")
    shutil.copy(ROOT / "site.yml", tmp_path / "site.yml")
    return tmp_path


def _ingest(project, *extra):
    result = run_bulletin("ingest", "content/raw/2021-08-12.txt", *extra, cwd=project)
    assert result.returncode == 0, result.stderr
    return result


def _slugs(project) -> dict[str, tuple[str, list[str]]]:
    found = {}
    for path in (project / "content" / "2021-08-12").glob("*.md"):
        meta = yaml.safe_load(path.read_text(encoding="utf-8")[4:].split("\n---\n", 1)[0])
        found[meta["title"]] = (meta["slug"], meta.get("redirect_from", []), path.name)
    return found


@pytest.fixture
def published_by_an_older_rule(project, monkeypatch):
    """The sample ingested while the slug rule was another one (here: `old-` before today's slug)."""
    current = pipeline.title_slug
    with monkeypatch.context() as patch:
        patch.setattr(pipeline, "title_slug", lambda title: "old-" + current(title))
        _ingest(project)
    return project


def test_reingest_keeps_published_slugs_and_new_articles_get_the_new_rule(published_by_an_older_rule):
    project = published_by_an_older_rule
    first = next(iter(sorted((project / "content" / "2021-08-12").glob("01-*.md"))))
    first.unlink()  # as if this article were new in the bulletin (the manifest knows it: --force restores it)
    _ingest(project, "--force")
    slugs = _slugs(project)
    new = slugs.pop("工信部：加强数据信息分析 抓好区域协查任务落实")
    assert new[0] == "gongxinbu-jiaqiang-shuju-xinxi-fenxi" and new[1] == []
    assert all(slug.startswith("old-") and not earlier for slug, earlier, _ in slugs.values())
    assert all(name.split("-", 1)[1] == slug + ".md" for slug, _, name in slugs.values())


def test_reslug_moves_articles_and_the_old_addresses_redirect(published_by_an_older_rule):
    project = published_by_an_older_rule
    _ingest(project, "--reslug")
    slugs = _slugs(project)
    slug, earlier, _ = slugs["工信部：加强数据信息分析 抓好区域协查任务落实"]
    assert slug == "gongxinbu-jiaqiang-shuju-xinxi-fenxi" and earlier == ["old-" + slug]
    _ingest(project)  # an ordinary re-ingest keeps both the new slug and the redirect
    assert _slugs(project) == slugs

    built = build_project(project)
    old_page = built.out / "articles" / f"old-{slug}.html"
    page = BeautifulSoup(old_page.read_text(encoding="utf-8"), "html.parser")
    assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={slug}.html"
    assert page.find("link", rel="canonical")["href"].endswith(f"/articles/{slug}.html")
    assert (built.out / "articles" / f"{slug}.html").is_file()
    assert f"old-{slug}" not in (built.out / "sitemap.xml").read_text(encoding="utf-8")
    assert run_bulletin("check", cwd=project).stdout.count("[redirect]") == 0


@pytest.mark.parametrize("title, slug", [
    ("工信部等三部门召开油气管道行业“工业互联网+安全生产”试点启动会", "gongxinbu-deng-sanbumen-zhaokai"),
    ("亚马逊微软再战云合同", "yamaxun-weiruan-zai"),
    ("中芯国际二季度净利增长 4 倍", "zhongxinguoji-erjidu-jingli-zengzhang-4"),
    ("人工智能能否改变生活", "rengong-zhineng-nengfou-gaibian-shenghuo"),
    ("国家发展改革委会同有关部门部署", "guojia-fazhan-gaige-wei-huitong"),
    ("湖北建成 3.6 万个 5G 基站", "hubei-jiancheng-3-6-wange-5g-jizhan"),
])
def test_title_slugs_are_split_at_words(title, slug):
    Tagger(load_taxonomy(ROOT / "content" / "tags.yml"))  # as ingest does first: the segmenter learns the keywords
    assert pipeline.title_slug(title).startswith(slug)


@given(st.text(alphabet=st.sampled_from(list("工信部等三部门召开数据安全法人工智能二十国集团中芯国际") + list("aZ5 -“”：+.")),
               max_size=60))
def test_title_slugs_are_short_safe_names(title):
    slug = pipeline.title_slug(title)
    assert len(slug) <= 40 and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
