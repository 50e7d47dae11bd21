"""Shared helpers for the ingest tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.ingest.boilerplate import detect_furniture
from generator.ingest.hints import Hints
from generator.ingest.lines import split_lines
from generator.ingest.pipeline import segment_source
from generator.ingest.segment import Segmented

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "content" / "raw" / "2021-08-12.txt"
SAMPLE_TITLES = [line.strip() for line in (ROOT / "tests" / "fixtures" / "sample_titles.txt").read_text(
    encoding="utf-8").splitlines() if line.strip()]


def segmented(text: str, hints: Hints | None = None) -> Segmented:
    source = split_lines(text)
    result, _ = segment_source(source, detect_furniture(source), hints or Hints(), "untitled")
    return result


def titles(text: str) -> list[str]:
    return [article.title for article in segmented(text).articles]


def double_spaced(*lines: str) -> str:
    """The sample's raw style: a blank line after every physical line."""
    return "\n\n".join(lines) + "\n"


def bulletin(cli_args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *cli_args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)
