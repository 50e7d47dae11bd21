"""`bulletin ingest` as an editor uses it: outline, files, re-ingests, hints and bad input."""

import re
import shutil

import pytest
import yaml

from ingest_helpers import ROOT, SAMPLE, bulletin

REQUIRED_KEYS = ["title", "section", "publication", "date", "issue", "order", "slug", "tags", "source_lines"]


@pytest.fixture
def project(tmp_path):
    (tmp_path / "content" / "raw").mkdir(parents=True)
    shutil.copy(SAMPLE, tmp_path / "content" / "raw" / "2021-08-12.txt")
    shutil.copy(ROOT / "content" / "tags.yml", tmp_path / "content" / "tags.yml")
    return tmp_path


def ingest(project, *extra):
    return bulletin(["ingest", "content/raw/2021-08-12.txt", *extra], project)


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    head, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(head), body


def issue_dir(project):
    return project / "content" / "2021-08-12"


def test_dry_run_prints_the_outline_and_writes_nothing(project):
    result = ingest(project, "--dry-run")
    assert result.returncode == 0, result.stderr
    assert re.search(r"5 sections, 4[4-6] articles", result.stdout)
    assert "[产业环境]" in result.stdout and "## 网络安全行业预期规模扩容" in result.stdout
    assert "Removed boilerplate (9 lines)" in result.stdout and "Page 11" in result.stdout
    # Doubtful decisions are flagged with the hint that applies the alternative.
    assert re.search(r"taken as a (title|subheading) \(evidence\), but the evidence is weak .*; if .*, add to the "
                     r"hints file: (titles|subheadings): \[", result.stdout)
    assert not issue_dir(project).exists()


def test_ingest_writes_an_issue_folder_of_markdown_articles(project):
    result = ingest(project)
    assert result.returncode == 0, result.stderr
    files = sorted(issue_dir(project).glob("*.md"))
    assert 44 <= len(files) <= 46  # 45 articles, give or take a decision the outline flags
    assert files[0].name == "01-gongxinbu-jiaqiang-shuju-xinxi-fenxi.md"
    meta, body = front_matter(files[0])
    assert set(REQUIRED_KEYS) <= set(meta)
    assert meta["title"] == "工信部：加强数据信息分析 抓好区域协查任务落实"
    assert meta["section"] == "产业环境" and meta["order"] == 1 and str(meta["date"]) == "2021-08-12"
    assert 1 <= len(meta["tags"]) <= 6
    paragraphs = [p for p in body.strip().split("\n\n")]
    assert all("\n" not in p for p in paragraphs)  # one line per paragraph
    issue = yaml.safe_load((issue_dir(project) / "_issue.yml").read_text(encoding="utf-8"))
    assert issue["sections"] == ["产业环境", "运营竞争", "技术情报", "企业情报", "海外借鉴"]
    assert issue["publication"] == "信息产业监测"
    with_subheadings = front_matter(issue_dir(project) / files[5].name)[1]
    assert "\n## 网络安全行业预期规模扩容\n" in with_subheadings


def test_front_matter_round_trips(project):
    ingest(project)
    for path in issue_dir(project).glob("*.md"):
        meta, _ = front_matter(path)
        again = yaml.safe_load(yaml.safe_dump(meta, allow_unicode=True))
        assert again == meta
        assert set(REQUIRED_KEYS) <= set(meta)


def test_reingest_changes_nothing_and_keeps_edited_files(project):
    ingest(project)
    folder = issue_dir(project)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    again = ingest(project)
    assert f"0 written, {len(before) - 1} unchanged" in again.stdout  # every file but the manifest
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before

    edited = folder / "07-dianxin-yewu-shouru-zengzhang-dongli-zu.md"
    text = edited.read_text(encoding="utf-8").replace("tags: [", "tags: [编辑加的标签, ", 1) + "\n编辑补充的一段话。\n"
    edited.write_text(text, encoding="utf-8")
    kept = ingest(project)
    assert kept.returncode == 0
    assert f"kept content/2021-08-12/{edited.name}: edited since it was generated" in kept.stdout
    assert edited.read_text(encoding="utf-8") == text

    forced = ingest(project, "--force")
    assert forced.returncode == 0
    meta, body = front_matter(edited)
    assert "编辑加的标签" in meta["tags"]  # hand-added tags survive even --force
    assert "编辑补充的一段话" not in body


def test_a_deleted_article_is_not_brought_back_without_force(project):
    ingest(project)
    victim = sorted(issue_dir(project).glob("*-jiage-xuqiu-shuangzhang-quanqiu-cunchu.md"))[0]
    victim.unlink()
    result = ingest(project)
    assert not victim.exists() and "not recreated" in result.stdout
    ingest(project, "--force")
    assert victim.exists()


