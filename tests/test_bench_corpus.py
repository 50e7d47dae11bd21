"""The benchmark's synthetic archive and its conversions for the peers (the peers themselves are not run)."""

from __future__ import annotations

import collections
import hashlib
import re
import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import corpus, vocab  # noqa: E402
from bench.peers import hugo, pelican  # noqa: E402

REQUIRED = {"title", "section", "publication", "date", "issue", "order", "slug", "tags"}


def front_matter(text: str) -> dict:
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    assert match, text[:200]
    return yaml.safe_load(match.group(1))


def digest(folder: Path) -> str:
    hasher = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            hasher.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return hasher.hexdigest()


@pytest.fixture(scope="module")
def archive() -> list[corpus.Article]:
    return corpus.generate(1000)


def test_same_bytes_every_run(tmp_path):
    corpus.write_content(corpus.generate(150), tmp_path / "a")
    corpus.write_content(corpus.generate(150), tmp_path / "b")
    assert digest(tmp_path / "a") == digest(tmp_path / "b")
    corpus.write_content(corpus.generate(150, seed=1), tmp_path / "c")
    assert digest(tmp_path / "c") != digest(tmp_path / "a")


def test_front_matter_parses_with_the_required_keys(archive):
    for article in archive[:300]:
        meta = front_matter(article.markdown())
        assert REQUIRED <= meta.keys()
        assert meta["issue"] == meta["date"] == article.date  # YAML reads both as dates, as in real content
        assert meta["tags"] == list(article.tags) and 1 <= len(meta["tags"]) <= 6
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", meta["slug"])


def test_issues_sections_and_tags(archive):
    per_issue = collections.Counter(article.issue for article in archive)
    assert list(per_issue.values())[:-1] == [70] * (len(per_issue) - 1)
    assert max(per_issue) == "2021-08-12" and "2021-08-05" in per_issue
    assert {article.section for article in archive} == set(vocab.SECTIONS) and len(vocab.SECTIONS) == 5
    assert len(set(vocab.TAGS)) == 60
    popularity = collections.Counter(tag for article in archive for tag in article.tags)
    assert set(popularity) == set(vocab.TAGS)
    assert popularity[vocab.TAGS[0]] > 5 * popularity[vocab.TAGS[-1]]  # Zipf-like
    assert len({article.slug for article in archive}) == len(archive)


def test_bodies_look_like_news(archive):
    for article in archive[:200]:
        blocks = article.body.strip().split("\n\n")
        paragraphs = [block for block in blocks if not block.startswith("## ")]
        assert 4 <= len(paragraphs) <= 15
        assert all(60 <= len(paragraph) <= 200 for paragraph in paragraphs)
    assert any("\n## " in "\n" + article.body for article in archive[:200])


def test_content_folder_like_ingest(tmp_path):
    articles = corpus.generate(75)
    corpus.write_content(articles, tmp_path / "content")
    issues = sorted(path.name for path in (tmp_path / "content").iterdir())
    assert issues == ["2021-08-05", "2021-08-12"]
    issue = yaml.safe_load((tmp_path / "content" / "2021-08-12" / "_issue.yml").read_text(encoding="utf-8"))
    assert issue["sections"] == vocab.SECTIONS
    assert len(list((tmp_path / "content" / "2021-08-12").glob("*.md"))) == 70
    assert (tmp_path / "content" / "2021-08-12" / f"01-{articles[0].slug}.md").is_file()


def test_pelican_conversion(tmp_path):
    articles = corpus.generate(12)
    pelican.convert(articles, tmp_path)
    files = sorted(tmp_path.rglob("*.md"))
    assert len(files) == 12
    header, body = files[0].read_text(encoding="utf-8").split("\n\n", 1)
    meta = dict(line.split(": ", 1) for line in header.splitlines())
    first = articles[0]
    assert meta["Title"] == first.title and meta["Category"] == first.section and meta["Slug"] == first.slug
    assert meta["Tags"].split(", ") == list(first.tags)
    assert body == first.body


def test_hugo_conversion(tmp_path):
    articles = corpus.generate(12)
    hugo.convert(articles, tmp_path)
    for section, folder in vocab.SECTION_SLUGS.items():
        assert front_matter((tmp_path / "content" / folder / "_index.md").read_text(encoding="utf-8")) == {"title": section}
    first = articles[0]
    meta = front_matter((tmp_path / "content" / vocab.SECTION_SLUGS[first.section] / f"{first.slug}.md").read_text(encoding="utf-8"))
    assert meta["categories"] == [first.section] and meta["tags"] == list(first.tags)
    assert len(list((tmp_path / "content").rglob("*.md"))) == 12 + len(vocab.SECTIONS)
    for template in ("baseof.html", "single.html", "list.html", "terms.html", "rss.xml"):
        assert (tmp_path / "layouts" / "_default" / template).is_file()
    assert (tmp_path / "layouts" / "partials" / "nav.html").is_file()
    assert "paginate: 20" in hugo.config((0, 111, 3)) and "pagerSize: 20" in hugo.config((0, 168, 0))
