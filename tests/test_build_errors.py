"""Bad content, configuration or theme: one clear line naming the file (and line), exit 1, old site kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_helpers import build_project, run_bulletin, run_bulletin_process

ARTICLE = "content/2021-01-07/02-yunyingshang-5g-taocan.md"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def assert_fails_cleanly(project: Path, *expected: str, args: tuple[str, ...] = ()) -> str:
    result = run_bulletin("build", *args, cwd=project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stderr.startswith("bulletin build: error: ")
    for text in expected:
        assert text in result.stderr
    assert not list(project.glob(".output-*")), "temporary build folder left behind"
    return result.stderr


CASES = {
    "invalid YAML": ("tags: [5G, 电信运营]", "tags: [5G, 电信运营", f"{ARTICLE}:10: invalid YAML in front matter"),
    "missing title": ("title: 三大运营商5G套餐用户数持续增长\n", "", f"{ARTICLE}:2: missing required field 'title'"),
    "empty title": ("title: 三大运营商5G套餐用户数持续增长", "title: ''", f"{ARTICLE}:2: missing required field 'title'"),
    "missing date": ("date: 2021-01-07\n", "", f"{ARTICLE}:2: missing required field 'date'"),
    "impossible date": ("date: 2021-01-07", "date: 2021-13-45", f"{ARTICLE}:5: field 'date' must be a date like 2021-08-12, got '2021-13-45'"),
    "date in another format": ("date: 2021-01-07", "date: 2021年1月7日", f"{ARTICLE}:5: field 'date' must be a date"),
    "tags not a list of text": ("tags: [5G, 电信运营]", "tags: {5G: 1}", f"{ARTICLE}:9: field 'tags' must be a list of text"),
    "title not text": ("title: 三大运营商5G套餐用户数持续增长", "title: [a, b]", f"{ARTICLE}:2: field 'title' must be text"),
    "order not a number": ("order: 2", "order: second", f"{ARTICLE}:7: field 'order' must be a whole number"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_article_fails_with_file_and_line_and_keeps_previous_output(make_project, case):
    project = make_project()
    built = build_project(project)
    before = snapshot(built.out)
    old, new, expected = CASES[case]
    replace_in(project / ARTICLE, old, new)
    assert_fails_cleanly(project, expected)
    assert snapshot(built.out) == before


def test_errors_reach_the_terminal_as_one_line_without_traceback(make_project):
    project = make_project()
    replace_in(project / ARTICLE, "date: 2021-01-07", "date: 2021-02-30")
    result = run_bulletin_process("build", cwd=project)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == f"bulletin build: error: {project / ARTICLE}:5: field 'date' must be a date like 2021-08-12, got '2021-02-30'\n"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("只有正文。\n", "05-bad.md:1: missing front matter"),
        ("---\ntitle: 标题\ndate: 2021-01-07\n正文\n", "05-bad.md:1: front matter is not closed"),
        ("---\n- 标题\n- 2021-01-07\n---\n正文\n", "05-bad.md:2: front matter must be a mapping of fields (key: value), got a list"),
    ],
    ids=["no front matter", "unclosed", "not a mapping"],
)
def test_malformed_front_matter(make_project, text, expected):
    project = make_project()
    (project / "content/2021-01-07/05-bad.md").write_text(text, encoding="utf-8")
    assert_fails_cleanly(project, expected)


def test_invalid_utf8_names_the_line(make_project):
    project = make_project()
    path = project / ARTICLE
    path.write_bytes(path.read_bytes().replace("根据三大运营商".encode(), b"\xff\xfe\xfa"))
    assert_fails_cleanly(project, f"{ARTICLE}:12: article is not valid UTF-8")


def test_bad_issue_file(make_project):
    project = make_project()
    replace_in(project / "content/2021-01-07/_issue.yml", "date: 2021-01-07", "date: [2021]")
    assert_fails_cleanly(project, "content/2021-01-07/_issue.yml:2: field 'date' must be a date")


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("per_page: 3", "per_page: many", "site.yml:9: field 'per_page' must be a whole number"),
        ("per_page: 3", "per_page: 0", "site.yml:9: field 'per_page' must be at least 1"),
        ("timezone: Asia/Shanghai", "timezone: Mars/Olympus", "site.yml:7: unknown timezone"),
        ("base_url: https://example.github.io/digest/", "base_url: example.github.io", "site.yml:5: base_url must be an absolute http(s) URL"),
        ("language: zh-Hans", "language: 中文", "site.yml:6: language must be a language tag"),
        ("  - {title: 往期, url: issues/index.html}", "  - {title: 往期, url: 'javascript:alert(1)'}", "site.yml:14: navigation url must be"),
        ("title: 产业监测摘要", "title: [产业", "site.yml:"),
    ],
)
def test_bad_site_yml(make_project, old, new, expected):
    project = make_project()
    replace_in(project / "site.yml", old, new)
    assert_fails_cleanly(project, expected)


def test_explicit_config_must_exist(make_project):
    assert_fails_cleanly(make_project(), "nowhere.yml: configuration file not found", args=("--config", "nowhere.yml"))


def test_site_yml_is_optional(make_project):
    project = make_project()
    (project / "site.yml").unlink()
    built = build_project(project)
    assert "<title>Bulletin Digest</title>" in built.page("index.html")
    assert 'href="http://localhost:8000/"' in built.page("index.html")


def test_unknown_theme(make_project):
    assert_fails_cleanly(make_project(), "theme 'fancy' not found", args=("--theme", "fancy"))


def test_template_syntax_error_names_template_and_line(make_project):
    project = make_project()
    (project / "themes/broken").mkdir(parents=True)
    (project / "themes/broken/tag.html").write_text('{% extends "listing.html" %}\n{% block eyebrow %}{{ oops( }}{% endblock %}\n', encoding="utf-8")
    stderr = assert_fails_cleanly(project, "themes/broken/tag.html:2: template error", args=("--theme", "broken"))
    assert "unexpected" in stderr or "expected" in stderr


def test_template_runtime_error_names_template(make_project):
    project = make_project()
    (project / "themes/broken").mkdir(parents=True)
    (project / "themes/broken/section.html").write_text('{% extends "listing.html" %}\n{% block eyebrow %}{{ listing.no_such_field }}{% endblock %}\n', encoding="utf-8")
    assert_fails_cleanly(project, "themes/broken/section.html:2: template error", "no_such_field", args=("--theme", "broken"))


def test_missing_ui_string_is_reported(make_project):
    project = make_project()
    (project / "themes/broken").mkdir(parents=True)
    (project / "themes/broken/404.html").write_text('{% extends "base.html" %}\n{% block main %}<h1>{{ t("no_such_key") }}</h1>{% endblock %}\n', encoding="utf-8")
    assert_fails_cleanly(project, "404.html:2: template error", "no UI string 'no_such_key'", args=("--theme", "broken"))


def test_empty_content_builds_an_empty_site(tmp_path):
    (tmp_path / "content").mkdir()
    built = build_project(tmp_path)
    assert "还没有文章" in built.page("index.html")
    assert (built.out / "feed.xml").is_file() and (built.out / "search/index.js").is_file()


def test_missing_content_folder(tmp_path):
    assert_fails_cleanly(tmp_path, "content: content folder not found")


def test_duplicate_slugs_are_renamed_with_a_warning(make_project):
    project = make_project()
    replace_in(project / ARTICLE, "slug: yunyingshang-5g-taocan", "slug: guochan-eda-tupo")
    built = build_project(project)
    assert "warning:" in built.stderr and "guochan-eda-tupo" in built.stderr and "02-yunyingshang-5g-taocan.md" in built.stderr
    assert "三大运营商" in built.page("articles/guochan-eda-tupo-2021-01-07.html")
    assert "国产EDA" in built.page("articles/guochan-eda-tupo.html")  # the older article keeps its slug


def test_hostile_slugs_and_tags_stay_inside_the_output(make_project):
    project = make_project()
    replace_in(project / ARTICLE, "slug: yunyingshang-5g-taocan", "slug: ../../escape")
    replace_in(project / ARTICLE, "tags: [5G, 电信运营]", "tags: ['../x', 'a/b', CON, '<script>alert(1)</script>']")
    built = build_project(project)
    assert not (project / "escape.html").exists() and not (project.parent / "escape.html").exists()
    assert (built.out / "articles/escape.html").is_file()
    for slug in ("x", "a-b", "con-x", "script-alert-1-script"):
        assert (built.out / "tags" / slug / "index.html").is_file(), slug
    assert "<script>alert" not in built.page("articles/escape.html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in built.page("articles/escape.html")


def test_settings_and_fields_nobody_reads_are_warned_of_with_the_one_meant(make_project):
    project = make_project()
    (project / "site.yml").write_text((project / "site.yml").read_text(encoding="utf-8") + "per_pgae: 5\n", encoding="utf-8")
    replace_in(project / ARTICLE, "title:", "titel: 误写\ntitle:")
    lines = (project / "site.yml").read_text(encoding="utf-8").count("\n")
    expected = [f"bulletin build: warning: site.yml:{lines}: per_pgae: unknown setting; did you mean per_page?",
                f"bulletin build: warning: {ARTICLE}:2: titel: unknown field; did you mean title?"]
    first = build_project(project)
    assert first.stderr.splitlines() == expected
    again = build_project(project)  # up to date: the same warnings, not silence
    assert "up to date" in again.stdout and again.stderr.splitlines() == expected