def test_hints_correct_the_result_and_reingest_is_stable(project):
    hints = project / "hints.yml"
    hints.write_text(
        "titles:\n  - 晶方科技设立产业基金 布局第三代半导体技术\n  - {line: 3461}\n"
        "subheadings: [中小企业参与5G的发展可注重利用现有资源]\n"
        "body: [{line: 1618}]\n"
        "sections: {产业环境: 行业环境}\n", encoding="utf-8")
    first = ingest(project, "--hints", "hints.yml")
    assert first.returncode == 0, first.stderr
    names = sorted(p.name for p in issue_dir(project).glob("*.md"))
    assert any("jingfang-keji-sheli" in name for name in names)
    assert not any("zhongxiao-qiye" in name for name in names)
    issue = yaml.safe_load((issue_dir(project) / "_issue.yml").read_text(encoding="utf-8"))
    assert issue["sections"][0] == "行业环境"
    snapshot = {p.name: p.read_bytes() for p in issue_dir(project).iterdir()}
    ingest(project, "--hints", "hints.yml")
    assert {p.name: p.read_bytes() for p in issue_dir(project).iterdir()} == snapshot


def test_a_hint_that_matches_nothing_is_reported(project):
    (project / "hints.yml").write_text("titles: [不存在的标题]\n", encoding="utf-8")
    result = ingest(project, "--hints", "hints.yml", "--dry-run")
    assert "matched no line" in result.stdout


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"\x00\x01\x02\x03binary\x00\x00", "binary"),
    (b"\xff\xfe\xff\xd8" + bytes(range(200, 256)) * 3, "invalid"),
    ("第一行\n".encode() + b"\x81\x20\xfe\n", "cannot decode"),
])
def test_bad_raw_files_get_one_line_errors(project, content, message):
    bad = project / "content" / "raw" / "2021-09-01.txt"
    bad.write_bytes(content)
    result = bulletin(["ingest", "content/raw/2021-08-12.txt", "content/raw/2021-09-01.txt"], project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "content/raw/2021-09-01.txt" in result.stderr and message in result.stderr
    assert not issue_dir(project).exists()  # nothing written, not even for the good file


def test_missing_files_folders_and_dates(project):
    missing = bulletin(["ingest", "content/raw/nope.txt"], project)
    assert missing.returncode == 1 and "nope.txt" in missing.stderr and "no such file" in missing.stderr
    folder = bulletin(["ingest", "content/raw"], project)
    assert folder.returncode == 1 and "folder" in folder.stderr
    (project / "content" / "raw" / "undated.txt").write_text("工信部：加强数据信息分析 \n\n这是正文。 \n", encoding="utf-8")
    undated = bulletin(["ingest", "content/raw/undated.txt"], project)
    assert undated.returncode == 1 and "--date" in undated.stderr and "undated.txt" in undated.stderr
    dated = bulletin(["ingest", "content/raw/undated.txt", "--date", "2021-09-02"], project)
    assert dated.returncode == 0 and (project / "content" / "2021-09-02").is_dir()
    wrong = bulletin(["ingest", "content/raw/undated.txt", "--date", "2021/9/2"], project)
    assert wrong.returncode == 1 and "YYYY-MM-DD" in wrong.stderr


def test_an_unwritable_output_folder_is_reported(project):
    (project / "blocked").write_text("a file where the folder should be", encoding="utf-8")
    result = bulletin(["ingest", "content/raw/2021-08-12.txt", "--out", "blocked"], project)
    assert result.returncode == 1 and "blocked" in result.stderr and "Traceback" not in result.stderr


def test_text_without_structure_becomes_one_article_with_a_warning(project):
    raw = project / "content" / "raw" / "2021-09-03.txt"
    raw.write_text("这是一段没有标题的文字，只是一些说明。\n它继续写了下去，也没有任何栏目。\n", encoding="utf-8")
    result = bulletin(["ingest", "content/raw/2021-09-03.txt"], project)
    assert result.returncode == 0, result.stderr
    assert "warning" in result.stderr
    assert len(list((project / "content" / "2021-09-03").glob("*.md"))) == 1


def test_invalid_hints_yaml_names_the_file_and_line(project):
    (project / "hints.yml").write_text("titles: [a\nbody: ]\n", encoding="utf-8")
    result = ingest(project, "--hints", "hints.yml")
    assert result.returncode == 1 and "hints.yml:" in result.stderr and "Traceback" not in result.stderr


def test_a_hints_file_beside_the_raw_file_applies_by_itself(project):
    (project / "content" / "raw" / "2021-08-12.hints.yml").write_text(
        "titles: [晶方科技设立产业基金 布局第三代半导体技术]\n", encoding="utf-8")
    result = ingest(project)
    assert result.returncode == 0, result.stderr
    assert "using hints from content/raw/2021-08-12.hints.yml" in result.stdout
    assert any("jingfang-keji-sheli" in p.name for p in issue_dir(project).glob("*.md"))
