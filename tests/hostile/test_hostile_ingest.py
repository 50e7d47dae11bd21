"""Issue 18, classes 5 and 6 (ingest): an editor's work survives `--force` and a killed ingest, and any
raw file or argument ends in a result or one line.

Hand-added tags were lost by `--force` when the front matter had a BOM, a single tag written as text,
or `...` closing it; `--force` replaced edited files without naming them; a kill -9 during ingest made
the next one report up to 45 untouched files (and `_issue.yml`) as "edited since it was generated".
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from build_helpers import ROOT
from hostile_helpers import RAW_BULLETIN, assert_clean, assert_refused, run, run_process

SAMPLE_RAW = ROOT / "content" / "raw" / "2021-08-12.txt"


@pytest.fixture
def ingested(tmp_path) -> Path:
    raw = tmp_path / "2021-08-12.txt"
    raw.write_text(RAW_BULLETIN, encoding="utf-8")
    assert_clean(run("ingest", str(raw), "--out", "content", cwd=tmp_path))
    return tmp_path


def first_article(project: Path) -> Path:
    return sorted((project / "content" / "2021-08-12").glob("01-*.md"))[0]


def kept_count(result: subprocess.CompletedProcess) -> int:
    return int(re.search(r"(\d+) kept\)", result.stdout).group(1))


def reingest(project: Path, *args: str) -> subprocess.CompletedProcess:
    return run("ingest", str(project / "2021-08-12.txt"), "--out", "content", *args, cwd=project)


def with_tags(text: str, tags_line: str) -> str:
    return re.sub(r"^tags: .*$", tags_line, text, count=1, flags=re.MULTILINE)


# How an editor may have written the front matter, each with the tag they added by hand.
EDITS = {
    "bom": lambda text: "\ufeff" + with_tags(text, "tags: [数据安全, 编辑加的]"),
    "crlf": lambda text: with_tags(text, "tags: [数据安全, 编辑加的]").replace("\n", "\r\n"),
    "single-tag-as-text": lambda text: with_tags(text, "tags: 编辑加的"),
    "dots-close": lambda text: with_tags(text, "tags: [编辑加的]").replace("\n---\n", "\n...\n", 1),
    "block-list": lambda text: with_tags(text, "tags:\n  - 编辑加的\n  - 数据安全"),
    "quoted": lambda text: with_tags(text, "tags: ['编辑加的', \"数据安全\"]"),
    "comment": lambda text: with_tags(text, "tags: [编辑加的]  # added by hand"),
    "bom-crlf-dots-single": lambda text: "\ufeff" + with_tags(text, "tags: 编辑加的").replace("\n---\n", "\n...\n", 1).replace("\n", "\r\n"),
}


@pytest.mark.parametrize("edit", EDITS)
def test_force_keeps_hand_added_tags_and_names_what_it_replaced(ingested, edit):
    article = first_article(ingested)
    text = article.read_text(encoding="utf-8")
    article.write_bytes(EDITS[edit](text).encode("utf-8"))
    kept = reingest(ingested)
    assert_clean(kept)
    assert f"kept {Path('content') / '2021-08-12' / article.name}" in kept.stdout
    forced = reingest(ingested, "--force")
    assert_clean(forced)
    assert f"replaced {Path('content') / '2021-08-12' / article.name}" in forced.stdout and "编辑加的" in forced.stdout
    assert "编辑加的" in article.read_text(encoding="utf-8")
    assert_clean(run("build", cwd=ingested))


def test_force_names_an_edited_issue_file_it_replaced(ingested):
    issue = ingested / "content" / "2021-08-12" / "_issue.yml"
    issue.write_text(issue.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    forced = reingest(ingested, "--force")
    assert "replaced" in forced.stdout and "_issue.yml" in forced.stdout


@pytest.mark.parametrize("stop_at", [1, 2, 3, 4])
def test_an_ingest_stopped_at_any_file_leaves_files_the_next_one_knows(ingested, monkeypatch, stop_at):
    from generator.ingest import writer

    real = writer.atomic_write_text
    calls = []

    def dying(path, text):
        calls.append(path)
        if len(calls) == stop_at:
            raise KeyboardInterrupt  # like kill -9: nothing after this point runs
        real(path, text)

    monkeypatch.setattr(writer, "atomic_write_text", dying)
    assert reingest(ingested, "--publication", "另一份刊物").returncode == 130
    monkeypatch.undo()
    again = reingest(ingested, "--publication", "另一份刊物")
    assert_clean(again)
    assert kept_count(again) == 0, again.stdout


def test_an_ingest_killed_at_random_moments_never_makes_untouched_files_look_edited(tmp_path):
    raw = tmp_path / "2021-08-12.txt"
    raw.write_bytes(SAMPLE_RAW.read_bytes())
    assert_clean(run_process("ingest", str(raw), "--out", "content", cwd=tmp_path))
    started = time.perf_counter()
    assert_clean(run_process("ingest", str(raw), "--out", "content", "--publication", "甲", cwd=tmp_path))
    seconds = time.perf_counter() - started
    randomness = random.Random(18)
    for attempt, publication in enumerate(["乙", "丙", "丁"]):
        process = subprocess.Popen([sys.executable, "-m", "generator", "ingest", str(raw), "--out", "content", "--publication",
                                    publication], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(randomness.uniform(0.5, 1.0) * seconds)
        process.send_signal(signal.SIGKILL)
        process.wait()
        again = run_process("ingest", str(raw), "--out", "content", "--publication", publication, cwd=tmp_path)
        assert_clean(again)
        assert kept_count(again) == 0, (attempt, again.stdout)


def test_two_ingests_at_once_agree(ingested):
    processes = [subprocess.Popen([sys.executable, "-m", "generator", "ingest", "2021-08-12.txt", "--out", "content",
                                   "--publication", name], cwd=ingested, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for name in ("甲", "乙")]
    results = [process.communicate(timeout=120) for process in processes]
    assert [process.returncode for process in processes] == [0, 0], results
    assert all(" 0 kept)" in stdout for stdout, _ in results), results
    assert kept_count(reingest(ingested)) == 0


RAW_SHAPES = {
    "empty": b"",
    "only-blank-lines": b"\n\n\n   \n",
    "binary": bytes(range(256)) * 40,
    "nul-bytes": b"\x00" * 5000,
    "utf16-without-bom": RAW_BULLETIN.encode("utf-16-le"),
    "invalid-utf8-and-gbk": b"\xff\xfe\xfd" * 3000,
    "one-huge-line": ("数据" * 200_000).encode(),
    "control-characters": ("标题\x01\x02\x03 \n\n" + "正文\x1b。" * 500).encode(),
    "bom-only": b"\xef\xbb\xbf",
    "no-date": RAW_BULLETIN.replace("2021.08.12", "").encode(),
}


@pytest.mark.parametrize("shape", RAW_SHAPES)
def test_any_raw_bytes_give_articles_or_one_line(tmp_path, shape):
    raw = tmp_path / ("bulletin.txt" if shape == "no-date" else "2021-08-12.txt")
    raw.write_bytes(RAW_SHAPES[shape])
    result = run("ingest", str(raw), "--out", "content", cwd=tmp_path)
    if result.returncode == 0:
        assert_clean(result)
        assert_clean(run("build", cwd=tmp_path))
    else:
        assert_refused(result, raw.name)
        assert not (tmp_path / "content").exists() or not any((tmp_path / "content").rglob("*.md"))


RAW_PATHS = {
    "missing": lambda path: None,
    "a-folder": lambda path: path.mkdir(),
    "a-fifo": lambda path: os.mkfifo(path),
    "a-dangling-link": lambda path: path.symlink_to("nowhere.txt"),
    "a-link-loop": lambda path: path.symlink_to(path.name),
    "a-device": lambda path: path.symlink_to("/dev/zero"),
}


@pytest.mark.parametrize("shape", RAW_PATHS)
def test_a_raw_path_that_is_not_a_file_is_named(tmp_path, shape):
    raw = tmp_path / "2021-08-12.txt"
    RAW_PATHS[shape](raw)
    assert_refused(run_process("ingest", str(raw), "--out", "content", cwd=tmp_path), "2021-08-12.txt")


def test_a_raw_file_whose_name_is_not_utf8_is_named(tmp_path):
    raw = os.path.join(os.fsencode(tmp_path), b"\xff\xfe-2021-08-12.txt")
    with open(raw, "wb") as handle:
        handle.write(RAW_BULLETIN.encode())
    result = run_process("ingest", os.fsdecode(raw), "--out", "content", cwd=tmp_path)
    assert "\\xff\\xfe-2021-08-12.txt" in assert_refused(result)


@pytest.mark.parametrize("out", ["a-file", "a-fifo", "a-link-loop"])
def test_an_ingest_into_something_that_is_not_a_folder_is_named(tmp_path, out):
    raw = tmp_path / "2021-08-12.txt"
    raw.write_text(RAW_BULLETIN, encoding="utf-8")
    target = tmp_path / "content"
    {"a-file": lambda: target.write_text("x"), "a-fifo": lambda: os.mkfifo(target), "a-link-loop": lambda: target.symlink_to("content")}[out]()
    assert_refused(run_process("ingest", str(raw), "--out", "content", cwd=tmp_path), "content")


@pytest.mark.parametrize("value", ["2021-02-30", "2021-13-01", "yesterday", "", "2021-08-12T00:00", "99999-01-01", "0000-01-01"])
def test_a_bad_date_argument_is_named(ingested, value):
    result = reingest(ingested, "--date", value)
    assert_refused(result, "--date")


def test_a_hints_file_of_the_wrong_shape_is_named(ingested):
    hints = ingested / "2021-08-12.hints.yml"
    for text in ["split: [{line: abc}]", "titles: {a: b}", "split: [{at: x, title: [1, 2]}]", "sections: [a]", "titles: [{line: -5}]",
                 "merge: [[[]]]", "body: [{line: 1e9999}]"]:
        hints.write_text(text + "\n", encoding="utf-8")
        result = reingest(ingested)
        assert result.returncode in (0, 1) and "Traceback" not in result.stderr, (text, result.stderr)
        if result.returncode == 1:
            assert_refused(result, "hints.yml")


@pytest.mark.parametrize("shape", ["a-fifo", "garbage", "a-folder"])
def test_an_ingest_record_that_cannot_be_read_keeps_every_edit(ingested, shape):
    """The record is the only proof a file is untouched: without it a file is taken as edited (kept),
    and a FIFO planted as the record no longer blocks ingest for ever."""
    record = ingested / "content" / "2021-08-12" / ".ingest.json"
    record.unlink()
    {"a-fifo": lambda: os.mkfifo(record), "garbage": lambda: record.write_bytes(b"\x80{not json"), "a-folder": lambda: record.mkdir()}[shape]()
    article = first_article(ingested)
    article.write_text(article.read_text(encoding="utf-8") + "\n编辑补充的一段。\n", encoding="utf-8")
    result = run_process("ingest", "2021-08-12.txt", "--out", "content", "--publication", "另一份刊物", cwd=ingested)
    assert "Traceback" not in result.stderr and result.returncode in (0, 1), result.stderr
    assert "编辑补充的一段。" in article.read_text(encoding="utf-8")
