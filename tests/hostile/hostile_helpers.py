"""The hostile campaign's shared pieces: small projects, running commands, and the promise every case checks.

The promise (README, "Security and data safety"): whatever the input, a command either succeeds or stops
with exit status 1 and one line `bulletin CMD: error: FILE[:LINE]: message` naming the file (and line
where known); never a traceback, never a hang, and the previous output stays exactly as it was.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from build_helpers import run_bulletin, run_bulletin_process

ARTICLE = "---\ntitle: {title}\ndate: 2021-08-12\n{fields}---\n{body}\n"
# A raw bulletin small enough to ingest in a tenth of a second: masthead, three articles.
RAW_BULLETIN = """信息产业监测 2021.08.12

数据安全法正式施行 企业需建立管理制度

8月5日，数据安全法正式施行，企业需要建立健全数据安全管理制度，落实数据分类分级保护要求。专家指出，数据安全是数字经济发展的基础，各地应加快配套政策的制定。

工信部部署工业互联网创新发展工作

8月6日，工信部召开会议部署工业互联网创新发展工作，推动5G与工业互联网融合应用，加快建设工业互联网平台体系。会议要求各地加强统筹协调，确保各项任务落到实处。

三大运营商公布上半年业绩

8月10日，三大运营商相继公布上半年业绩，移动业务收入保持稳定增长，5G用户规模持续扩大，数字化转型收入成为新的增长点。
"""
HANG_SECONDS = 60  # a command that has not finished by then is hanging (builds here take well under 5 s)


def article(title: str = "标题", body: str = "正文。", **fields: str) -> str:
    return ARTICLE.format(title=title, body=body, fields="".join(f"{key}: {value}\n" for key, value in fields.items()))


def make_project(root: Path, articles: dict[str, str] | None = None, site: str | None = None) -> Path:
    """A small project: site.yml (if given) and `articles` (path under content/ -> text)."""
    root.mkdir(parents=True, exist_ok=True)
    if site is not None:
        (root / "site.yml").write_text(site, encoding="utf-8")
    for name, text in (articles or {"2021-08-12/01-first.md": article("第一篇"), "2021-08-12/02-second.md": article("第二篇")}).items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """`bulletin ARGS` in this process: an exception the CLI does not turn into a message fails the test."""
    return run_bulletin(*args, cwd=cwd)


def run_process(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`bulletin ARGS` as its own process, for what could hang or must be seen as a user sees it."""
    if env is None:
        return run_bulletin_process(*args, cwd=cwd)
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=HANG_SECONDS, env={**os.environ, **env})


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` (links as links) by relative path, with a digest of its bytes."""
    found = {}
    for root, _, files in os.walk(folder):
        for name in files:
            path = Path(root, name)
            data = os.readlink(path).encode() if path.is_symlink() else path.read_bytes()
            found[path.relative_to(folder).as_posix()] = hashlib.sha256(data).hexdigest()
    return found


def error_lines(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stderr.splitlines() if ": error: " in line]


def assert_no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stderr + result.stdout, result.stderr


def assert_refused(result: subprocess.CompletedProcess, *names: str, line: int | None = None) -> str:
    """Exit status 1 and one error line naming each of `names` (`name:line` when `line`); that line."""
    assert_no_traceback(result)
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    errors = error_lines(result)
    assert len(errors) == 1, result.stderr
    for name in names:
        assert name in errors[0], (name, errors[0])
    if line is not None:
        assert f"{names[0]}:{line}:" in errors[0], errors[0]
    return errors[0]


def assert_clean(result: subprocess.CompletedProcess) -> None:
    """Success, without a traceback."""
    assert_no_traceback(result)
    assert result.returncode == 0, (result.stdout, result.stderr)


def leftovers(project: Path) -> list[str]:
    """Temporary build folders a build left beside the output."""
    return sorted(path.name for path in project.iterdir() if path.name.startswith(".output-build-"))
