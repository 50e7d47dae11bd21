"""kill -9 at random moments of a build and of an ingest: never a half-written site or article.

After every kill, output/ is exactly the complete old site or the complete new one, and every
article file in content/ is a complete version of itself. The next run cleans up what the killed
one left behind.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from build_helpers import ROOT, run_bulletin

sys.path.insert(0, str(ROOT))
from bench import corpus  # noqa: E402

KILLS = 12


def tree(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def start(args: list[str], cwd: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "generator", *args], cwd=cwd,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def kill_after(process: subprocess.Popen, seconds: float) -> None:
    time.sleep(seconds)
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait()


def timed(args: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    assert subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True).returncode == 0
    return time.perf_counter() - started


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("interrupt")
    corpus.write_content(corpus.generate(600, seed=7), project / "content")
    return project


def test_a_killed_build_leaves_the_old_site_or_the_new_one(project):
    assert run_bulletin("build", cwd=project).returncode == 0
    old = tree(project / "output")
    edited = sorted((project / "content").rglob("*.md"))[3]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n新增的一段话。\n", encoding="utf-8")
    shutil.copytree(project, project.parent / "reference", dirs_exist_ok=True, ignore=shutil.ignore_patterns("output"))
    duration = min(timed(["build", "--out", str(project.parent / f"reference-{n}")], project.parent / "reference")
                   for n in range(2))
    new = tree(project.parent / "reference-0")
    assert new != old

    outcomes = set()
    rng = random.Random(20210812)
    for number in range(KILLS):
        # Kill times spread over the whole run (startup, rendering, the swap) and a little past it.
        moment = duration * (number + rng.random()) / KILLS * 1.1
        kill_after(start(["build"], project), moment)
        now = tree(project / "output")
        assert now in (old, new), "output/ is a mix of two builds"
        outcomes.add("new" if now == new else "old")
    assert "old" in outcomes  # the kills did land mid-build

    assert run_bulletin("build", cwd=project).returncode == 0
    assert tree(project / "output") == new
    assert not list(project.glob(".output-build-*")), "the next build removes what killed builds left"


def test_a_killed_ingest_never_leaves_a_partial_article(tmp_path):
    content = tmp_path / "content"
    (content / "raw").mkdir(parents=True)
    raw = content / "raw" / "2021-08-12.txt"
    shutil.copy(ROOT / "content" / "raw" / "2021-08-12.txt", raw)
    shutil.copy(ROOT / "content" / "tags.yml", content / "tags.yml")
    hints = tmp_path / "hints.yml"
    hints.write_text("sections: {产业环境: 行业环境, 技术情报: 前沿技术}\n", encoding="utf-8")
    folder = content / "2021-08-12"

    run = ["ingest", str(raw), "--out", str(content)]
    assert subprocess.run([sys.executable, "-m", "generator", *run], capture_output=True).returncode == 0
    versions: dict[str, set[str]] = {}
    for name, digest in tree(folder).items():
        versions.setdefault(name, set()).add(digest)
    duration = timed([*run, "--hints", str(hints), "--force"], tmp_path)
    for name, digest in tree(folder).items():
        versions.setdefault(name, set()).add(digest)

    rng = random.Random(7)
    for round_number in range(KILLS):
        args = [*run, "--force"] + (["--hints", str(hints)] if round_number % 2 else [])
        kill_after(start(args, tmp_path), rng.uniform(0.05, duration * 1.1))
        for path in folder.iterdir():
            if path.name.startswith("."):
                continue  # temporary files and the manifest: build never reads dot files
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            assert digest in versions.get(path.name, set()), f"{path.name} is not a complete version"

    assert subprocess.run([sys.executable, "-m", "generator", *run, "--force"], capture_output=True).returncode == 0
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")], "the next ingest removes stale temp files"
