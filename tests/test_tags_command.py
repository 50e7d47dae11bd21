"""`bulletin tags`: the tags the archive uses, and with --suggest what the taxonomy misses."""

from __future__ import annotations

import json
from pathlib import Path

from build_helpers import run_bulletin

TAXONOMY = """\
半导体:
  keywords: [芯片]
量子信息:
  keywords: [量子计算]
5G:
  aliases: [第五代移动通信]
行业动态:
  fallback: true
"""


def _article(folder: Path, name: str, title: str, body: str, tags: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.md").write_text(
        f"---\ntitle: {title}\ndate: 2024-03-01\ntags: [{', '.join(tags)}]\n---\n\n{body}\n", encoding="utf-8")


def _project(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    content.mkdir()
    (content / "tags.yml").write_text(TAXONOMY, encoding="utf-8")
    issue = content / "2024-03-01"
    drone = "低空经济产业规模快速扩大，低空经济成为多地发展重点，无人机物流等低空经济场景加快落地。"
    for number, city in enumerate(["深圳", "合肥", "成都"], start=1):
        _article(issue, f"0{number}-diko-{number}", f"{city}加快发展低空经济", drone, ["行业动态"])
    _article(issue, "04-xinpian", "国产芯片出货增长", "芯片厂商出货量增长，芯片设计企业加速。", ["半导体"])
    _article(issue, "05-5g", "第五代移动通信用户增长", "用户增长。", ["第五代移动通信"])
    return tmp_path


def test_tags_lists_each_tag_with_its_articles_aliases_merged(tmp_path):
    result = run_bulletin("tags", "--format", "json", cwd=_project(tmp_path))
    assert result.returncode == 0, result.stderr
    counts = json.loads(result.stdout)["tags"]
    assert counts["行业动态"] == 3 and counts["半导体"] == 1 and counts["5G"] == 1 and counts["量子信息"] == 0
    assert "第五代移动通信" not in counts


def test_suggest_lists_words_no_tag_covers_and_tags_never_given(tmp_path):
    result = run_bulletin("tags", "--suggest", cwd=_project(tmp_path))
    assert result.returncode == 0, result.stderr
    uncovered = result.stdout.split("no tag covers")[1].split("Tags no article has")[0]
    assert "低空经济" in uncovered and "3 untagged" in uncovered
    assert "芯片" not in uncovered  # a keyword of 半导体
    idle = result.stdout.split("Tags no article has")[1]
    assert "量子信息" in idle and "keywords in no article" in idle
    assert "半导体" not in idle and "5G" not in idle  # 5G is given under its alias


def test_suggest_names_a_missing_taxonomy(tmp_path):
    (tmp_path / "content").mkdir()
    result = run_bulletin("tags", "--suggest", cwd=tmp_path)
    assert result.returncode == 1 and "tags.yml" in result.stderr
