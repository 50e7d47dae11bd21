"""Parser accuracy on the sample bulletin, in every raw style it may arrive in.

    .venv/bin/python bench/ingest_accuracy.py

Compares the article titles ingest finds with the hand-checked list in
tests/fixtures/sample_titles.txt (45 articles), for the sample as it is and re-typeset as plain
pdftotext output, as another publication (masthead, banners, running headers, GB18030), with and
without trailing spaces, and prints sections, titles found/missing/extra, paragraphs and time.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from generator.ingest.hints import Hints, LineRef  # noqa: E402
from generator.ingest.pipeline import Options, plan_ingest  # noqa: E402
from rawstyles import compose, to_plain  # noqa: E402

SAMPLE = ROOT / "content" / "raw" / "2021-08-12.txt"
TITLES = [line.strip() for line in (ROOT / "tests/fixtures/sample_titles.txt").read_text(encoding="utf-8").splitlines()
          if line.strip()]
# The four decisions the automatic parser gets wrong on the sample, corrected to give the true
# articles that the re-typeset variants are made from.
TRUTH_HINTS = Hints(titles=[LineRef(text="晶方科技设立产业基金 布局第三代半导体技术"), LineRef(line=3461)],
                    subheadings=[LineRef(text="中小企业参与5G的发展可注重利用现有资源"),
                                 LineRef(text="5G R16推广应用 运营商需提供配套服务")])


def squeeze(text: str) -> str:
    return "".join(text.split())


def variants(text: str) -> list[tuple[str, bytes]]:
    truth = plan_ingest(text.encode(), "truth.txt", Options(hints=TRUTH_HINTS)).segmented.articles
    header = "信息产业监测                    2021.08.12"
    return [
        ("sample as delivered (double-spaced, UTF-8)", text.encode()),
        ("double-spaced without trailing spaces", "\n".join(line.rstrip() for line in text.split("\n")).encode()),
        ("GB18030 with CRLF", text.replace("\n", "\r\n").encode("gb18030")),
        ("plain pdftotext, form feeds, header/footer", to_plain(text, header, "信息产业监测").encode()),
        ("plain pdftotext, blank line per paragraph", to_plain(text, header, "信息产业监测", True).encode()),
        ("other publication, contents, 【banners】, GB18030",
         compose(truth, "数字经济参考", "2022年第18期", True, True).encode("gb18030")),
        ("other publication, no contents, GB18030",
         compose(truth, "数字经济参考", "2022年第18期", False, False).encode("gb18030")),
    ]


def main() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    wanted = {squeeze(title) for title in TITLES}
    print(f"{'raw style':<52} sections  titles found  missing  extra  paragraphs  seconds")
    for name, data in variants(text):
        started = time.perf_counter()
        plan = plan_ingest(data, "2021-08-12.txt", Options())
        seconds = time.perf_counter() - started
        found = {squeeze(article.title) for article in plan.segmented.articles}
        paragraphs = sum(len(article.paragraphs) for article in plan.segmented.articles)
        print(f"{name:<52} {len(plan.segmented.sections):>8}  {len(found & wanted):>6}/{len(wanted)}"
              f"  {len(wanted - found):>7}  {len(found - wanted):>5}  {paragraphs:>10}  {seconds:>7.2f}")


if __name__ == "__main__":
    main()
