"""Issue 18, class 7 (YAML): every YAML file a user writes, with every kind of hostile YAML.

Front matter, site.yml, _issue.yml, the override phrases, a theme's i18n.yml, tags.yml and hints files
each get documents nested 300 deep (RecursionError before), an alias inside itself, exponential
aliases, broken syntax, the wrong shape, integers Python refuses to read, unsafe tags, bytes that are
not UTF-8. Each either works or stops with one line naming the file (and line), the output unchanged.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_helpers import RAW_BULLETIN, article, assert_clean, assert_refused, make_project, run, snapshot

DEEP = 300
PAYLOADS = {
    "deep-flow": "nested: " + "[" * DEEP + "]" * DEEP,
    "deep-flow-mapping": "nested: " + "{a: " * DEEP + "b" + "}" * DEEP,
    "deep-block": "nested:\n" + "".join("  " * level + "- \n" for level in range(1, DEEP)) + "  " * DEEP + "- x",
    "deep-block-mapping": "nested:\n" + "".join("  " * level + "a:\n" for level in range(1, DEEP)) + "  " * DEEP + "b: 1",
    "alias-cycle": "nested: &a [*a]",
    "alias-cycle-mapping": "nested: &a {b: *a}",
    "laughs": "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n" for prev, name in zip("abcdefg", "bcdefgh")),
    "broken": "nested: [unclosed",
    "tab-indent": "nested:\n\tchild: x",
    "a-list": "- one\n- two",
    "a-scalar": "just some text",
    "huge-integer": "nested: 1" + "0" * 5000,
    "huge-float": "nested: 1e999999",
    "binary": "nested: !!binary aGVsbG8=",
    "python-tag": "nested: !!python/object/apply:os.system ['touch pwned']",
    "unhashable-key": "? [a, b]\n: c",
    "null-key": "~: value",
    "duplicate-keys": "nested: 1\nnested: 2",
    "set": "nested: !!set {a, b}",
    "timestamp": "nested: 2021-08-12 09:30:00",
    "empty": "",
    "only-comments": "# nothing here",
}
MUST_REFUSE = {"deep-flow", "deep-flow-mapping", "deep-block", "deep-block-mapping", "alias-cycle", "alias-cycle-mapping", "broken",
               "tab-indent"}
SITE = "editions:\n  - {language: zh-Hant, opencc: s2twp}\ntheme: mine\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A project with every YAML file present and a good build in output/."""
    project = make_project(tmp_path_factory.mktemp("yaml") / "project", site=SITE)
    (project / "content" / "2021-08-12" / "_issue.yml").write_text("issue: 2021-08-12\nsections: [综合]\n", encoding="utf-8")
    (project / "content" / "hant-overrides.yml").write_text("数据: 數據\n", encoding="utf-8")
    (project / "content" / "tags.yml").write_text("数据安全:\n  keywords: [数据]\n", encoding="utf-8")
    (project / "themes" / "mine").mkdir(parents=True)
    (project / "themes" / "mine" / "i18n.yml").write_text("zh-Hans:\n  related: 延伸阅读\n", encoding="utf-8")
    (project / "content" / "raw").mkdir()
    (project / "content" / "raw" / "2021-08-13.txt").write_text(RAW_BULLETIN.replace("2021.08.12", "2021.08.13"), encoding="utf-8")
    (project / "content" / "raw" / "2021-08-13.hints.yml").write_text("titles: []\n", encoding="utf-8")
    assert_clean(run("build", cwd=project))
    return project


# Where each kind of file lives, how a document becomes the file, and the commands that read it.
FILES = {
    "front-matter": ("content/2021-08-12/01-first.md", lambda doc: f"---\ntitle: 标题\ndate: 2021-08-12\n{doc}\n---\n正文。\n", ["build", "check"]),
    "site.yml": ("site.yml", lambda doc: f"{doc}\n" if doc.startswith(("-", "just")) else f"{SITE}{doc}\n", ["build", "check"]),
    "_issue.yml": ("content/2021-08-12/_issue.yml", lambda doc: f"{doc}\n", ["build", "check"]),
    "overrides": ("content/hant-overrides.yml", lambda doc: f"{doc}\n", ["build", "check"]),
    "i18n.yml": ("themes/mine/i18n.yml", lambda doc: f"{doc}\n", ["build"]),
    "tags.yml": ("content/tags.yml", lambda doc: f"{doc}\n", ["check", "ingest"]),
    "hints": ("content/raw/2021-08-13.hints.yml", lambda doc: f"{doc}\n", ["ingest"]),
}
CASES = [(kind, payload, command) for kind, (_, _, commands) in FILES.items() for payload in PAYLOADS for command in commands]


def run_command(command: str, project: Path):
    if command == "ingest":
        return run("ingest", "content/raw/2021-08-13.txt", "--out", "content", cwd=project)
    return run(command, cwd=project)


@pytest.mark.parametrize("kind, payload, command", CASES, ids=[f"{kind}-{payload}-{command}" for kind, payload, command in CASES])
def test_hostile_yaml_works_or_is_named_and_the_output_stays(project, kind, payload, command):
    relative, make, _ = FILES[kind]
    (project / relative).write_text(make(PAYLOADS[payload]), encoding="utf-8")
    before = snapshot(project / "output")
    result = run_command(command, project)
    assert not (project / "pwned").exists()
    if result.returncode == 0 and payload not in MUST_REFUSE:
        assert_clean(result)
        return
    if command == "check":  # check lists problems (exit 1) rather than stopping at the first
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert Path(relative).name in result.stdout, result.stdout
        return
    error = assert_refused(result, Path(relative).name)
    if payload in MUST_REFUSE:
        assert f"{Path(relative).name}:" in error and error.split(f"{Path(relative).name}:")[1][:1].isdigit(), error  # and its line
    assert snapshot(project / "output") == before


@pytest.mark.parametrize("kind", [kind for kind in FILES if kind != "front-matter"])
def test_yaml_that_is_not_utf8_is_named(project, kind):
    relative, _, commands = FILES[kind]
    (project / relative).write_bytes(b"nested: \xff\xfe\x80 not utf-8\n")
    before = snapshot(project / "output")
    for command in commands:
        result = run_command(command, project)
        if command == "check":
            assert result.returncode == 1 and Path(relative).name in result.stdout and "UTF-8" in result.stdout
        else:
            assert "UTF-8" in assert_refused(result, Path(relative).name, line=1)
    assert snapshot(project / "output") == before


def test_a_front_matter_nested_300_deep_is_refused_at_its_line(project):
    path = project / "content" / "2021-08-12" / "02-second.md"
    path.write_text(article("深", tags="\n" + "".join("  " * level + "- \n" for level in range(1, DEEP))), encoding="utf-8")
    error = assert_refused(run("build", cwd=project), "02-second.md")
    assert "nested more than" in error and "02-second.md:" in error
