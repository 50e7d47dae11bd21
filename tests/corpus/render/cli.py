"""The renderer's command line: every source (or the ones named) to tests/corpus/raw/<name>.txt."""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import sys
from pathlib import Path

from . import double_spaced, typeset, web
from .compare import compare
from .source import Bulletin, SourceError, load_bulletin

CORPUS = Path(__file__).resolve().parent.parent
SOURCES = CORPUS / "sources"
RAW = CORPUS / "raw"
SAMPLE_SOURCE = CORPUS / "sample" / "bulletin-2021-08-12.yml"
SAMPLE_RAW = CORPUS.parent.parent / "content" / "raw" / "2021-08-12.txt"
PDF_LAYOUTS = ("pdftotext", "pdftotext-layout", "numbered-monthly")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def seeded(bulletin: Bulletin) -> random.Random:
    """The same source always renders the same way; different sources differently."""
    return random.Random(int(hashlib.sha256(bulletin.name.encode()).hexdigest()[:12], 16))


def render_text(bulletin: Bulletin, browser=None) -> str:
    rng = seeded(bulletin)
    if bulletin.layout == "double-spaced":
        return double_spaced.render(bulletin, rng)
    if bulletin.layout == "web":
        return web.render(bulletin, rng)
    return typeset.render(bulletin, rng, browser)


class Browser:
    """One headless Chromium, started only when a PDF layout is rendered."""

    def __init__(self) -> None:
        self._playwright = self._browser = None

    def get(self):
        if self._browser is None:
            from playwright.sync_api import sync_playwright

            self._playwright = sync_playwright().start()
            self._browser = self._playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        return self._browser

    def close(self) -> None:
        if self._browser is not None:
            self._browser.close()
            self._playwright.stop()


def main(parser: argparse.ArgumentParser) -> int:
    parser.add_argument("names", nargs="*", metavar="NAME", help="sources to render (default: all)")
    parser.add_argument("--compare", action="store_true",
                        help="render the sample's source and compare its statistics with the real sample")
    args = parser.parse_args()
    if args.compare:
        real = SAMPLE_RAW.read_text(encoding="utf-8")
        print(compare(real, render_text(load_bulletin(SAMPLE_SOURCE))))
        return 0
    paths = sorted(SOURCES.glob("*.yml"))
    if args.names:
        paths = [SOURCES / f"{name}.yml" for name in args.names]
    if shutil.which("pdftotext") is None:
        print("pdftotext is missing: apt-get install poppler-utils", file=sys.stderr)
        return 1
    RAW.mkdir(exist_ok=True)
    browser = Browser()
    status = 0
    try:
        for path in paths:
            try:
                bulletin = load_bulletin(path)
            except (SourceError, OSError) as exc:
                print(exc, file=sys.stderr)
                status = 1
                continue
            needs = browser.get() if bulletin.layout in PDF_LAYOUTS else None
            text = render_text(bulletin, needs)
            target = RAW / f"{bulletin.name}.txt"
            target.write_text(text, encoding="utf-8")
            print(f"{target.relative_to(CORPUS.parent.parent)}: {bulletin.layout}, "
                  f"{len(bulletin.articles)} articles, {text.count(chr(10))} lines")
    finally:
        browser.close()
    return status
